"""The encrypted local store: SQLCipher database, schema, migrations and repositories.

No Qt here; the CLI and the UI both talk to :class:`Journal`.
"""

from journal.store.errors import (
    CorruptJournal,
    JournalBusy,
    JournalError,
    JournalExists,
    JournalMissing,
    JournalTooNew,
    NotAJournal,
    ValidationError,
    WrongPassphrase,
)
from journal.store.instance_lock import InstanceLock
from journal.store.journal import Journal

__all__ = [
    "CorruptJournal",
    "InstanceLock",
    "Journal",
    "JournalBusy",
    "JournalError",
    "JournalExists",
    "JournalMissing",
    "JournalTooNew",
    "NotAJournal",
    "ValidationError",
    "WrongPassphrase",
]
