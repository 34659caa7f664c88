"""Imports write in bulk: one transaction, no savepoint and no read-back per record."""

from __future__ import annotations

import datetime as dt

from journal.exchange import export_file, import_file
from journal.store.models import Entry


def _days_csv(days: int) -> str:
    start = dt.date(2025, 1, 1)
    lines = ["date,mood,sleep_hours,activity_minutes,sessions,cup_actions"]
    for i in range(days):
        day = (start + dt.timedelta(days=i)).isoformat()
        lines.append(f"{day},{i % 11},7.5,30,4,walk_outside;call_a_friend")
    return "\n".join(lines) + "\n"


def _traced(journal, action) -> list[str]:
    statements: list[str] = []
    journal.db.conn.set_trace_callback(statements.append)
    try:
        action()
    finally:
        journal.db.conn.set_trace_callback(None)
    return statements


def test_csv_import_is_one_transaction_without_per_record_savepoints(journal, write_file):
    """200 days (1,200 records) are written inside one BEGIN … COMMIT, with no savepoint and
    no read-back by id per record (at most one savepoint per kind of record)."""
    path = write_file("days.csv", _days_csv(200))
    statements = _traced(journal, lambda: import_file(journal, path))
    assert sum(s.startswith("BEGIN") for s in statements) == 1
    assert sum(s.startswith("COMMIT") for s in statements) == 1
    assert len([s for s in statements if s.startswith("SAVEPOINT")]) <= 5
    assert [s for s in statements if "WHERE id = " in s] == []
    assert journal.checkins.count() == 200
    assert journal.cup_actions.count() == 400


def test_json_import_writes_entries_in_bulk(journal, other_journal, tmp_path):
    """A JSON document with many entries is restored without a savepoint per entry, and the
    restored entries are searchable."""
    for i in range(150):
        journal.entries.add(Entry("2026-03-01", title=f"entry {i}", body=f"word{i} heron"))
    document = tmp_path / "all.json"
    export_file(journal, "json", document)
    statements = _traced(other_journal, lambda: import_file(other_journal, document))
    savepoints = [s for s in statements if s.startswith("SAVEPOINT")]
    assert len(savepoints) <= 10  # one per kind of record and for the settings, not per entry
    assert other_journal.entries.count() == 150
    assert len(other_journal.entries.search("heron", limit=200)) == 150
