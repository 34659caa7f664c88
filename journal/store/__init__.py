"""The encrypted local store: SQLCipher database, schema, migrations and repositories.

No Qt here; the CLI and the UI both talk to :class:`Journal`. ``Journal`` and ``InstanceLock``
load on first use (PEP 562), so importing a light submodule such as ``journal.store.keys`` or
``journal.store.errors`` does not load SQLCipher and the repositories.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from journal.store.errors import (
    CorruptJournal,
    DiskFull,
    JournalBusy,
    JournalError,
    JournalExists,
    JournalMissing,
    JournalTooNew,
    LockedByAnotherProgram,
    NotAJournal,
    NotWritable,
    OpenInAnotherWindow,
    ValidationError,
    WrongPassphrase,
)

if TYPE_CHECKING:
    from journal.store.instance_lock import InstanceLock
    from journal.store.journal import Journal

_LAZY = {"Journal": "journal.store.journal", "InstanceLock": "journal.store.instance_lock"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'journal.store' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "CorruptJournal",
    "DiskFull",
    "InstanceLock",
    "Journal",
    "JournalBusy",
    "JournalError",
    "JournalExists",
    "JournalMissing",
    "JournalTooNew",
    "LockedByAnotherProgram",
    "NotAJournal",
    "NotWritable",
    "OpenInAnotherWindow",
    "ValidationError",
    "WrongPassphrase",
]
