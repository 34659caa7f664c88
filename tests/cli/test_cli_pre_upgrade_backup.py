"""The backup made before a schema upgrade: listed (and marked) by `refill backup --list`, and
restorable like any other."""

from __future__ import annotations

from pathlib import Path

from journal.store import Journal
from journal.store.backups import list_backups, upgraded_from
from journal.store.database import Database
from journal.store.migrations import LATEST_VERSION, migrate
from journal.store.models import Entry


def _version_1_journal(path: Path, passphrase: str) -> None:
    db = Database.create(path, passphrase)
    migrate(db, target=1)
    journal = Journal(db)
    journal.entries.add(Entry("2026-03-01", title="written by version 1"))
    journal.close(backup_if_changed=False)


def test_pre_upgrade_backup_is_listed_marked_and_restorable(
    refill, journal_path: Path, passphrase: str
) -> None:
    """After an upgrade, --list marks the pre-upgrade backup as always kept, and restoring it
    gives back the journal as it was (upgraded again on opening)."""
    _version_1_journal(journal_path, passphrase)
    assert refill("check").returncode == 0  # opening upgrades it
    (kept,) = list_backups(journal_path)
    assert upgraded_from(kept) == 1
    listed = refill("backup", "--list", passphrase=None)
    assert listed.returncode == 0
    (line,) = [line for line in listed.stdout.splitlines() if str(kept) in line]
    assert line.endswith("(before upgrading schema 1; always kept)")
    restored = refill("restore", str(kept))
    assert restored.returncode == 0, restored.stderr
    with Journal.open(journal_path, passphrase=passphrase) as journal:
        assert journal.db.user_version == LATEST_VERSION
        assert [e.title for e in journal.entries.between()] == ["written by version 1"]
    assert kept.exists()
