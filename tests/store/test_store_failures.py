"""The file system saying no: foreign locks, read-only files and full disks become typed errors
naming the file, and the journal keeps what it had."""

from __future__ import annotations

import errno
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from journal.store import (
    DiskFull,
    InstanceLock,
    Journal,
    JournalBusy,
    LockedByAnotherProgram,
    NotWritable,
    OpenInAnotherWindow,
    backups,
    database,
)
from journal.store.models import CheckIn, Entry

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


# ------------------------------------------------------------------ read-only places


@pytest.fixture
def deny_writes(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """``deny_writes(path)``: the OS says ``path`` may not be written (as for a read-only file
    or folder for a normal user), even when the tests run as root, where chmod changes nothing.

    Faked at the lowest layer Python reaches: ``os.access`` and ``os.open``.
    """
    denied: set[Path] = set()
    real_access, real_open = os.access, os.open

    def access(path: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        if Path(path) in denied and mode & os.W_OK:
            return False
        return real_access(path, mode, *args, **kwargs)

    def open_(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        writing = flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
        if writing and (Path(path) in denied or Path(path).parent in denied):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(os, "open", open_)
    return denied.add


def test_read_only_journal_is_refused_at_open_and_left_untouched(
    closed_journal: tuple[Path, bytes],
    deny_writes: Callable[[Path], None],
    state_of: Callable[[Path], object],
) -> None:
    """A journal file the OS will not let Refill write is refused at open with NotWritable
    naming it, before SQLite makes a -wal or -shm beside it."""
    path, key = closed_journal
    before = state_of(path)
    deny_writes(path)
    with pytest.raises(NotWritable) as info:
        Journal.open(path, raw_key=key)
    assert info.value.path == path
    assert "read-only" in info.value.detail
    assert state_of(path) == before


def test_journal_in_a_read_only_folder_is_refused_at_open(
    closed_journal: tuple[Path, bytes],
    deny_writes: Callable[[Path], None],
    state_of: Callable[[Path], object],
) -> None:
    """A writable journal in a folder where SQLite cannot create its -wal/-shm is refused too,
    with the folder named as the reason."""
    path, key = closed_journal
    before = state_of(path)
    deny_writes(path.parent)
    with pytest.raises(NotWritable) as info:
        Journal.open(path, raw_key=key)
    assert info.value.path == path
    assert "folder" in info.value.detail
    assert state_of(path) == before


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="chmod does not stop root (see above)"
)
def test_chmod_read_only_journal_is_refused(
    closed_journal: tuple[Path, bytes], state_of: Callable[[Path], object]
) -> None:
    """The same with a real read-only file (0400), where the tests do not run as root."""
    path, key = closed_journal
    path.chmod(0o400)
    before = state_of(path)
    try:
        with pytest.raises(NotWritable):
            Journal.open(path, raw_key=key)
        assert state_of(path) == before
    finally:
        path.chmod(0o600)


def test_create_in_a_read_only_folder_is_not_writable(
    tmp_path: Path, passphrase: str, deny_writes: Callable[[Path], None]
) -> None:
    """Creating a journal where no file may be made raises NotWritable naming it."""
    deny_writes(tmp_path)
    path = tmp_path / "new.refill"
    with pytest.raises(NotWritable) as info:
        Journal.create(path, passphrase)
    assert info.value.path == path
    assert not path.exists()


def test_write_refused_by_sqlite_as_read_only_is_not_writable(
    closed_journal: tuple[Path, bytes],
) -> None:
    """A save SQLite refuses with "attempt to write a readonly database" (a file that became
    read-only while open) raises NotWritable naming the journal; nothing changes."""
    path, key = closed_journal
    with Journal.open(path, raw_key=key) as journal:
        journal.db.execute("PRAGMA query_only = ON")  # SQLite's own SQLITE_READONLY
        with pytest.raises(NotWritable) as info:
            journal.checkins.save(CheckIn("2026-03-02", mood=2))
        assert info.value.path == path
        journal.db.execute("PRAGMA query_only = OFF")
        assert journal.checkins.dates() == ["2026-03-01"]


# ------------------------------------------------------------------ full disks


def test_write_on_a_full_disk_is_disk_full_and_rolled_back(
    closed_journal: tuple[Path, bytes],
) -> None:
    """When SQLite answers "database or disk is full", the save raises DiskFull naming the
    journal, nothing of it is stored, and saving works again once there is room."""
    path, key = closed_journal
    with Journal.open(path, raw_key=key) as journal:
        pages = journal.db.query("PRAGMA page_count")[0][0]
        journal.db.execute(f"PRAGMA max_page_count = {pages}")  # no room for one more page
        entry = Entry("2026-03-02", title="long", body="word " * 20_000)
        with pytest.raises(DiskFull) as info:
            journal.entries.add(entry)
        assert info.value.path == path
        assert journal.entries.count() == 0
        journal.db.execute("PRAGMA max_page_count = 1073741823")
        journal.entries.add(entry)
        assert journal.entries.count() == 1


def test_backup_on_a_full_disk_is_disk_full_and_leaves_nothing(
    closed_journal: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A backup whose flush finds the disk full raises DiskFull naming the backup; no partial
    file and no half backup is left, and the journal itself is fine."""
    path, key = closed_journal

    def no_space(target: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    with Journal.open(path, raw_key=key) as journal:
        monkeypatch.setattr(database, "fsync_file", no_space)
        with pytest.raises(DiskFull) as info:
            journal.backup()
        monkeypatch.undo()
        folder = backups.backup_dir(path)
        assert info.value.path.parent == folder
        assert list(folder.iterdir()) == []
        assert journal.checkins.dates() == ["2026-03-01"]


def test_backup_into_a_read_only_folder_is_not_writable(
    closed_journal: tuple[Path, bytes], deny_writes: Callable[[Path], None], tmp_path: Path
) -> None:
    """A backup to a folder the OS will not let Refill write raises NotWritable naming it."""
    path, key = closed_journal
    target = tmp_path / "elsewhere"
    target.mkdir()
    deny_writes(target)
    with Journal.open(path, raw_key=key) as journal, pytest.raises(NotWritable) as info:
        journal.backup(target / "copy.refill-backup")
    assert info.value.path == target / "copy.refill-backup"
    assert list(target.iterdir()) == []
