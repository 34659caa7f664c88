"""Fixtures for the store tests: a fast fresh journal, file fingerprints, raw SQLCipher access."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest
import sqlcipher3

from journal.store import Journal

Fingerprint = tuple[str, tuple[str, ...]]
Template = Callable[[str], tuple[Path, bytes]]
RawOpener = Callable[[Path, str], AbstractContextManager[sqlcipher3.Connection]]


def _fingerprint(path: Path) -> Fingerprint:
    digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "not a file"
    return digest, tuple(sorted(p.name for p in path.parent.iterdir()))


@pytest.fixture
def state_of() -> Callable[[Path], Fingerprint]:
    """``state_of(path)`` → (sha256, names in its folder): equal before and after = untouched,
    including no leftover ``-wal``/``-shm``."""
    return _fingerprint


@contextmanager
def _raw_connection(path: Path, key_pragma: str) -> Iterator[sqlcipher3.Connection]:
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(key_pragma)
        yield conn
    finally:
        conn.close()


@pytest.fixture
def raw() -> RawOpener:
    """``with raw(path, "PRAGMA key = '…'") as conn`` — a bare connection, as the sqlcipher CLI."""
    return _raw_connection


@pytest.fixture(scope="session")
def journal_template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    """``journal_template(passphrase)`` → (a closed fresh journal, its raw key), made once.

    The key derivation is deliberately slow (256,000 PBKDF2 rounds); paying it once per session
    instead of once per test keeps the store suite quick.
    """
    folder = tmp_path_factory.mktemp("template")
    made: dict[str, tuple[Path, bytes]] = {}

    def template(passphrase: str) -> tuple[Path, bytes]:
        if passphrase not in made:
            path = folder / f"fresh-{len(made)}.refill"
            with Journal.create(path, passphrase) as journal:
                made[passphrase] = (path, journal.db.raw_key)
        return made[passphrase]

    return template


@pytest.fixture
def journal(journal_path: Path, passphrase: str, journal_template: Template) -> Iterator[Journal]:
    """A fresh, open journal at ``journal_path`` (a copy of the session's template, opened with
    its raw key); closed without a backup after the test."""
    template, key = journal_template(passphrase)
    shutil.copyfile(template, journal_path)
    journal_path.chmod(0o600)
    opened = Journal.open(journal_path, raw_key=key)
    yield opened
    opened.close(backup_if_changed=False)


@pytest.fixture(scope="session")
def v1_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """A closed journal exactly as Refill with schema version 1 left it, holding a little of
    everything (made once per session), and its raw key.

    Only migration 1 runs (``migrate(target=1)``), through today's repositories, which write
    the same columns. Entries 1–3 exist; entry 4 was written and deleted, and so was
    activity 2 — the newest rows, so a version-1 journal would hand their ids out again.
    """
    from journal.store.database import Database
    from journal.store.migrations import migrate
    from journal.store.models import Activity, CheckIn, CupActionDone, Entry, SelfCheck

    path = tmp_path_factory.mktemp("v1") / "old.refill"
    db = Database.create(path, "correct horse battery")
    migrate(db, target=1)
    journal = Journal(db)
    journal.checkins.save(CheckIn("2026-03-01", mood=6, note="steady"))
    for i, word in enumerate(("kingfisher", "supervision", "harbour", "gone"), start=1):
        journal.entries.add(Entry("2026-03-01", title=f"entry {i}", body=f"saw a {word} today"))
    journal.entries.delete(4)
    journal.activities.add(Activity("2026-03-01", kind="walk", minutes=30))
    journal.activities.add(Activity("2026-03-01", kind="run", minutes=20))
    journal.activities.delete(2)
    journal.cup_actions.add(CupActionDone("2026-03-01", action_id="walk_outside", minutes=20))
    journal.self_checks.add(SelfCheck("2026-03-01", exhaustion=40.0))
    key = db.raw_key
    journal.close(backup_if_changed=False)
    return path, key


@pytest.fixture
def v1_journal(v1_template: tuple[Path, bytes], journal_path: Path) -> tuple[Path, bytes]:
    """A private copy of :func:`v1_template` at ``journal_path`` (closed) and its raw key."""
    shutil.copyfile(v1_template[0], journal_path)
    journal_path.chmod(0o600)
    return journal_path, v1_template[1]
