"""Refill's own short self-check: 12 questions scored into four 0–100 reflection scores.

The questions are the project's own wording (``resources/selfcheck.json``), not a published
instrument, and the scores are shown as a reflection aid. They never raise a flag by
themselves; they join a flag that the daily data already raised, as extra evidence.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

from journal.insights.model import Evidence
from journal.resources import resource_path
from journal.store.models import SELF_CHECK_SCORES, SelfCheck


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    subscale: str


def _load() -> tuple[tuple[Question, ...], tuple[str, ...], str, str]:
    doc = json.loads(resource_path("selfcheck.json").read_text(encoding="utf-8"))
    questions = tuple(Question(q["id"], q["text"], q["subscale"]) for q in doc["questions"])
    if not 10 <= len(questions) <= 16:
        raise ValueError(f"selfcheck.json: expected 10–16 questions, found {len(questions)}")
    for q in questions:
        if q.subscale not in SELF_CHECK_SCORES:
            raise ValueError(f"selfcheck.json: question {q.id!r}: unknown subscale {q.subscale!r}")
    for name in SELF_CHECK_SCORES:
        if sum(q.subscale == name for q in questions) < 2:
            raise ValueError(f"selfcheck.json: subscale {name!r} needs at least two questions")
    return questions, tuple(doc["anchors"]), doc["disclaimer"], doc["period"]


QUESTIONS, ANCHORS, DISCLAIMER, PERIOD = _load()
MAX_ANSWER = len(ANCHORS) - 1  # answers are 0…4

#: self-check score → the flags it adds evidence to
FEEDS = {
    "exhaustion": ("exhaustion",),
    "detachment": ("dread_cynicism",),
    "secondary_trauma": ("intrusive_thoughts", "trauma_exposure", "trauma_sleep_link"),
    "satisfaction": ("meaning_decline",),
}
RECENT_DAYS = 28


def score(answers: Sequence[int]) -> dict[str, float]:
    """Each subscale's mean answer as 0–100; ValueError on a wrong count or range."""
    if len(answers) != len(QUESTIONS):
        raise ValueError(f"expected {len(QUESTIONS)} answers, got {len(answers)}")
    for n, a in enumerate(answers, start=1):
        if isinstance(a, bool) or not isinstance(a, int) or not 0 <= a <= MAX_ANSWER:
            raise ValueError(f"answer {n} must be a whole number from 0 to {MAX_ANSWER}, got {a!r}")
    out = {}
    for name in SELF_CHECK_SCORES:
        mine = [a for a, q in zip(answers, QUESTIONS, strict=True) if q.subscale == name]
        out[name] = round(100 * sum(mine) / (MAX_ANSWER * len(mine)), 1)
    return out


def evidence(self_checks: Sequence[SelfCheck], as_of: dt.date) -> dict[str, list[Evidence]]:
    """Evidence per flag id from the latest self-check of the last 4 weeks (vs the one before)."""
    dated = sorted(
        (c for c in self_checks if c.date <= as_of.isoformat()), key=lambda c: (c.date, c.id or 0)
    )
    if not dated or dt.date.fromisoformat(dated[-1].date) < as_of - dt.timedelta(RECENT_DAYS):
        return {}
    latest = dated[-1]
    previous = dated[-2] if len(dated) > 1 else None
    out: dict[str, list[Evidence]] = {}
    for name, flags in FEEDS.items():
        value = getattr(latest, name)
        if value is None:
            continue
        before = getattr(previous, name) if previous else None
        label = name.replace("_", " ")
        note = f"your self-check on {latest.date} scored {label} {value:.0f}/100"
        if before is not None:
            note += f", against {before:.0f}/100 the time before"
        note += " (a reflection aid, not a validated measure)"
        for flag in flags:
            out.setdefault(flag, []).append(
                Evidence(f"selfcheck_{name}", RECENT_DAYS, value, before, None, note)
            )
    return out
