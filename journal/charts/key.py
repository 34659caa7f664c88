"""A one-row key above a chart: each series' line, marker or bar swatch beside its name.

What ``Axes.legend`` drew, without its machinery: a legend copies every series into handler
artists and lays out boxes of boxes, measuring each entry again on every draw (several
milliseconds a chart). Here each entry is a sample artist and a text, placed right to left
from the plot area's top-right corner in points, using the text widths the Agg text cache
already keeps. They are figure artists, removed with the rest of a drawing by
:func:`journal.charts.layout.redrawing`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.transforms import Affine2D, ScaledTranslation, Transform

from journal.charts.canvas import text_width
from journal.charts.theme import ChartTheme, Style
from journal.charts.ticks import FONT_SIZE

HANDLE_PT = 2.2 * FONT_SIZE  # a sample line's length
TEXT_GAP_PT = 0.8 * FONT_SIZE  # between a sample and its name
ENTRY_GAP_PT = 1.2 * FONT_SIZE  # between entries
RISE_PT = 8.5  # the entries' middle above the plot area's top edge


@dataclass(frozen=True)
class Entry:
    """One series in the key: how its sample looks and what it is called."""

    label: str
    color: str
    linestyle: str = "-"  # "" for markers alone
    marker: str = ""
    markersize: float = 0.0
    linewidth: float = 1.4
    swatch: bool = False  # a filled box, as bars are, instead of a line
    hatch: str | None = None

    @classmethod
    def line(
        cls, label: str, style: Style, linewidth: float = 1.4, markersize: float = 3.2
    ) -> Entry:
        return cls(label, style.color, style.linestyle, style.marker, markersize, linewidth)


def draw_key(ax: Axes, entries: Sequence[Entry], theme: ChartTheme) -> None:
    """The entries in a row above ``ax``, right-aligned with its right edge."""
    fig = ax.figure
    # Points, from the top-right corner of the plot area (which follows it on relayout).
    corner = (
        Affine2D().scale(1 / 72) + fig.dpi_scale_trans + ScaledTranslation(1.0, 1.0, ax.transAxes)
    )
    x = 0.0
    for entry in reversed(entries):
        fig.text(
            x,
            RISE_PT,
            entry.label,
            transform=corner,
            ha="right",
            va="center_baseline",
            color=theme.foreground,
            fontsize=FONT_SIZE,
        )
        x -= text_width(entry.label, FONT_SIZE) + TEXT_GAP_PT + HANDLE_PT
        fig.add_artist(_sample(entry, x, corner, theme))
        x -= ENTRY_GAP_PT


def _sample(entry: Entry, left: float, corner: Transform, theme: ChartTheme) -> Line2D | Rectangle:
    if entry.swatch:
        height = 0.7 * FONT_SIZE
        return Rectangle(
            (left, RISE_PT - height / 2),
            HANDLE_PT,
            height,
            transform=corner,
            facecolor=entry.color,
            edgecolor=theme.background,
            linewidth=0.6,
            hatch=entry.hatch,
        )
    middle = left + HANDLE_PT / 2
    return Line2D(
        [left, middle, left + HANDLE_PT],
        [RISE_PT] * 3,
        transform=corner,
        color=entry.color,
        linestyle=entry.linestyle or "none",
        linewidth=entry.linewidth,
        marker=entry.marker or None,
        markersize=entry.markersize,
        markevery=[1],
    )
