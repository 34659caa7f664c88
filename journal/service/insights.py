"""Insights for an open journal: load its records, analyse, and record what the user does.

The one bridge between the store and the pure ``journal.insights`` package; the window and
``refill insights`` both call it, so they always agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from journal.insights import InsightsReport, JournalData, analyse
from journal.insights.engine import default_catalogue
from journal.insights.flags import FLAGS
from journal.insights.selfcheck import score
from journal.store import Journal, ValidationError
from journal.store.models import CupActionDone, FlagSnooze, SelfCheck


def load_data(journal: Journal, until: dt.date) -> JournalData:
    """Every record dated on or before ``until``, with the journal's settings and own actions."""
    end = until.isoformat()
    return JournalData(
        checkins=journal.checkins.between(None, end),
        sleep=journal.sleep.between(None, end),
        activities=journal.activities.between(None, end),
        sessions=journal.sessions.between(None, end),
        cup_actions=journal.cup_actions.between(None, end),
        self_checks=journal.self_checks.between(None, end),
        settings=journal.settings.load(),
        custom_actions=journal.custom_actions.all(),
    )


def report_for(journal: Journal, as_of: dt.date) -> InsightsReport:
    """The insights for ``as_of``, with the flags the user snoozed set aside."""
    return analyse(
        load_data(journal, as_of),
        as_of,
        snoozed=journal.snoozes.active(as_of.isoformat()),
    )


def record_action(journal: Journal, action_id_or_title: str, day: dt.date) -> CupActionDone:
    """ "I did this": a catalogue id, one of the user's own action ids, or a free title."""
    text = action_id_or_title.strip()
    if not text:
        raise ValidationError("action", "give an action id or a title")
    known = default_catalogue().get(text) is not None or any(
        c.id == text for c in journal.custom_actions.all()
    )
    if known:
        record = CupActionDone(day.isoformat(), action_id=text)
    else:
        record = CupActionDone(day.isoformat(), custom_title=text)
    return journal.cup_actions.add(record)


def snooze(journal: Journal, flag_id: str, today: dt.date, days: int = 7) -> FlagSnooze:
    """Hide one flag for ``days`` days (7 by default); an unknown id is refused."""
    if flag_id not in FLAGS:
        raise ValidationError("flag_id", f"{flag_id!r} is not a flag (known: {', '.join(FLAGS)})")
    return journal.snoozes.snooze(flag_id, today.isoformat(), days)


def save_self_check(journal: Journal, answers: Sequence[int], day: dt.date) -> SelfCheck:
    """Score and store one self-check (ValueError on a wrong number or range of answers)."""
    scores = score(answers)
    return journal.self_checks.add(
        SelfCheck(
            day.isoformat(),
            answers=tuple(answers),
            exhaustion=scores["exhaustion"],
            detachment=scores["detachment"],
            secondary_trauma=scores["secondary_trauma"],
            satisfaction=scores["satisfaction"],
        )
    )
