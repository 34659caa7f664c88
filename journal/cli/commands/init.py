"""``refill init``: create a journal."""

from __future__ import annotations

import argparse
import sys

from journal.cli.context import fail, journal_path
from journal.cli.passphrase import new_passphrase
from journal.paths import in_sync_folder
from journal.store import Journal, JournalError
from journal.store.errors import JournalExists


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "init",
        parents=[common],
        help="create a new encrypted journal",
        description="Create a new encrypted journal. The passphrase is asked twice and must "
        "have at least 8 characters; it cannot be recovered if forgotten.",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path = journal_path(args)
    if path.exists():  # before asking for a passphrase that could not be used
        raise fail(JournalExists(path))
    passphrase = new_passphrase(args.passphrase_file)
    try:
        Journal.create(path, passphrase).close(backup_if_changed=False)
    except JournalError as exc:
        raise fail(exc) from None
    print(f"Created an encrypted journal at {path}")
    if in_sync_folder(path):
        print(
            "Note: this folder looks synced to the cloud. Keep the live journal on this "
            "computer and sync only its backups, to avoid conflicting copies.",
            file=sys.stderr,
        )
    return 0
