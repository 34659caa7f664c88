"""A writer process for the end-to-end store tests: saves through the public store API and
reports each save on stdout only after ``save`` has returned.

    writer.py stream JOURNAL START      entries from key START on, forever (killed by the test)
    writer.py batch JOURNAL NAME FIRST_DAY COUNT
                                        COUNT entries, and check-ins on COUNT days from day
                                        FIRST_DAY, after a "go" line on stdin
    writer.py merge JOURNAL FIELD COUNT merge FIELD into COUNT shared days' check-ins, after "go"
    writer.py rekey JOURNAL NEW         change the passphrase to NEW

The raw key comes hex-encoded in ``REFILL_TEST_KEY`` so a restart does not pay for the KDF.
Report lines (one ``write`` each, so a kill never leaves half a line):
    add KEY ID        entry titled ``key KEY`` was stored with id ID
    deleting KEY ID   about to delete that entry (a kill may land before or after it)
    del KEY ID        that entry was deleted
    checkin DATE MOOD check-in for DATE stored with MOOD
    backup NAME KEY   a rotating backup was written after key KEY
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from journal.store import Journal
from journal.store.models import CheckIn, Entry

EPOCH = dt.date(2000, 1, 1)
MERGE_DAY = 5000


def report(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def day(offset: int) -> str:
    return (EPOCH + dt.timedelta(days=offset)).isoformat()


def stream(journal: Journal, start: int) -> None:
    """Adds an entry per key; every 5th key also a check-in, every 10th deletes its entry,
    every 100th makes a rotating backup."""
    key = start
    while True:
        entry = journal.entries.add(
            Entry(day(key % 3000), title=f"key {key}", body=f"stream body {key} " * 20)
        )
        report(f"add {key} {entry.id}")
        if key % 5 == 0:
            journal.checkins.save(CheckIn(day(key), mood=key % 11, note=f"key {key}"))
            report(f"checkin {day(key)} {key % 11}")
        if key % 10 == 0:
            report(f"deleting {key} {entry.id}")
            journal.entries.delete(entry.id or 0)
            report(f"del {key} {entry.id}")
        if key % 100 == 55:
            report(f"backup {journal.backup().name} {key}")
        key += 1


def batch(journal: Journal, name: str, offset: int, count: int) -> None:
    """``count`` entries and ``count`` check-ins on days ``offset`` onwards."""
    report("ready")
    if sys.stdin.readline().strip() != "go":
        raise SystemExit("expected go")
    for i in range(count):
        entry = journal.entries.add(Entry(day(i), title=f"{name} {i}", body=f"{name} body {i}"))
        report(f"add {name}-{i} {entry.id}")
        journal.checkins.save(CheckIn(day(offset + i), mood=i % 11, note=name))
        report(f"checkin {day(offset + i)} {i % 11}")
    report("done")


def merge(journal: Journal, field: str, count: int) -> None:
    """Merge ``field`` into the check-ins of days 5000 onwards, which another writer also
    merges into: neither may undo the other's field."""
    report("ready")
    if sys.stdin.readline().strip() != "go":
        raise SystemExit("expected go")
    for i in range(count):
        journal.checkins.save(CheckIn(day(MERGE_DAY + i), **{field: i % 11}), merge=True)
    report("done")


def rekey(journal: Journal, new: str) -> None:
    """Change the passphrase to ``new``, reporting before and after."""
    report("rekeying")
    journal.db.change_passphrase(new)
    report("rekeyed")


def main(argv: list[str]) -> None:
    command, path = argv[0], Path(argv[1])
    journal = Journal.open(path, raw_key=bytes.fromhex(os.environ["REFILL_TEST_KEY"]))
    try:
        if command == "stream":
            report("ready")
            stream(journal, int(argv[2]))
        elif command == "batch":
            batch(journal, argv[2], int(argv[3]), int(argv[4]))
        elif command == "merge":
            merge(journal, argv[2], int(argv[3]))
        elif command == "rekey":
            rekey(journal, argv[2])
        else:
            raise SystemExit(f"unknown command {command}")
    finally:
        journal.close(backup_if_changed=False)


if __name__ == "__main__":
    main(sys.argv[1:])
