"""The file system saying no: foreign locks, read-only files and full disks become typed errors
naming the file, and the journal keeps what it had."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from journal.store import (
    InstanceLock,
    Journal,
    JournalBusy,
    LockedByAnotherProgram,
    OpenInAnotherWindow,
    database,
)
from journal.store.models import CheckIn

Template = Callable[[str], tuple[Path, bytes]]


@pytest.fixture
def closed_journal(
    journal_path: Path, passphrase: str, journal_template: Template
) -> tuple[Path, bytes]:
    """A closed journal holding one check-in, and its raw key."""
    template, key = journal_template(passphrase)
    shutil.copyfile(template, journal_path)
    journal_path.chmod(0o600)
    with Journal.open(journal_path, raw_key=key) as journal:
        journal.checkins.save(CheckIn("2026-03-01", mood=6))
    shutil.rmtree(journal_path.with_name(journal_path.name + ".backups"), ignore_errors=True)
    return journal_path, key


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wait 100 ms, not 15 s, for a lock another connection holds (journals opened after)."""
    monkeypatch.setattr(database, "_BUSY_TIMEOUT_MS", 100)


@pytest.fixture
def foreign_writer(closed_journal: tuple[Path, bytes], raw: Callable[..., Any]) -> Iterator[Any]:
    """Another program (a bare SQLCipher connection) holding the journal's write lock."""
    path, key = closed_journal
    with raw(path, f"PRAGMA key = \"x'{key.hex()}'\"") as holder:
        holder.execute("BEGIN IMMEDIATE")
        holder.execute("INSERT INTO setting (key, value) VALUES ('theirs', '1')")
        yield holder
        if holder.in_transaction:
            holder.execute("ROLLBACK")


# ------------------------------------------------------------------ who holds the journal


def test_instance_lock_says_another_refill_window_holds_it(journal_path: Path) -> None:
    """Refill's own lock is reported as another Refill window, with the holder's pid."""
    with InstanceLock(journal_path), pytest.raises(OpenInAnotherWindow) as info:
        InstanceLock(journal_path).acquire()
    assert isinstance(info.value, JournalBusy)
    assert info.value.pid == os.getpid()


def test_write_blocked_by_a_foreign_sqlite_lock_is_locked_by_another_program(
    closed_journal: tuple[Path, bytes], short_busy_timeout: None, foreign_writer: Any
) -> None:
    """A save that waits out the busy timeout behind another program's lock raises
    LockedByAnotherProgram (not a raw "database is locked"), and nothing is half-written."""
    path, key = closed_journal
    with Journal.open(path, raw_key=key) as journal:
        with pytest.raises(LockedByAnotherProgram) as info:
            journal.checkins.save(CheckIn("2026-03-02", mood=2))
        assert info.value.path == path
        assert not isinstance(info.value, OpenInAnotherWindow)
        foreign_writer.execute("ROLLBACK")
        assert journal.checkins.dates() == ["2026-03-01"]
        journal.checkins.save(CheckIn("2026-03-02", mood=2))  # works once the lock is gone
        assert journal.checkins.dates() == ["2026-03-01", "2026-03-02"]


def test_open_blocked_by_a_foreign_exclusive_lock_is_locked_by_another_program(
    closed_journal: tuple[Path, bytes],
    short_busy_timeout: None,
    raw: Callable[..., Any],
    state_of: Callable[[Path], object],
) -> None:
    """A journal another program holds exclusively is LockedByAnotherProgram at open, not a
    Refill window, and the file is untouched."""
    path, key = closed_journal
    with raw(path, f"PRAGMA key = \"x'{key.hex()}'\"") as holder:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("SELECT count(*) FROM checkin").fetchone()
        with pytest.raises(LockedByAnotherProgram):
            Journal.open(path, raw_key=key)
        holder.execute("ROLLBACK")
