"""Redrawing a chart into the same figure (the window's range switch) reuses its axes and
gives exactly the pixels of a fresh figure."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from chart_support import END
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from journal.charts import CHARTS, DARK, LIGHT, draw_chart, layout
from journal.service.trends import load_trends


def _figure() -> Figure:
    fig = Figure(figsize=(8, 2.5), dpi=60)
    FigureCanvasAgg(fig)
    return fig


def _pixels(fig: Figure) -> np.ndarray:
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba()).copy()


@pytest.mark.parametrize("spec", CHARTS, ids=[c.id for c in CHARTS])
def test_redraw_matches_a_fresh_figure(filled, spec):
    """A short range redrawn as a long one, and light redrawn dark, match fresh drawings."""
    short = load_trends(filled, END - dt.timedelta(days=27), END)
    long = load_trends(filled, END - dt.timedelta(days=499), END)
    reused = _figure()
    draw_chart(reused, spec.id, short, LIGHT)
    _pixels(reused)
    first_axes = list(reused.axes)
    for data, theme in ((long, LIGHT), (short, DARK), (long, DARK)):
        with layout.redrawing(reused):
            draw_chart(reused, spec.id, data, theme)
        fresh = _figure()
        draw_chart(fresh, spec.id, data, theme)
        assert np.array_equal(_pixels(reused), _pixels(fresh)), (data.days, theme.name)
    assert reused.axes == first_axes  # the same axes objects, not new ones


def test_axes_a_redraw_does_not_ask_for_are_removed(filled):
    """Axes left over from another chart drawn into the figure before disappear."""
    data = load_trends(filled, END - dt.timedelta(days=27), END)
    fig = _figure()
    draw_chart(fig, "calendar", data, LIGHT)  # its axes leave room for the colour scale
    (calendar,) = fig.axes
    with layout.redrawing(fig):
        draw_chart(fig, "sleep", data, LIGHT)
    assert len(fig.axes) == 1 and fig.axes[0] is not calendar
    assert np.array_equal(_pixels(fig), _pixels(_sleep_alone(data)))


def _sleep_alone(data) -> Figure:
    fig = _figure()
    draw_chart(fig, "sleep", data, LIGHT)
    return fig
