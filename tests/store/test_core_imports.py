"""The headless core never drags in Qt or matplotlib (fast CLI start, no GUI in the store)."""

from __future__ import annotations

import json
import subprocess
import sys

# Every module of these packages is imported.
PACKAGES = ["journal.store", "journal.cli", "journal.exchange", "journal.insights", "journal.demo"]
HEAVY = ["PySide6", "matplotlib"]

PROBE = """
import importlib, json, pkgutil, sys
imported = []
for package in map(importlib.import_module, json.loads(sys.argv[1])):
    imported.append(package.__name__)
    for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        imported.append(importlib.import_module(module.name).__name__)
heavy = sorted({name.split(".")[0] for name in sys.modules} & set(json.loads(sys.argv[2])))
print(json.dumps({"imported": imported, "heavy": heavy}))
"""


def test_core_modules_import_without_qt_or_matplotlib() -> None:
    """Every store, CLI, exchange and insights module imports without PySide6 or matplotlib."""
    packages = PACKAGES
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(packages), json.dumps(HEAVY)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    report = json.loads(result.stdout)
    assert {
        "journal.store.database",
        "journal.cli.main",
        "journal.exchange.daily_csv",
        "journal.insights.engine",
    } <= set(report["imported"])
    assert report["heavy"] == []
