"""Small helpers every figure function shares: date numbers, axis styling, empty notes."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure, SubFigure
from matplotlib.transforms import Transform, offset_copy

from journal.charts.layout import Margins
from journal.charts.theme import ChartTheme
from journal.charts.ticks import FONT_SIZE, number_labels, x_ticks, y_ticks

#: The y label's left edge, in inches left of the plot area (just inside the region's margin).
YLABEL_IN = Margins().left - 0.1


def date_numbers(days: np.ndarray) -> np.ndarray:
    """matplotlib date numbers (days since 1970-01-01) for a ``datetime64[D]`` array."""
    return days.astype("datetime64[D]").astype(np.int64).astype(float)


def prepare_figure(fig: Figure, theme: ChartTheme) -> None:
    fig.set_facecolor(theme.background)


def style_axes(ax: Axes, theme: ChartTheme, ylabel: str) -> None:
    """Theme colours, the left and bottom edges, and the y label with its unit.

    Ticks, tick labels and grid lines are drawn by :mod:`journal.charts.ticks`.
    """
    ax.set_facecolor(theme.background)
    for side, spine in ax.spines.items():
        spine.set_visible(side in ("left", "bottom"))
        spine.set_color(theme.muted)
    ax.set_ylabel(ylabel, color=theme.foreground, fontsize=FONT_SIZE, va="top")
    # At a fixed place near the region's left edge, rather than next to the widest tick label:
    # matplotlib would measure every tick label of every axes again on each draw to find it.
    ax.yaxis.set_label_coords(
        0, 0.5, transform=offset_copy(ax.transAxes, fig=ax.figure, x=-YLABEL_IN, units="inches")
    )
    ax.xaxis.set_label_coords(0.5, 0)  # no x label (dates speak for themselves): skip placing it


def date_ticks(lo: float, hi: float) -> tuple[list[float], list[str]]:
    """Tick positions and labels for a date range in date numbers.

    Chosen by hand instead of matplotlib's date locators: the rules are simple (weeks, months,
    quarters or years) and computing them directly keeps drawing ten years of charts fast.
    """
    first = dt.date(1970, 1, 1) + dt.timedelta(days=math.ceil(lo))
    last = dt.date(1970, 1, 1) + dt.timedelta(days=math.floor(hi))
    span = (last - first).days
    if span <= 50:
        day = first + dt.timedelta(days=(7 - first.weekday()) % 7)
        days = []
        while day <= last:
            days.append(day)
            day += dt.timedelta(days=7)
        labels = [f"{d.day} {d:%b}" for d in days]
    else:
        step = 1 if span <= 430 else 3 if span <= 1500 else 12
        days = []
        year, month = first.year, first.month
        while True:
            day = dt.date(year, month, 1)
            if day > last:
                break
            if day >= first and (month - 1) % step == 0:
                days.append(day)
            month += 1
            if month > 12:
                year, month = year + 1, 1
        if step == 12:
            # Beyond six years every other year is labelled (each label costs about a
            # millisecond to draw); the unlabelled years keep their tick marks.
            every = 1 if len(days) <= 6 else 2
            labels = [str(d.year) if d.year % every == 0 else "" for d in days]
        else:
            labels = [f"{d:%b}" if d.month != 1 else f"{d:%b}\n{d.year}" for d in days]
    epoch = dt.date(1970, 1, 1)
    return [float((d - epoch).days) for d in days], labels


def date_axis(ax: Axes, x: np.ndarray, weekly: bool, theme: ChartTheme) -> None:
    """Readable date ticks for the range: week starts, months, quarters or years."""
    if len(x):
        step = 7 if weekly else 1
        ax.set_xlim(x[0] - 0.5, x[-1] + step - 0.5)
    lo, hi = ax.get_xlim()
    positions, labels = date_ticks(lo, hi)
    x_ticks(ax, positions, labels, theme)


def target_line(ax: Axes, theme: ChartTheme, value: float) -> None:
    """A target or cap, dashed; the chart's title says what it is, so no legend is needed."""
    style = theme.style("target")
    ax.axhline(value, color=style.color, linestyle=style.linestyle, linewidth=1.1)


def value_ticks(ax: Axes, theme: ChartTheme, top: float) -> None:
    """Y limits from 0 to ``top`` with three to six round ticks (1, 2 or 5 times a power of 10)
    and their grid lines."""
    top = max(float(top), 1.0)
    raw = top / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = max(next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw), 1.0)
    ax.set_ylim(0, top)
    values = np.arange(0, top + 1e-9, step).tolist()
    y_ticks(ax, values, number_labels(values), theme)


def empty_note(ax: Axes, theme: ChartTheme, text: str, y: float | None = None) -> None:
    """A quiet note in the middle of an axes that has nothing to show (or of the row around
    ``y``, in data units)."""
    ax.text(
        0.5,
        0.5 if y is None else y,
        text,
        transform=ax.transAxes if y is None else ax.get_yaxis_transform(),
        ha="center",
        va="center",
        color=theme.muted,
        fontsize=FONT_SIZE + 0.5,
    )


def row_label(ax: Axes, y: float, text: str, theme: ChartTheme) -> None:
    """A row's name where :func:`style_axes` puts the y label, beside ``y`` (data units)."""
    beside = offset_copy(ax.get_yaxis_transform(), fig=ax.figure, x=-YLABEL_IN, units="inches")
    vertical_label(ax.figure, 0, y, text, beside, theme)


def vertical_label(
    fig: Figure | SubFigure, x: float, y: float, text: str, transform: Transform, theme: ChartTheme
) -> None:
    """Text read bottom to top, its top edge at ``(x, y)`` in ``transform``: how a y axis or a
    colour scale is named, in one style for every chart."""
    fig.text(
        x,
        y,
        text,
        transform=transform,
        rotation=90,
        rotation_mode="anchor",
        ha="center",
        va="top",
        color=theme.foreground,
        fontsize=FONT_SIZE,
    )


def all_missing(*arrays: np.ndarray) -> bool:
    return all(not np.any(~np.isnan(a)) for a in arrays)
