"""``refill passwd``: change the journal's passphrase, and prove the new one opens it.

Backups are snapshots under the key they were made with, so the ones made before the change
keep the old passphrase; one is made just before (old passphrase) and one just after (new).
A key remembered on this device (the window's "remember on this device") is replaced by the new
one, so the window keeps opening without a prompt.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from journal import keychain
from journal.cli.context import fail, journal_session
from journal.cli.errors import CliError
from journal.cli.passphrase import new_passphrase
from journal.store import Journal, JournalError
from journal.store.backups import backup_dir


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "passwd",
        parents=[common],
        help="change the journal's passphrase",
        description="Change the journal's passphrase (at least 8 characters). The current one "
        "comes from the prompt, --passphrase-file or REFILL_PASSPHRASE; the new one is typed "
        "twice or read from --new-passphrase-file. Older backups keep the old passphrase.",
    )
    parser.add_argument(
        "--new-passphrase-file", metavar="FILE", help="read the new passphrase from FILE"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with journal_session(args) as journal:
        new = new_passphrase(args.new_passphrase_file, label="New passphrase", env=False)
        before = journal.backup()
        journal.db.change_passphrase(new)
        path = journal.path
    try:
        with Journal.open(path, passphrase=new) as reopened:
            healthy = reopened.db.integrity_check() == ["ok"]
            after = reopened.backup() if healthy else None
            new_key = reopened.db.raw_key
    except JournalError as exc:
        raise CliError(
            f"the new passphrase could not be verified ({fail(exc).message}); "
            f"{before} still opens with the old passphrase",
        ) from None
    if after is None:
        raise CliError(f"{path} fails its integrity check after the change; see `refill check`", 4)
    print(f"Passphrase changed for {path}, and checked: the new one opens it.")
    _replace_remembered_key(path, new_key)
    print(
        f"Backups made before now in {backup_dir(path)} (the last: {before.name}) still open "
        f"only with the old passphrase; {after.name} and later ones use the new one."
    )
    return 0


def _replace_remembered_key(path: Path, new_key: bytes) -> None:
    """Swap a key remembered on this device for the new one; touch nothing when none was kept."""
    if keychain.load_key(path) is None:
        return
    if keychain.store_key(path, new_key):
        print("The key remembered on this device now matches the new passphrase.")
    else:
        keychain.forget(path)
        print(
            "The keychain refused the new key, so the remembered one was removed; the window "
            "will ask for the new passphrase once."
        )
