"""Files that appear whole or not at all: exports, the supervisor PDF, backups' renames.

A plaintext file is written only because the user asked for it. It is created 0600 from the
start (never readable by others, even for a moment), filled under a temporary name in the
destination folder, fsynced and renamed over the target, so a crash or a full disk never leaves
a half-written file behind or destroys an older one.

A writer killed half-way (kill -9, a power cut) cannot remove its temporary ``*.partial`` file,
so the next write to the same place removes such leftovers (:func:`remove_stale_partials`).
While a partial is being written its writer holds an OS lock on it (``flock`` on POSIX; on
Windows an open file cannot be deleted at all), so a live writer's file is never taken for a
leftover.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

#: When this process started using these files. A partial changed since then may belong to a
#: writer that takes no lock (an older Refill), so only older ones count as leftovers.
PROCESS_STARTED = time.time()


def fsync_file(path: Path) -> None:
    """Flush a file's contents to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable (POSIX; Windows has no directory handles for it)."""
    if os.name != "posix":
        return
    fsync_file(path)


# ------------------------------------------------------------------ partial files

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only

    def _try_lock(fd: int) -> bool:
        return True  # the open handle itself keeps others from deleting the file

    def _remove_if_unlocked(path: Path) -> bool:
        try:
            path.unlink()
        except PermissionError:  # open in a live writer
            return False
        return True

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _remove_if_unlocked(path: Path) -> bool:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        try:
            # Holding the lock while unlinking: a writer cannot claim the file in between.
            if not _try_lock(fd) or not _same_file(fd, path):
                return False
            path.unlink()
            return True
        finally:
            os.close(fd)


def _same_file(fd: int, path: Path) -> bool:
    try:
        on_disk = path.stat()
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (mine.st_dev, mine.st_ino) == (on_disk.st_dev, on_disk.st_ino)


def _hold(fd: int, path: Path) -> bool:
    """Lock a partial just created at ``path``; False if a cleaner removed it first."""
    if not _try_lock(fd):
        return False
    return _same_file(fd, path)


@contextlib.contextmanager
def partial_file(path: Path) -> Iterator[int]:
    """Create ``path`` empty, 0600 and exclusively, and hold it as being written for the block
    (yields the descriptor); on any error it is removed. The caller renames it away."""
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        if _hold(fd, path):
            break
        os.close(fd)  # a cleaner took the name between our create and our lock: again
    try:
        yield fd
    except BaseException:
        with contextlib.suppress(OSError):
            path.unlink()
        raise
    finally:
        os.close(fd)


def remove_stale_partials(folder: Path, pattern: str) -> list[Path]:
    """Delete the files matching ``pattern`` in ``folder`` that a dead writer left behind.

    A file counts as left behind when it was last changed before this process started and no
    live process holds it; anything else is kept. Never raises: a leftover that cannot be
    removed now is tried again next time. Returns what was removed.
    """
    removed = []
    try:
        candidates = sorted(folder.glob(pattern))
    except OSError:
        return []
    for path in candidates:
        with contextlib.suppress(OSError):
            info = path.lstat()
            if not stat.S_ISREG(info.st_mode) or info.st_mtime >= PROCESS_STARTED:
                continue
            if _remove_if_unlocked(path):
                removed.append(path)
    return removed


# ------------------------------------------------------------------ atomic writes


def _partial_pattern(target: Path) -> str:
    import glob

    return f".{glob.escape(target.name)}.*.partial"


def _new_partial(target: Path) -> tuple[int, Path]:
    """A new 0600 temporary file beside ``target``, held as being written."""
    while True:
        # mkstemp creates the file O_EXCL with mode 0600.
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
        if _hold(fd, Path(name)):
            return fd, Path(name)
        os.close(fd)


@contextlib.contextmanager
def private_atomic_file(target: Path | str, mode: str = "w") -> Iterator[IO[Any]]:
    """Yield a 0600 handle whose contents appear at ``target`` only if the block succeeds.

    ``mode`` is ``"w"`` (UTF-8 text, newlines untranslated) or ``"wb"``. On any error the
    temporary file is removed, ``target`` is left as it was and the error propagates. Partials
    that a killed earlier write to ``target`` left behind are removed first.
    """
    target = Path(target)
    remove_stale_partials(target.parent, _partial_pattern(target))
    fd, partial = _new_partial(target)
    # A second descriptor keeps the lock until after the rename: closing the handle must not
    # let go of it (a flock belongs to the open file, which both descriptors share).
    holder = os.dup(fd)
    try:
        binary = "b" in mode
        encoding, newline = (None, None) if binary else ("utf-8", "")
        with os.fdopen(fd, mode, encoding=encoding, newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        os.close(holder)
    fsync_dir(target.parent)
