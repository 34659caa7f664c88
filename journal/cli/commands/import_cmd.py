"""``refill import FILE.csv|FILE.json``: all or nothing, with every problem listed at once."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from journal.cli.context import journal_session
from journal.cli.errors import CliError
from journal.cli.inputs import invalid
from journal.store.errors import ValidationError

if TYPE_CHECKING:
    from journal.exchange.summary import ImportSummary
    from journal.store import Journal


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "import",
        parents=[common],
        help="import a daily CSV or a Refill JSON export",
        description="Import a daily CSV (columns as in the documentation) or a JSON export. "
        "Nothing is written unless the whole file is valid; every problem is listed as "
        "'line N, column C: reason'. A date that already has data is a conflict unless "
        "--replace is given.",
    )
    parser.add_argument("file", metavar="FILE", help="a .csv or .json file")
    parser.add_argument(
        "--replace", action="store_true", help="replace what is stored for dates in the file"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    source = Path(args.file).expanduser()
    if not source.is_file():
        raise CliError(
            f"cannot import {source}: no such file"
            if not source.exists()
            else f"cannot import {source}: it is not a file"
        )
    with journal_session(args, done="imported") as journal:
        summary = _import(journal, source, replace=args.replace)
    print(summary.describe())
    return 0


def _import(journal: Journal, source: Path, *, replace: bool) -> ImportSummary:
    """Import ``source``, or a :class:`CliError` listing its problems (nothing written)."""
    from journal.exchange import import_file
    from journal.exchange.problems import ImportProblems

    try:
        return import_file(journal, source, replace=replace)
    except ImportProblems as exc:
        for problem in exc.problems:
            print(f"{source}: {problem}", file=sys.stderr)
        count = len(exc.problems)
        raise CliError(
            f"{count} problem{'s' if count != 1 else ''} in {source}; nothing was imported"
        ) from None
    except ValidationError as exc:
        raise invalid(exc) from None
    except (OSError, ValueError) as exc:
        raise CliError(f"cannot import {source}: {exc}; nothing was imported") from None
