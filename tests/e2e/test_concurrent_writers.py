"""Two processes writing one journal at the same time lose nothing and corrupt nothing.

Each writer is a separate Python process using the public store API; SQLite's file locks,
``busy_timeout`` and ``BEGIN IMMEDIATE`` make them take turns instead of failing halfway. (SQLite's
busy handler is not fair: one writer may wait out most of the other's run; what matters is that it
waits instead of failing or losing a save.)
"""

from __future__ import annotations

from pathlib import Path

from helpers.writer import MERGE_DAY, day
from helpers.writer_process import WriterProcess

from journal.store import Journal

COUNT = 200
WRITERS = {"alpha": 0, "beta": 1000}  # name -> first check-in day, so dates never collide


def _run_together(writers: dict[str, WriterProcess]) -> dict[str, list[str]]:
    """Release all writers at once and return each one's report lines after it exits."""
    try:
        for writer in writers.values():
            writer.wait_for("ready")
        for writer in writers.values():
            writer.send("go")
        return {name: writer.finish() for name, writer in writers.items()}
    finally:
        for writer in writers.values():
            writer.close()


def test_two_writers_at_once_lose_nothing(journal_path: Path, passphrase: str) -> None:
    """Both writers' 200 entries and 200 check-ins are all stored, and integrity_check is ok."""
    with Journal.create(journal_path, passphrase) as journal:
        key = journal.db.raw_key
    reports = _run_together(
        {
            name: WriterProcess("batch", str(journal_path), name, str(first), str(COUNT), key=key)
            for name, first in WRITERS.items()
        }
    )

    with Journal.open(journal_path, raw_key=key) as journal:
        assert journal.db.integrity_check() == ["ok"]
        titles = [entry.title for entry in journal.entries.between()]
        checkins = {c.date: c for c in journal.checkins.between()}
        for name, lines in reports.items():
            assert lines[-1] == "done"
            assert sorted(t for t in titles if t.startswith(name + " ")) == sorted(
                f"{name} {i}" for i in range(COUNT)
            )
            reported = [line.split() for line in lines if line.startswith("checkin ")]
            assert len(reported) == COUNT
            for _, date, mood in reported:
                assert checkins[date].mood == int(mood) and checkins[date].note == name
        assert len(titles) == COUNT * len(WRITERS)
        assert len(checkins) == COUNT * len(WRITERS)


def test_concurrent_merges_keep_both_fields(journal_path: Path, passphrase: str) -> None:
    """Two processes merging different fields into the same days never undo each other."""
    with Journal.create(journal_path, passphrase) as journal:
        key = journal.db.raw_key
    fields = ("mood", "energy")
    _run_together(
        {f: WriterProcess("merge", str(journal_path), f, str(COUNT), key=key) for f in fields}
    )
    with Journal.open(journal_path, raw_key=key) as journal:
        stored = {c.date: (c.mood, c.energy) for c in journal.checkins.between()}
    expected = {day(MERGE_DAY + i): (i % 11, i % 11) for i in range(COUNT)}
    lost = {date: stored.get(date) for date in expected if stored.get(date) != expected[date]}
    assert lost == {}
