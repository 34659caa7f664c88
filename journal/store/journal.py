"""The service the CLI and the UI use: one open journal and its repositories.

Nothing outside ``journal.store`` writes SQL; everything goes through a :class:`Journal`.
"""

from __future__ import annotations

from pathlib import Path

from journal.store import backups
from journal.store.database import Database
from journal.store.entries import EntryRepository
from journal.store.migrations import migrate
from journal.store.models import Activity, CheckIn
from journal.store.repositories import (
    CupActionRepository,
    CustomActionRepository,
    DailyRepository,
    ItemRepository,
    SelfCheckRepository,
    SessionLoadRepository,
    SleepRepository,
    SnoozeRepository,
)
from journal.store.settings import SettingsRepository


class Journal:
    """An open, migrated journal.

    ``changed`` becomes true after any write made through this object; the caller makes the
    rotating backup when a change session ends (:meth:`close` does it when asked).
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self.checkins: DailyRepository[CheckIn] = DailyRepository(db, CheckIn, "checkin")
        self.sleep = SleepRepository(db)
        self.activities: ItemRepository[Activity] = ItemRepository(db, Activity, "activity")
        self.sessions = SessionLoadRepository(db)
        self.entries = EntryRepository(db)
        self.cup_actions = CupActionRepository(db)
        self.self_checks = SelfCheckRepository(db)
        self.custom_actions = CustomActionRepository(db)
        self.snoozes = SnoozeRepository(db)
        self.settings = SettingsRepository(db)
        self._changes_at_open = self._total_changes()

    # ------------------------------------------------------------------ life cycle
    @classmethod
    def create(cls, path: Path | str, passphrase: str) -> Journal:
        db = Database.create(path, passphrase)
        migrate(db)
        return cls(db)

    @classmethod
    def open(
        cls, path: Path | str, *, passphrase: str | None = None, raw_key: bytes | None = None
    ) -> Journal:
        db = Database.open(path, passphrase=passphrase, raw_key=raw_key)
        try:
            migrate(db, before_upgrade=lambda found: backups.backup_before_upgrade(db, found))
        except BaseException:
            db.close()
            raise
        return cls(db)

    @property
    def path(self) -> Path:
        return self.db.path

    def _total_changes(self) -> int:
        return int(self.db.conn.total_changes)

    @property
    def changed(self) -> bool:
        """Whether anything was written since the journal was opened."""
        return self.db.is_open and self._total_changes() != self._changes_at_open

    def backup(self, out: Path | None = None) -> Path:
        """An encrypted snapshot: to ``out``, or a rotating one beside the journal."""
        keep = self.settings.load().backups_to_keep
        return backups.make_backup(self.db, out=out, keep=keep)

    def close(self, *, backup_if_changed: bool = True) -> Path | None:
        """Close the journal, first making a rotating backup when this session wrote."""
        made = None
        try:
            if self.db.is_open and backup_if_changed and self.changed:
                made = self.backup()
        finally:
            # A failed backup (full disk) must not leave the journal open with its key in memory.
            self.db.close()
        return made

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(backup_if_changed=exc[0] is None)
