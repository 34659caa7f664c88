"""Agg rendering with the text drawn from a cache, for canvases that draw the charts many times.

Drawing a string with Agg lays it out with FreeType and renders every glyph, about a
millisecond per tick label — most of a chart's drawing time, for labels that are the same on
every drawing ("2024", "10", "mood"). :class:`TextCacheMixin` gives a canvas a renderer that
renders each distinct string once (per font, size, angle and dpi) into a coverage mask, and
afterwards only blends that mask in the text's colour. Texts are placed on whole pixels (a
shift of under half a pixel); everything else draws exactly as with plain Agg. Vector output
(PDF, SVG) does not go through Agg and is unaffected.

The window's canvas (Qt) and :class:`ChartCanvasAgg` (the benchmark's, without Qt) both use it.
"""

from __future__ import annotations

import math
import threading
from typing import Any

import numpy as np
from matplotlib import rcParams
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.font_manager import FontProperties, findfont

#: Distinct strings kept (masks are a few hundred bytes each); the cache starts over beyond.
CACHE_SIZE = 4096
_MARGIN = 2  # pixels around a string's box when rendering it alone

_Mask = tuple[np.ndarray, int, int] | None  # coverage, its left and bottom edge from the origin
_masks: dict[tuple[Any, ...], _Mask] = {}
_metrics: dict[tuple[Any, ...], tuple[float, float, float]] = {}


def _font_key(prop: FontProperties, dpi: float) -> tuple[Any, ...]:
    """What decides how a string looks: the font file found for ``prop``, its size and style."""
    return (
        findfont(prop),
        tuple(prop.get_family()),
        prop.get_style(),
        prop.get_variant(),
        prop.get_weight(),
        prop.get_stretch(),
        prop.get_size_in_points(),
        dpi,
        rcParams["text.hinting"],
        rcParams["text.hinting_factor"],
    )


def _remember(cache: dict[tuple[Any, ...], Any], key: tuple[Any, ...], value: Any) -> None:
    if len(cache) >= CACHE_SIZE:
        cache.clear()
    cache[key] = value


_scratch: dict[float, RendererAgg] = {}  # by dpi: an image to render strings alone into
_scratch_lock = threading.Lock()


def _scratch_renderer(size: tuple[int, int], dpi: float) -> RendererAgg:
    """A cleared scratch image of at least ``size`` pixels (kept: making one costs more than
    rendering a label)."""
    scratch = _scratch.get(dpi)
    if scratch is None or scratch.width < size[0] or scratch.height < size[1]:
        width = max(size[0], scratch.width if scratch else 0)
        height = max(size[1], scratch.height if scratch else 0)
        scratch = _scratch[dpi] = RendererAgg(width, height, dpi)
    else:
        scratch.clear()
    return scratch


class TextCacheRenderer(RendererAgg):
    """``RendererAgg`` that renders each distinct plain string once and reuses its pixels."""

    def __init__(self, width: float, height: float, dpi: float) -> None:
        super().__init__(width, height, dpi)
        self._fonts: dict[FontProperties, tuple[Any, ...]] = {}

    def clear(self) -> None:
        """Start a drawing (settings may have changed since the last one)."""
        super().clear()
        self._fonts.clear()

    def _font(self, prop: FontProperties) -> tuple[Any, ...]:
        """:func:`_font_key` for ``prop``, looked up once per drawing (a text asks several
        times, and many texts share their font)."""
        found = self._fonts.get(prop)
        if found is None:
            found = self._fonts[prop.copy()] = _font_key(prop, self.dpi)
        return found

    def get_text_width_height_descent(
        self, s: str, prop: FontProperties, ismath: Any
    ) -> tuple[float, float, float]:
        if ismath:
            return super().get_text_width_height_descent(s, prop, ismath)
        # matplotlib keeps these per renderer, and every new figure has a new renderer.
        key = (s, *self._font(prop))
        found = _metrics.get(key)
        if found is None:
            found = super().get_text_width_height_descent(s, prop, ismath)
            _remember(_metrics, key, found)
        return found

    def draw_text(
        self,
        gc: Any,
        x: float,
        y: float,
        s: str,
        prop: FontProperties,
        angle: float,
        ismath: Any = False,
        mtext: Any = None,
    ) -> None:
        if ismath or not s:
            super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
            return
        features = getattr(mtext, "get_fontfeatures", lambda: None)()
        language = getattr(mtext, "get_language", lambda: None)()
        key = (
            s,
            angle,
            bool(gc.get_antialiased()),
            None if features is None else tuple(features),
            language,
            *self._font(prop),
        )
        if key in _masks:
            mask = _masks[key]
        else:
            mask = self._render_alone(gc, s, prop, angle, mtext)
            _remember(_masks, key, mask)
        if mask is None:  # only blanks
            return
        coverage, left, bottom = mask
        # y grows downwards here; draw_text_image takes the row just below the bitmap.
        self._renderer.draw_text_image(coverage, round(x) + left, round(y) + bottom, 0, gc)

    def _render_alone(
        self, gc: Any, s: str, prop: FontProperties, angle: float, mtext: Any
    ) -> _Mask:
        """Render ``s`` with its origin on a whole pixel of a scratch image; keep the coverage."""
        width, height, descent = self.get_text_width_height_descent(s, prop, False)
        cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        # The string's box around its origin, rotated, in pixels with y growing downwards.
        top = height - descent
        corners = [(0.0, -descent), (width, -descent), (width, top), (0.0, top)]
        xs = [cx * cos - cy * sin for cx, cy in corners]
        ys = [-(cx * sin + cy * cos) for cx, cy in corners]
        ox = _MARGIN - math.floor(min(xs))
        oy = _MARGIN - math.floor(min(ys))
        size = (math.ceil(max(xs)) + ox + _MARGIN + 1, math.ceil(max(ys)) + oy + _MARGIN + 1)
        with _scratch_lock:
            scratch = _scratch_renderer(size, self.dpi)
            ink = scratch.new_gc()
            ink.set_antialiased(gc.get_antialiased())
            ink.set_foreground("black")
            RendererAgg.draw_text(scratch, ink, ox, oy, s, prop, angle, False, mtext)
            ink.restore()
            alpha = np.asarray(scratch.buffer_rgba())[: size[1], : size[0], 3].copy()
        rows = np.flatnonzero(alpha.any(axis=1))
        cols = np.flatnonzero(alpha.any(axis=0))
        if not len(rows):
            return None
        coverage = np.ascontiguousarray(alpha[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1])
        return coverage, int(cols[0]) - ox, int(rows[-1]) + 1 - oy


class TextCacheMixin:
    """For a ``FigureCanvasAgg`` subclass: render with :class:`TextCacheRenderer`."""

    figure: Any
    renderer: RendererAgg

    def get_renderer(self) -> RendererAgg:
        width, height = self.get_width_height(physical=True)  # type: ignore[attr-defined]
        key = (width, height, self.figure.dpi)
        if getattr(self, "_text_cache_key", None) != key:
            self.renderer = TextCacheRenderer(width, height, self.figure.dpi)
            self._text_cache_key = key
        return self.renderer


class ChartCanvasAgg(TextCacheMixin, FigureCanvasAgg):
    """An Agg canvas (no GUI) that renders like the Trends view's: with cached text."""
