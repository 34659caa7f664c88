"""Placing axes inside a region of a figure with margins in inches, and keeping them there.

Figure functions draw into a *region* (a rectangle in figure fractions), so the window can give
a chart a whole figure and a PDF page can hold a heading and two charts. Margins are fixed in
inches (room for tick labels does not grow with the figure), which also makes the layout cheap:
no constrained-layout solve on every draw. When the window resizes a figure it calls
:func:`relayout` and the axes move to their new places; when it draws the same chart again (another
date range, another theme) it does so inside :func:`redrawing`, which reuses the axes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure

Rect = tuple[float, float, float, float]  # left, bottom, width, height (figure fractions)
WHOLE: Rect = (0.0, 0.0, 1.0, 1.0)


@dataclass(frozen=True)
class Margins:
    """Space around the plot area of a region, in inches."""

    left: float = 0.62
    right: float = 0.2
    top: float = 0.42  # the chart's title line
    bottom: float = 0.38
    gap: float = 0.12  # between stacked axes


def _positions(
    fig: Figure, rect: Rect, heights: Sequence[float], margins: Margins, right_extra: float
) -> list[Rect]:
    width_in, height_in = fig.get_size_inches()
    left, bottom, width, height = rect
    x0 = left + margins.left / width_in
    x1 = left + width - (margins.right + right_extra) / width_in
    y_top = bottom + height - margins.top / height_in
    y_bottom = bottom + margins.bottom / height_in
    gap = margins.gap / height_in
    usable = max(y_top - y_bottom - gap * (len(heights) - 1), 0.01)
    total = sum(heights)
    out = []
    y = y_top
    for share in heights:
        h = usable * share / total
        out.append((x0, y - h, max(x1 - x0, 0.01), h))
        y -= h + gap
    return out


def stacked_axes(
    fig: Figure,
    rect: Rect = WHOLE,
    heights: Sequence[float] = (1.0,),
    margins: Margins | None = None,
    right_extra: float = 0.0,
) -> list[Axes]:
    """Axes stacked top to bottom in ``rect``, positioned in inches.

    The axes have no matplotlib ticks: the charts draw their own with
    :mod:`journal.charts.ticks`, for a fraction of the cost. Inside :func:`redrawing`, axes
    placed the same way last time are emptied and handed back.
    """
    margins = margins or Margins()
    key = ("stacked", rect, tuple(heights), margins, right_extra)
    axes = _reuse(fig, key)
    if axes is None:
        places = _positions(fig, rect, heights, margins, right_extra)
        axes = [_add_axes(fig, place) for place in places]

    def again() -> None:
        for ax, place in zip(
            axes, _positions(fig, rect, heights, margins, right_extra), strict=True
        ):
            ax.set_position(place)

    _places(fig)[key] = (axes, again)
    return axes


def _add_axes(fig: Figure, place: Rect) -> Axes:
    """New axes without matplotlib's ticks (their drawing is :mod:`journal.charts.ticks`')."""
    ax = fig.add_axes(place)
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def title(fig: Figure, rect: Rect, text: str, color: str, margins: Margins | None = None) -> None:
    """The chart's title, left-aligned at the top of its region."""
    margins = margins or Margins()
    width_in, height_in = fig.get_size_inches()
    left, bottom, _width, height = rect
    fig.text(
        left + 0.12 / width_in,
        bottom + height - 0.1 / height_in,
        text,
        ha="left",
        va="top",
        fontsize=10,
        fontweight="bold",
        color=color,
    )


_Place = tuple[list[Axes], Callable[[], None]]
_PLACES = "_refill_places"  # key -> (axes, relayout hook) of the current drawing
_SPARE = "_refill_spare"  # the previous drawing's places, while redrawing


def _places(fig: Figure) -> dict[Any, _Place]:
    places = getattr(fig, _PLACES, None)
    if places is None:
        places = {}
        setattr(fig, _PLACES, places)
    return places


def _reuse(fig: Figure, key: Any) -> list[Axes] | None:
    """The emptied axes placed under ``key`` by the previous drawing, if redrawing."""
    spare: dict[Any, _Place] = getattr(fig, _SPARE, {})
    if key not in spare:
        return None
    axes, _hook = spare.pop(key)
    for ax in axes:
        _empty(ax)
    return axes


def _empty(ax: Axes) -> None:
    """Remove what was drawn in ``ax`` and forget its data limits; keep ticks and styling."""
    for artist in (*ax.lines, *ax.collections, *ax.patches, *ax.images, *ax.texts, *ax.artists):
        artist.remove()
    ax.containers.clear()  # bar groups, which a legend would still list
    if ax.legend_ is not None:
        ax.legend_.remove()
    ax.relim()
    ax.set_autoscale_on(True)


def relayout(fig: Figure) -> None:
    """Move every placed axes to where its margins put it at the figure's current size."""
    for _axes, hook in list(_places(fig).values()):
        hook()


@contextmanager
def redrawing(fig: Figure) -> Iterator[None]:
    """Draw a chart again into ``fig``, reusing the axes the previous drawing placed.

    Creating axes and their ticks is most of the cost of a chart with matplotlib, so a window
    that redraws the same chart for another date range empties and reuses them instead of
    clearing the figure. Axes the new drawing does not ask for are removed at the end.
    """
    setattr(fig, _SPARE, getattr(fig, _PLACES, {}))
    setattr(fig, _PLACES, {})
    for artist in (*fig.texts, *fig.artists):  # titles, tick labels, keys
        artist.remove()
    try:
        yield
    finally:
        spare: dict[Any, _Place] = getattr(fig, _SPARE)
        delattr(fig, _SPARE)
        for axes, _hook in spare.values():
            for ax in axes:
                ax.remove()
