"""Checking what a person typed on the command line, with messages in the house style.

Values are checked here (not with argparse ``type=``) so that a bad value exits 1 with
``refill: field: reason`` — argparse's own errors exit 2, the code reserved for a wrong passphrase.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from journal.cli.errors import CliError
from journal.store.errors import ValidationError
from journal.store.validation import parse_date

_RELATIVE_DAYS = {"today": 0, "yesterday": 1}


def parse_day(text: str | None, name: str = "date") -> str:
    """An ISO date from ``YYYY-MM-DD``, ``today`` or ``yesterday`` (``None`` means today)."""
    if text is None:
        return dt.date.today().isoformat()
    back = _RELATIVE_DAYS.get(text.strip().lower())
    if back is not None:
        return (dt.date.today() - dt.timedelta(days=back)).isoformat()
    try:
        return parse_date(text)
    except ValueError as exc:
        raise CliError(f"{name}: {exc} (or today/yesterday)") from None


def optional_day(text: str | None, name: str) -> str | None:
    """Like :func:`parse_day`, but a missing value stays missing (an open end of a range)."""
    return None if text is None else parse_day(text, name)


def positive_int(text: str | int, name: str) -> int:
    """A whole number of at least 1, e.g. ``--limit``."""
    try:
        number = int(str(text).strip())
    except ValueError:
        raise CliError(f"{name}: expected a whole number, got {text!r}") from None
    if number < 1:
        raise CliError(f"{name}: must be 1 or more, got {number}")
    return number


def invalid(error: ValidationError) -> CliError:
    """The CLI error for a value the store refused (``refill: mood: must be …``)."""
    return CliError(f"{error.field}: {error.reason}")


def writable_output(out: Path, journal_path: Path, *, overwrite: bool) -> Path:
    """Refuse an output path that would replace the journal or one of its own files.

    Exports and backups are written by name; a slip such as ``--out journal.refill`` must never
    clobber the journal itself.
    """
    out = out.expanduser()
    target = out.resolve()
    journal = journal_path.expanduser().resolve()
    own_files = {journal, *(journal.with_name(journal.name + s) for s in ("-wal", "-shm"))}
    if target in own_files:
        raise CliError(f"{out} is the journal itself; choose another file name")
    if target.is_dir():
        raise CliError(f"{out} is a folder; give a file name")
    if not overwrite and target.exists():
        raise CliError(f"{out} already exists; choose another file name (nothing was written)")
    if not target.parent.is_dir():
        raise CliError(f"cannot write {out}: folder {out.parent} does not exist")
    return out
