"""``refill restore FILE``: put a backup in place of the journal, losing nothing.

The backup is checked first (passphrase, integrity) on a private copy, so the backup file itself
is never modified. The current journal gets one more backup when the same passphrase opens it,
and is then set aside under a ``.replaced-…`` name — never deleted.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from journal.cli.context import fail, journal_path
from journal.cli.errors import CliError
from journal.cli.passphrase import existing_passphrase
from journal.store import Journal, JournalError, WrongPassphrase
from journal.store.backups import restore
from journal.store.database import Database
from journal.store.errors import typed_os_errors

_OLD_PASSPHRASE_HINT = "a backup made before a passphrase change opens with the old passphrase"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "restore",
        parents=[common],
        help="replace the journal with a backup (the current one is kept aside)",
        description="Replace the journal with an encrypted backup. The backup is checked "
        "first; the current journal is renamed aside, never deleted. Use the passphrase that "
        f"opens the backup ({_OLD_PASSPHRASE_HINT}).",
    )
    parser.add_argument("file", metavar="FILE", help="the backup (see `refill backup --list`)")
    parser.set_defaults(run=run)


def _private_copy(source: Path, beside: Path) -> Path:
    """A copy of ``source`` in a new private folder in ``beside``."""
    try:
        with typed_os_errors(beside):
            folder = Path(tempfile.mkdtemp(prefix=".refill-restore-", dir=beside))
            try:
                return Path(shutil.copyfile(source, folder / source.name))
            except BaseException:
                shutil.rmtree(folder, ignore_errors=True)
                raise
    except JournalError as exc:  # a full disk or a read-only folder: say which
        raise fail(exc) from None


@contextmanager
def opened_copy(source: Path, beside: Path, passphrase: str) -> Iterator[Database]:
    """The backup opened from a private copy (opening a database may rewrite its header)."""
    copy = _private_copy(source, beside)
    try:
        try:
            db = Database.open(copy, passphrase=passphrase)
        except WrongPassphrase:
            raise CliError(f"wrong passphrase for {source} ({_OLD_PASSPHRASE_HINT})", 2) from None
        except JournalError as exc:
            exc.path = source  # name the file the user gave, not the private copy
            raise fail(exc) from None
        try:
            yield db
        finally:
            db.close()
    finally:
        shutil.rmtree(copy.parent, ignore_errors=True)


def safety_backup(target: Path, passphrase: str) -> Path | None:
    """One more backup of the journal about to be replaced, when this passphrase opens it."""
    try:
        journal = Journal.open(target, passphrase=passphrase)
    except JournalError:
        return None
    try:
        return journal.backup()
    finally:
        journal.close(backup_if_changed=False)


def verify(target: Path, key: bytes) -> None:
    try:
        with Journal.open(target, raw_key=key) as journal:
            problems = journal.db.integrity_check()
    except JournalError as exc:
        raise fail(exc) from None
    if problems != ["ok"]:
        raise CliError(f"the restored journal {target} fails its integrity check: {problems[0]}", 4)


def run(args: argparse.Namespace) -> int:
    source = Path(args.file).expanduser()
    target = journal_path(args)
    if not source.is_file():
        raise CliError(f"no backup file at {source} (see `refill backup --list`)", 3)
    if source.resolve() == target.resolve():
        raise CliError(f"{source} is the journal itself; give a backup file")
    target.parent.mkdir(parents=True, exist_ok=True)
    passphrase, _typed = existing_passphrase(args.passphrase_file)
    with opened_copy(source, target.parent, passphrase) as backup:
        problems = backup.integrity_check()
        if problems != ["ok"]:
            raise CliError(f"{source} is damaged ({problems[0]}); nothing was changed", 4)
        try:
            safety = safety_backup(target, passphrase) if target.exists() else None
            aside = restore(backup, target)
        except JournalError as exc:  # a full disk or a read-only folder: nothing was replaced
            raise fail(exc) from None
        key = backup.raw_key
    verify(target, key)
    print(f"Restored {source} into {target}; it opens with the passphrase you just used.")
    if aside is not None:
        print(f"The journal it replaced is kept as {aside}; delete it when you are sure.")
    if safety is not None:
        print(f"A backup of it was also made: {safety}")
    return 0
