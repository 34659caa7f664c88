"""Figure functions shared by the Trends view and the supervisor summary PDF.

Each function draws plain :class:`journal.service.trends.TrendData` into a region of a
``matplotlib.figure.Figure`` with a :class:`ChartTheme` and returns a readout for hovering.
No pyplot (no global state) and no Qt: the window wraps the figure in a canvas, the PDF puts it
on a page, the benchmark draws it with Agg.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from matplotlib.figure import Figure

from journal.charts.calendar import draw_mood_calendar
from journal.charts.layout import WHOLE, Rect
from journal.charts.lines import draw_ratings, draw_self_checks, draw_sleep
from journal.charts.theme import DARK, LIGHT, ChartTheme, theme_for
from journal.charts.weekly import draw_activity, draw_events, draw_session_load
from journal.service.trends import TrendData

DrawFunction = Callable[[Figure, TrendData, ChartTheme, Rect], Any]


@dataclass(frozen=True)
class ChartSpec:
    """One chart: a stable id (file names, section names), its title and how tall it likes to be."""

    id: str
    title: str
    draw: DrawFunction
    height_in: float


CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec("mood", "Mood, energy and stress", draw_ratings, 3.6),
    ChartSpec("sleep", "Sleep", draw_sleep, 2.3),
    ChartSpec("load", "Session load", draw_session_load, 2.3),
    ChartSpec("activity", "Activity", draw_activity, 2.3),
    ChartSpec("calendar", "Mood calendar", draw_mood_calendar, 2.4),
    ChartSpec("events", "Days off and cup actions", draw_events, 1.7),
    ChartSpec("selfcheck", "Self-checks", draw_self_checks, 2.3),
)
CHART_IDS = tuple(c.id for c in CHARTS)


def chart(chart_id: str) -> ChartSpec:
    for spec in CHARTS:
        if spec.id == chart_id:
            return spec
    raise KeyError(chart_id)


def draw_chart(
    fig: Figure, chart_id: str, data: TrendData, theme: ChartTheme, rect: Rect = WHOLE
) -> Any:
    """Draw one chart by id into ``fig`` (the caller clears it first if reusing it)."""
    return chart(chart_id).draw(fig, data, theme, rect)


__all__ = [
    "CHARTS",
    "CHART_IDS",
    "DARK",
    "LIGHT",
    "ChartSpec",
    "ChartTheme",
    "chart",
    "draw_chart",
    "theme_for",
]
