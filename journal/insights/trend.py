"""Trend and shift statistics for one person's daily series.

Theil–Sen (the median of pairwise slopes) shrugs off odd days; Mann–Kendall says whether the
rise or fall is more than chance ordering. The one-sided EWMA accumulates small steady moves
that single-day thresholds miss, and the persistence count stops one bad day from counting.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import median

TREND_DAYS = 28
MIN_TREND_POINTS = 14
EWMA_LAMBDA = 0.2
EWMA_L = 3.0


@dataclass(frozen=True)
class Trend:
    """Theil–Sen slope per day, Mann–Kendall z and the one-sided p for the slope's direction."""

    slope: float
    z: float
    p: float
    n: int


def theil_sen(points: list[tuple[int, float]]) -> float:
    """Median of the slopes between all pairs of points with distinct x."""
    slopes = [
        (y2 - y1) / (x2 - x1)
        for i, (x1, y1) in enumerate(points)
        for x2, y2 in points[i + 1 :]
        if x2 != x1
    ]
    return median(slopes) if slopes else 0.0


def mann_kendall(ys: list[float]) -> tuple[float, float]:
    """Mann–Kendall z (tie-corrected variance, continuity-corrected) and one-sided p."""
    n = len(ys)
    s = 0
    for i in range(n - 1):
        yi = ys[i]
        for yj in ys[i + 1 :]:
            s += (yj > yi) - (yj < yi)
    ties: dict[float, int] = {}
    for y in ys:
        ties[y] = ties.get(y, 0) + 1
    var = (n * (n - 1) * (2 * n + 5) - sum(t * (t - 1) * (2 * t + 5) for t in ties.values())) / 18
    if var <= 0 or s == 0:
        return 0.0, 0.5
    z = (s - 1) / math.sqrt(var) if s > 0 else (s + 1) / math.sqrt(var)
    return z, 0.5 * math.erfc(abs(z) / math.sqrt(2))


def trend(values: list[float | None]) -> Trend | None:
    """Trend over a window of daily values (missing kept), or ``None`` under 14 points."""
    points = [(i, v) for i, v in enumerate(values) if v is not None]
    if len(points) < MIN_TREND_POINTS:
        return None
    z, p = mann_kendall([v for _, v in points])
    return Trend(theil_sen(points), z, p, len(points))


def significant_trend(values: list[float | None], p_max: float) -> Trend | None:
    """Like :func:`trend`, but ``None`` unless Mann–Kendall p < ``p_max`` (the Theil–Sen
    slope, the costlier half, is only computed then)."""
    points = [(i, v) for i, v in enumerate(values) if v is not None]
    if len(points) < MIN_TREND_POINTS:
        return None
    z, p = mann_kendall([v for _, v in points])
    if p >= p_max:
        return None
    return Trend(theil_sen(points), z, p, len(points))


def ewma_alarm(values: list[float], centre: float, spread: float, direction: int) -> bool:
    """Whether a one-sided EWMA (λ 0.2, L 3) of standardised values crosses its limit.

    ``direction`` is +1 when higher is worse, −1 when lower is worse; the statistic starts at
    0 and is floored there, so good days cannot bank credit against later bad ones.
    """
    limit = EWMA_L * math.sqrt(EWMA_LAMBDA / (2 - EWMA_LAMBDA))
    z = 0.0
    for value in values:
        z = max(0.0, (1 - EWMA_LAMBDA) * z + EWMA_LAMBDA * direction * (value - centre) / spread)
    return z > limit
