"""Weekly charts: session load against the weekly cap, activity against the weekly target, and
cup actions and days off. Targets are weekly, so these charts add up weeks at every range; a
week with nothing logged is a gap, not a zero-height bar."""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import StepPatch

from journal.charts import layout
from journal.charts.common import (
    all_missing,
    date_axis,
    date_numbers,
    empty_note,
    prepare_figure,
    style_axes,
    target_line,
    value_ticks,
)
from journal.charts.key import Entry, draw_key
from journal.charts.lines import NOTHING, markers
from journal.charts.readout import NO_ENTRY, Line, Readout
from journal.charts.theme import ChartTheme, Style
from journal.service.trends import TrendData

#: Beyond this many weeks, bars become filled stairs: one path instead of hundreds of patches
#: (a week without data, NaN, stays a gap).
BARS_UP_TO_WEEKS = 110
TRAUMA_HATCH = "///"
DAY_OFF_SIZE = 30.0  # marker area in points², as scatter takes it


def cup_size(actions: np.ndarray | float) -> np.ndarray | float:
    """A day's cup-action marker area (points²): bigger for more actions that day."""
    return 10 + 14 * actions


def _bars(
    ax: Axes,
    x: np.ndarray,
    bottom: np.ndarray,
    height: np.ndarray,
    style: Style,
    theme: ChartTheme,
    label: str,
    hatch: str | None = None,
) -> None:
    """Weekly bars (or filled steps on long ranges); NaN weeks are left empty.

    Steps have no hatch: a week is a pixel or two wide there, too narrow to show one (it was
    drawn in the fill colour, at a cost and unseen); the series differ in colour.
    """
    if len(x) <= BARS_UP_TO_WEEKS:
        keep = ~np.isnan(height)
        ax.bar(
            x[keep] + 3,
            height[keep],
            width=6,
            bottom=bottom[keep],
            color=style.color,
            edgecolor=theme.background,
            linewidth=0.6,
            hatch=hatch,
            label=label,
        )
        return
    stairs = StepPatch(
        bottom + height,
        np.append(x, x[-1] + 7),
        baseline=bottom,
        fill=True,
        color=style.color,
        linewidth=0,
        label=label,
    )
    # add_artist, not Axes.stairs: the limits are set from the data by the caller, and
    # add_patch would walk every segment of the outline to update them (~50 ms).
    ax.add_artist(stairs)


def draw_session_load(
    fig: Figure, data: TrendData, theme: ChartTheme, rect: layout.Rect = layout.WHOLE
) -> Readout:
    """Client session hours per week, trauma-heavy sessions stacked on the others, and the cap."""
    prepare_figure(fig, theme)
    weeks = data.weeks
    x = date_numbers(weeks.x)
    cap = data.targets.weekly_session_hours_cap
    layout.title(
        fig, rect, f"Client session hours per week — dashed: your cap {cap:g} h", theme.foreground
    )
    (ax,) = layout.stacked_axes(fig, rect)
    other = weeks.values["other_hours"]
    trauma = weeks.values["trauma_hours"]
    _bars(ax, x, np.zeros_like(other), other, theme.style("other_hours"), theme, "other")
    _bars(
        ax,
        x,
        np.nan_to_num(other),
        trauma,
        theme.style("trauma_hours"),
        theme,
        "trauma-heavy",
        hatch=TRAUMA_HATCH,
    )
    target_line(ax, theme, cap)
    style_axes(ax, theme, "hours per week")
    total = weeks.values["session_hours"]
    top = float(np.nanmax(total)) if not all_missing(total) else cap
    value_ticks(ax, theme, max(cap, top) * 1.12)
    if all_missing(total):
        empty_note(ax, theme, NOTHING)
    other_style, trauma_style = theme.style("other_hours"), theme.style("trauma_hours")
    key = [
        Entry("other", other_style.color, swatch=True),
        Entry(
            "trauma-heavy",
            trauma_style.color,
            swatch=True,
            hatch=TRAUMA_HATCH if len(x) <= BARS_UP_TO_WEEKS else None,  # as the chart shows
        ),
    ]
    draw_key(ax, key, theme)
    date_axis(ax, x, True, theme)
    sessions = weeks.values["sessions"]
    trauma_n = weeks.values["trauma_sessions"]

    def share(i: int) -> str:
        if np.isnan(sessions[i]) or sessions[i] <= 0:
            return ""
        return f"trauma-heavy {trauma_n[i]:.0f} of {sessions[i]:.0f} sessions"

    lines = [Line("client hours", total, " h"), Line("trauma-heavy", trauma, " h")]
    return Readout(x, lines, weekly=True, axes=[ax], extra=share)


def draw_activity(
    fig: Figure, data: TrendData, theme: ChartTheme, rect: layout.Rect = layout.WHOLE
) -> Readout:
    """Minutes of activity per week against the weekly target (WHO: 150 minutes)."""
    prepare_figure(fig, theme)
    weeks = data.weeks
    x = date_numbers(weeks.x)
    target = data.targets.weekly_activity_minutes
    layout.title(
        fig, rect, f"Activity per week — dashed: the target of {target} minutes", theme.foreground
    )
    (ax,) = layout.stacked_axes(fig, rect)
    minutes = weeks.values["activity_minutes"]
    _bars(ax, x, np.zeros_like(minutes), minutes, theme.style("activity_minutes"), theme, "minutes")
    target_line(ax, theme, target)
    style_axes(ax, theme, "minutes per week")
    top = float(np.nanmax(minutes)) if not all_missing(minutes) else target
    value_ticks(ax, theme, max(target, top) * 1.12)
    if all_missing(minutes):
        empty_note(ax, theme, NOTHING)
    date_axis(ax, x, True, theme)
    return Readout(x, [Line("activity", minutes, " min", 0)], weekly=True, axes=[ax])


def draw_events(
    fig: Figure, data: TrendData, theme: ChartTheme, rect: layout.Rect = layout.WHOLE
) -> Readout:
    """Days off and cup actions: one marker per day, or counts per week on long ranges."""
    prepare_figure(fig, theme)
    off_style, cup_style = theme.style("day_off"), theme.style("cup_actions")
    (ax,) = layout.stacked_axes(fig, rect)
    if data.is_long:
        layout.title(fig, rect, "Days off and cup actions per week", theme.foreground)
        weeks = data.weeks
        x = date_numbers(weeks.x) + 3
        off, cups = weeks.values["day_off"], weeks.values["cup_actions"]
        key = []
        for values, style, label in (
            (off, off_style, "days off"),
            (cups, cup_style, "cup actions"),
        ):
            shown = markers(values)
            ax.plot(
                x,
                values,
                color=style.color,
                marker=style.marker,
                linewidth=1,
                label=label,
                **shown,
            )
            key.append(Entry(label, style.color, "-", style.marker, shown["markersize"], 1.0))
        style_axes(ax, theme, "count per week")
        both = np.concatenate([off, cups])
        value_ticks(ax, theme, (0.0 if all_missing(both) else float(np.nanmax(both))) * 1.15)
        draw_key(ax, key, theme)
        date_axis(ax, x - 3, True, theme)
        lines = [Line("days off", off, digits=0), Line("cup actions", cups, digits=0)]
        return Readout(x - 3, lines, weekly=True, axes=[ax])

    layout.title(fig, rect, "Days off and cup actions", theme.foreground)
    daily = data.daily
    x = date_numbers(daily.x)
    off = daily.values["day_off"]
    cups = np.zeros(len(x))
    offsets = (data.cup_action_days - daily.x[0]).astype(np.int64) if len(x) else np.zeros(0)
    np.add.at(cups, offsets[(offsets >= 0) & (offsets < len(x))], 1)
    cups_or_gap = np.where(daily.values["logged"] > 0, cups, np.nan)
    cups_or_gap[cups > 0] = cups[cups > 0]
    days_off = x[off == 1]
    cup_days = x[cups > 0]
    ax.scatter(
        days_off,
        np.ones(len(days_off)),
        marker=off_style.marker,
        s=DAY_OFF_SIZE,
        color=off_style.color,
        label="day off",
    )
    ax.scatter(
        cup_days,
        np.zeros(len(cup_days)),
        marker=cup_style.marker,
        s=cup_size(cups[cups > 0]),
        color=cup_style.color,
        label="cup actions (bigger: more that day)",
    )
    style_axes(ax, theme, "")
    ax.set_ylim(-0.7, 1.7)
    ax.spines["left"].set_visible(False)
    key = [
        Entry("day off", off_style.color, "", off_style.marker, DAY_OFF_SIZE**0.5),
        Entry(
            "cup actions (bigger: more that day)",
            cup_style.color,
            "",
            cup_style.marker,
            cup_size(1) ** 0.5,
        ),
    ]
    draw_key(ax, key, theme)
    date_axis(ax, x, False, theme)
    lines = [Line("day off", off, fmt=yes_no), Line("cup actions", cups_or_gap, digits=0)]
    return Readout(x, lines, axes=[ax])


def yes_no(value: float) -> str:
    """A true/false day value as a person reads it."""
    return NO_ENTRY if np.isnan(value) else ("yes" if value else "no")
