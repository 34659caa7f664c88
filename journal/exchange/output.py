"""Where exports go: standard output, or a private file that appears whole or not at all.

An export is the one plaintext file Refill writes, and only because the user asked for it. It is
created 0600 from the start (never readable by others, even for a moment), written to a temporary
name in the destination folder, fsynced and renamed over the target, so a crash or a full disk
never leaves a half-written export behind or destroys an older one.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO


@contextlib.contextmanager
def open_output(out: Path | str | None) -> Iterator[TextIO]:
    """Yield a text stream for an export: ``sys.stdout`` when ``out`` is None.

    For a file, the text is only visible at ``out`` once the ``with`` block ends without an
    exception; on any error the temporary file is removed and the error propagates.
    """
    if out is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(out)
    # mkstemp creates the file O_EXCL with mode 0600.
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    partial = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX only; Windows has no directory handles)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
