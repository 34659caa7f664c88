"""What the command line loads before running: the named command's module only, and for the
window (no command) neither command modules nor the early key derivation."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from journal.cli import early_key
from journal.cli import main as cli_main
from journal.cli.main import _modules_needed, command_modules

#: Runs ``main`` for a window launch with the window itself stubbed out; lists what was loaded.
_LOADED_BY_WINDOW_LAUNCH = """
import json, sys
from journal.cli import main as cli_main
cli_main._run_window = lambda args: 0
status = cli_main.main(sys.argv[1:])
print(json.dumps([status, sorted(sys.modules)]))
"""


@pytest.mark.parametrize(
    "argv",
    [
        ["--journal", "search"],
        ["--journal=search"],
        ["--jour", "show"],
        ["--passphrase-file", "export"],
        ["--demo", "--journal", "init"],
        [],
    ],
)
def test_option_values_are_not_commands(argv: list[str]) -> None:
    """A value given to an option (a journal named "search") is no command: the window
    launch imports no command module."""
    assert _modules_needed(argv) == []


def test_only_the_named_commands_module() -> None:
    """The first word that is no option value names the one module to import."""
    assert _modules_needed(["--journal", "show", "search", "walk"]) == ["search"]
    assert _modules_needed(["import", "--journal", "export"]) == ["import_cmd"]
    assert _modules_needed(["search", "show"]) == ["search"]


def test_help_or_a_mistyped_command_loads_every_command() -> None:
    """Help and an unknown command word need them all (argparse lists the choices)."""
    everything = list(command_modules().values())
    assert _modules_needed(["--help"]) == everything
    assert _modules_needed(["--journal", "x.refill", "serch", "walk"]) == everything


def test_window_launch_does_not_derive_a_key_early(
    made: Path, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the passphrase in the environment and the journal on disk, launching the window
    starts no key derivation (the window asks for the passphrase itself)."""
    monkeypatch.setenv("REFILL_PASSPHRASE", passphrase)
    launched: list[object] = []
    monkeypatch.setattr(cli_main, "_run_window", lambda args: launched.append(args) or 0)
    assert cli_main.main(["--journal", str(made)]) == 0
    assert len(launched) == 1
    assert early_key.take(made, passphrase) is None


def test_window_launch_loads_no_command_module(made: Path, passphrase: str) -> None:
    """In a fresh process, a window launch with ``--journal`` imports neither a command
    module nor the early key derivation (nor the store's key functions it needs)."""
    done = subprocess.run(
        [sys.executable, "-c", _LOADED_BY_WINDOW_LAUNCH, "--journal", str(made)],
        env={**os.environ, "REFILL_PASSPHRASE": passphrase},
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr
    status, loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert status == 0 and "journal.cli.main" in loaded  # the list is real
    assert not [name for name in loaded if name.startswith("journal.cli.commands.")]
    assert not {"journal.cli.early_key", "journal.store.keys"} & set(loaded)
