"""Every command's bad-file paths: a one-line message naming the file, and the file untouched."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlcipher3

from journal.store.database import PAGE_SIZE
from journal.store.keys import derive_key, sql_key
from journal.store.migrations import LATEST_VERSION


def test_wrong_passphrase_five_times_leaves_the_file_unchanged(
    refill, made: Path, digest: Callable[[Path], str]
) -> None:
    """Five wrong passphrases in a row: exit 2, the exact message, and the same bytes."""
    before = digest(made)
    for _ in range(5):
        result = refill("log", "checkin", "--mood", "5", passphrase="not the passphrase")
        assert result.returncode == 2
        assert result.stderr == f"refill: wrong passphrase for {made}\n"
    assert digest(made) == before
    assert sorted(p.name for p in made.parent.iterdir() if p.name.startswith(made.name)) == [
        made.name
    ]


def test_passphrase_file_is_used(refill, made: Path, tmp_path: Path, passphrase: str) -> None:
    """--passphrase-file opens the journal even with no environment variable set."""
    secret = tmp_path / "secret.txt"
    secret.write_text(passphrase + "\n", encoding="utf-8")
    result = refill("check", "--passphrase-file", str(secret), passphrase=None)
    assert result.returncode == 0, result.stderr


def test_missing_journal_suggests_init(refill, journal_path: Path) -> None:
    """A command on a path with no journal says so and points at `refill init`."""
    result = refill("search", "anything")
    assert result.returncode == 3
    assert str(journal_path) in result.stderr
    assert "refill init" in result.stderr
    assert not journal_path.exists()


def _not_a_journal(path: Path) -> None:
    path.write_bytes(b"These are my notes, not a database.\n" * 300)


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: PAGE_SIZE * 2 + 1000])


def _plain_sqlite(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE entry (body TEXT)")
    conn.commit()
    conn.close()


def _newer_version(path: Path, passphrase: str) -> None:
    key = derive_key(passphrase, path.read_bytes()[:16])
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute(f'PRAGMA key = "{sql_key(key)}"')
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


@pytest.mark.parametrize(
    ("spoil", "code", "words"),
    [
        (_not_a_journal, 4, "not a Refill journal"),
        (_truncated, 4, "not a Refill journal"),
        (_plain_sqlite, 4, "unencrypted"),
        (_newer_version, 5, "newer Refill"),
    ],
    ids=["not-a-journal", "truncated", "plain-sqlite", "newer-version"],
)
def test_bad_files_are_named_and_left_alone(
    refill, made: Path, passphrase: str, digest: Callable[[Path], str], spoil, code, words
) -> None:
    """Not a journal, truncated, plain SQLite, newer schema: one line, exit code, same bytes."""
    if spoil is _newer_version:
        spoil(made, passphrase)
    else:
        spoil(made)
    before = digest(made)
    result = refill("log", "checkin", "--mood", "5")
    assert result.returncode == code
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"refill: {made} ")
    assert words in result.stderr
    assert digest(made) == before


def test_init_refuses_an_existing_file_before_asking_for_a_passphrase(
    refill, journal_path: Path, digest: Callable[[Path], str]
) -> None:
    """`refill init` where a file already is: exit 7 and the store's own wording, without a
    passphrase being asked for (none is given here), and the file left as it was."""
    journal_path.write_bytes(b"somebody else's file")
    before = digest(journal_path)
    result = refill("init", passphrase=None)
    assert result.returncode == 7
    assert result.stderr == (
        f"refill: {journal_path} already exists; choose another path or open it instead\n"
    )
    assert digest(journal_path) == before
