"""Burnout's load and recovery side: sleep, client hours, admin, days off and breaks."""

from __future__ import annotations

from dataclasses import replace
from statistics import median

from journal.insights.baseline import RECENT_DAYS, baseline_at
from journal.insights.model import Evidence
from journal.insights.rules.base import (
    MIN_RECENT,
    Finding,
    Needs,
    Outcome,
    RuleContext,
    WeeklyLoad,
    merge,
    week_total,
    weekly_rise,
    without_peak,
)

SHORT_NIGHT_HOURS = 6.0  # under 6 h predicted later burnout (Söderström 2012)


def sleep_debt(ctx: RuleContext, end: int) -> Outcome:
    """The week's sleep a full hour under target, or four or more nights under 6 h."""
    target = ctx.settings.sleep_target_hours
    nights = ctx.timeline.logged("sleep_hours", end, RECENT_DAYS)
    if len(nights) < MIN_RECENT:
        return Needs(f"sleep logged on at least {MIN_RECENT} of the last 7 nights")
    mean = sum(nights) / len(nights)
    short = sum(h < SHORT_NIGHT_HOURS for h in nights)
    under = sum(h < target for h in nights)
    signals = []
    # the shortest night counted as a middling one: one sleepless night is not a sleep debt
    trimmed = (sum(nights) - min(nights) + median(nights)) / len(nights)
    if max(mean, trimmed) <= target - 1 and under >= 3:
        signals.append("sleep_below_target")
    if short >= 4:
        signals.append("short_nights")
    if not signals:
        return None
    base = baseline_at(ctx.timeline, "sleep_hours", end, spread_floor=0.25)
    usual = f" and your usual {base.median:.1f} h" if base else ""
    note = (
        f"{mean:.1f} h a night over the last {len(nights)} logged nights ({short} under 6 h), "
        f"against a {target:g} h target{usual}"
    )
    return Finding(
        tuple(signals),
        (Evidence("sleep_hours", RECENT_DAYS, mean, base.median if base else None, target, note),),
    )


SESSION_RISE = WeeklyLoad("session_hours", "client hours", 1.25, 3.0, 0.0)
ADMIN_RISE = WeeklyLoad("admin_hours", "admin hours", 1.5, 3.0, 6.0)


def high_session_load(ctx: RuleContext, end: int) -> Outcome:
    """Client hours over the weekly cap, or ≥ 25 % over the usual week, in two overlapping weeks."""
    cap = ctx.settings.weekly_session_hours_cap
    total, logged = week_total(ctx, end, "session_hours")
    earlier, _ = week_total(ctx, end - 3, "session_hours")
    over_cap: Outcome = None
    if total > cap and earlier > cap and without_peak(ctx, end, "session_hours") > cap:
        note = f"{total:.1f} client hours in the last 7 days, over your weekly cap of {cap:g} h"
        over_cap = Finding(
            ("over_cap",), (Evidence("session_hours_week", 7, total, None, cap, note),)
        )
    elif logged < MIN_RECENT:
        over_cap = Needs(f"session hours logged on at least {MIN_RECENT} of the last 7 days")
    # a rise only matters once the week is a real load (60 % of the cap or more)
    rise = weekly_rise(ctx, end, replace(SESSION_RISE, floor=0.6 * cap))
    return merge([over_cap, rise])


def admin_overload(ctx: RuleContext, end: int) -> Outcome:
    """Admin hours well above the usual week, or as many as client hours (and ≥ 8 h a week)."""
    admin, logged = week_total(ctx, end, "admin_hours")
    sessions, _ = week_total(ctx, end, "session_hours")
    admin_before, _ = week_total(ctx, end - 3, "admin_hours")
    sessions_before, _ = week_total(ctx, end - 3, "session_hours")
    against_sessions: Outcome = None
    if logged < MIN_RECENT:
        against_sessions = Needs(f"admin hours logged on at least {MIN_RECENT} of the last 7 days")
    elif (
        min(admin_before, without_peak(ctx, end, "admin_hours")) >= 8
        and admin >= sessions
        and admin_before >= sessions_before
    ):
        note = f"{admin:.1f} admin hours in the last 7 days against {sessions:.1f} client hours"
        against_sessions = Finding(
            ("admin_over_sessions",),
            (Evidence("admin_hours_week", 7, admin, None, None, note),),
        )
    return merge([against_sessions, weekly_rise(ctx, end, ADMIN_RISE)])


def _worked(sessions: float | None, hours: float | None, day_off: float | None) -> bool | None:
    """True for a logged workday, False for a logged day off, None when the day is unknown."""
    if day_off == 1.0:
        return False
    if day_off == 0.0 or (sessions or 0) > 0 or (hours or 0) > 0:
        return True
    return None


def no_recovery(ctx: RuleContext, end: int) -> Outcome:
    """More logged workdays in a row than the set maximum, or breaks on few workdays.

    A day with nothing logged ends the run: it may well have been a day off, and a flag is
    never raised on a guess.
    """
    tl = ctx.timeline
    limit = ctx.settings.max_days_without_day_off
    sessions, hours, off = tl.get("sessions"), tl.get("session_hours"), tl.get("day_off")
    logged = sum(
        _worked(sessions[i], hours[i], off[i]) is not None for i in range(end - 6, end + 1)
    )
    if logged < MIN_RECENT:
        return Needs(f"workdays and days off logged on at least {MIN_RECENT} of the last 7 days")
    run = 0
    i = end
    while i >= 0 and _worked(sessions[i], hours[i], off[i]):
        run += 1
        i -= 1
    signals: list[str] = []
    evidence: list[Evidence] = []
    since = None
    if run > limit:
        signals.append("no_day_off")
        since = i + 1
        note = f"{run} workdays in a row without a logged day off; your limit is {limit}"
        evidence.append(Evidence("days_without_day_off", run, run, None, limit, note))
    share = _break_share(ctx, end)
    if share is not None and share < 0.3 and (_break_share(ctx, end - 3) or 1.0) < 0.3:
        signals.append("few_breaks")
        note = f"a break of 10 minutes or more on {share:.0%} of your last workdays"
        evidence.append(Evidence("workdays_with_breaks", 14, round(share * 100), None, 30, note))
    if not signals:
        return None
    return Finding(tuple(signals), tuple(evidence), since if signals == ["no_day_off"] else None)


def _break_share(ctx: RuleContext, end: int) -> float | None:
    """Share of the last 14 days' workdays (≥ 5 with breaks logged) that had a break."""
    tl = ctx.timeline
    days = [
        b
        for s, b in zip(tl.window("sessions", end, 14), tl.window("breaks", end, 14), strict=True)
        if s and b is not None
    ]
    if len(days) < 5:
        return None
    return sum(b >= 1 for b in days) / len(days)
