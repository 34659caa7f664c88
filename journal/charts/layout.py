"""Placing axes inside a region of a figure with margins in inches, and keeping them there.

Figure functions draw into a *region* (a rectangle in figure fractions), so the window can give
a chart a whole figure and a PDF page can hold a heading and two charts. Margins are fixed in
inches (room for tick labels does not grow with the figure), which also makes the layout cheap:
no constrained-layout solve on every draw. When the window resizes a figure it calls
:func:`relayout` and the axes move to their new places.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.figure import Figure

Rect = tuple[float, float, float, float]  # left, bottom, width, height (figure fractions)
WHOLE: Rect = (0.0, 0.0, 1.0, 1.0)

_RELAYOUT = "_refill_relayout"


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

    Only the bottom one has x ticks (the caller gives all the same x limits): every tick is a
    handful of artists, and ticks without labels would only cost drawing time.
    """
    margins = margins or Margins()
    places = _positions(fig, rect, heights, margins, right_extra)
    axes = [fig.add_axes(place) for place in places]
    for ax in axes[:-1]:
        ax.set_xticks([])

    def again() -> None:
        for ax, place in zip(
            axes, _positions(fig, rect, heights, margins, right_extra), strict=True
        ):
            ax.set_position(place)

    _hooks(fig).append(again)
    return axes


def side_axes(fig: Figure, main: Axes, width_in: float, pad_in: float) -> Axes:
    """A narrow axes to the right of ``main`` (a colour bar), following it on relayout."""

    def place() -> Rect:
        box = main.get_position()
        width_fig = fig.get_size_inches()[0]
        return (box.x1 + pad_in / width_fig, box.y0, width_in / width_fig, box.height)

    cax = fig.add_axes(place())
    _hooks(fig).append(lambda: cax.set_position(place()))
    return cax


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


def _hooks(fig: Figure) -> list[Callable[[], None]]:
    hooks = getattr(fig, _RELAYOUT, None)
    if hooks is None:
        hooks = []
        setattr(fig, _RELAYOUT, hooks)
    return hooks


def relayout(fig: Figure) -> None:
    """Move every placed axes to where its margins put it at the figure's current size."""
    for hook in getattr(fig, _RELAYOUT, ()):
        hook()


def reset(fig: Figure) -> None:
    """Clear the figure and forget its placement hooks (before drawing it again)."""
    fig.clear()
    setattr(fig, _RELAYOUT, [])
