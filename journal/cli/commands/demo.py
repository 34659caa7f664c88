"""``refill demo``: create a journal filled with a realistic synthetic story."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from typing import TYPE_CHECKING

from journal.cli.context import fail, journal_path
from journal.cli.errors import CliError
from journal.cli.passphrase import new_passphrase
from journal.store import JournalError
from journal.store.errors import JournalExists

if TYPE_CHECKING:
    from journal.demo import Progress


def _days(text: str) -> int:
    from journal.demo import MAX_DAYS

    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of days, got {text!r}") from None
    if not 1 <= days <= MAX_DAYS:
        raise argparse.ArgumentTypeError(f"must be from 1 to {MAX_DAYS}, got {days}")
    return days


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "demo",
        parents=[common],
        help="create a demo journal with a synthetic story",
        description="Create a new encrypted journal holding a synthetic clinician's journal: "
        "check-ins, sleep, session load with trauma-heavy stretches, activities, cup actions, "
        "self-checks and entries. The same --seed and --end give the same journal. Refuses a "
        "path that already exists.",
    )
    parser.add_argument("--days", type=_days, default=120, help="days of history (default 120)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--end", type=_date, default=None, metavar="YYYY-MM-DD", help="last day (default today)"
    )
    parser.set_defaults(run=run)


def _progress_line() -> Progress | None:
    """A progress callback drawing one updating line on stderr, or ``None`` off a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done == total else ""
        print(
            f"\rGenerating day {done:,} of {total:,} ({done * 100 // total}%)",
            end=end,
            file=sys.stderr,
            flush=True,
        )

    return show


def run(args: argparse.Namespace) -> int:
    from journal.demo import create_demo_journal

    path = journal_path(args)
    if path.exists():  # before asking for a passphrase that could not be used
        raise fail(JournalExists(path))
    passphrase = new_passphrase(args.passphrase_file)
    started = time.perf_counter()
    try:
        summary = create_demo_journal(
            path,
            passphrase,
            days=args.days,
            seed=args.seed,
            end=args.end,
            progress=_progress_line(),
        )
    except JournalError as exc:
        raise fail(exc) from None
    except ValueError as exc:
        raise CliError(str(exc)) from None
    seconds = time.perf_counter() - started
    print(
        f"Created a demo journal at {path} ({summary.start} to {summary.end}, "
        f"{summary.logged_days:,} of {summary.days:,} days logged, {seconds:.1f} s)"
    )
    for name, count in summary.counts().items():
        print(f"  {name.replace('_', ' ')}: {count:,}")
    return 0
