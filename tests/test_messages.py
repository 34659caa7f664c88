"""The shared wording of store errors: one line naming the file, true to what happened."""

from __future__ import annotations

from pathlib import Path

from journal import messages
from journal.store import (
    DiskFull,
    JournalBusy,
    LockedByAnotherProgram,
    NotWritable,
    OpenInAnotherWindow,
)

PATH = Path("/home/someone/journal.refill")


def test_refill_window_lock_names_the_other_window_and_its_process() -> None:
    """Refill's own instance lock: another Refill window, with its pid, exit status 6."""
    error = OpenInAnotherWindow(PATH, 4242)
    text = messages.describe(error)
    assert str(PATH) in text
    assert "another Refill window" in text
    assert "4242" in text
    assert messages.exit_code(error) == 6


def test_foreign_sqlite_lock_does_not_blame_a_refill_window() -> None:
    """SQLite's lock held by some other program is worded as such, never as a Refill window."""
    error = LockedByAnotherProgram(PATH, "database is locked")
    text = messages.describe(error)
    assert str(PATH) in text
    assert "another program" in text
    assert "Refill window" not in text
    assert "\n" not in text
    assert messages.exit_code(error) == 6


def test_plain_journal_busy_is_neutral() -> None:
    """A JournalBusy of no known kind claims neither cause."""
    text = messages.describe(JournalBusy(PATH))
    assert str(PATH) in text
    assert "Refill window" not in text


def test_read_only_names_the_file_the_reason_and_what_to_do() -> None:
    """A place that cannot be written: the file, why, what to do, nothing changed; exit 8."""
    error = NotWritable(PATH, "its folder is read-only")
    text = messages.describe(error)
    assert text.startswith(f"cannot write {PATH} (its folder is read-only)")
    assert "writable" in text
    assert "nothing was changed" in text
    assert "\n" not in text
    assert messages.exit_code(error) == 8


def test_full_disk_names_the_file_and_says_to_free_space() -> None:
    """A full disk: which file's disk, free some space, nothing written; exit 8."""
    error = DiskFull(PATH, "database or disk is full")
    text = messages.describe(error)
    assert str(PATH) in text
    assert "full" in text
    assert "free some space" in text
    assert "\n" not in text
    assert messages.exit_code(error) == 8
