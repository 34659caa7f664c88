"""What every flag rule shares: its context, its result, and the two detectors they reuse.

A rule is a pure function ``(ctx, end) -> Finding | Needs | None`` reading only days up to
index ``end``, so the engine can re-run it on earlier days to find when an episode began.
``shift`` (a rating moving away from the person's usual) and ``weekly_rise`` (a weekly total
climbing above its usual) carry the baseline, persistence and trend logic once for all flags.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from statistics import median

from journal.insights.baseline import RECENT_DAYS, reference_at, weekly_sums
from journal.insights.model import Evidence
from journal.insights.timeline import Timeline
from journal.insights.trend import TREND_DAYS, ewma_alarm, significant_trend
from journal.store.models import SelfCheck
from journal.store.settings import Settings

MIN_RECENT = 4  # logged days out of the last 7
TREND_P = 0.01  # watched every day, so a strict test


@dataclass(frozen=True)
class RuleContext:
    timeline: Timeline
    settings: Settings
    self_checks: list[SelfCheck]


@dataclass(frozen=True)
class Finding:
    """A rule fired: the names of the signals that agree, and their numbers."""

    signals: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    #: index of the episode's first day when the rule knows it (else the engine walks back)
    since: int | None = None


@dataclass(frozen=True)
class Needs:
    """A rule cannot look yet; ``text`` says what data is missing, in plain words."""

    text: str


Outcome = Finding | Needs | None
Rule = Callable[[RuleContext, int], Outcome]


@dataclass(frozen=True)
class Rating:
    """How to read one daily rating: which way is worse and where the healthy range ends."""

    metric: str
    label: str
    direction: int  # +1: higher is worse; −1: lower is worse
    healthy_limit: float  # the recent mean must be past this before any flag
    min_move: float = 1.0  # smallest move, in points, that counts
    unit: str = "/10"


def fmt(value: float, unit: str) -> str:
    """A number as people read it: one decimal unless it is whole, then the unit."""
    number = f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
    return number + unit


def shift(ctx: RuleContext, end: int, rating: Rating) -> Finding | Needs | None:
    """A rating persistently worse than the person's own baseline, or trending worse.

    ``shifted``: the EWMA of the last two weeks crosses its limit, 3 of the last 5 logged days
    are a full spread (≥ ``min_move``) worse than usual, and so is the week's mean.
    ``trend``: over 28 days the Theil–Sen change is worse by ≥ ``min_move`` with Mann–Kendall
    p < 0.01. Either only counts when the week's mean is outside the healthy range.
    """
    tl = ctx.timeline
    recent = tl.logged(rating.metric, end, RECENT_DAYS)
    if len(recent) < MIN_RECENT:
        return Needs(f"{rating.label} logged on at least {MIN_RECENT} of the last 7 days")
    base = reference_at(tl, rating.metric, end, rating.direction)
    if base is None:
        return Needs(
            f"{rating.label} logged on at least 14 days (most days) in the 8 weeks before "
            "the last week, to know what is usual for you"
        )
    d = rating.direction
    mean = sum(recent) / len(recent)
    if d * (mean - rating.healthy_limit) < 0:
        return None
    step = max(base.spread, rating.min_move)
    signals: list[str] = []
    bad = sum(d * (v - base.median) >= step for v in recent[-5:])
    if (
        bad >= 3
        and d * (mean - base.median) >= step
        and ewma_alarm(tl.logged(rating.metric, end, 14), base.median, base.spread, d)
    ):
        signals.append(f"{rating.metric}_shift")
    window = tl.window(rating.metric, end, TREND_DAYS)
    tr = significant_trend(window, TREND_P)
    change = tr.slope * (TREND_DAYS - 1) if tr else 0.0
    if tr and d * change >= rating.min_move and d * tr.z > 0:
        signals.append(f"{rating.metric}_trend")
    if not signals:
        return None
    note = (
        f"{rating.label.capitalize()} averaged {fmt(mean, rating.unit)} over the last "
        f"{RECENT_DAYS} days, against your usual {fmt(base.median, rating.unit)}"
    )
    if tr and f"{rating.metric}_trend" in signals:
        word = "risen" if change > 0 else "fallen"
        note += f"; over 4 weeks it has {word} by about {abs(change):.1f}"
    return Finding(
        tuple(signals),
        (Evidence(rating.metric, RECENT_DAYS, mean, base.median, None, note),),
    )


@dataclass(frozen=True)
class WeeklyLoad:
    """A weekly total (hours, sessions, minutes) compared with its usual weekly total."""

    metric: str
    label: str
    ratio: float  # "well above usual" means ≥ ratio × the usual week
    min_rise: float  # …and at least this much more in absolute terms
    floor: float  # no flag while the week stays under this (healthy range)


def week_total(ctx: RuleContext, end: int, metric: str) -> tuple[float, int]:
    """The 7-day sum of logged values ending at ``end`` and how many days were logged."""
    values = ctx.timeline.logged(metric, end, 7)
    return sum(values), len(values)


def without_peak(ctx: RuleContext, end: int, metric: str) -> float:
    """The 7-day total with its heaviest day counted as a middling one.

    Rules check this too, so a single extreme day (a 12-hour catch-up, a crisis day) cannot
    carry a weekly total over a line on its own: one bad day never flags.
    """
    values = ctx.timeline.logged(metric, end, 7)
    if len(values) < 3:
        return sum(values)
    return sum(values) - max(values) + median(values)


def weekly_rise(ctx: RuleContext, end: int, load: WeeklyLoad) -> Finding | Needs | None:
    """The last week's total well above the usual week, and so were the weeks ending 3 and 6
    days ago.

    The usual week is the median of the eight weeks before the recent one (each with ≥ 4
    logged days; at least four such weeks). Requiring three overlapping windows (about ten
    days of higher load) means one heavy day, or a single catch-up day, does not flag.
    """
    total, logged = week_total(ctx, end, load.metric)
    if logged < MIN_RECENT:
        return Needs(f"{load.label} logged on at least {MIN_RECENT} of the last 7 days")
    usual_weeks = weekly_sums(ctx.timeline, load.metric, end, 8, MIN_RECENT)
    if len(usual_weeks) < 4:
        return Needs(f"{load.label} logged for at least 4 weeks before the last one")
    usual = sorted(usual_weeks)[len(usual_weeks) // 2]

    def high(t: float) -> bool:
        return t >= load.floor and t >= usual * load.ratio and t - usual >= load.min_rise

    earlier = [week_total(ctx, end - d, load.metric)[0] for d in (3, 6)]
    if not (high(total) and high(without_peak(ctx, end, load.metric)) and all(map(high, earlier))):
        return None
    note = (
        f"{fmt(total, '')} {load.label} in the last 7 days, against your usual "
        f"{fmt(usual, '')} a week"
    )
    return Finding(
        (f"{load.metric}_rise",),
        (Evidence(f"{load.metric}_week", 7, total, usual, None, note),),
    )


def merge(findings: list[Finding | Needs | None]) -> Finding | Needs | None:
    """One finding from several signals of one flag; ``Needs`` only if nothing could look."""
    found = [f for f in findings if isinstance(f, Finding)]
    if found:
        return Finding(
            tuple(s for f in found for s in f.signals),
            tuple(e for f in found for e in f.evidence),
        )
    needs = [f for f in findings if isinstance(f, Needs)]
    if needs and len(needs) == len(findings):
        return needs[0]
    return None
