"""Tick marks, tick labels and grid lines, drawn as a handful of plain artists.

matplotlib makes every tick an object of five artists (two marks, a grid line and two labels)
and copies its properties into each new one: building the ticks of seven charts cost more than
everything they show. The charts choose their few ticks themselves anyway (see
:func:`journal.charts.common.date_ticks`), so they draw them as one collection of grid lines,
one of tick marks and one text per label. Axes keep no matplotlib ticks at all (see
:func:`journal.charts.layout.stacked_axes`); what these functions add is removed with the rest
of a drawing when the axes are reused (:func:`journal.charts.layout.redrawing`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.markers import TICKDOWN, TICKLEFT, TICKRIGHT, MarkerStyle
from matplotlib.transforms import IdentityTransform, Transform, offset_copy

from journal.charts.theme import ChartTheme

FONT_SIZE = 8.5
TICK_LENGTH = 3.5  # points, as matplotlib's major ticks
TICK_WIDTH = 0.8
LABEL_PAD = 3.5  # points between a tick (drawn or not) and its label
GRID_WIDTH = 0.8


def x_ticks(
    ax: Axes,
    positions: Sequence[float],
    labels: Sequence[str],
    theme: ChartTheme,
    size: float = FONT_SIZE,
) -> None:
    """Tick marks below the bottom edge at ``positions`` (data x), each with its label under it."""
    where = ax.get_xaxis_transform()  # x in data, y in axes fractions
    tick_marks(ax, np.column_stack([positions, np.zeros(len(positions))]), where, TICKDOWN, theme)
    below = offset_copy(where, fig=ax.figure, y=-(TICK_LENGTH + LABEL_PAD), units="points")
    for x, label in zip(positions, labels, strict=True):
        if label:
            tick_label(ax, x, 0.0, label, below, theme, size, ha="center", va="top")


def y_ticks(
    ax: Axes,
    positions: Sequence[float],
    labels: Sequence[str],
    theme: ChartTheme,
    *,
    grid: bool = True,
    marks: bool = False,
    side: Literal["left", "right"] = "left",
    size: float = FONT_SIZE,
) -> None:
    """Labels beside the left (or right) edge at ``positions`` (data y), with grid lines across
    the plot area and/or tick marks."""
    where = ax.get_yaxis_transform()  # x in axes fractions, y in data
    edge = 0.0 if side == "left" else 1.0
    if grid and len(positions):
        lines = [((0.0, y), (1.0, y)) for y in positions]
        ax.add_collection(
            LineCollection(
                lines,
                colors=theme.grid,
                linewidths=GRID_WIDTH,
                transform=where,
                zorder=0.5,  # under everything the chart shows
            ),
            autolim=False,
        )
    if marks:
        marker = TICKLEFT if side == "left" else TICKRIGHT
        tick_marks(
            ax, np.column_stack([np.full(len(positions), edge), positions]), where, marker, theme
        )
    away = TICK_LENGTH + LABEL_PAD
    beside = offset_copy(where, fig=ax.figure, x=-away if side == "left" else away, units="points")
    ha = "right" if side == "left" else "left"
    for y, label in zip(positions, labels, strict=True):
        if label:
            tick_label(ax, edge, y, label, beside, theme, size, ha=ha, va="center_baseline")


def number_labels(values: Sequence[float]) -> list[str]:
    """``0``, ``2.5``, ``10``: values as a tick label shows them."""
    return [f"{v:g}" for v in values]


def tick_marks(
    ax: Axes, offsets: np.ndarray, where: Transform, marker: str | int, theme: ChartTheme
) -> None:
    """One collection of tick marks (``TICKDOWN``, ``TICKLEFT``…), each ``TICK_LENGTH`` points
    long, at ``offsets`` (x, y pairs in ``where``'s coordinates)."""
    if not len(offsets):
        return
    style = MarkerStyle(marker)
    marks = PathCollection(
        [style.get_path().transformed(style.get_transform())],
        sizes=[TICK_LENGTH**2],  # a marker path of length 1, scaled to sqrt(size) points
        offsets=offsets,
        offset_transform=where,
        facecolors="none",
        edgecolors=theme.muted,
        linewidths=TICK_WIDTH,
        clip_on=False,
    )
    marks.set_transform(IdentityTransform())
    ax.add_collection(marks, autolim=False)


def tick_label(
    ax: Axes,
    x: float,
    y: float,
    text: str,
    where: Transform,
    theme: ChartTheme,
    size: float,
    **align: str,
) -> None:
    """A tick label at (x, y) in ``where``'s coordinates.

    A figure text (placed by the axes' transform): ``Axes.text`` would also give it the axes as a
    clip path, which costs more than the text itself and is of no use outside the plot area.
    :func:`journal.charts.layout.redrawing` removes figure texts with the rest of a drawing.
    """
    ax.figure.text(x, y, text, transform=where, color=theme.foreground, fontsize=size, **align)
