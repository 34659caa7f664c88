"""What an analysis returns: flags with their evidence and actions, and "what helps me".

Plain frozen dataclasses; :meth:`InsightsReport.to_dict` is the DESIGN.md §3 JSON shape, which
users' scripts depend on, so its keys only ever grow.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

FLAG_KINDS = ("burnout", "compassion_fatigue", "general")
LEVELS = ("watch", "warning")


@dataclass(frozen=True)
class Evidence:
    """One number a flag rests on: the recent value beside the usual one and any target."""

    metric: str
    window_days: int
    recent: float | None
    baseline: float | None = None
    target: float | None = None
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "metric": self.metric,
            "window_days": self.window_days,
            "recent": _round(self.recent),
            "baseline": _round(self.baseline),
            "target": _round(self.target),
            "note": self.note,
        }


@dataclass(frozen=True)
class Suggestion:
    """A "fill your cup" action offered with a flag."""

    id: str
    title: str
    why: str
    category: str
    minutes: int | None = None
    custom: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "why": self.why,
            "category": self.category,
            "minutes": self.minutes,
            "custom": self.custom,
        }


@dataclass(frozen=True)
class Flag:
    """A pattern worth noticing, since ``since``, with the numbers behind it."""

    id: str
    kind: str
    level: str
    since: dt.date
    title: str
    explanation: str
    evidence: list[Evidence] = field(default_factory=list)
    actions: list[Suggestion] = field(default_factory=list)
    is_not: str = ""
    snoozed_until: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "level": self.level,
            "since": self.since.isoformat(),
            "title": self.title,
            "explanation": self.explanation,
            "evidence": [e.to_dict() for e in self.evidence],
            "actions": [a.to_dict() for a in self.actions],
            "is_not": self.is_not,
            "snoozed_until": self.snoozed_until,
        }


@dataclass(frozen=True)
class Missing:
    """A flag that could not be looked at yet, and what data it still needs."""

    id: str
    needs: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "needs": self.needs}


@dataclass(frozen=True)
class Helps:
    """One "what helps me" observation: the next day after an action, against other days."""

    action: str
    title: str
    n_done: int
    n_not: int
    metric: str
    next_day_diff: float
    ci90: tuple[float, float]
    suggestive: bool
    note: str

    @property
    def favourable(self) -> bool:
        """Whether the whole interval lies on the good side (lower is better for stress)."""
        low, high = self.ci90
        return high < 0 if self.metric == "stress" else low > 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "title": self.title,
            "n_done": self.n_done,
            "n_not": self.n_not,
            "metric": self.metric,
            "next_day_diff": round(self.next_day_diff, 2),
            "ci90": [round(self.ci90[0], 2), round(self.ci90[1], 2)],
            "suggestive": self.suggestive,
            "note": self.note,
        }


@dataclass(frozen=True)
class InsightsReport:
    """The whole analysis for one day."""

    as_of: dt.date
    days_with_data: int
    flags: list[Flag] = field(default_factory=list)
    insufficient_data: list[Missing] = field(default_factory=list)
    what_helps: list[Helps] = field(default_factory=list)
    snoozed: list[Flag] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The DESIGN.md §3 JSON object (``snoozed`` is an extra key)."""
        return {
            "as_of": self.as_of.isoformat(),
            "days_with_data": self.days_with_data,
            "flags": [f.to_dict() for f in self.flags],
            "insufficient_data": [m.to_dict() for m in self.insufficient_data],
            "what_helps": [h.to_dict() for h in self.what_helps],
            "snoozed": [f.to_dict() for f in self.snoozed],
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)
