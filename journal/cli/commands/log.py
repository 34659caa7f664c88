"""``refill log checkin|sleep|activity|sessions|cup``: log one record from the command line.

Each record type's options are generated from its dataclass fields (``journal.cli.records``),
named exactly as the DESIGN.md columns. Values are validated before the journal is opened, so a
typo costs no passphrase and writes nothing.
"""

from __future__ import annotations

import argparse
from typing import Any

from journal.cli.context import journal_session
from journal.cli.errors import CliError
from journal.cli.inputs import invalid, parse_day
from journal.cli.records import KINDS, KINDS_BY_NAME, RecordKind, describe, field_help
from journal.store.errors import ValidationError
from journal.store.validation import validate_record


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "log",
        help="log a check-in, sleep, activity, session load or cup action",
        description="Log one record. Daily records (checkin, sleep, sessions) merge with what "
        "is already stored for that date; activity and cup add a new record each time.",
    )
    kinds = parser.add_subparsers(title="record types", metavar="TYPE", required=True)
    for kind in KINDS:
        _add_kind(kinds, common, kind)


def _add_kind(
    kinds: argparse._SubParsersAction, common: argparse.ArgumentParser, kind: RecordKind
) -> None:
    verb = "merged into" if kind.daily else "added to"
    parser = kinds.add_parser(
        kind.name,
        parents=[common],
        help=kind.help,
        description=f"Log one {kind.label} record ({kind.help}), {verb} the day's records. "
        "Give at least one value; a missing value stays missing, never zero.",
    )
    parser.add_argument("--date", metavar="D", help="YYYY-MM-DD, today (default) or yesterday")
    for item in kind.value_fields():
        parser.add_argument(
            *kind.option_strings(item.name),
            dest=item.name,
            metavar="VALUE",
            help=field_help(item) or None,
        )
    parser.set_defaults(run=run, log_record=kind.name)


def build_record(kind: RecordKind, args: argparse.Namespace) -> Any:
    """The validated record the options describe; ``CliError`` naming the first bad value."""
    values = {
        item.name: getattr(args, item.name)
        for item in kind.value_fields()
        if getattr(args, item.name) is not None
    }
    if not values:
        example = kind.option_strings(kind.value_fields()[0].name)[0]
        raise CliError(f"log {kind.name}: give at least one value, e.g. {example} …")
    record = kind.model(date=parse_day(args.date), **values)
    try:
        return validate_record(record)
    except ValidationError as exc:
        raise invalid(exc) from None


def run(args: argparse.Namespace) -> int:
    kind = KINDS_BY_NAME[args.log_record]
    record = build_record(kind, args)
    with journal_session(args) as journal:
        repository = getattr(journal, kind.repository)
        try:
            if kind.check is not None:
                kind.check(journal, record)
            saved = repository.save(record, merge=True) if kind.daily else repository.add(record)
        except ValidationError as exc:
            raise invalid(exc) from None
    where = saved.date if kind.daily else f"{saved.date} (id {saved.id})"
    print(f"Saved {kind.label} for {where}: {describe(saved, full_text=False)}")
    return 0
