"""A calendar heatmap of mood: weekdays by weeks, or for long ranges years by weeks of the year.

Cells without a check-in keep the "no entry" colour (never the colour of 0). The colormap is
the theme's (viridis), which reads the same for the common colour-vision deficiencies and in
greyscale.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
from matplotlib import colormaps, rcParams
from matplotlib.axes import Axes
from matplotlib.colors import Colormap, Normalize
from matplotlib.figure import Figure
from matplotlib.image import AxesImage
from matplotlib.markers import TICKRIGHT
from matplotlib.patches import Rectangle
from matplotlib.transforms import ScaledTranslation, blended_transform_factory, offset_copy

from journal.charts import layout
from journal.charts.common import (
    FONT_SIZE,
    date_axis,
    date_numbers,
    prepare_figure,
    style_axes,
    vertical_label,
)
from journal.charts.readout import GridReadout
from journal.charts.theme import ChartTheme
from journal.charts.ticks import (
    LABEL_PAD,
    TICK_LENGTH,
    tick_label,
    tick_marks,
    x_ticks,
    y_ticks,
)
from journal.service.trends import TrendData

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
ROW_SIZE = FONT_SIZE - 0.5  # years or weekdays beside the rows
#: The colour scale: its place right of the heatmap, and its label's right of its ticks and of
#: the widest tick label ("10").
SCALE_PAD_IN = 0.12
SCALE_WIDTH_IN = 0.14
SCALE_LABEL_PT = TICK_LENGTH + LABEL_PAD + 16
MONTH_STARTS = [dt.date(2001, m, 1).timetuple().tm_yday for m in range(1, 13)]


def _by_weekday(data: TrendData) -> tuple[np.ndarray, np.ndarray, float]:
    """Rows Monday–Sunday, one column per week; returns (days, mood, first Monday)."""
    first = data.start - dt.timedelta(days=data.start.weekday())
    lead = (data.start - first).days
    n = data.days
    cols = (lead + n + 6) // 7
    mood = np.full(cols * 7, np.nan)
    mood[lead : lead + n] = data.daily.values["mood"]
    days = np.full(cols * 7, np.nan)
    days[lead : lead + n] = date_numbers(data.daily.x)
    x0 = date_numbers(np.array([first], dtype="datetime64[D]"))[0]
    return days.reshape(cols, 7).T, mood.reshape(cols, 7).T, x0


def _by_year(data: TrendData) -> tuple[np.ndarray, np.ndarray, list[int]]:
    """Rows = years, columns = the 53 seven-day blocks from 1 January; weekly mean mood."""
    years = list(range(data.start.year, data.end.year + 1))
    x = data.daily.x
    mood = data.daily.values["mood"]
    as_dates = x.astype("datetime64[Y]").astype(int) + 1970
    first_of_year = x.astype("datetime64[Y]").astype("datetime64[D]")
    block = ((x - first_of_year).astype(int) // 7).clip(0, 52)
    row = as_dates - years[0]
    sums = np.zeros((len(years), 53))
    counts = np.zeros((len(years), 53))
    logged = ~np.isnan(mood)
    np.add.at(sums, (row[logged], block[logged]), mood[logged])
    np.add.at(counts, (row[logged], block[logged]), 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        means = np.where(counts > 0, sums / counts, np.nan)
    days = np.full((len(years), 53), np.nan)
    start_nums = date_numbers(first_of_year) + block * 7
    days[row, block] = start_nums
    return days, means, years


def draw_mood_calendar(
    fig: Figure, data: TrendData, theme: ChartTheme, rect: layout.Rect = layout.WHOLE
) -> GridReadout:
    """Mood as colour on a calendar; hover a cell for its date and value."""
    prepare_figure(fig, theme)
    cmap = colormaps[theme.heatmap].with_extremes(bad=theme.background)
    margins = layout.Margins(left=0.62, right=0.2)
    (ax,) = layout.stacked_axes(fig, rect, margins=margins, right_extra=0.75)
    if data.is_long:
        layout.title(fig, rect, "Mood by week of the year (weekly means)", theme.foreground)
        days, mood, years = _by_year(data)
        _cells(ax, np.arange(54.0), mood, cmap)
        ax.set_xlim(0, 53)
        style_axes(ax, theme, "year")
        y_ticks(ax, range(len(years)), [str(y) for y in years], theme, grid=False, size=ROW_SIZE)
        # Every month has a tick; every other one a label.
        x_ticks(
            ax,
            [(d - 1) / 7 for d in MONTH_STARTS],
            [f"{dt.date(2001, m, 1):%b}" if m % 2 else "" for m in range(1, 13)],
            theme,
        )
        readout = GridReadout(days, mood, "mood (mean)", 0.0, 1.0, axes=[ax], weekly=True)
    else:
        layout.title(fig, rect, "Mood on the calendar", theme.foreground)
        days, mood, x0 = _by_weekday(data)
        cols = days.shape[1]
        _cells(ax, x0 + 7.0 * np.arange(cols + 1), mood, cmap)
        style_axes(ax, theme, "")
        y_ticks(ax, range(7), WEEKDAYS, theme, grid=False, size=ROW_SIZE)
        date_axis(ax, np.array([x0, x0 + 7 * (cols - 1)]), True, theme)
        readout = GridReadout(days, mood, "mood", x0, 7.0, axes=[ax])
    _colour_scale(ax, cmap, theme)
    return readout


def _cells(ax: Axes, x_edges: np.ndarray, mood: np.ndarray, cmap: Colormap) -> None:
    """One coloured cell per value, rows from the top; a NaN cell keeps the "no entry" colour.

    Quadrilaterals rather than an image: an image is resampled to the size of the axes on every
    draw, which costs more than drawing a few hundred cells.
    """
    rows = mood.shape[0]
    ax.pcolormesh(
        x_edges,
        np.arange(rows + 1) - 0.5,
        np.ma.masked_invalid(mood),
        cmap=cmap,
        norm=Normalize(0, 10),
    )
    ax.set_ylim(rows - 0.5, -0.5)


def _colour_scale(ax: Axes, cmap: Colormap, theme: ChartTheme) -> None:
    """The key to the colours, right of the heatmap: a gradient from 0 to 10 with three ticks.

    Drawn by the heatmap's axes, placed in inches from its right edge, rather than in axes of
    its own (which cost more to build than the heatmap) or by ``Figure.colorbar`` (whose
    locators, formatters and extra artists cost more still).
    """
    fig = ax.figure
    # x: inches right of the plot area; y: fractions of its height (0 at the bottom).
    right_of_plot = blended_transform_factory(
        fig.dpi_scale_trans + ScaledTranslation(1, 0, ax.transAxes), ax.transAxes
    )
    left, right = SCALE_PAD_IN, SCALE_PAD_IN + SCALE_WIDTH_IN
    gradient = AxesImage(
        ax,
        cmap=cmap,
        norm=Normalize(0, 10),
        interpolation="nearest",
        origin="lower",
        extent=(left, right, 0, 1),
        transform=right_of_plot,
        clip_on=False,
    )
    gradient.set_data(np.linspace(0, 10, 101)[:, None])
    ax.add_image(gradient)
    ax.add_patch(
        Rectangle(
            (left, 0),
            SCALE_WIDTH_IN,
            1,
            transform=right_of_plot,
            fill=False,
            edgecolor=theme.muted,
            linewidth=rcParams["axes.linewidth"],
            clip_on=False,
        )
    )
    at = [0.0, 0.5, 1.0]
    tick_marks(ax, np.column_stack([[right] * 3, at]), right_of_plot, TICKRIGHT, theme)
    beside = offset_copy(right_of_plot, fig=fig, x=TICK_LENGTH + LABEL_PAD, units="points")
    for y, text in zip(at, ("0", "5", "10"), strict=True):
        tick_label(ax, right, y, text, beside, theme, FONT_SIZE, ha="left", va="center_baseline")
    beyond_ticks = offset_copy(right_of_plot, fig=fig, x=SCALE_LABEL_PT, units="points")
    vertical_label(fig, right, 0.5, "mood (0–10)\nblank: no entry", beyond_ticks, theme)
