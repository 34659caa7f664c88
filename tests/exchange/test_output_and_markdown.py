"""Exports land privately and atomically (or on stdout); the Markdown copy reads well."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from journal.exchange import export_file
from journal.exchange.output import open_output
from journal.insights.catalogue import load_catalogue
from journal.store.models import (
    Activity,
    CheckIn,
    CupActionDone,
    CustomAction,
    Entry,
    SelfCheck,
    SessionLoad,
    Sleep,
)


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown"])
def test_export_file_is_private_and_replaces_the_old_one(journal, tmp_path, fmt):
    """Every format is written 0600, even over an older, world-readable export."""
    journal.checkins.save(CheckIn("2026-03-01", mood=5))
    out = tmp_path / f"export.{fmt}"
    out.write_text("old")
    out.chmod(0o644)
    assert export_file(journal, fmt, out) >= 1
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "old" not in out.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir() if "export" in p.name) == [out.name]


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown"])
def test_stdout_gets_the_same_text_as_a_file(journal, tmp_path, capsys, fmt, monkeypatch):
    """With no output path the export goes to stdout, identical to the file (timestamp aside)."""
    monkeypatch.setattr("journal.exchange.json_document.utc_now", lambda: "2026-03-01T00:00:00Z")
    monkeypatch.setattr("journal.exchange.markdown.utc_now", lambda: "2026-03-01T00:00:00Z")
    journal.checkins.save(CheckIn("2026-03-01", mood=5, note="line one\nline, two"))
    out = tmp_path / "export"
    export_file(journal, fmt, out)
    capsys.readouterr()
    export_file(journal, fmt, None)
    assert capsys.readouterr().out == out.read_bytes().decode("utf-8")


def test_failure_while_writing_keeps_the_old_file_and_leaves_no_partial(tmp_path):
    """An error half-way through leaves the previous export as it was and no temp file."""
    out = tmp_path / "export.json"
    out.write_text("previous export")
    with pytest.raises(RuntimeError), open_output(out) as handle:
        handle.write("half of the new")
        raise RuntimeError("disk full")
    assert out.read_text() == "previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["export.json"]


def test_missing_folder_is_an_os_error_and_creates_nothing(journal, tmp_path):
    """Exporting into a folder that does not exist fails cleanly (the CLI words it)."""
    with pytest.raises(FileNotFoundError):
        export_file(journal, "csv", tmp_path / "nowhere" / "days.csv")
    assert not (tmp_path / "nowhere").exists()


def test_unknown_format_is_refused(journal):
    """Only json, csv and markdown are export formats."""
    with pytest.raises(ValueError, match="unknown export format 'pdf'"):
        export_file(journal, "pdf", None)


def test_markdown_is_a_readable_diary(journal, tmp_path):
    """One section per date, newest last, with the day's records and entries in full."""
    journal.checkins.save(CheckIn("2026-03-02", mood=3, stress=8, note="Heavy week.\nTired."))
    journal.checkins.save(CheckIn("2026-03-01", mood=7, effective=6, social_minutes=60))
    journal.sleep.save(Sleep("2026-03-01", bedtime="23:00", wake_time="06:30", quality=6))
    journal.sessions.save(SessionLoad("2026-03-02", sessions=6, trauma_sessions=3, breaks=1))
    journal.sessions.save(SessionLoad("2026-03-01", day_off=True))
    journal.activities.add(Activity("2026-03-01", "walk", 40, "moderate"))
    catalogue_action = load_catalogue().actions[0]
    journal.cup_actions.add(CupActionDone("2026-03-01", action_id=catalogue_action.id))
    journal.custom_actions.save(CustomAction("choir", "Sing in the choir", "joy"))
    journal.cup_actions.add(CupActionDone("2026-03-01", action_id="choir", felt_after=9))
    journal.self_checks.add(SelfCheck("2026-03-02", exhaustion=55))
    journal.entries.add(
        Entry(
            "2026-03-02",
            title="A hard session",
            body="I kept thinking about it.\n\n**Note to self:** ask for supervision.",
            tags=("supervision", "heavy"),
            include_in_summary=True,
        )
    )
    journal.entries.add(Entry("2026-03-02", body="Untitled thoughts.\n# My own heading\n#no"))
    out = tmp_path / "journal.md"
    assert export_file(journal, "markdown", out) == 11
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Refill journal\n")
    assert "This copy is not encrypted" in text
    first, second = text.index("## 2026-03-01 · Sunday"), text.index("## 2026-03-02 · Monday")
    assert first < second
    day_one, day_two = text[first:second], text[second:]
    assert (
        "- **Check-in:** mood 7/10, felt effective 6/10, time with friends and family 60 min"
        in (day_one)
    )
    assert "- **Sleep:** 7.5 h, 23:00–06:30, quality 6/10" in day_one
    assert "- **Work:** day off" in day_one
    assert "- **Movement:** walk 40 min (moderate)" in day_one
    assert f"- **Filled my cup:** {catalogue_action.title}" in day_one
    assert "- **Filled my cup:** Sing in the choir (felt 9/10 after)" in day_one
    assert "  > Heavy week.\n  > Tired." in day_two
    assert "- **Work:** 6 sessions (3 trauma-heavy), 1 break" in day_two
    assert "exhaustion 55/100 (a reflection aid, not a validated instrument)" in day_two
    assert (
        "### A hard session\n\n*#supervision #heavy · marked for the supervisor summary*\n\n"
        "I kept thinking about it.\n\n**Note to self:** ask for supervision.\n"
    ) in day_two
    # The entry's own heading sits below its title; '#no' is not a heading and stays as it is.
    assert "### Untitled entry\n\nUntitled thoughts.\n#### My own heading\n#no\n" in day_two


def test_exchange_never_imports_qt_or_matplotlib(tmp_path):
    """The CLI's import/export path stays light: no PySide6, no matplotlib."""
    code = (
        "import sys\n"
        "from journal.store import Journal\n"
        "import journal.exchange as x\n"
        f"j = Journal.create({str(tmp_path / 'j.refill')!r}, 'correct horse battery')\n"
        "x.export_file(j, 'markdown', None); x.export_file(j, 'json', None)\n"
        "heavy = [m for m in ('PySide6', 'matplotlib') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ)
    )
    assert result.returncode == 0, result.stderr
