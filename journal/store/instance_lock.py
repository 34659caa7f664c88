"""One process per journal: an advisory lock on ``<journal>.lock`` beside the journal.

SQLite already serialises writers, but two long-running Refill windows on one journal would each
hold stale views and fight over auto-lock and backups; the second one should say so instead. The
lock is an OS file lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows), so the kernel drops
it when the holder dies — a crash never leaves the journal "busy". The file holds only the
holder's pid, for the message; it is created 0600 all the same.
"""

from __future__ import annotations

import os
import sys
from contextlib import suppress
from pathlib import Path
from types import TracebackType

from journal.store.errors import OpenInAnotherWindow

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    # Windows locks are mandatory byte ranges: lock one byte well past the pid so that others
    # can still read who holds the journal, and the holder can rewrite the pid freely.
    _LOCKED_BYTE = 1 << 20

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _LOCKED_BYTE, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _LOCKED_BYTE, os.SEEK_SET)
        with suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path(journal_path: Path | str) -> Path:
    """``<journal>.lock`` in the journal's folder."""
    journal_path = Path(journal_path)
    return journal_path.with_name(journal_path.name + ".lock")


class InstanceLock:
    """Held while one process has a journal open; :class:`OpenInAnotherWindow` for anyone else.

    Not re-entrant: a second ``InstanceLock`` on the same journal, even in the same process, is
    refused — which is what a second window should see.
    """

    def __init__(self, journal_path: Path | str) -> None:
        self.journal_path = Path(journal_path)
        self.path = lock_path(self.journal_path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock or raise :class:`OpenInAnotherWindow` (a ``JournalBusy``) naming the
        journal and the holder's pid (never waits)."""
        if self._fd is not None:
            raise RuntimeError("this lock is already held")
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            if not _try_lock(fd):
                holder = _read_pid(fd)
                os.close(fd)
                raise OpenInAnotherWindow(self.journal_path, holder)
            if _same_file(fd, self.path):
                break
            # The previous holder removed the file between our open and our lock: the lock we
            # took is on an orphan, so start again on whatever the path is now.
            _unlock(fd)
            os.close(fd)
        if sys.platform != "win32":
            os.fchmod(fd, 0o600)
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd

    def release(self) -> None:
        """Remove the lock file and let go; safe to call when not held."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if sys.platform != "win32":
            # Unlink while still holding the lock so nobody can lock the doomed file first;
            # a waiter that opened it already notices through ``_same_file`` and retries.
            with suppress(FileNotFoundError):
                self.path.unlink()
            _unlock(fd)
            os.close(fd)
        else:  # pragma: no cover - Windows cannot delete an open file
            _unlock(fd)
            os.close(fd)
            with suppress(OSError):
                self.path.unlink()

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def _same_file(fd: int, path: Path) -> bool:
    try:
        on_disk = path.stat()
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (mine.st_dev, mine.st_ino) == (on_disk.st_dev, on_disk.st_ino)


def _read_pid(fd: int) -> int | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 32).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None
