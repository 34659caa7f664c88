"""``refill snooze FLAG_ID``: hide one insight flag for seven days."""

from __future__ import annotations

import argparse
import datetime as dt

from journal.cli.context import journal_session
from journal.cli.errors import CliError
from journal.store import ValidationError


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    parser = sub.add_parser(
        "snooze",
        parents=[common],
        help="hide an insight flag for 7 days",
        description="Hide one flag (e.g. sleep_debt) from insights for 7 days.",
    )
    parser.add_argument("flag_id", help="the flag's id, as shown by refill insights --json")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from journal.service.insights import snooze

    with journal_session(args) as journal:
        try:
            snoozed = snooze(journal, args.flag_id, dt.date.today())
        except ValidationError as exc:
            raise CliError(str(exc), 2) from None
    print(f"{args.flag_id} is hidden until {snoozed.until}")
    return 0
