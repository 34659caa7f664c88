"""The project's own checks run with the tests, so CI enforces them: lint, format, types, layers."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, timeout=600
    )


def test_ruff_lint_is_clean() -> None:
    """ruff finds nothing to report anywhere in the tree."""
    result = _run("ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean() -> None:
    """Every file is formatted as ruff formats it."""
    result = _run("ruff", "format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_is_clean() -> None:
    """The packages pyproject.toml lists for strict typing type-check."""
    result = _run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_sql_is_written_only_in_the_store() -> None:
    """No SQL statements outside journal/store: everything else calls repositories."""
    statement = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE)\b.+\b(FROM|INTO|SET)\b")
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "journal").rglob("*.py")
        if "store" not in path.relative_to(ROOT / "journal").parts
        and statement.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_qt_is_imported_only_in_the_ui() -> None:
    """PySide6 appears in import statements under journal/ui only."""
    qt_import = re.compile(r"^\s*(from|import) (PySide6|shiboken6)\b", re.MULTILINE)
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "journal").rglob("*.py")
        if path.relative_to(ROOT / "journal").parts[0] != "ui"
        and qt_import.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
