"""`refill log`: options generated from the models, merging daily records, refusing bad values."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from journal.cli.main import build_parser
from journal.cli.records import KINDS


def test_every_model_field_is_an_option() -> None:
    """Each value field of each record type is a `log` option under its DESIGN column name."""
    parser = build_parser()
    for kind in KINDS:
        fields = [f.name for f in dataclasses.fields(kind.model) if f.name not in ("date", "id")]
        args = parser.parse_args(["log", kind.name, *[a for f in fields for a in (f"--{f}", "1")]])
        assert all(getattr(args, name) == "1" for name in fields)
        assert args.log_record == kind.name


def test_checkin_merges_with_the_stored_day(refill, made: Path, reopen) -> None:
    """Two check-ins for one date merge: the second adds values and keeps the first's."""
    first = refill("log", "checkin", "--date", "2026-03-01", "--mood", "6", "--note", "calm")
    second = refill(
        "log", "checkin", "--date", "2026-03-01", "--energy", "4", "--social-minutes", "30"
    )
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert "Saved check-in for 2026-03-01" in second.stdout
    assert "calm" not in first.stdout
    with reopen(made) as journal:
        stored = journal.checkins.get("2026-03-01")
    assert (stored.mood, stored.energy, stored.social_minutes, stored.note) == (6, 4, 30, "calm")


def test_sleep_sessions_activity_and_cup(refill, made: Path, reopen) -> None:
    """Every record type logs; activity and cup add a record each time; yesterday works."""
    yesterday = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    runs = [
        ("sleep", "--date", "yesterday", "--bedtime", "23:30", "--wake_time", "07:00"),
        ("sessions", "--sessions", "5", "--trauma-sessions", "2", "--day_off", "no"),
        ("activity", "--kind", "walk", "--minutes", "40", "--intensity", "moderate"),
        ("activity", "--kind", "yoga", "--minutes", "20"),
        ("cup", "--action", "walk_outside", "--minutes", "20", "--felt_after", "7"),
        ("cup", "--title", "Called my sister", "--note", "long talk"),
    ]
    for args in runs:
        result = refill("log", *args)
        assert result.returncode == 0, result.stderr
    today = dt.date.today().isoformat()
    with reopen(made) as journal:
        assert journal.sleep.get(yesterday).hours == 7.5
        assert journal.sessions.get(today).trauma_sessions == 2
        assert journal.sessions.get(today).day_off is False
        assert [a.kind for a in journal.activities.on(today)] == ["walk", "yoga"]
        cups = journal.cup_actions.on(today)
    assert [(c.action_id, c.custom_title) for c in cups] == [
        ("walk_outside", None),
        (None, "Called my sister"),
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("checkin", "--mood", "11"), "refill: mood: must be a whole number from 0 to 10, got 11"),
        (("checkin", "--mood", "six"), "refill: mood: expected a whole number, got 'six'"),
        (("sleep", "--bedtime", "25:00"), "refill: bedtime: expected a time as HH:MM"),
        (("activity", "--kind", "dance"), "refill: kind: must be one of walk, run"),
        (("checkin", "--date", "2026-02-30", "--mood", "5"), "refill: date: '2026-02-30' is not"),
        (("sessions", "--sessions", "2", "--trauma_sessions", "3"), "refill: trauma_sessions:"),
        (("cup", "--minutes", "10"), "refill: action_id: give a catalogue action id"),
        (("cup", "--action", "walk_outsid"), "refill: action_id: 'walk_outsid' is not a catalogue"),
        (("checkin",), "refill: log checkin: give at least one value"),
    ],
    ids=[
        "out-of-range",
        "not-a-number",
        "bad-time",
        "bad-kind",
        "bad-date",
        "cross-field",
        "cup-without-action",
        "unknown-cup-action",
        "no-values",
    ],
)
def test_bad_values_are_refused_and_nothing_is_written(
    refill, made: Path, digest: Callable[[Path], str], args: tuple[str, ...], message: str
) -> None:
    """A malformed or out-of-range value: exit 1, the field named, the journal unchanged."""
    before = digest(made)
    result = refill("log", *args)
    assert result.returncode == 1
    assert result.stderr.startswith(message), result.stderr
    assert result.stdout == ""
    assert digest(made) == before
    assert not (made.parent / f"{made.name}.backups").exists()
