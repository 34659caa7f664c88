"""Where exports go: standard output, or a private file that appears whole or not at all
(see ``journal.files``)."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO, cast

from journal.files import private_atomic_file


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
    with private_atomic_file(out, "w") as handle:
        yield cast(TextIO, handle)
