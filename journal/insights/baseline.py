"""A person's own "usual": a lagged, robust baseline per metric.

The baseline window is the 53 days before the recent week (days −60…−8), so a bad week
never hides inside its own reference. Median and MAD resist the odd extreme day; the MAD is
floored because 0–10 ratings often give MAD = 0, which would make any one-point move look
enormous.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from journal.insights.timeline import Timeline

RECENT_DAYS = 7
BASELINE_DAYS = 53  # days −60…−8
MIN_BASELINE_DAYS = 14
MIN_COMPLETENESS = 0.7
#: MAD → standard deviation for normal data.
MAD_TO_SD = 1.4826


@dataclass(frozen=True)
class Baseline:
    """Median and robust spread of the logged values in the baseline window."""

    median: float
    spread: float
    n: int


def robust_baseline(values: list[float], spread_floor: float) -> Baseline:
    """Median and floored MAD-based spread of ``values`` (which must not be empty)."""
    mid = median(values)
    mad = median(abs(v - mid) for v in values)
    return Baseline(mid, max(MAD_TO_SD * mad, spread_floor), len(values))


def baseline_at(
    tl: Timeline,
    metric: str,
    end: int,
    *,
    spread_floor: float = 0.5,
    min_completeness: float = MIN_COMPLETENESS,
) -> Baseline | None:
    """The baseline for a recent week ending on index ``end``, or ``None`` if too thin.

    It needs ≥ 14 logged days, and ``min_completeness`` of the days from the first logged one
    in the window to the window's end, so a newcomer's three weeks can count but scattered
    days cannot.
    """
    last = end - RECENT_DAYS
    window = tl.window(metric, last, BASELINE_DAYS)
    first = next((i for i, v in enumerate(window) if v is not None), None)
    if first is None:
        return None
    values = [v for v in window[first:] if v is not None]
    if len(values) < MIN_BASELINE_DAYS or len(values) < min_completeness * (len(window) - first):
        return None
    return robust_baseline(values, spread_floor)


def reference_at(tl: Timeline, metric: str, end: int, direction: int) -> Baseline | None:
    """The usual to compare a rating with: the lagged baseline, unless the 60 days before it
    were better (by ``direction``: +1 when higher is worse), then those.

    A lagged baseline slowly absorbs a long bad stretch, so after a month of low energy "low"
    would become "usual" and the flag would clear while nothing recovered. Keeping the better
    of the two periods holds the reference for up to four months.
    """
    base = baseline_at(tl, metric, end)
    if base is None:
        return None
    older = baseline_at(tl, metric, end - BASELINE_DAYS - RECENT_DAYS)
    if older is not None and direction * (older.median - base.median) < 0:
        return Baseline(older.median, max(older.spread, base.spread), older.n)
    return base


def weekly_sums(tl: Timeline, metric: str, end: int, weeks: int, min_days: int) -> list[float]:
    """Sums of ``weeks`` 7-day blocks before the recent week (each ≥ ``min_days`` logged)."""
    sums = []
    for w in range(1, weeks + 1):
        values = tl.logged(metric, end - 7 * w, 7)
        if len(values) >= min_days:
            sums.append(sum(values))
    return sums
