"""Opening the journal a command works on, with the right wording when that fails."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from journal import messages
from journal.cli import early_key
from journal.cli.errors import CliError
from journal.cli.passphrase import existing_passphrase
from journal.paths import default_journal_path
from journal.store import Journal, JournalError, WrongPassphrase

_PROMPT_TRIES = 3


def journal_path(args: argparse.Namespace) -> Path:
    return Path(args.journal).expanduser() if args.journal else default_journal_path()


def fail(error: JournalError) -> CliError:
    """The CLI error for a store error: worded by ``journal.messages``."""
    return CliError(messages.describe(error), messages.exit_code(error))


def open_journal(args: argparse.Namespace) -> Journal:
    """Open the journal named by ``--journal`` (or the default) with the user's passphrase.

    A typed passphrase may be retried; one from a file or the environment fails at once.
    """
    path = journal_path(args)
    for attempt in range(1, _PROMPT_TRIES + 1):
        passphrase, typed = existing_passphrase(getattr(args, "passphrase_file", None))
        raw_key = early_key.take(path, passphrase)
        try:
            if raw_key is not None:
                return Journal.open(path, raw_key=raw_key)
            return Journal.open(path, passphrase=passphrase)
        except WrongPassphrase as exc:
            if not typed or attempt == _PROMPT_TRIES:
                raise fail(exc) from None
            print(f"refill: {messages.describe(exc)}; try again", file=sys.stderr)
        except JournalError as exc:
            raise fail(exc) from None
    raise AssertionError("unreachable")


@contextmanager
def journal_session(args: argparse.Namespace, *, done: str = "saved") -> Iterator[Journal]:
    """An open journal for one command; a rotating backup is made if the command wrote.

    When that closing backup fails (a full disk, a read-only backups folder) the command's work
    is already stored, so the message says both: ``"<done>, but the automatic backup …"``.
    """
    journal = open_journal(args)
    try:
        yield journal
    except JournalError as exc:
        journal.close(backup_if_changed=False)
        raise fail(exc) from None
    except BaseException:
        journal.close(backup_if_changed=False)
        raise
    try:
        journal.close()
    except JournalError as exc:
        error = fail(exc)
        message = f"{done}, but the automatic backup after it was not made: {error.message}"
        raise CliError(message, error.code) from None
