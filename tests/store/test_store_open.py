"""Creating, opening and refusing journal files: DESIGN.md §2's rules, one test each."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from journal.store import (
    CorruptJournal,
    Journal,
    JournalBusy,
    JournalExists,
    JournalMissing,
    JournalTooNew,
    NotAJournal,
    WrongPassphrase,
    database,
)
from journal.store.database import APPLICATION_ID, PAGE_SIZE, Database
from journal.store.keys import derive_key, sql_key
from journal.store.migrations import LATEST_VERSION
from journal.store.models import CheckIn, Entry

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    """Umask 0, so only the code's own modes can keep files private."""
    old = os.umask(0)
    yield
    os.umask(old)


@pytest.fixture
def closed_journal(journal_path: Path, passphrase: str) -> Path:
    """A journal holding a check-in and enough entries to span many pages, then closed."""
    with Journal.create(journal_path, passphrase) as journal:
        journal.checkins.save(CheckIn("2026-03-01", mood=6, note="steady"))
        for i in range(60):
            journal.entries.add(Entry("2026-03-01", title=f"entry {i}", body="word " * 200))
    for leftover in journal_path.parent.glob("*.backups"):
        for item in leftover.iterdir():
            item.unlink()
        leftover.rmdir()
    return journal_path


# ------------------------------------------------------------------ life cycle


def test_create_open_close_round_trip(journal_path: Path, passphrase: str) -> None:
    """A created journal reopens with its passphrase and holds what was saved."""
    journal = Journal.create(journal_path, passphrase)
    journal.checkins.save(CheckIn("2026-03-01", mood=7))
    journal.close(backup_if_changed=False)
    assert not journal.db.is_open
    with Journal.open(journal_path, passphrase=passphrase) as reopened:
        assert reopened.checkins.get("2026-03-01") == CheckIn("2026-03-01", mood=7)


def test_close_twice_is_harmless_and_closed_journal_refuses_queries(journal: Journal) -> None:
    """Closing twice is safe; a closed journal raises instead of reopening silently."""
    journal.close(backup_if_changed=False)
    journal.close(backup_if_changed=False)
    with pytest.raises(RuntimeError):
        journal.checkins.count()


def test_close_drops_the_key(journal: Journal) -> None:
    """After close the key bytes held in memory are zeroed."""
    db = journal.db
    assert db.raw_key != bytes(32)
    journal.close(backup_if_changed=False)
    assert db.raw_key == bytes(32)


def test_create_refuses_an_existing_file(journal_path: Path, passphrase: str) -> None:
    """Creating over an existing file raises JournalExists and leaves it alone."""
    journal_path.write_bytes(b"precious")
    with pytest.raises(JournalExists):
        Journal.create(journal_path, passphrase)
    assert journal_path.read_bytes() == b"precious"


def test_changed_tracks_writes(journal: Journal) -> None:
    """``changed`` is false after open and true after a save."""
    assert not journal.changed
    journal.checkins.save(CheckIn("2026-03-02", mood=4))
    assert journal.changed


def test_close_backs_up_only_after_changes(journal_path: Path, passphrase: str) -> None:
    """close() makes a rotating backup when the session wrote, and none when it did not."""
    Journal.create(journal_path, passphrase).close()
    with Journal.open(journal_path, passphrase=passphrase):
        pass
    assert not list(journal_path.parent.glob("*.backups/*"))
    journal = Journal.open(journal_path, passphrase=passphrase)
    journal.checkins.save(CheckIn("2026-03-02", mood=4))
    made = journal.close()
    assert made is not None and made.exists()


# ------------------------------------------------------------------ privacy on disk


@posix_only
def test_journal_and_its_wal_are_private(
    journal_path: Path, passphrase: str, permissive_umask: None
) -> None:
    """The journal and its -wal/-shm are 0600 even under umask 0."""
    journal = Journal.create(journal_path, passphrase)
    journal.checkins.save(CheckIn("2026-03-01", mood=5))
    try:
        sides = [journal_path, *journal_path.parent.glob(journal_path.name + "-*")]
        assert len(sides) == 3
        assert {p.name: _mode(p) for p in sides} == {p.name: 0o600 for p in sides}
    finally:
        journal.close(backup_if_changed=False)


@posix_only
def test_backups_are_private(journal: Journal, permissive_umask: None) -> None:
    """Rotating backups are 0600 inside a 0700 folder even under umask 0."""
    journal.checkins.save(CheckIn("2026-03-01", mood=5))
    made = journal.backup()
    assert _mode(made.parent) == 0o700
    assert _mode(made) == 0o600


def test_file_is_encrypted(closed_journal: Path) -> None:
    """The file does not start with the plain SQLite header and SQLCipher is active."""
    assert not closed_journal.read_bytes().startswith(b"SQLite format 3\x00")
    assert b"steady" not in closed_journal.read_bytes()
    with Journal.open(closed_journal, passphrase="correct horse battery") as journal:
        version = journal.db.query("PRAGMA cipher_version")[0][0]
    assert version


# ------------------------------------------------------------------ key compatibility


def test_sqlcipher_passphrase_pragma_opens_our_journal(
    closed_journal: Path, passphrase: str, raw: Callable[..., Any]
) -> None:
    """``PRAGMA key = 'passphrase'`` (the sqlcipher CLI convention) opens a Refill journal."""
    with raw(closed_journal, f"PRAGMA key = '{passphrase}'") as conn:
        assert conn.execute("SELECT mood FROM checkin").fetchall() == [(6,)]
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_raw_key_opens_a_file_keyed_by_sqlcipher(
    journal_path: Path, passphrase: str, raw: Callable[..., Any]
) -> None:
    """A file keyed by SQLCipher from the passphrase opens with the key derived in Python."""
    with raw(journal_path, f"PRAGMA key = '{passphrase}'") as conn:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("CREATE TABLE marker (x)")
    salt = journal_path.read_bytes()[:16]
    db = Database.open(journal_path, raw_key=derive_key(passphrase, salt))
    try:
        assert db.query("SELECT name FROM sqlite_master WHERE name = 'marker'")
    finally:
        db.close()
    with Journal.open(journal_path, passphrase=passphrase) as journal:
        assert journal.db.user_version == LATEST_VERSION


def test_raw_key_from_an_open_journal_reopens_it(closed_journal: Path, passphrase: str) -> None:
    """The key a journal reports (what the keychain keeps) opens it without the passphrase."""
    with Journal.open(closed_journal, passphrase=passphrase) as journal:
        key = journal.db.raw_key
    with Journal.open(closed_journal, raw_key=key) as journal:
        assert journal.checkins.count() == 1


def test_sql_key_is_only_hex(passphrase: str) -> None:
    """The raw-key literal contains nothing but ``x'`` and hex digits — nothing to escape."""
    literal = sql_key(derive_key(passphrase, b"\x00" * 16), b"\x01" * 16)
    assert literal.startswith("x'") and literal.endswith("'")
    assert set(literal[2:-1]) <= set("0123456789abcdef")
    assert len(literal[2:-1]) == 96


# ------------------------------------------------------------------ refusing files


def test_wrong_passphrase_ten_times_changes_nothing(
    closed_journal: Path, state_of: Callable[[Path], object]
) -> None:
    """Ten wrong passphrases each raise WrongPassphrase; the file and its folder are untouched."""
    before = state_of(closed_journal)
    for attempt in range(10):
        with pytest.raises(WrongPassphrase) as info:
            Journal.open(closed_journal, passphrase=f"not it {attempt}")
        assert info.value.path == closed_journal
    assert state_of(closed_journal) == before


def test_wrong_passphrase_with_quotes_is_not_sql(
    closed_journal: Path, state_of: Callable[[Path], object]
) -> None:
    """A passphrase full of quotes and semicolons is only ever a wrong passphrase."""
    before = state_of(closed_journal)
    with pytest.raises(WrongPassphrase):
        Journal.open(closed_journal, passphrase="x'; DROP TABLE entry; --\"")
    assert state_of(closed_journal) == before


def _write_plain_sqlite(path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES ('plain')")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("make", "error"),
    [
        (lambda p: p.write_bytes(b""), NotAJournal),
        (_write_plain_sqlite, NotAJournal),
        (lambda p: p.write_bytes(os.urandom(PAGE_SIZE * 3 + 123)), NotAJournal),
        (lambda p: p.write_bytes(os.urandom(100)), NotAJournal),
        (lambda p: p.mkdir(), NotAJournal),
        (lambda p: None, JournalMissing),
    ],
    ids=["empty", "plain-sqlite", "random-odd-size", "random-tiny", "folder", "missing"],
)
def test_bad_files_raise_typed_errors_and_stay_unchanged(
    journal_path: Path,
    passphrase: str,
    state_of: Callable[[Path], object],
    make: Callable[[Path], object],
    error: type[Exception],
) -> None:
    """Each kind of non-journal raises its own typed error and is left exactly as it was."""
    make(journal_path)
    before = state_of(journal_path) if journal_path.exists() else None
    with pytest.raises(error) as info:
        Journal.open(journal_path, passphrase=passphrase)
    assert getattr(info.value, "path", None) == journal_path
    if before is None:
        assert not journal_path.exists()
        assert list(journal_path.parent.iterdir()) == []
    else:
        assert state_of(journal_path) == before


def test_random_whole_pages_read_as_wrong_passphrase(
    journal_path: Path, passphrase: str, state_of: Callable[[Path], object]
) -> None:
    """Random whole pages cannot be told from a journal: WrongPassphrase, file unchanged."""
    journal_path.write_bytes(os.urandom(PAGE_SIZE * 4))
    before = state_of(journal_path)
    with pytest.raises(WrongPassphrase):
        Journal.open(journal_path, passphrase=passphrase)
    assert state_of(journal_path) == before


@pytest.mark.parametrize("cut", ["page-boundary", "mid-page"])
def test_truncated_journal_is_corrupt_not_wrong_passphrase(
    closed_journal: Path, passphrase: str, state_of: Callable[[Path], object], cut: str
) -> None:
    """A journal cut short is CorruptJournal/NotAJournal, never WrongPassphrase, and unchanged."""
    size = closed_journal.stat().st_size
    assert size >= PAGE_SIZE * 8
    keep = (size // PAGE_SIZE // 2) * PAGE_SIZE
    if cut == "mid-page":
        keep += PAGE_SIZE // 3
    with closed_journal.open("r+b") as handle:
        handle.truncate(keep)
    before = state_of(closed_journal)
    with pytest.raises((CorruptJournal, NotAJournal)) as info:
        Journal.open(closed_journal, passphrase=passphrase)
    assert not isinstance(info.value, WrongPassphrase)
    assert state_of(closed_journal) == before


def _read_everything(path: Path, passphrase: str) -> list[str]:
    with Journal.open(path, passphrase=passphrase) as journal:
        journal.entries.between()
        return journal.db.integrity_check()


def test_corrupted_page_is_reported_and_unchanged(
    closed_journal: Path, passphrase: str, state_of: Callable[[Path], object]
) -> None:
    """Flipped bytes inside a data page raise CorruptJournal when read; the file is unchanged."""
    data = bytearray(closed_journal.read_bytes())
    middle = (len(data) // PAGE_SIZE // 2) * PAGE_SIZE + 100
    data[middle : middle + 16] = bytes(b ^ 0xFF for b in data[middle : middle + 16])
    closed_journal.write_bytes(bytes(data))
    before = state_of(closed_journal)
    with pytest.raises(CorruptJournal):
        _read_everything(closed_journal, passphrase)
    assert state_of(closed_journal) == before


def test_newer_schema_is_refused_untouched(
    closed_journal: Path,
    passphrase: str,
    state_of: Callable[[Path], object],
    raw: Callable[..., Any],
) -> None:
    """user_version above LATEST_VERSION raises JournalTooNew and changes nothing."""
    with raw(closed_journal, f"PRAGMA key = '{passphrase}'") as conn:
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = state_of(closed_journal)
    with pytest.raises(JournalTooNew) as info:
        Journal.open(closed_journal, passphrase=passphrase)
    assert (info.value.found, info.value.supported) == (LATEST_VERSION + 5, LATEST_VERSION)
    assert state_of(closed_journal) == before


def test_other_sqlcipher_database_is_not_a_journal(
    journal_path: Path,
    passphrase: str,
    state_of: Callable[[Path], object],
    raw: Callable[..., Any],
) -> None:
    """An SQLCipher database with the same passphrase but no Refill application_id is refused."""
    with raw(journal_path, f"PRAGMA key = '{passphrase}'") as conn:
        conn.execute("CREATE TABLE notes (x)")
        conn.execute("INSERT INTO notes VALUES ('someone else')")
    before = state_of(journal_path)
    with pytest.raises(NotAJournal):
        Journal.open(journal_path, passphrase=passphrase)
    assert state_of(journal_path) == before


def test_open_needs_a_passphrase_or_key(closed_journal: Path) -> None:
    """Opening with neither a passphrase nor a raw key is a programming error."""
    with pytest.raises(ValueError):
        Database.open(closed_journal)


# ------------------------------------------------------------------ after a crash (hot WAL)


def _crash_copy(journal_path: Path, into: Path) -> Path:
    """Copy a journal that is still open, -wal and -shm included: what a crash leaves."""
    into.mkdir()
    for side in ("", "-wal", "-shm"):
        shutil.copyfile(f"{journal_path}{side}", into / f"{journal_path.name}{side}")
    return into / journal_path.name


def _main_and_wal(path: Path) -> tuple[object, ...]:
    """Hashes of the file and its WAL, and the names beside them (the -shm index may be rebuilt)."""
    wal = path.with_name(path.name + "-wal")
    return (
        hashlib.sha256(path.read_bytes()).hexdigest(),
        hashlib.sha256(wal.read_bytes()).hexdigest(),
        sorted(p.name for p in path.parent.iterdir()),
    )


def test_crashed_journal_survives_wrong_passphrases_untouched(
    journal: Journal, passphrase: str, tmp_path: Path
) -> None:
    """After a crash, wrong passphrases leave file and WAL as they were; the right one recovers."""
    journal.checkins.save(CheckIn("2026-03-01", mood=3, note="only in the WAL"))
    crashed = _crash_copy(journal.path, tmp_path / "crashed")
    assert crashed.with_name(crashed.name + "-wal").stat().st_size > 0
    before = _main_and_wal(crashed)
    for attempt in range(3):
        with pytest.raises(WrongPassphrase):
            Journal.open(crashed, passphrase=f"wrong {attempt}")
    assert _main_and_wal(crashed) == before
    with Journal.open(crashed, passphrase=passphrase) as recovered:
        assert recovered.checkins.get("2026-03-01") == CheckIn(
            "2026-03-01", mood=3, note="only in the WAL"
        )
        assert recovered.db.integrity_check() == ["ok"]


def test_crashed_newer_journal_is_refused_untouched(
    journal: Journal, passphrase: str, tmp_path: Path, raw: Callable[..., Any]
) -> None:
    """A newer version recorded only in a crashed session's WAL is still refused, untouched."""
    journal.close(backup_if_changed=False)
    with raw(journal.path, f"PRAGMA key = '{passphrase}'") as conn:
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
        crashed = _crash_copy(journal.path, tmp_path / "crashed")
    before = _main_and_wal(crashed)
    with pytest.raises(JournalTooNew):
        Journal.open(crashed, passphrase=passphrase)
    assert _main_and_wal(crashed) == before


@posix_only
def test_new_folder_for_a_journal_is_private(tmp_path: Path, passphrase: str) -> None:
    """A folder created to hold a new journal is 0700."""
    path = tmp_path / "made-for-it" / "journal.refill"
    Journal.create(path, passphrase).close(backup_if_changed=False)
    assert _mode(path.parent) == 0o700


def test_journal_held_exclusively_elsewhere_is_busy_not_corrupt(
    closed_journal: Path,
    passphrase: str,
    state_of: Callable[[Path], object],
    raw: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A journal another program keeps exclusively locked is reported busy, never damaged."""
    monkeypatch.setattr(database, "_BUSY_TIMEOUT_MS", 200)
    with raw(closed_journal, f"PRAGMA key = '{passphrase}'") as holder:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("SELECT count(*) FROM checkin").fetchone()
        with pytest.raises(JournalBusy):
            Journal.open(closed_journal, passphrase=passphrase)
        holder.execute("ROLLBACK")
