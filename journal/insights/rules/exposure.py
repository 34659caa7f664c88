"""Compassion fatigue's exposure side: trauma-heavy sessions and sleep after them."""

from __future__ import annotations

import math
from statistics import mean, variance

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
)

TRAUMA_RISE = WeeklyLoad("trauma_sessions", "trauma-heavy sessions", 1.5, 4.0, 6.0)
LINK_DAYS = 42
MIN_PAIRS = 5
LINK_T = 3.0  # watched daily over overlapping windows: a strict one-sided t


def _share(ctx: RuleContext, end: int) -> tuple[float, float] | None:
    """Trauma sessions and all sessions in the 7 days ending at ``end`` (days with both)."""
    tl = ctx.timeline
    pairs = [
        (t, s)
        for t, s in zip(
            tl.window("trauma_sessions", end, 7), tl.window("sessions", end, 7), strict=True
        )
        if t is not None and s is not None
    ]
    return (sum(t for t, _ in pairs), sum(s for _, s in pairs)) if pairs else None


def trauma_exposure(ctx: RuleContext, end: int) -> Outcome:
    """Over half of sessions trauma-heavy for two weeks running, or well above the usual count."""
    _, logged = week_total(ctx, end, "trauma_sessions")
    share: Outcome = None
    if logged < MIN_RECENT:
        share = Needs(f"trauma-heavy sessions logged on at least {MIN_RECENT} of the last 7 days")
    else:
        this, last = _share(ctx, end), _share(ctx, end - 7)
        if this and last and this[1] >= 4 and last[1] >= 4:
            a, b = this[0] / this[1], last[0] / last[1]
            if a > 0.5 and b > 0.5:
                note = (
                    f"{this[0]:.0f} of {this[1]:.0f} sessions in the last 7 days were "
                    f"trauma-heavy ({a:.0%}), and {b:.0%} the week before"
                )
                share = Finding(
                    ("trauma_share_high",),
                    (Evidence("trauma_share", 14, round(a * 100), None, 50, note),),
                )
    return merge([share, weekly_rise(ctx, end, TRAUMA_RISE)])


def _heavy(trauma: float | None, sessions: float | None) -> bool | None:
    """Whether a workday was trauma-heavy (2+ such sessions, or half of them); None if unknown."""
    if trauma is None or not sessions:
        return None
    return trauma >= 2 or trauma / sessions >= 0.5


def _welch_t(a: list[float], b: list[float]) -> float:
    """Welch's t for mean(a) − mean(b); 0 when there is no spread at all."""
    se = math.sqrt(variance(a) / len(a) + variance(b) / len(b))
    return (mean(a) - mean(b)) / se if se > 0 else 0.0


def _local_deviation(night: list[float | None], n: int, end: int) -> float | None:
    """How night ``n`` differs from the other logged nights within 3 days of it (up to ``end``).

    Comparing each night with its own neighbourhood keeps a slow change (a hard month, a
    holiday) from passing for a link: heavier trauma days cluster in heavier periods, and
    whole periods differ in sleep for many reasons.
    """
    value = night[n]
    if value is None:
        return None
    near = [v for v in night[max(0, n - 3) : min(end, n + 3) + 1] if v is not None]
    if len(near) < 3:  # itself and at least two neighbours
        return None
    return value - (sum(near) - value) / (len(near) - 1)


def trauma_sleep_link(ctx: RuleContext, end: int) -> Outcome:
    """Over 6 weeks, nights after trauma-heavy days shorter or worse than their neighbours,
    compared with nights after other workdays."""
    tl = ctx.timeline
    trauma, sessions = tl.get("trauma_sessions"), tl.get("sessions")
    findings: list[Outcome] = []
    for metric, label, unit, gap in (
        ("sleep_hours", "hours of sleep", " h", 0.75),
        ("sleep_quality", "sleep quality", " points", 1.0),
    ):
        night = tl.get(metric)
        after_heavy: list[float] = []
        after_other: list[float] = []
        for d in range(max(0, end - LINK_DAYS), end):
            kind = _heavy(trauma[d], sessions[d])
            if kind is None:
                continue
            deviation = _local_deviation(night, d + 1, end)
            if deviation is not None:
                (after_heavy if kind else after_other).append(deviation)
        if len(after_heavy) < MIN_PAIRS or len(after_other) < MIN_PAIRS:
            findings.append(
                Needs(
                    f"at least {MIN_PAIRS} nights logged after trauma-heavy workdays and "
                    f"{MIN_PAIRS} after other workdays in the last 6 weeks"
                )
            )
            continue
        diff = mean(after_other) - mean(after_heavy)
        if diff < gap or _welch_t(after_other, after_heavy) < LINK_T:
            findings.append(None)
            continue
        note = (
            f"over the last 6 weeks, {label} after {len(after_heavy)} trauma-heavy days was "
            f"{diff:.1f}{unit} lower than on the nights around them, compared with "
            f"{len(after_other)} other workdays"
        )
        findings.append(
            Finding(
                (f"{metric}_after_trauma",),
                (Evidence(f"{metric}_after_trauma", LINK_DAYS, -diff, 0.0, None, note),),
            )
        )
    return merge(findings)
