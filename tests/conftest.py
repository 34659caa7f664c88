"""Shared fixtures: a temporary journal per test and a runner for the ``refill`` command."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt must never need a display in tests (CI has none).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never touch a real keychain or the user's real journal from a test.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

PASSPHRASE = "correct horse battery"


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point the default journal and data folders at a temporary home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("REFILL_JOURNAL", raising=False)
    monkeypatch.delenv("REFILL_PASSPHRASE", raising=False)


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    """Where a test's journal lives (not created)."""
    return tmp_path / "journal.refill"


@pytest.fixture
def journal(journal_path: Path) -> Iterator[object]:
    """A freshly created, open journal; closed (without backup) after the test."""
    from journal.store import Journal

    opened = Journal.create(journal_path, PASSPHRASE)
    yield opened
    opened.close(backup_if_changed=False)


class RefillRunner:
    """Runs ``python -m journal`` as a separate process, the way a user runs ``refill``."""

    def __init__(self, journal_path: Path, cwd: Path) -> None:
        self.journal_path = journal_path
        self.cwd = cwd

    def __call__(
        self,
        *args: str,
        input: str | None = None,
        passphrase: str | None = PASSPHRASE,
        env: dict[str, str] | None = None,
        journal: Path | None = None,
        timeout: float = 120,
    ) -> subprocess.CompletedProcess[str]:
        full_env = dict(os.environ)
        full_env.pop("REFILL_PASSPHRASE", None)
        if passphrase is not None:
            full_env["REFILL_PASSPHRASE"] = passphrase
        full_env.update(env or {})
        command = [sys.executable, "-m", "journal", *args]
        if args and "--journal" not in args and args[0] not in ("--help", "--version"):
            command += ["--journal", str(journal or self.journal_path)]
        return subprocess.run(
            command,
            input=input,
            capture_output=True,
            text=True,
            env=full_env,
            cwd=self.cwd,
            timeout=timeout,
            stdin=None if input is not None else subprocess.DEVNULL,
        )


@pytest.fixture
def refill(journal_path: Path, tmp_path: Path) -> RefillRunner:
    """``refill(*args, input=...)`` → CompletedProcess; ``--journal`` added automatically."""
    return RefillRunner(journal_path, tmp_path)
