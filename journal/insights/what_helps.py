""" "What helps me": an N-of-1 look at how the day after an action compares with other days.

For each action (and each category) done on ≥ 10 days and not done on ≥ 10, the next day's
mood, energy and stress are compared, adjusted for that day's own level and session hours by
least squares. Adjusting is done once per metric (Frisch–Waugh–Lovell: residualise both the
outcome and the done/not-done indicator on the covariates), so the action's effect is a
one-variable slope. The 90 % interval is a seeded moving-block bootstrap (7-day blocks keep
each week's rhythm and the autocorrelation of daily ratings); with precomputed block sums each
replicate costs one lookup per block, which keeps a year of history well inside the time budget.
It remains an observation, not proof, and every result says so.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import itemgetter, mul

from journal.insights.catalogue import Catalogue
from journal.insights.model import Helps
from journal.insights.timeline import Timeline
from journal.store.models import CustomAction

METRICS = ("mood", "energy", "stress")
WINDOW_DAYS = 365
MIN_DAYS = 10
SUGGESTIVE_BELOW = 20
BLOCK = 7
REPLICATES = 200
SEED = 20_260_301

CONFOUNDERS = (
    "Good days invite the action, lighter days leave room for it, and an unusual day tends "
    "to be followed by a more usual one, so this is an observation, not proof."
)


@dataclass(frozen=True)
class Candidate:
    """Something whose days can be compared: one action, or any action in a category."""

    key: str
    title: str
    category: str | None
    #: action keys that count as "done"
    members: frozenset[str]


def candidates(
    tl: Timeline, catalogue: Catalogue, custom: Sequence[CustomAction]
) -> list[Candidate]:
    """Every action done in the window, and every category with an action done."""
    keys = sorted(set().union(*tl.actions[-WINDOW_DAYS:])) if tl.actions else []
    custom_by_key = {c.id: c for c in custom} | {
        "custom:" + " ".join(c.title.split()).lower(): c for c in custom
    }
    out: list[Candidate] = []
    category_of: dict[str, str] = {}
    for key in keys:
        action = catalogue.get(key)
        mine = custom_by_key.get(key)
        if action:
            title, category = action.title, action.category
        elif mine:
            title, category = mine.title, mine.category
        else:
            title, category = key.removeprefix("custom:"), None
        if category:
            category_of[key] = category
        out.append(Candidate(key, title, category, frozenset({key})))
    for category in sorted(set(category_of.values())):
        members = frozenset(k for k, c in category_of.items() if c == category)
        if len(members) < 2:
            continue  # the same days as the one action: nothing new to say
        out.append(
            Candidate(
                f"category:{category}",
                f"any '{category.replace('_', ' ')}' action",
                category,
                members,
            )
        )
    return out


def _solve3(a: list[list[float]], b: list[float]) -> list[float] | None:
    """Solve a 3×3 system by Cramer's rule; ``None`` when singular."""

    def det(m: list[list[float]]) -> float:
        return (
            m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
            - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
            + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
        )

    d = det(a)
    if abs(d) < 1e-9:
        return None
    out = []
    for col in range(3):
        m = [row[:] for row in a]
        for r in range(3):
            m[r][col] = b[r]
        out.append(det(m) / d)
    return out


class _Residualiser:
    """Least-squares residuals on the covariates [1, today's level, session hours]."""

    def __init__(self, today: list[float], load: list[float]) -> None:
        self.cols = ([1.0] * len(today), today, load)
        self.ztz = [[sum(map(mul, a, b)) for b in self.cols] for a in self.cols]

    def __call__(self, v: list[float]) -> list[float] | None:
        coef = _solve3(self.ztz, [sum(map(mul, col, v)) for col in self.cols])
        if coef is None:
            return None
        c0, c1, c2 = coef
        return [
            x - c0 - c1 * a - c2 * b for x, a, b in zip(v, self.cols[1], self.cols[2], strict=True)
        ]


def _block_sums(values: list[float]) -> list[float]:
    """Sum of every run of ``BLOCK`` consecutive values (one per possible block start)."""
    total = sum(values[:BLOCK])
    out = [total]
    for i in range(BLOCK, len(values)):
        total += values[i] - values[i - BLOCK]
        out.append(total)
    return out


def _percentile(sorted_values: list[float], q: float) -> float:
    pos = q * (len(sorted_values) - 1)
    lo = math.floor(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


Getter = Callable[[list[float]], tuple[float, ...]]


def _block_draws(n: int, seed: int) -> list[Getter]:
    """Per replicate, a getter for its ``ceil(n/7)`` random block starts."""
    rng = random.Random(seed)
    k = math.ceil(n / BLOCK)
    positions = range(n - BLOCK + 1)
    return [itemgetter(*rng.choices(positions, k=k)) for _ in range(REPLICATES)]


def what_helps(
    tl: Timeline, catalogue: Catalogue, custom: Sequence[CustomAction] = ()
) -> list[Helps]:
    """All qualifying (action or category, metric) observations, by action then metric."""
    found = candidates(tl, catalogue, custom)
    if not found:
        return []
    first = max(0, tl.size - 1 - WINDOW_DAYS)
    hours, off = tl.get("session_hours"), tl.get("day_off")
    logged_hours = [h for h in hours[first:] if h is not None]
    usual_hours = sum(logged_hours) / len(logged_hours) if logged_hours else 0.0
    results: list[Helps] = []
    draws_for: dict[int, list[Getter]] = {}  # metrics often share a row count
    for metric in METRICS:
        series = tl.get(metric)
        days = [
            t
            for t in range(first, tl.size - 1)
            if series[t] is not None and series[t + 1] is not None
        ]
        if len(days) < 2 * MIN_DAYS:
            continue
        today = [float(series[t]) for t in days]  # type: ignore[arg-type]
        load = [
            hours[t] if hours[t] is not None else (0.0 if off[t] == 1.0 else usual_hours)
            for t in days
        ]
        resid = _Residualiser(today, [float(x) for x in load])  # type: ignore[arg-type]
        y = resid([float(series[t + 1]) for t in days])  # type: ignore[arg-type]
        if y is None:
            continue
        if len(days) not in draws_for:
            draws_for[len(days)] = _block_draws(len(days), SEED)
        draws = draws_for[len(days)]
        for cand in found:
            done = [0.0 if cand.members.isdisjoint(tl.actions[t]) else 1.0 for t in days]
            n_done = int(sum(done))
            n_not = len(days) - n_done
            if n_done < MIN_DAYS or n_not < MIN_DAYS:
                continue
            d = resid(done)
            if d is None:
                continue
            dy, dd = [a * b for a, b in zip(d, y, strict=True)], [a * a for a in d]
            den = sum(dd)
            if den <= 1e-9:
                continue
            beta = sum(dy) / den
            bdy, bdd = _block_sums(dy), _block_sums(dd)
            reps = []
            for pick in draws:
                den_b = sum(pick(bdd))
                if den_b > 1e-9:
                    reps.append(sum(pick(bdy)) / den_b)
            reps.sort()
            ci = (_percentile(reps, 0.05), _percentile(reps, 0.95)) if reps else (beta, beta)
            suggestive = min(n_done, n_not) < SUGGESTIVE_BELOW
            results.append(
                Helps(
                    action=cand.key,
                    title=cand.title,
                    n_done=n_done,
                    n_not=n_not,
                    metric=metric,
                    next_day_diff=beta,
                    ci90=ci,
                    suggestive=suggestive,
                    note=_note(cand.title, metric, beta, suggestive),
                )
            )
    order = {m: i for i, m in enumerate(METRICS)}
    results.sort(key=lambda h: (h.action, order[h.metric]))
    return results


def _note(title: str, metric: str, diff: float, suggestive: bool) -> str:
    direction = "higher" if diff > 0 else "lower"
    text = (
        f"The day after '{title}', your {metric} was on average {abs(diff):.1f} points "
        f"{direction} than after other days, allowing for that day's {metric} and session "
        f"hours. {CONFOUNDERS}"
    )
    if suggestive:
        text += " Suggestive only: fewer than 20 days on one side."
    return text
