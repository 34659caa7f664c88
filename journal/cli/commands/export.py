"""``refill export``: the journal as JSON, CSV or Markdown, or the supervisor summary PDF.

An export is the one plaintext copy Refill writes, and only where the user says; the command
says so each time it writes a file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from journal.cli.context import journal_path, journal_session
from journal.cli.errors import CliError
from journal.cli.inputs import optional_day, writable_output

FORMATS = ("json", "csv", "markdown")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "export",
        parents=[common],
        help="export the journal (json, csv, markdown) or a supervisor summary PDF",
        description="Export everything as JSON (re-importable), the daily records as CSV, or "
        "entries as Markdown, to standard output or --out FILE. The file is NOT encrypted. "
        "`refill export summary --from D --to D --out FILE.pdf` writes the supervisor summary.",
    )
    parser.add_argument("what", nargs="?", choices=["summary"], help="summary: the PDF")
    parser.add_argument("--format", choices=FORMATS, help="json, csv or markdown")
    parser.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    summary = parser.add_argument_group("supervisor summary (with `summary`)")
    summary.add_argument("--from", dest="start", metavar="D", help="first day of the period")
    summary.add_argument("--to", dest="end", metavar="D", help="last day of the period")
    summary.add_argument("--sections", metavar="LIST", help="comma-separated sections to include")
    summary.add_argument(
        "--password-file", metavar="F", help="protect the PDF with the password in F (AES-256)"
    )
    summary.add_argument("--note", metavar="TEXT", help="a note to your supervisor")
    summary.add_argument(
        "--paper", choices=("a4", "letter"), help="paper size (default: from your locale)"
    )
    parser.set_defaults(run=run)


def run_summary(args: argparse.Namespace) -> int:
    if not args.out:
        raise CliError("the supervisor summary needs --out FILE.pdf")
    args.out = str(writable_output(Path(args.out), journal_path(args), overwrite=True))
    args.start = optional_day(args.start, "from")
    args.end = optional_day(args.end, "to")
    try:
        from journal.summary.cli import run_summary as summary_command
    except ImportError:
        raise CliError("the supervisor summary is not available in this build") from None
    with journal_session(args) as journal:
        return int(summary_command(journal, args) or 0)


def run(args: argparse.Namespace) -> int:
    if args.what == "summary":
        return run_summary(args)
    if args.format is None:
        raise CliError("choose a format: --format json, csv or markdown")
    out = writable_output(Path(args.out), journal_path(args), overwrite=True) if args.out else None
    from journal.exchange import export_file

    with journal_session(args) as journal:
        try:
            count = export_file(journal, args.format, out)
        except OSError as exc:
            raise CliError(f"cannot write {out or 'standard output'}: {exc.strerror}") from None
    if out is not None:
        print(
            f"Exported {count} records to {out}. This file is not encrypted: keep it somewhere "
            "private and delete it when you no longer need it.",
            file=sys.stderr,
        )
    return 0
