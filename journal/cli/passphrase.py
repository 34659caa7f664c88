"""Where a passphrase comes from: ``--passphrase-file``, ``REFILL_PASSPHRASE``, or a prompt.

The prompt reads from the terminal (not stdin), so ``echo text | refill write`` still asks.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from journal.cli.errors import CliError
from journal.store.keys import passphrase_problem

ENV_VAR = "REFILL_PASSPHRASE"


def _from_file(path: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise CliError(f"cannot read passphrase file {path}: {exc.strerror}") from None
    passphrase = text.splitlines()[0] if text else ""
    if not passphrase:
        raise CliError(f"passphrase file {path} is empty")
    return passphrase


def _can_prompt() -> bool:
    try:
        with open("/dev/tty"):
            return True
    except OSError:
        return sys.stdin.isatty()


def given_passphrase(passphrase_file: str | None, *, env: bool = True) -> str | None:
    """A passphrase supplied without prompting, or ``None`` (``env=False``: not from the
    environment, which holds the *current* passphrase when a new one is wanted)."""
    if passphrase_file:
        return _from_file(passphrase_file)
    return (os.environ.get(ENV_VAR) or None) if env else None


def prompt(label: str = "Passphrase: ") -> str:
    if not _can_prompt():
        raise CliError(
            f"no passphrase: run in a terminal, or use --passphrase-file FILE or {ENV_VAR}"
        )
    try:
        return getpass.getpass(label)
    except (EOFError, KeyboardInterrupt):
        raise CliError("cancelled", 130) from None


def existing_passphrase(passphrase_file: str | None) -> tuple[str, bool]:
    """The passphrase to open a journal and whether it was typed (so a retry makes sense)."""
    given = given_passphrase(passphrase_file)
    if given is not None:
        return given, False
    return prompt(), True


def new_passphrase(
    passphrase_file: str | None, *, label: str = "New passphrase", env: bool = True
) -> str:
    """A new passphrase: from a file or the environment, or typed twice; at least 8 characters."""
    given = given_passphrase(passphrase_file, env=env)
    if given is not None:
        problem = passphrase_problem(given)
        if problem:
            raise CliError(f"passphrase refused: {problem}")
        return given
    for _attempt in range(3):
        first = prompt(f"{label}: ")
        problem = passphrase_problem(first)
        if problem:
            print(f"refill: passphrase refused: {problem}", file=sys.stderr)
            continue
        if prompt(f"{label} again: ") != first:
            print("refill: the two passphrases differ; try again", file=sys.stderr)
            continue
        return first
    raise CliError("no passphrase set")
