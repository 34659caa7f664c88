"""``refill export summary``: the supervisor summary PDF from the command line.

The sub-command's options are declared in ``journal/cli/commands/export.py``; this module turns
them into :class:`SummaryOptions`, builds the PDF in memory and writes it atomically.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from journal.cli.errors import CliError
from journal.store import Journal
from journal.summary.content import gather
from journal.summary.document import long_date
from journal.summary.options import (
    SummaryError,
    SummaryOptions,
    default_period,
    paper_for_country,
    parse_sections,
    system_country,
)
from journal.summary.render import build_pdf, write_atomically

NOT_ENCRYPTED = (
    "This PDF is NOT encrypted: anyone who gets the file can read it. Keep it private, or "
    "use --password-file to protect it with a password."
)


def read_password(path: str) -> str:
    """The first line of ``path`` (without its line ending); an empty one is refused."""
    try:
        with open(path, encoding="utf-8") as handle:
            password = handle.readline().rstrip("\r\n")
    except OSError as exc:
        raise CliError(f"cannot read the password file {path}: {exc.strerror}") from None
    if not password:
        raise CliError(f"the password file {path} is empty; nothing was written")
    return password


def _day(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def options_from_args(args: argparse.Namespace, today: dt.date) -> SummaryOptions:
    start = _day(getattr(args, "start", None))
    end = _day(getattr(args, "end", None)) or today
    if start is None:
        start = default_period(end)[0]
    paper = getattr(args, "paper", None) or paper_for_country(system_country())
    password_file = getattr(args, "password_file", None)
    try:
        return SummaryOptions(
            start=start,
            end=end,
            sections=parse_sections(getattr(args, "sections", None)),
            note=getattr(args, "note", None) or "",
            paper=paper,
            password=read_password(password_file) if password_file else None,
        )
    except SummaryError as exc:
        raise CliError(str(exc)) from None


def run_summary(journal: Journal, args: argparse.Namespace) -> int:
    """Build the summary for ``args`` and write it to ``args.out``; 0 on success."""
    options = options_from_args(args, dt.date.today())
    content = gather(journal, options)
    for marked in content.entries:
        for hit in marked.hits:
            print(
                f"refill: check the entry of {long_date(dt.date.fromisoformat(marked.entry.date))}"
                f" before sharing: {hit.why.lower()}",
                file=sys.stderr,
            )
    data = build_pdf(content)
    out = Path(args.out)
    try:
        write_atomically(out, data)
    except OSError as exc:
        raise CliError(f"cannot write {out}: {exc.strerror}; nothing was written") from None
    protection = (
        "It is protected with your password (AES-256)." if options.password else NOT_ENCRYPTED
    )
    print(f"Wrote the supervisor summary to {out}. {protection}", file=sys.stderr)
    return 0
