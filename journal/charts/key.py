"""A one-row key above a chart: each series' line, marker or bar swatch beside its name.

What ``Axes.legend`` drew, without its machinery: a legend copies every series into handler
artists and lays out boxes of boxes, measuring each entry again on every draw (several
milliseconds a chart). A :class:`Key` holds a sample artist and a text per entry and, when
drawn, only measures the names (cached for Agg) to place the entries right to left from the
plot area's top-right corner. Measuring with the renderer that draws keeps the spacing right in
the PDF too, whose built-in Helvetica is narrower than the screen's font.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from matplotlib.transforms import Affine2D, ScaledTranslation, Transform

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


class Key(Artist):
    """The entries in a row above an axes, right-aligned with its right edge."""

    zorder = 5

    def __init__(self, ax: Axes, entries: Sequence[Entry], theme: ChartTheme) -> None:
        super().__init__()
        fig = ax.figure
        # Points from the top-right corner of the plot area (which follows it on relayout).
        corner = Affine2D().scale(1 / 72) + fig.dpi_scale_trans
        corner += ScaledTranslation(1.0, 1.0, ax.transAxes)
        self._shifts: list[Affine2D] = []  # each entry's name's left edge, set when drawn
        self.entries: list[tuple[Text, Artist]] = []
        for entry in entries:
            shift = Affine2D()
            where = shift + corner
            name = Text(
                0,
                RISE_PT,
                entry.label,
                transform=where,
                ha="left",
                va="center_baseline",
                color=theme.foreground,
                fontsize=FONT_SIZE,
            )
            sample = _sample(entry, -(TEXT_GAP_PT + HANDLE_PT), where, theme)
            for part in (name, sample):
                part.set_figure(fig)
            self._shifts.append(shift)
            self.entries.append((name, sample))

    def draw(self, renderer: Any) -> None:
        if not self.get_visible():
            return
        per_point = renderer.points_to_pixels(1.0)
        x = 0.0
        for shift, (name, _sample) in zip(
            reversed(self._shifts), reversed(self.entries), strict=True
        ):
            width, _height, _descent = renderer.get_text_width_height_descent(
                name.get_text(), name.get_fontproperties(), False
            )
            x -= width / per_point
            shift.clear().translate(x, 0)
            x -= TEXT_GAP_PT + HANDLE_PT + ENTRY_GAP_PT
        for name, sample in self.entries:
            sample.draw(renderer)
            name.draw(renderer)
        self.stale = False


def draw_key(ax: Axes, entries: Sequence[Entry], theme: ChartTheme) -> Key:
    """A key of ``entries`` above ``ax``, as a figure artist (layout.redrawing removes it)."""
    key = Key(ax, entries, theme)
    ax.figure.add_artist(key)
    return key


def _sample(entry: Entry, left: float, where: Transform, theme: ChartTheme) -> Artist:
    if entry.swatch:
        height = 0.7 * FONT_SIZE
        return Rectangle(
            (left, RISE_PT - height / 2),
            HANDLE_PT,
            height,
            transform=where,
            facecolor=entry.color,
            edgecolor=theme.background,
            linewidth=0.6,
            hatch=entry.hatch,
        )
    middle = left + HANDLE_PT / 2
    return Line2D(
        [left, middle, left + HANDLE_PT],
        [RISE_PT] * 3,
        transform=where,
        color=entry.color,
        linestyle=entry.linestyle or "none",
        linewidth=entry.linewidth,
        marker=entry.marker or None,
        markersize=entry.markersize,
        markevery=[1],
    )
