"""Exact values under the mouse: what a chart says about the point nearest to x (or a cell).

Figure functions return a :class:`Readout`; the window calls :meth:`Readout.text_at` with the
data coordinates of a mouse event and shows the text. Plain Python, no Qt: tests ask it
directly. A missing value reads "no entry", never 0.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from matplotlib.axes import Axes

NO_ENTRY = "no entry"
_EPOCH = dt.date(1970, 1, 1)


def day_label(x: float) -> str:
    """``Tue 3 Mar 2026`` for a matplotlib date number (days since 1970-01-01)."""
    day = _EPOCH + dt.timedelta(days=round(x))
    return f"{day:%a} {day.day} {day:%b %Y}"


def number(value: float, unit: str = "", digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return NO_ENTRY
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"
    return f"{text}{unit}"


@dataclass
class Line:
    """One series a time readout reports: its label, values aligned with x, and formatting."""

    label: str
    values: np.ndarray
    unit: str = ""
    digits: int = 1
    fmt: Callable[[float], str] | None = None

    def format(self, value: float) -> str:
        return self.fmt(value) if self.fmt else number(value, self.unit, self.digits)


@dataclass
class Readout:
    """Reads series aligned to ``x`` (date numbers), per day or per week."""

    x: np.ndarray
    lines: list[Line]
    weekly: bool = False
    axes: list[Axes] = field(default_factory=list)
    extra: Callable[[int], str] | None = None
    reach: float = 0.5  # how far (days) beyond a point's own slot the mouse may be

    def index_at(self, xdata: float | None) -> int | None:
        if xdata is None or not len(self.x):
            return None
        step = 7.0 if self.weekly else 1.0
        centre = self.x + (step - 1) / 2
        i = int(np.argmin(np.abs(centre - xdata)))
        return i if abs(centre[i] - xdata) <= step / 2 + self.reach else None

    def text_at(
        self, xdata: float | None, ydata: float | None = None, ax: Axes | None = None
    ) -> str | None:
        """What the chart says at ``xdata``; None outside the data or outside this chart."""
        if ax is not None and self.axes and ax not in self.axes:
            return None
        i = self.index_at(xdata)
        if i is None:
            return None
        when = day_label(self.x[i])
        if self.weekly:
            when = f"Week of {when}"
        parts = [f"{line.label} {line.format(float(line.values[i]))}" for line in self.lines]
        if self.extra is not None:
            parts.append(self.extra(i))
        return f"{when} · " + " · ".join(p for p in parts if p)


@dataclass
class GridReadout:
    """Reads a heatmap: ``days[row, col]`` date numbers (NaN outside the range) and values."""

    days: np.ndarray
    values: np.ndarray
    label: str
    x0: float
    col_width: float
    axes: list[Axes] = field(default_factory=list)
    weekly: bool = False

    def text_at(
        self, xdata: float | None, ydata: float | None = None, ax: Axes | None = None
    ) -> str | None:
        if xdata is None or ydata is None or (ax is not None and ax not in self.axes):
            return None
        col = math.floor((xdata - self.x0) / self.col_width)
        row = math.floor(ydata + 0.5)
        rows, cols = self.days.shape
        if not (0 <= row < rows and 0 <= col < cols) or math.isnan(self.days[row, col]):
            return None
        when = day_label(self.days[row, col])
        if self.weekly:
            when = f"Week of {when}"
        return f"{when} · {self.label} {number(float(self.values[row, col]))}"
