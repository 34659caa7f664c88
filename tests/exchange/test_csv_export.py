"""Daily CSV export: DESIGN's columns and order, quoting, and export → import round trips."""

from __future__ import annotations

import csv
import tempfile
from dataclasses import fields
from pathlib import Path
from typing import Any

from exchange_helpers import BlankJournal, dates, journal_snapshot, open_blank_copy, scales, texts
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.exchange import export_csv, import_csv
from journal.store.models import (
    Activity,
    CheckIn,
    CupActionDone,
    Entry,
    SelfCheck,
    SessionLoad,
    Sleep,
)

# Copied verbatim from DESIGN.md §3, so a change on either side shows here.
DESIGN_COLUMNS = (  # noqa: SIM905
    "date, mood, energy, stress, effective, dread, detachment, irritability, intrusive, meaning, "
    "social_minutes, sleep_hours, sleep_quality, activity_minutes, sessions, session_hours, "
    "trauma_sessions, crisis_sessions, admin_hours, breaks, day_off, cup_actions, note"
).split(", ")


def rows_of(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_header_is_designs_columns_in_order(journal, tmp_path):
    """Even an empty journal exports the full header, in DESIGN.md's order."""
    out = tmp_path / "days.csv"
    assert export_csv(journal, out) == 0
    assert out.read_bytes() == ",".join(DESIGN_COLUMNS).encode() + b"\r\n"


def test_one_row_per_date_with_summed_activity_and_joined_cup_actions(journal, tmp_path):
    """Activities add up per day; cup actions join with ';'; days with nothing CSV-shaped and
    non-daily records (entries, self-checks) are left out."""
    journal.checkins.save(CheckIn("2026-03-02", mood=5, note="a, b"))
    journal.sleep.save(Sleep("2026-03-01", hours=6.25, quality=4))
    journal.activities.add(Activity("2026-03-01", "walk", 30))
    journal.activities.add(Activity("2026-03-01", "run", 15))
    journal.activities.add(Activity("2026-03-01", "yoga"))
    journal.sessions.save(SessionLoad("2026-03-02", sessions=4, session_hours=3.5, day_off=False))
    journal.cup_actions.add(CupActionDone("2026-03-02", action_id="walk_outside"))
    journal.cup_actions.add(CupActionDone("2026-03-02", custom_title="Tea; biscuits"))
    journal.entries.add(Entry("2026-03-05", title="Only an entry"))
    journal.self_checks.add(SelfCheck("2026-03-06", exhaustion=50))
    out = tmp_path / "days.csv"
    assert export_csv(journal, out) == 2
    first, second = rows_of(out)
    assert first["date"] == "2026-03-01"
    assert (first["sleep_hours"], first["sleep_quality"], first["activity_minutes"]) == (
        "6.25",
        "4",
        "45",
    )
    assert first["mood"] == first["note"] == ""
    assert (second["date"], second["mood"], second["note"]) == ("2026-03-02", "5", "a, b")
    assert (second["sessions"], second["session_hours"], second["day_off"]) == ("4", "3.5", "false")
    assert second["cup_actions"] == "walk_outside;Tea, biscuits"


def test_notes_are_quoted_so_any_csv_reader_gets_them_back(journal, tmp_path):
    """Commas, quotes and line breaks in a note survive a standard CSV reader."""
    note = 'She said "enough", and\nI agreed.\r\nTomorrow: rest\r'
    journal.checkins.save(CheckIn("2026-03-01", note=note))
    out = tmp_path / "days.csv"
    export_csv(journal, out)
    assert rows_of(out)[0]["note"] == note


def test_export_then_import_reproduces_the_daily_data(journal, other_journal, tmp_path):
    """Export → import into an empty journal gives the same daily records and the same CSV."""
    journal.checkins.save(CheckIn("2026-03-01", mood=6, energy=0, meaning=10, social_minutes=90))
    journal.checkins.save(CheckIn("2026-03-02", note=" leading space, trailing\n"))
    journal.sleep.save(Sleep("2026-03-01", hours=7.3, quality=8))
    journal.sessions.save(
        SessionLoad("2026-03-01", 6, 5.5, 2, 1, admin_hours=1.25, breaks=3, day_off=False)
    )
    journal.sessions.save(SessionLoad("2026-03-02", day_off=True))
    journal.activities.add(Activity("2026-03-02", "other", 40))
    journal.cup_actions.add(CupActionDone("2026-03-01", action_id="stretch"))
    journal.cup_actions.add(CupActionDone("2026-03-01", custom_title="Rang my brother"))
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    export_csv(journal, first)
    summary = import_csv(other_journal, first)
    export_csv(other_journal, second)
    assert second.read_bytes() == first.read_bytes()
    for kind in ("checkins", "sleep", "sessions", "activities", "cup_actions"):
        assert journal_snapshot(other_journal)[kind] == journal_snapshot(journal)[kind], kind
    assert (summary.checkins, summary.sessions, summary.cup_actions) == (2, 2, 2)


# -------------------------------------------------------------------- property

# What the CSV holds exactly: check-ins (a note is missing or has some non-blank text), sleep
# hours and quality, one activity of kind "other", session load without caseload, and cup
# actions named by an id or a title that does not look like one.
csv_notes = st.none() | texts.filter(str.strip)
csv_checkins = st.builds(
    CheckIn,
    date=dates,
    mood=scales,
    stress=scales,
    intrusive=scales,
    social_minutes=st.none() | st.integers(0, 1440),
    note=csv_notes,
)
csv_sleep = st.builds(
    Sleep, date=dates, hours=st.none() | st.floats(0, 24, allow_nan=False), quality=scales
)
csv_sessions = st.builds(
    SessionLoad,
    date=dates,
    sessions=st.none() | st.integers(10, 20),
    trauma_sessions=st.none() | st.integers(0, 10),
    admin_hours=st.none() | st.floats(0, 24, allow_nan=False),
    day_off=st.none() | st.booleans(),
)
csv_activities = st.builds(
    Activity, date=dates, kind=st.just("other"), minutes=st.integers(0, 1440)
)
cup_names = st.from_regex(r"[a-z]{1,8}(_[a-z0-9]{1,5})?", fullmatch=True) | st.from_regex(
    r"[A-Z][a-z]{0,6}( [a-z]{1,6}){0,2}", fullmatch=True
)


def _cup(date: str, name: str) -> CupActionDone:
    is_id = name.islower() and " " not in name
    return CupActionDone(
        date, action_id=name if is_id else None, custom_title=None if is_id else name
    )


csv_cups = st.builds(_cup, dates, cup_names)


def _by_date(record: Any) -> str:
    return record.date


def _says_something(record: Any) -> bool:
    """A record with only a date has no cell in the CSV, so it cannot come back."""
    return any(getattr(record, f.name) is not None for f in fields(record) if f.name != "date")


def _daily(strategy: Any) -> Any:
    return st.lists(strategy.filter(_says_something), max_size=5, unique_by=_by_date)


@settings(max_examples=30, deadline=None)
@given(
    checkins=_daily(csv_checkins),
    sleep=_daily(csv_sleep),
    sessions=_daily(csv_sessions),
    activities=st.lists(csv_activities, max_size=5, unique_by=_by_date),
    cups=st.lists(csv_cups, max_size=5),
)
def test_csv_round_trip_property(
    blank_journal: BlankJournal, checkins, sleep, sessions, activities, cups
):
    """Random daily data that the CSV can hold survives export → import unchanged."""
    with tempfile.TemporaryDirectory() as folder:
        source = open_blank_copy(blank_journal, Path(folder, "source.refill"))
        target = open_blank_copy(blank_journal, Path(folder, "target.refill"))
        try:
            with source.db.transaction():
                for repo, records in (
                    (source.checkins, checkins),
                    (source.sleep, sleep),
                    (source.sessions, sessions),
                ):
                    for record in records:
                        repo.save(record)
                for activity in activities:
                    source.activities.add(activity)
                for cup in cups:
                    source.cup_actions.add(cup)
            out = Path(folder, "days.csv")
            export_csv(source, out)
            import_csv(target, out)
            expected, got = journal_snapshot(source), journal_snapshot(target)
            for kind in ("checkins", "sleep", "sessions", "activities", "cup_actions"):
                assert got[kind] == expected[kind], kind
        finally:
            source.close(backup_if_changed=False)
            target.close(backup_if_changed=False)
