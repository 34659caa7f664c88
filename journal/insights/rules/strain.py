"""Burnout's strain side and compassion fatigue: how the days feel, read against the usual."""

from __future__ import annotations

from journal.insights.baseline import RECENT_DAYS, baseline_at, weekly_sums
from journal.insights.model import Evidence
from journal.insights.rules.base import (
    MIN_RECENT,
    Finding,
    Needs,
    Outcome,
    Rating,
    RuleContext,
    merge,
    shift,
    week_total,
)

ENERGY = Rating("energy", "energy", -1, healthy_limit=6)
MOOD = Rating("mood", "mood", -1, healthy_limit=6)
EFFECTIVE = Rating("effective", "feeling effective at work", -1, healthy_limit=6)
DREAD = Rating("dread", "dread before sessions", +1, healthy_limit=4)
DETACHMENT = Rating("detachment", "going through the motions", +1, healthy_limit=4)
IRRITABILITY = Rating("irritability", "irritability about the work", +1, healthy_limit=4)
MEANING = Rating("meaning", "sense of meaning in the work", -1, healthy_limit=6)
INTRUSIVE = Rating("intrusive", "intrusive thoughts about clients' trauma", +1, healthy_limit=3)


def exhaustion(ctx: RuleContext, end: int) -> Outcome:
    """Energy or mood persistently under the usual, or trending down; efficacy joins in."""
    core = merge([shift(ctx, end, ENERGY), shift(ctx, end, MOOD)])
    if isinstance(core, Finding):
        extra = shift(ctx, end, EFFECTIVE)
        if isinstance(extra, Finding):
            return merge([core, extra])
    return core


def dread_cynicism(ctx: RuleContext, end: int) -> Outcome:
    """Dread, detachment or irritability above the usual or rising."""
    return merge([shift(ctx, end, r) for r in (DREAD, DETACHMENT, IRRITABILITY)])


def meaning_decline(ctx: RuleContext, end: int) -> Outcome:
    """Sense of meaning in the work falling against the usual."""
    return shift(ctx, end, MEANING)


def intrusive_thoughts(ctx: RuleContext, end: int) -> Outcome:
    """Intrusive thoughts above the usual or rising, or high (6+) on 4 of the last 7 days."""
    tl = ctx.timeline
    recent = tl.logged("intrusive", end, RECENT_DAYS)
    often: Outcome = None
    high = sum(v >= 6 for v in recent)
    if len(recent) >= MIN_RECENT and high >= 4:
        note = f"intrusive thoughts rated 6 or more on {high} of the last {len(recent)} logged days"
        often = Finding(
            ("intrusive_often",),
            (Evidence("intrusive_days_high", RECENT_DAYS, high, None, None, note),),
        )
    return merge([shift(ctx, end, INTRUSIVE), often])


def social_withdrawal(ctx: RuleContext, end: int) -> Outcome:
    """Time with friends and family at half the usual or less on most recent days."""
    tl = ctx.timeline
    recent = tl.logged("social_minutes", end, RECENT_DAYS)
    if len(recent) < MIN_RECENT:
        return Needs(f"time with friends and family logged on at least {MIN_RECENT} of 7 days")
    base = baseline_at(tl, "social_minutes", end, spread_floor=10)
    if base is None:
        return Needs("time with friends and family logged on at least 14 days before last week")
    if base.median < 20:
        return None
    half = base.median / 2
    mean = sum(recent) / len(recent)
    if mean > half or sum(v <= half for v in recent[-5:]) < 4:
        return None
    note = (
        f"{mean:.0f} minutes a day with friends or family over the last 7 days, against "
        f"your usual {base.median:.0f}"
    )
    return Finding(
        ("social_drop",),
        (Evidence("social_minutes", RECENT_DAYS, mean, base.median, None, note),),
    )


def activity_drop(ctx: RuleContext, end: int) -> Outcome:
    """The week's activity under the weekly target and at half the usual week or less, for two
    weeks running (windows ending today, 3 and 7 days ago), so one quiet week does not flag."""
    target = ctx.settings.weekly_activity_target_minutes
    total, logged = week_total(ctx, end, "activity_minutes")
    if logged < MIN_RECENT:
        return Needs(f"days logged on at least {MIN_RECENT} of the last 7, to count activity")
    weeks = weekly_sums(ctx.timeline, "activity_minutes", end, 8, MIN_RECENT)
    if len(weeks) < 4:
        return Needs("activity logged for at least 4 weeks before the last one")
    usual = sorted(weeks)[len(weeks) // 2]

    def dropped(t: float) -> bool:
        return t < target and t <= 0.5 * usual and usual - t >= 30

    earlier = [week_total(ctx, end - d, "activity_minutes")[0] for d in (3, 7)]
    if not (dropped(total) and all(dropped(t) for t in earlier)):
        return None
    note = (
        f"{total:.0f} active minutes in the last 7 days, against your usual {usual:.0f} "
        f"and the {target} minutes a week health bodies suggest"
    )
    return Finding(
        ("activity_low",),
        (Evidence("activity_minutes_week", 7, total, usual, float(target), note),),
    )
