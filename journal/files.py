"""Files that appear whole or not at all: exports, the supervisor PDF, backups' renames.

A plaintext file is written only because the user asked for it. It is created 0600 from the
start (never readable by others, even for a moment), filled under a temporary name in the
destination folder, fsynced and renamed over the target, so a crash or a full disk never leaves
a half-written file behind or destroys an older one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any


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


@contextlib.contextmanager
def private_atomic_file(target: Path | str, mode: str = "w") -> Iterator[IO[Any]]:
    """Yield a 0600 handle whose contents appear at ``target`` only if the block succeeds.

    ``mode`` is ``"w"`` (UTF-8 text, newlines untranslated) or ``"wb"``. On any error the
    temporary file is removed, ``target`` is left as it was and the error propagates.
    """
    target = Path(target)
    # mkstemp creates the file O_EXCL with mode 0600.
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    partial = Path(name)
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
    fsync_dir(target.parent)
