"""Line charts: mood/energy/stress with the usual-range band, sleep against the target, and the
self-check scores. Missing days are NaN in the plotted data, so lines break instead of dropping
to zero; markers make a lone logged day between gaps visible."""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib import rcParams
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import StepPatch
from matplotlib.transforms import Affine2D

from journal.charts import layout
from journal.charts.common import (
    all_missing,
    date_axis,
    date_numbers,
    empty_note,
    prepare_figure,
    row_label,
    style_axes,
    target_line,
    value_ticks,
)
from journal.charts.key import Entry, draw_key
from journal.charts.readout import Line, Readout
from journal.charts.theme import ChartTheme
from journal.charts.ticks import y_ticks
from journal.service.trends import RATINGS, SELF_CHECK_SCORES, TrendData

RATING_LABELS = {"mood": "Mood", "energy": "Energy", "stress": "Stress"}
SCORE_LABELS = {
    "exhaustion": "Exhaustion",
    "detachment": "Detachment",
    "secondary_trauma": "Secondary trauma",
    "satisfaction": "Satisfaction",
}
NOTHING = "Nothing logged in this period"


#: Up to this many points every point has a marker; beyond, only points standing alone between
#: gaps do (elsewhere markers would merge into a thick line and only cost drawing time).
MARKERS_UP_TO = 400


def markers(values: np.ndarray) -> dict[str, Any]:
    """Marker size and ``markevery`` for a series: every point, or only the lone ones."""
    n = len(values)
    if n <= MARKERS_UP_TO:
        return {"markersize": 3.2 if n <= 120 else 2.0}
    logged = ~np.isnan(values)
    before = np.concatenate([[False], logged[:-1]])
    after = np.concatenate([logged[1:], [False]])
    return {"markersize": 2.5, "markevery": np.flatnonzero(logged & ~before & ~after).tolist()}


#: The mood chart's rows, one per rating, share one axes: each spans 0–10 and a margin, the
#: rows a small gap apart (one axes per row cost more to build than all they draw).
ROW_SPAN = 10.6
ROW_GAP = 1.5
ROW_MARGIN = 0.3  # below 0 and above 10 inside a row


def row_bottom(row: int, rows: int = len(RATINGS)) -> float:
    """Where rating 0 of row ``row`` (0 = the top row) sits in the mood chart's data units."""
    return (rows - 1 - row) * (ROW_SPAN + ROW_GAP)


def draw_ratings(
    fig: Figure, data: TrendData, theme: ChartTheme, rect: layout.Rect = layout.WHOLE
) -> Readout:
    """Mood, energy and stress (0–10), one row each, over the person's own usual range."""
    prepare_figure(fig, theme)
    series = data.lines
    x = date_numbers(series.x)
    suffix = " (weekly means)" if series.weekly else ""
    layout.title(
        fig,
        rect,
        f"Mood, energy and stress, 0–10{suffix} — shaded: your usual range",
        theme.foreground,
    )
    (ax,) = layout.stacked_axes(fig, rect)
    style_axes(ax, theme, "")
    ax.set_ylim(-ROW_MARGIN, row_bottom(0) + 10 + ROW_MARGIN)
    lines = []
    for row, name in enumerate(RATINGS):
        bottom = row_bottom(row)
        # Each row's artists keep their values (0–10) and are moved up into their row.
        in_row = Affine2D().translate(0, bottom) + ax.transData
        style = theme.style(name)
        band = series.bands.get(name)
        if band is not None and len(x):
            # One step path per band (each day or week a slot centred on its point); a gap
            # where the baseline has too little data. Added without walking the path for data
            # limits, which date_axis and set_ylim set anyway.
            half = 3.5 if series.weekly else 0.5
            ax.add_artist(
                StepPatch(
                    np.clip(band.high, -ROW_MARGIN, 10 + ROW_MARGIN),
                    np.append(x - half, x[-1] + half),
                    baseline=np.clip(band.low, -ROW_MARGIN, 10 + ROW_MARGIN),
                    color=style.color,
                    alpha=theme.band_alpha,
                    linewidth=0,
                    label="usual range",
                    transform=in_row,
                )
            )
        values = series.values[name]
        ax.add_line(
            Line2D(
                x,
                values,
                color=style.color,
                linestyle=style.linestyle,
                marker=style.marker,
                linewidth=1.4,
                label=RATING_LABELS[name],
                transform=in_row,
                **markers(values),
            )
        )
        y_ticks(ax, [bottom, bottom + 5, bottom + 10], ["0", "5", "10"], theme)
        row_label(ax, bottom + 5, RATING_LABELS[name].lower(), theme)
        if all_missing(values):
            empty_note(ax, theme, NOTHING, y=bottom + 5)
        lines.append(Line(RATING_LABELS[name].lower(), values))
    _row_edges(ax, theme)
    date_axis(ax, x, series.weekly, theme)
    return Readout(x, lines, weekly=series.weekly, axes=[ax])


def _row_edges(ax: Axes, theme: ChartTheme) -> None:
    """Each row's left and bottom edge, as the axes' own edges would be for one row."""
    for spine in ax.spines.values():
        spine.set_visible(False)
    edges = []
    for row in range(len(RATINGS)):
        low = row_bottom(row) - ROW_MARGIN
        high = row_bottom(row) + 10 + ROW_MARGIN
        edges += [[(0.0, low), (0.0, high)], [(0.0, low), (1.0, low)]]
    ax.add_collection(
        LineCollection(
            edges,
            colors=theme.muted,
            linewidths=rcParams["axes.linewidth"],
            transform=ax.get_yaxis_transform(),
            clip_on=False,
            zorder=2.5,  # as spines
        ),
        autolim=False,
    )


def draw_sleep(
    fig: Figure, data: TrendData, theme: ChartTheme, rect: layout.Rect = layout.WHOLE
) -> Readout:
    """Hours slept against the sleep target."""
    prepare_figure(fig, theme)
    series = data.lines
    x = date_numbers(series.x)
    values = series.values["sleep_hours"]
    target = data.targets.sleep_hours
    suffix = " (weekly means)" if series.weekly else ""
    layout.title(fig, rect, f"Sleep{suffix} — dashed: your target {target:g} h", theme.foreground)
    (ax,) = layout.stacked_axes(fig, rect)
    style = theme.style("sleep_hours")
    target_line(ax, theme, target)
    ax.plot(
        x,
        values,
        color=style.color,
        linestyle=style.linestyle,
        marker=style.marker,
        linewidth=1.4,
        label="hours slept",
        **markers(values),
    )
    style_axes(ax, theme, "sleep (hours)")
    top = np.nanmax(values) if not all_missing(values) else target
    value_ticks(ax, theme, max(10.0, float(top) + 0.5))
    if all_missing(values):
        empty_note(ax, theme, NOTHING)
    date_axis(ax, x, series.weekly, theme)
    return Readout(x, [Line("slept", values, " h")], weekly=series.weekly, axes=[ax])


def draw_self_checks(
    fig: Figure, data: TrendData, theme: ChartTheme, rect: layout.Rect = layout.WHOLE
) -> Readout:
    """Self-check scores (0–100) on the days they were taken: a reflection aid, not a test."""
    prepare_figure(fig, theme)
    checks = data.self_checks
    x = date_numbers(checks.x)
    layout.title(fig, rect, "Self-check scores (a reflection aid, not a test)", theme.foreground)
    (ax,) = layout.stacked_axes(fig, rect)
    lines, entries = [], []
    for name in SELF_CHECK_SCORES:
        style = theme.style(name)
        values = checks.values[name]
        shown = markers(values)
        ax.plot(
            x,
            values,
            color=style.color,
            linestyle=style.linestyle,
            marker=style.marker,
            linewidth=1.3,
            label=SCORE_LABELS[name],
            **shown,
        )
        lines.append(Line(SCORE_LABELS[name].lower(), values, digits=0))
        entries.append(Entry.line(SCORE_LABELS[name], style, 1.3, shown["markersize"]))
    style_axes(ax, theme, "score (0–100)")
    ax.set_ylim(-2, 102)
    y_ticks(ax, [0, 25, 50, 75, 100], ["0", "25", "50", "75", "100"], theme)
    if not len(x):
        empty_note(ax, theme, "No self-checks in this period")
    draw_key(ax, entries, theme)
    period = date_numbers(np.array([data.start, data.end], dtype="datetime64[D]"))
    date_axis(ax, period, False, theme)
    span = max(data.days / 60, 1.0)  # sparse points: reach the nearest within ~1/60 of the range
    return Readout(x, lines, axes=[ax], reach=span)
