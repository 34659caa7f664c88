"""User-facing wording for the store's typed errors, shared by the CLI and the window.

Kept in one place so that a message is worded once and every front end says the same thing.
"""

from __future__ import annotations

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
    WrongPassphrase,
)


def describe(error: JournalError) -> str:
    """One line naming the file and what to do next."""
    path = error.path
    if isinstance(error, WrongPassphrase):
        return f"wrong passphrase for {path}"
    if isinstance(error, JournalMissing):
        return f"no journal at {path}; create one with `refill init` (or pass --journal PATH)"
    if isinstance(error, JournalExists):
        return f"{path} already exists; choose another path or open it instead"
    if isinstance(error, JournalTooNew):
        return (
            f"{path} was written by a newer Refill (schema {error.found}, this one knows "
            f"{error.supported}); update Refill to open it — the file was not changed"
        )
    if isinstance(error, NotAJournal):
        return f"{path} is not a Refill journal ({error.detail}); the file was not changed"
    if isinstance(error, CorruptJournal):
        return (
            f"{path} is damaged or truncated ({error.detail}); it was not changed — "
            "restore a backup with `refill restore FILE` (see `refill backup --list`)"
        )
    if isinstance(error, NotWritable):
        return (
            f"cannot write {path} ({error.detail or 'read-only'}); make it writable, or use a "
            "folder you can write to, and try again — nothing was changed"
        )
    if isinstance(error, DiskFull):
        return (
            f"the disk holding {path} is full; free some space and try again — nothing was written"
        )
    if isinstance(error, OpenInAnotherWindow):
        holder = f" (process {error.pid})" if error.pid else ""
        return f"{path} is open in another Refill window{holder}; close it there first"
    if isinstance(error, LockedByAnotherProgram):
        return (
            f"{path} is locked by another program (a database tool, a sync or backup app, or a "
            "Refill command still writing); close it or wait, then try again — nothing was changed"
        )
    if isinstance(error, JournalBusy):
        return f"{path} is in use elsewhere; close the other program, then try again"
    return str(error)


EXIT_CODES: dict[type[JournalError], int] = {
    WrongPassphrase: 2,
    JournalMissing: 3,
    NotAJournal: 4,
    CorruptJournal: 4,
    JournalTooNew: 5,
    JournalBusy: 6,
    JournalExists: 7,
    NotWritable: 8,
    DiskFull: 8,
}


def exit_code(error: JournalError) -> int:
    """The CLI's exit status for an error: 2 for a wrong passphrase, as documented."""
    for cls in type(error).__mro__:
        if cls in EXIT_CODES:
            return EXIT_CODES[cls]
    return 1
