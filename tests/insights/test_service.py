"""The insights service over a real (temporary) encrypted journal."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.insights.selfcheck import QUESTIONS
from journal.service.insights import (
    load_data,
    record_action,
    report_for,
    save_self_check,
    snooze,
)
from journal.store import ValidationError
from journal.store.models import CheckIn, CustomAction

DAY = dt.date(2026, 3, 1)


def test_load_data_stops_at_until(journal) -> None:  # type: ignore[no-untyped-def]
    """Only records dated on or before ``until`` are loaded."""
    for n in range(5):
        journal.checkins.save(CheckIn((DAY + dt.timedelta(n)).isoformat(), mood=5))
    data = load_data(journal, DAY + dt.timedelta(2))
    assert [c.date for c in data.checkins] == [
        (DAY + dt.timedelta(n)).isoformat() for n in range(3)
    ]


def test_record_action_knows_catalogue_custom_and_free_titles(journal) -> None:  # type: ignore[no-untyped-def]
    """A catalogue id and a custom action id are stored as ids; anything else as a title."""
    journal.custom_actions.save(CustomAction("piano", "Play the piano", "joy"))
    assert record_action(journal, "walk_outside", DAY).action_id == "walk_outside"
    assert record_action(journal, "piano", DAY).action_id == "piano"
    free = record_action(journal, "  Swim in the lake ", DAY)
    assert free.action_id is None and free.custom_title == "Swim in the lake"
    with pytest.raises(ValidationError):
        record_action(journal, "   ", DAY)


def test_self_check_is_scored_and_stored(journal) -> None:  # type: ignore[no-untyped-def]
    """Answers are scored into the four subscales and saved with the answers."""
    saved = save_self_check(journal, [2] * len(QUESTIONS), DAY)
    assert saved.exhaustion == saved.satisfaction == 50.0
    assert journal.self_checks.between() == [saved]
    with pytest.raises(ValueError):
        save_self_check(journal, [2], DAY)


def test_snooze_is_applied_by_report_for(journal) -> None:  # type: ignore[no-untyped-def]
    """A snooze lasts seven days; unknown flag ids are refused."""
    made = snooze(journal, "sleep_debt", DAY)
    assert made.until == (DAY + dt.timedelta(7)).isoformat()
    assert journal.snoozes.active(DAY.isoformat()) == {"sleep_debt": made.until}
    with pytest.raises(ValidationError):
        snooze(journal, "no_such_flag", DAY)
    report = report_for(journal, DAY)
    assert report.flags == [] and report.days_with_data == 0
