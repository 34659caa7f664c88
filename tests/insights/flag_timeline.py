"""Shared helpers for the insights tests: running the rules over a persona day by day."""

from __future__ import annotations

import datetime as dt

from personas import Persona

from journal.insights.rules import RULES, Finding, RuleContext
from journal.insights.timeline import build_timeline


def daily_flags(persona: Persona, last: dt.date, days: int = 90) -> dict[dt.date, set[str]]:
    """Flag ids firing on each of the ``days`` days up to ``last``, as ``analyse`` finds them.

    One timeline is built for ``last`` and every rule reads only days up to the day asked, so
    this matches day-by-day ``analyse`` calls (test_properties proves ``analyse`` ignores later
    data) at a fraction of the cost.
    """
    tl = build_timeline(persona.data, last)
    ctx = RuleContext(tl, persona.data.settings, list(persona.data.self_checks))
    return {
        tl.day(end): {
            flag_id for flag_id, rule in RULES.items() if isinstance(rule(ctx, end), Finding)
        }
        for end in range(tl.size - days, tl.size)
    }


def first_day(flags: dict[dt.date, set[str]], flag_id: str, start: dt.date) -> dt.date | None:
    """The first day on or after ``start`` on which ``flag_id`` fired."""
    return next((d for d in sorted(flags) if d >= start and flag_id in flags[d]), None)
