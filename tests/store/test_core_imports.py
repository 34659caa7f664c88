"""The headless core never drags in Qt or matplotlib (fast CLI start, no GUI in the store)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

# journal.exchange (file import/export) is checked once it exists.
CORE = ["journal.store", "journal.store.instance_lock", "journal.cli.main"]
OPTIONAL = ["journal.exchange", "journal.insights"]
HEAVY = ("PySide6", "matplotlib")


def test_core_modules_import_without_qt_or_matplotlib() -> None:
    """Importing the store and the CLI in a fresh interpreter loads neither PySide6 nor
    matplotlib."""
    modules = CORE + [name for name in OPTIONAL if importlib.util.find_spec(name) is not None]
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & {set(HEAVY)!r})))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert json.loads(result.stdout) == []
