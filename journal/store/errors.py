"""Typed errors raised by the store.

The store never words messages for people: the CLI and the UI choose the wording
(``journal.messages``). Each error carries the journal path so that wording can name the file.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class JournalError(Exception):
    """Base for every error the store raises about a journal file."""

    def __init__(self, path: Path | str, detail: str = "") -> None:
        super().__init__(f"{path}: {detail}" if detail else str(path))
        self.path = Path(path)
        self.detail = detail


class JournalMissing(JournalError):
    """No file at the path: the user may want ``refill init``."""


class JournalExists(JournalError):
    """Creating a journal where a file already is: never overwrite."""


class WrongPassphrase(JournalError):
    """The file looks like an encrypted journal, but the key does not open it."""


class NotAJournal(JournalError):
    """The file is not an encrypted Refill journal (plain SQLite, empty, another format)."""


class CorruptJournal(JournalError):
    """The file opened but is truncated or damaged."""


class JournalTooNew(JournalError):
    """Written by a newer Refill: refused, never modified."""

    def __init__(self, path: Path | str, found: int, supported: int) -> None:
        super().__init__(path, f"schema version {found}, this Refill knows up to {supported}")
        self.found = found
        self.supported = supported


class JournalBusy(JournalError):
    """The journal is in use elsewhere: one of the two kinds below, worded differently."""


class OpenInAnotherWindow(JournalBusy):
    """Another Refill window holds the journal's instance lock (``<journal>.lock``).

    ``pid`` is the holder's process id when the lock file says it.
    """

    def __init__(self, path: Path | str, pid: int | None = None) -> None:
        super().__init__(path, f"held by process {pid}" if pid else "held by another process")
        self.pid = pid


class LockedByAnotherProgram(JournalBusy):
    """SQLite kept reporting the file locked (SQLITE_BUSY) past the busy timeout.

    Not Refill's instance lock: some other program holds SQLite's own lock — a database
    browser, a sync or backup tool, or a Refill command still in the middle of a long write.
    """


class NotWritable(JournalError):
    """``path`` (the journal, a backup, or the folder for one) cannot be written: a read-only
    file, folder or file system, or no permission. Nothing was changed."""


class DiskFull(JournalError):
    """No space left (SQLITE_FULL, ENOSPC, a quota) while writing ``path``; what was being
    written was rolled back or removed, everything else is as it was."""


_READ_ONLY_ERRNOS = {errno.EROFS: "read-only file system", errno.EACCES: "permission denied"}
_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT}


def os_error(exc: OSError, path: Path | str) -> JournalError | None:
    """The typed error for an OS failure while writing ``path``, or None when it is neither a
    read-only place nor a full disk (the caller re-raises the original then)."""
    if exc.errno in _FULL_ERRNOS:
        return DiskFull(path, exc.strerror or "no space left on the device")
    if exc.errno in _READ_ONLY_ERRNOS or exc.errno == errno.EPERM:
        return NotWritable(path, _READ_ONLY_ERRNOS.get(exc.errno or 0, "operation not permitted"))
    return None


@contextmanager
def typed_os_errors(path: Path | str) -> Iterator[None]:
    """While writing ``path``: a full disk or a read-only place raises :class:`DiskFull` or
    :class:`NotWritable` naming it; any other ``OSError`` propagates unchanged."""
    try:
        yield
    except OSError as exc:
        typed = os_error(exc, path)
        if typed is None:
            raise
        raise typed from None


class ValidationError(ValueError):
    """A value is out of range or malformed; ``field`` names the column."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason
