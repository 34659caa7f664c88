"""Choosing 2–4 actions for a flag: relevant, helpful to this person, and not always the same.

Candidates are catalogue actions that name the flag and the person's own actions in the flag's
categories. Actions the person's data says helped ("what helps me", or high ``felt_after``
ratings) rank first; ties are broken by a hash of the day, so suggestions rotate from day to
day yet the same day always shows the same ones. Load flags start with a ``control`` action:
changing the work helps more than coping with it.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Mapping, Sequence

from journal.insights.catalogue import Catalogue
from journal.insights.flags import FLAGS
from journal.insights.model import Helps, Suggestion
from journal.store.models import CustomAction

MAX_ACTIONS = 3


def helpfulness(what_helps: Sequence[Helps], felt_after: Mapping[str, list[int]]) -> dict[str, int]:
    """A small score per action key: +2 for a favourable interval, +1 for good felt_after."""
    score: dict[str, int] = {}
    for h in what_helps:
        if h.favourable:
            score[h.action] = max(score.get(h.action, 0), 1 if h.suggestive else 2)
    for key, ratings in felt_after.items():
        if len(ratings) >= 3 and sum(ratings) / len(ratings) >= 7:
            score[key] = score.get(key, 0) + 1
    return score


def _shuffle_key(flag_id: str, action_id: str, as_of: dt.date) -> int:
    return zlib.crc32(f"{flag_id}|{action_id}|{as_of.isoformat()}".encode())


def suggest(
    flag_id: str,
    as_of: dt.date,
    catalogue: Catalogue,
    custom: Sequence[CustomAction] = (),
    scores: Mapping[str, int] | None = None,
) -> list[Suggestion]:
    """Up to three actions for ``flag_id``, mixing categories where possible."""
    info = FLAGS[flag_id]
    scores = scores or {}
    pool = [
        Suggestion(a.id, a.title, a.why, a.category, a.minutes) for a in catalogue.for_flag(flag_id)
    ]
    pool += [
        Suggestion(
            c.id,
            c.title,
            c.why or "One of your own ways to refill.",
            c.category,
            c.minutes,
            custom=True,
        )
        for c in custom
        if flag_id in c.flags or c.category in info.categories
    ]
    pool.sort(
        key=lambda s: (
            -scores.get(s.id, 0) - scores.get(f"category:{s.category}", 0) / 2,
            _shuffle_key(flag_id, s.id, as_of),
        )
    )
    chosen: list[Suggestion] = []
    if info.load:
        control = next((s for s in pool if s.category == "control"), None)
        if control:
            chosen.append(control)
    for s in pool:  # first pass: one per category
        if len(chosen) >= MAX_ACTIONS:
            break
        if s not in chosen and all(c.category != s.category for c in chosen):
            chosen.append(s)
    for s in pool:  # then fill up
        if len(chosen) >= MAX_ACTIONS:
            break
        if s not in chosen:
            chosen.append(s)
    return chosen
