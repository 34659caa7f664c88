"""Drawing the summary's pages: one matplotlib Figure per page, to PDF bytes or preview PNGs.

The PDF is made in memory (nothing touches the disk until :func:`write_atomically`), with
metadata that names the document but
nothing of its content, and — when a password is given — AES-256 encryption (never RC4).
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from pypdf import PdfReader, PdfWriter

from journal import __version__, charts
from journal.files import private_atomic_file
from journal.summary import document
from journal.summary.content import SummaryContent
from journal.summary.flow import (
    Geometry,
    Page,
    Row,
    Text,
    paginate,
)
from journal.summary.options import PAPER_SIZES

INK = "#1A1A1A"
MUTED = "#5F5F5F"
RULE = "#BFBFBF"
ASCENT = 0.95  # a line's baseline below its top, as a share of the font size
METADATA = {
    "Title": document.TITLE,
    "Creator": f"Refill {__version__}",
    "Producer": "Refill",
    "Author": None,
    "Subject": None,
    "Keywords": None,
}

Progress = Callable[[int, str], None]


def latin1_only(texts: Iterable[str]) -> bool:
    """Whether every text can be set in the PDF's built-in Helvetica (Windows Latin-1).

    The built-in fonts need no embedding, which makes a summary about ten times faster to write
    than with embedded DejaVu Sans; any other script (Greek, Cyrillic, CJK…) falls back to the
    embedded font so no character is ever lost. Text stays searchable and copyable either way.
    """
    try:
        "".join(texts).encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def layout(content: SummaryContent) -> tuple[Geometry, list[Page], bool]:
    """The pages, their geometry, and whether the built-in fonts can set all their text."""
    blocks = document.blocks(content)
    core = latin1_only(b.text for b in blocks if isinstance(b, Text))
    core = core and latin1_only(cell for b in blocks if isinstance(b, Row) for cell in b.cells)
    width, height = PAPER_SIZES[content.options.paper]
    g = Geometry(width, height)
    return g, paginate(blocks, g), core


def _page_figure(
    content: SummaryContent, g: Geometry, page: Page, number: int, total: int
) -> Figure:
    fig = Figure(figsize=(g.width, g.height), dpi=72)
    fig.set_facecolor("white")
    w, h = g.width, g.height

    def text(x: float, y: float, s: str, size: float, **kw: object) -> None:
        # Baseline alignment: "top" would follow each string's own glyphs with the built-in
        # fonts, so lines with and without capitals or brackets would sit unevenly.
        baseline = y + size / 72 * ASCENT
        fig.text(x / w, 1 - baseline / h, s, fontsize=size, va="baseline", **kw)  # type: ignore[arg-type]

    if number > 1:
        o = content.options
        text(
            g.left,
            0.45,
            f"{document.TITLE} · {document.period_text(o.start, o.end)}",
            8,
            color=MUTED,
        )
    for line in page.lines:
        text(
            line.x,
            line.y,
            line.text,
            line.size,
            ha=line.align,
            color=MUTED if line.muted else INK,
            fontweight="bold" if line.bold else "normal",
            fontstyle="italic" if line.italic else "normal",
        )
    for rule in page.rules:
        fig.add_artist(
            Line2D(
                [rule.x0 / w, rule.x1 / w],
                [1 - rule.y / h] * 2,
                transform=fig.transFigure,
                color=RULE,
                lw=0.7,
            )
        )
    for placed in page.charts:
        rect = (
            placed.x / w,
            1 - (placed.y + placed.height) / h,
            placed.width / w,
            placed.height / h,
        )
        charts.draw_chart(fig, placed.chart_id, content.trends, charts.LIGHT, rect)
    footer_y = h - g.bottom + 0.45
    text(g.left, footer_y, f"{document.CONFIDENTIAL} — {document.PURPOSE}", 7.5, color=MUTED)
    text(w - g.right, footer_y, f"Page {number} of {total}", 7.5, color=MUTED, ha="right")
    return fig


def page_figures(content: SummaryContent) -> Iterator[Figure]:
    """The summary's pages, in order, as figures (made one at a time to keep memory low)."""
    g, pages, _core = layout(content)
    for number, page in enumerate(pages, start=1):
        yield _page_figure(content, g, page, number, len(pages))


@contextlib.contextmanager
def _pdf_fonts(core: bool) -> Iterator[None]:
    font_log = logging.getLogger("matplotlib.font_manager")
    level = font_log.level
    font_log.setLevel(logging.ERROR)  # "Helvetica: using medium" notes are not the user's concern
    try:
        with matplotlib.rc_context({"pdf.use14corefonts": core}):
            yield
    finally:
        font_log.setLevel(level)


def build_pdf(content: SummaryContent, progress: Progress | None = None) -> bytes:
    """The whole PDF in memory; encrypted with AES-256 when the options carry a password."""
    g, pages, core = layout(content)
    buffer = io.BytesIO()
    with _pdf_fonts(core), PdfPages(buffer, metadata=METADATA) as pdf:
        for number, page in enumerate(pages, start=1):
            if progress:
                progress(
                    int(10 + 80 * (number - 1) / len(pages)),
                    f"Drawing page {number} of {len(pages)}",
                )
            pdf.savefig(_page_figure(content, g, page, number, len(pages)))
    data = buffer.getvalue()
    if content.options.password:
        if progress:
            progress(92, "Encrypting with the password")
        data = encrypt(data, content.options.password)
    return data


def encrypt(pdf: bytes, password: str) -> bytes:
    """The same PDF, encrypted with AES-256 (PDF 2.0 security handler, R 6)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.add_metadata({"/Producer": "Refill", "/Creator": METADATA["Creator"]})
    writer.encrypt(user_password=password, owner_password=None, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def preview_pngs(content: SummaryContent, dpi: float = 60) -> list[bytes]:
    """Each page as a PNG for the preview: the same figures the PDF is made of."""
    out = []
    for fig in page_figures(content):
        buffer = io.BytesIO()
        FigureCanvasAgg(fig)
        fig.savefig(buffer, format="png", dpi=dpi, facecolor="white")
        out.append(buffer.getvalue())
    return out


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that it is either the whole new file or not there at all."""
    with private_atomic_file(path, "wb") as handle:
        handle.write(data)
