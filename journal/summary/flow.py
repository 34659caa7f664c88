"""A tiny page layout: blocks of wrapped text, table rows and charts flowed onto pages.

Sizes are in inches from the page's top-left corner. Paragraphs break between lines, so a long
marked entry continues on the next page; a heading is never left alone at the bottom of a page.
Pure Python: the pages are drawn by :mod:`journal.summary.render`.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

#: Average glyph width as a share of the font size. One value for both fonts the PDF may use
#: (built-in Helvetica ~0.50, DejaVu Sans ~0.55), so the preview, drawn with DejaVu, breaks
#: lines and pages exactly where the PDF does; DejaVu lines may reach a little into the margin.
GLYPH_WIDTH = 0.53
LINE_SPACING = 1.38


@dataclass(frozen=True)
class Geometry:
    """A page and its margins, in inches."""

    width: float
    height: float
    left: float = 0.85
    right: float = 0.85
    top: float = 0.85
    bottom: float = 0.95
    glyph_width: float = GLYPH_WIDTH

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def text_height(self) -> float:
        return self.height - self.top - self.bottom


@dataclass(frozen=True)
class Text:
    """A paragraph, wrapped to the text width (less ``indent``)."""

    text: str
    size: float = 10.0
    bold: bool = False
    italic: bool = False
    muted: bool = False
    indent: float = 0.0
    hanging: float = 0.0  # extra indent of the lines after the first (bullets)
    before: float = 0.04
    after: float = 0.04
    keep_with_next: bool = False


@dataclass(frozen=True)
class Row:
    """One table row: cells at x offsets (inches from the left margin)."""

    cells: tuple[str, ...]
    columns: tuple[float, ...]
    size: float = 10.0
    bold: bool = False
    rule: bool = False  # a thin line under the row
    aligns: tuple[str, ...] = ()


@dataclass(frozen=True)
class Chart:
    chart_id: str
    height: float


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Text | Row | Chart | PageBreak


@dataclass(frozen=True)
class Line:
    """A placed line of text."""

    text: str
    x: float
    y: float  # top of the line
    size: float
    bold: bool = False
    italic: bool = False
    muted: bool = False
    align: str = "left"


@dataclass(frozen=True)
class Rule:
    x0: float
    x1: float
    y: float


@dataclass(frozen=True)
class PlacedChart:
    chart_id: str
    x: float
    y: float  # top
    width: float
    height: float


@dataclass
class Page:
    lines: list[Line] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    charts: list[PlacedChart] = field(default_factory=list)

    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def line_height(size: float) -> float:
    return size / 72 * LINE_SPACING


def wrap(text: str, width_in: float, size: float, glyph_width: float = GLYPH_WIDTH) -> list[str]:
    """Lines of ``text`` that fit ``width_in`` at ``size`` points; blank lines are kept."""
    chars = max(int(width_in * 72 / (size * glyph_width)), 10)
    out: list[str] = []
    for paragraph in text.splitlines() or [""]:
        out.extend(textwrap.wrap(paragraph, chars, break_long_words=True) or [""])
    return out


class _Flow:
    def __init__(self, geometry: Geometry) -> None:
        self.g = geometry
        self.pages: list[Page] = [Page()]
        self.y = geometry.top

    @property
    def page(self) -> Page:
        return self.pages[-1]

    @property
    def bottom(self) -> float:
        return self.g.height - self.g.bottom

    def new_page(self) -> None:
        self.pages.append(Page())
        self.y = self.g.top

    def fits(self, height: float) -> bool:
        return self.y + height <= self.bottom + 1e-9

    def text(self, block: Text, reserve: float) -> None:
        lh = line_height(block.size)
        width = self.g.text_width - block.indent - block.hanging
        lines = wrap(block.text, width, block.size, self.g.glyph_width)
        # Keep a heading (or any keep-with-next block) with the start of what follows.
        needed = block.before + lh * len(lines) + reserve
        if block.keep_with_next and not self.fits(needed) and self.y > self.g.top:
            self.new_page()
        if self.y > self.g.top:
            self.y += block.before
        for i, text in enumerate(lines):
            if not self.fits(lh):
                self.new_page()
            x = self.g.left + block.indent + (block.hanging if i else 0.0)
            self.page.lines.append(
                Line(
                    text,
                    x,
                    self.y,
                    block.size,
                    block.bold,
                    block.italic,
                    block.muted,
                )
            )
            self.y += lh
        self.y += block.after

    def row(self, block: Row) -> None:
        lh = line_height(block.size)
        if not self.fits(lh + 0.04):
            self.new_page()
        for i, (cell, x) in enumerate(zip(block.cells, block.columns, strict=True)):
            align = block.aligns[i] if i < len(block.aligns) else "left"
            self.page.lines.append(
                Line(cell, self.g.left + x, self.y, block.size, block.bold, align=align)
            )
        self.y += lh
        if block.rule:
            self.page.rules.append(Rule(self.g.left, self.g.width - self.g.right, self.y + 0.01))
            self.y += 0.06

    def chart(self, block: Chart) -> None:
        if not self.fits(block.height):
            self.new_page()
        self.page.charts.append(
            PlacedChart(
                block.chart_id, self.g.left - 0.1, self.y, self.g.text_width + 0.1, block.height
            )
        )
        self.y += block.height + 0.12


def _reserve_after(blocks: list[Block], i: int) -> float:
    """Room the block after ``blocks[i]`` needs on the same page (its first line or a chart)."""
    if i + 1 >= len(blocks):
        return 0.0
    nxt = blocks[i + 1]
    if isinstance(nxt, Chart):
        return nxt.height
    if isinstance(nxt, Text | Row):
        return line_height(nxt.size) * 2
    return 0.0


def paginate(blocks: list[Block], geometry: Geometry) -> list[Page]:
    """Lay ``blocks`` out on as many pages as they need."""
    flow = _Flow(geometry)
    for i, block in enumerate(blocks):
        if isinstance(block, PageBreak):
            if flow.y > geometry.top:
                flow.new_page()
        elif isinstance(block, Text):
            flow.text(block, _reserve_after(blocks, i) if block.keep_with_next else 0.0)
        elif isinstance(block, Row):
            flow.row(block)
        else:
            flow.chart(block)
    if len(flow.pages) > 1 and not (flow.page.lines or flow.page.charts):
        flow.pages.pop()
    return flow.pages
