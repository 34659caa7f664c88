"""``refill show``: read the journal from the terminal.

A list of entries for a period, one entry in full, or a whole day: its check-in, sleep, session
load, activities, cup actions and entries.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from journal.cli.context import journal_session
from journal.cli.errors import CliError
from journal.cli.inputs import optional_day, parse_day, positive_int
from journal.cli.output import clean, tag_list, title_or_untitled
from journal.cli.records import KINDS, describe
from journal.store import Journal
from journal.store.models import Entry

_DEFAULT_DAYS = 30


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "show",
        parents=[common],
        help="read entries and the day's records",
        description=f"List entries (the last {_DEFAULT_DAYS} days by default), show one day "
        "in full with its check-in, sleep and session load, or one entry by id.",
    )
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--date", metavar="D", help="one whole day: YYYY-MM-DD, today, yesterday")
    which.add_argument("--id", metavar="N", help="one entry in full")
    which.add_argument("--from", dest="start", metavar="D", help="list entries from this date")
    parser.add_argument("--to", dest="end", metavar="D", help="list entries up to this date")
    parser.set_defaults(run=run)


def entry_heading(entry: Entry) -> str:
    tags = f"  {tag_list(entry.tags)}" if entry.tags else ""
    return f"{entry.date}  id {entry.id}  {title_or_untitled(entry.title)}{tags}"


def entry_in_full(entry: Entry) -> str:
    notes = []
    if entry.prompt_id:
        notes.append(f"prompt {clean(entry.prompt_id, one_line=True)}")
    if entry.include_in_summary:
        notes.append("shared in the supervisor summary")
    notes.append(f"written {entry.created_at}")
    if entry.updated_at and entry.updated_at != entry.created_at:
        notes.append(f"edited {entry.updated_at}")
    return f"{entry_heading(entry)}\n{' · '.join(notes)}\n\n{clean(entry.body).rstrip()}\n"


def day_in_full(journal: Journal, date: str) -> str:
    weekday = dt.date.fromisoformat(date).strftime("%A")
    lines = [f"{weekday} {date}"]
    for kind in KINDS:
        repository = getattr(journal, kind.repository)
        records = [repository.get(date)] if kind.daily else repository.on(date)
        for record in filter(None, records):
            lines.append(f"{kind.label.capitalize()}: {describe(record)}")
    entries = journal.entries.on(date)
    if len(lines) == 1 and not entries:
        lines.append("Nothing recorded on this day.")
    out = "\n".join(lines) + "\n"
    for entry in entries:
        out += "\n" + entry_in_full(entry)
    return out


def listing(entries: list[Entry], start: str | None, end: str | None) -> str:
    if not entries:
        period = f"from {start or 'the start'} to {end or 'now'}"
        return f"No entries {period}.\n"
    return "".join(entry_heading(entry) + "\n" for entry in entries)


def run(args: argparse.Namespace) -> int:
    if args.end is not None and (args.date is not None or args.id is not None):
        raise CliError("--to goes with --from (a period), not with --date or --id")
    entry_id = positive_int(args.id, "id") if args.id is not None else None
    date = parse_day(args.date) if args.date is not None else None
    start, end = optional_day(args.start, "from"), optional_day(args.end, "to")
    if start is None and end is None and date is None and entry_id is None:
        start = (dt.date.today() - dt.timedelta(days=_DEFAULT_DAYS - 1)).isoformat()
    if start and end and start > end:
        raise CliError(f"from {start} is after to {end}")
    with journal_session(args) as journal:
        if entry_id is not None:
            entry = journal.entries.get(entry_id)
            if entry is None:
                raise CliError(f"no entry with id {entry_id} (see `refill show`)")
            text = entry_in_full(entry)
        elif date is not None:
            text = day_in_full(journal, date)
        else:
            text = listing(journal.entries.between(start, end), start, end)
    sys.stdout.write(text)
    return 0
