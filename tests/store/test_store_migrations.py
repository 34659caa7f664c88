"""Numbered migrations: versions, idempotence, all-or-nothing steps, a backup before upgrading."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.store import Journal, backups, migrations
from journal.store.database import Database
from journal.store.migrations import LATEST_VERSION, migrate
from journal.store.models import CheckIn


class StepFailed(RuntimeError):
    """Raised by the deliberately broken migration step."""


def _schema(db: Database) -> list[tuple[str, str]]:
    return [tuple(row) for row in db.query("SELECT name, sql FROM sqlite_master ORDER BY name")]


def _add_step(monkeypatch: pytest.MonkeyPatch, step: migrations.Migration) -> None:
    """Pretend this Refill knows one more schema version, reached by ``step``."""
    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, step))
    monkeypatch.setattr(migrations, "LATEST_VERSION", LATEST_VERSION + 1)


def _add_mood_source(db: Database) -> None:
    db.execute("ALTER TABLE checkin ADD COLUMN mood_source TEXT")


def _half_done_then_fail(db: Database) -> None:
    db.execute("CREATE TABLE half_done (x INTEGER)")
    db.execute("UPDATE checkin SET mood = 0")
    raise StepFailed("step broke after changing things")


@pytest.fixture
def old_journal(journal_path: Path, passphrase: str) -> Path:
    """A closed journal at today's latest version holding one check-in."""
    with Journal.create(journal_path, passphrase) as journal:
        journal.checkins.save(CheckIn("2026-03-01", mood=7))
    for backup in backups.list_backups(journal_path):
        backup.unlink()
    return journal_path


def test_fresh_journal_is_at_latest_version(journal: Journal) -> None:
    """A new journal starts at LATEST_VERSION with nothing pending."""
    assert journal.db.user_version == LATEST_VERSION
    assert migrations.pending(journal.db) == 0


def test_migrate_is_idempotent(journal: Journal) -> None:
    """Running migrate() again does nothing and changes no schema object."""
    before = _schema(journal.db)
    assert migrate(journal.db) == 0
    assert migrate(journal.db) == 0
    assert _schema(journal.db) == before
    assert journal.db.user_version == LATEST_VERSION


def test_failing_step_leaves_version_and_data_as_they_were(
    old_journal: Path, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A step that raises after changing schema and data rolls all of it back."""
    _add_step(monkeypatch, _half_done_then_fail)
    with pytest.raises(StepFailed):
        Journal.open(old_journal, passphrase=passphrase)
    monkeypatch.undo()
    with Journal.open(old_journal, passphrase=passphrase) as journal:
        assert journal.db.user_version == LATEST_VERSION
        assert journal.checkins.get("2026-03-01") == CheckIn("2026-03-01", mood=7)
        assert not journal.db.query("SELECT 1 FROM sqlite_master WHERE name = 'half_done'")


def test_old_journal_is_backed_up_before_migrating(
    old_journal: Path, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening an older journal writes an encrypted backup of the old version, then upgrades."""
    _add_step(monkeypatch, _add_mood_source)
    with Journal.open(old_journal, passphrase=passphrase) as journal:
        assert journal.db.user_version == LATEST_VERSION + 1
        assert journal.db.query("SELECT mood_source FROM checkin") == [(None,)]
    made = backups.list_backups(old_journal)
    assert len(made) == 1
    assert not made[0].read_bytes().startswith(b"SQLite format 3\x00")
    old = Database.open(made[0], passphrase=passphrase)
    try:
        assert old.user_version == LATEST_VERSION
        assert old.query("SELECT date, mood FROM checkin") == [("2026-03-01", 7)]
    finally:
        old.close()


def test_failed_upgrade_still_left_a_backup(
    old_journal: Path, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the upgrade fails, the backup made before it is there and opens."""
    _add_step(monkeypatch, _half_done_then_fail)
    with pytest.raises(StepFailed):
        Journal.open(old_journal, passphrase=passphrase)
    (made,) = backups.list_backups(old_journal)
    monkeypatch.undo()
    with Journal.open(made, passphrase=passphrase) as copy:
        assert copy.checkins.count() == 1


def test_new_journal_gets_no_pre_migration_backup(journal_path: Path, passphrase: str) -> None:
    """Creating a journal (version 0 → latest) makes no backup: there is nothing to keep."""
    Journal.create(journal_path, passphrase).close(backup_if_changed=False)
    assert backups.list_backups(journal_path) == []


def test_each_step_commits_with_its_version(
    old_journal: Path, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With two new steps and the second failing, the first step and its version stay."""
    monkeypatch.setattr(
        migrations, "MIGRATIONS", (*migrations.MIGRATIONS, _add_mood_source, _half_done_then_fail)
    )
    monkeypatch.setattr(migrations, "LATEST_VERSION", LATEST_VERSION + 2)
    with pytest.raises(StepFailed):
        Journal.open(old_journal, passphrase=passphrase)
    db = Database.open(old_journal, passphrase=passphrase)
    try:
        assert db.user_version == LATEST_VERSION + 1
        assert db.query("SELECT mood, mood_source FROM checkin") == [(7, None)]
    finally:
        db.close()
