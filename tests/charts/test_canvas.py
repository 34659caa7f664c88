"""The caching Agg renderer draws text as plain Agg does, in each text's own colour and size."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

from journal.charts.canvas import ChartCanvasAgg, TextCacheRenderer


def _draw(cls, text, size=8.5, angle=0.0, color="black", weight="normal", times=1):
    renderer = cls(160, 120, 100)
    gc = renderer.new_gc()
    gc.set_foreground(color)
    for _ in range(times):
        renderer.draw_text(gc, 40, 80, text, FontProperties(size=size, weight=weight), angle)
    return np.asarray(renderer.buffer_rgba()).copy()


@pytest.mark.parametrize("angle", [0.0, 90.0, 30.0])
@pytest.mark.parametrize("text", ["2024", "sleep (hours)", "Mood — gy"])
def test_cached_text_matches_plain_agg_at_whole_pixels(text, angle):
    """At a whole-pixel origin a string is drawn exactly as Agg draws it, also from the cache."""
    expected = _draw(RendererAgg, text, angle=angle)
    assert expected[..., 3].any()
    _draw(TextCacheRenderer, text, angle=angle)  # fills the cache
    assert np.array_equal(_draw(TextCacheRenderer, text, angle=angle), expected)


def test_cached_text_takes_the_colour_and_size_of_each_drawing():
    """The same string cached in black draws in red when asked, and bigger when bigger."""
    _draw(TextCacheRenderer, "5")
    red = _draw(TextCacheRenderer, "5", color="#D55E00")
    inked = red[..., 3] > 0
    assert inked.any()
    strongest = red[..., 3] == red[..., 3].max()
    assert np.all(red[strongest][:, :3] == np.round(np.array(to_rgba("#D55E00")[:3]) * 255))
    small = _draw(TextCacheRenderer, "5", size=8.5)[..., 3] > 0
    big = _draw(TextCacheRenderer, "5", size=14)[..., 3] > 0
    bold = _draw(TextCacheRenderer, "5", weight="bold")
    assert big.sum() > small.sum()
    assert np.array_equal(bold, _draw(RendererAgg, "5", weight="bold"))


def test_blank_text_draws_nothing():
    """A string of spaces leaves the image empty (and is remembered as such)."""
    for _ in range(2):
        assert not _draw(TextCacheRenderer, "   ")[..., 3].any()


def test_chart_canvas_renders_with_the_cache():
    """The benchmark's Agg canvas draws figures through the caching renderer."""
    fig = Figure(figsize=(2, 1), dpi=100)
    ChartCanvasAgg(fig)
    fig.text(0.1, 0.5, "10")
    fig.canvas.draw()
    assert isinstance(fig.canvas.get_renderer(), TextCacheRenderer)
    assert np.asarray(fig.canvas.buffer_rgba())[..., 3].any()
