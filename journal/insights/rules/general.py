"""Flags about the journal itself rather than the work."""

from __future__ import annotations

from journal.insights.model import Evidence
from journal.insights.rules.base import Finding, Needs, Outcome, RuleContext

GAP_DAYS = 5
REGULAR = 10  # check-ins in the 4 weeks before the gap


def checkin_gap(ctx: RuleContext, end: int) -> Outcome:
    """Regular check-ins (10+ in 4 weeks) that stopped 5 or more days ago."""
    checked = ctx.timeline.get("checked_in")
    last = next((i for i in range(end, -1, -1) if checked[i] is not None), None)
    if last is None:
        return Needs(f"{REGULAR} or more check-ins in four weeks before a pause can be noticed")
    regular = sum(v is not None for v in checked[max(0, last - 27) : last + 1])
    if regular < REGULAR:
        return Needs(f"{REGULAR} or more check-ins in four weeks before a pause can be noticed")
    gap = end - last
    if gap < GAP_DAYS:
        return None
    note = f"no check-in for {gap} days, after {regular} in the four weeks before"
    return Finding(
        ("checkins_stopped",),
        (Evidence("days_since_checkin", 28, gap, regular, None, note),),
        since=last + 1,
    )
