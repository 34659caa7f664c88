"""`refill import` and `refill export`: files in and out through journal.exchange."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from pathlib import Path

from journal.store import Journal
from journal.store.models import CheckIn, Entry

CSV = """date,mood,sleep_hours,sessions,trauma_sessions,note
2026-03-01,6,7.5,5,2,steady
2026-03-02,4,5.5,6,4,heavy day
"""

BAD_CSV = """date,mood,sleep_hours,sessions
2026-03-01,11,7.5,5
2026-02-30,4,5.5,6
2026-03-03,5,25,x
"""


def test_csv_import_then_csv_export(refill, made: Path, tmp_path: Path) -> None:
    """A daily CSV imports with a summary line, and exports back with the same values."""
    source = tmp_path / "daily.csv"
    source.write_text(CSV, encoding="utf-8")
    result = refill("import", str(source))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Imported 2 check-ins")
    exported = refill("export", "--format", "csv")
    assert exported.returncode == 0, exported.stderr
    lines = exported.stdout.splitlines()
    assert lines[0].startswith("date,mood,")
    assert len(lines) == 3 and "heavy day" in lines[2]


def test_import_lists_every_problem_and_writes_nothing(
    refill, made: Path, tmp_path: Path, digest: Callable[[Path], str]
) -> None:
    """Every bad cell is reported as 'line N, column C: reason'; exit 1; journal unchanged."""
    source = tmp_path / "bad.csv"
    source.write_text(BAD_CSV, encoding="utf-8")
    before = digest(made)
    result = refill("import", str(source))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert any(line.startswith(f"{source}: line 2, column mood: ") for line in lines)
    assert any(line.startswith(f"{source}: line 3, column date: ") for line in lines)
    assert any(line.startswith(f"{source}: line 4, column sleep_hours: ") for line in lines)
    assert any(line.startswith(f"{source}: line 4, column sessions: ") for line in lines)
    assert lines[-1] == f"refill: 4 problems in {source}; nothing was imported"
    assert digest(made) == before


def test_import_conflict_needs_replace(refill, made: Path, passphrase: str, tmp_path: Path) -> None:
    """A date that already has data is a conflict; --replace imports it."""
    with Journal.open(made, passphrase=passphrase) as journal:
        journal.checkins.save(CheckIn("2026-03-01", mood=2))
    source = tmp_path / "daily.csv"
    source.write_text(CSV, encoding="utf-8")
    conflict = refill("import", str(source))
    assert conflict.returncode == 1
    assert "line 2" in conflict.stderr
    replaced = refill("import", str(source), "--replace")
    assert replaced.returncode == 0, replaced.stderr
    with Journal.open(made, passphrase=passphrase) as journal:
        assert journal.checkins.get("2026-03-01").mood == 6


def test_import_missing_or_unknown_file(refill, made: Path, tmp_path: Path) -> None:
    """A missing file and an unsupported suffix are explained, exit 1."""
    missing = refill("import", str(tmp_path / "nope.csv"), passphrase=None)
    assert (missing.returncode, missing.stderr) == (
        1,
        f"refill: cannot import {tmp_path / 'nope.csv'}: no such file\n",
    )
    odd = tmp_path / "notes.txt"
    odd.write_text("hello", encoding="utf-8")
    result = refill("import", str(odd))
    assert result.returncode == 1
    assert ".csv" in result.stderr and ".json" in result.stderr


def test_json_export_to_a_private_file_imports_into_a_new_journal(
    refill, made: Path, passphrase: str, tmp_path: Path
) -> None:
    """A JSON export is 0600 with a plaintext warning, and imports into an empty journal."""
    with Journal.open(made, passphrase=passphrase) as journal:
        journal.entries.add(Entry("2026-03-01", title="Kept", body="carried over", tags=("a",)))
    out = tmp_path / "everything.json"
    result = refill("export", "--format", "json", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "not encrypted" in result.stderr and result.stdout == ""
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert json.loads(out.read_text(encoding="utf-8"))
    second = tmp_path / "second.refill"
    Journal.create(second, passphrase).close(backup_if_changed=False)
    imported = refill("import", str(out), journal=second)
    assert imported.returncode == 0, imported.stderr
    with Journal.open(second, passphrase=passphrase) as journal:
        entry = journal.entries.get(1)
    assert (entry.title, entry.body, entry.tags) == ("Kept", "carried over", ("a",))


def test_export_markdown_to_stdout(refill, made: Path, passphrase: str) -> None:
    """Markdown goes to stdout without --out and holds the entry text."""
    with Journal.open(made, passphrase=passphrase) as journal:
        journal.entries.add(Entry("2026-03-01", title="Evening", body="Quiet."))
    result = refill("export", "--format", "markdown")
    assert result.returncode == 0, result.stderr
    assert "Evening" in result.stdout and "Quiet." in result.stdout


def test_export_refuses_to_overwrite_the_journal(
    refill, made: Path, digest: Callable[[Path], str]
) -> None:
    """--out naming the journal is refused; a missing --format is asked for."""
    before = digest(made)
    onto_journal = refill("export", "--format", "json", "--out", str(made))
    assert onto_journal.returncode == 1 and "is the journal itself" in onto_journal.stderr
    no_format = refill("export")
    assert no_format.stderr == "refill: choose a format: --format json, csv or markdown\n"
    summary_without_out = refill("export", "summary", "--from", "2026-01-01")
    assert summary_without_out.stderr == "refill: the supervisor summary needs --out FILE.pdf\n"
    assert digest(made) == before
