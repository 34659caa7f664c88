"""`refill search` and `refill show`: reading the journal from a terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from journal.cli.output import BOLD, RESET, highlight
from journal.store import Journal
from journal.store.entries import HIT_END, HIT_START
from journal.store.models import Activity, CheckIn, Entry, SessionLoad, Sleep


@pytest.fixture
def filled(made: Path, passphrase: str) -> Path:
    """A journal with three entries and a fully logged 2026-03-02."""
    with Journal.open(made, passphrase=passphrase) as journal:
        journal.entries.add(
            Entry("2026-03-01", title="Supervision", body="Talked about the waiting list.")
        )
        journal.entries.add(
            Entry(
                "2026-03-02",
                title="Tired",
                body="A heavy trauma session, then a slow walk home.",
                tags=("work",),
            )
        )
        journal.entries.add(Entry("2026-03-03", title="Rest", body="Walked by the river \x1b[31m."))
        journal.checkins.save(CheckIn("2026-03-02", mood=4, energy=3, note="drained"))
        journal.sleep.save(Sleep("2026-03-02", bedtime="23:30", wake_time="06:30", quality=5))
        journal.sessions.save(SessionLoad("2026-03-02", sessions=6, trauma_sessions=3))
        journal.activities.add(Activity("2026-03-02", kind="walk", minutes=25))
    return made


def test_search_ranks_and_highlights(refill, filled: Path) -> None:
    """Each match shows date, id, title, tags and a snippet, the match in [brackets] off a TTY."""
    result = refill("search", "walk*")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 4
    tired = lines.index("2026-03-02  id 2  Tired  #work")
    assert lines[tired + 1] == "    A heavy trauma session, then a slow [walk] home."
    assert any(line.startswith("2026-03-03  id 3  Rest") for line in lines)
    assert "\x1b" not in result.stdout


def test_search_phrase_tag_and_limit(refill, filled: Path) -> None:
    """A quoted phrase, --tag and --limit narrow the results."""
    phrase = refill("search", '"trauma session"', "--tag", "work", "--limit", "1")
    assert phrase.returncode == 0, phrase.stderr
    assert phrase.stdout.count("\n") == 2 and "[trauma session]" in phrase.stdout


def test_search_without_matches_says_so(refill, filled: Path) -> None:
    """No match: a plain sentence and exit status 0."""
    result = refill("search", "zebra")
    assert (result.returncode, result.stdout) == (0, "No entries match 'zebra'.\n")


def test_search_rejects_a_bad_limit(refill, filled: Path) -> None:
    """--limit 0 and an empty --tag are refused with exit 1 before the journal opens."""
    result = refill("search", "walk", "--limit", "0", passphrase=None)
    assert (result.returncode, result.stderr) == (1, "refill: limit: must be 1 or more, got 0\n")
    empty_tag = refill("search", "walk", "--tag", "#", passphrase=None)
    assert (empty_tag.returncode, empty_tag.stderr) == (1, "refill: tag: '#' is not a tag name\n")


def test_highlight_is_bold_on_a_terminal() -> None:
    """On a colour terminal the match is bold; whitespace folds to one line."""
    snippet = f"a\n{HIT_START}walk{HIT_END}  home"
    assert highlight(snippet, color=True) == f"a {BOLD}walk{RESET} home"
    assert highlight(snippet, color=False) == "a [walk] home"


def test_show_lists_a_period(refill, filled: Path) -> None:
    """--from/--to lists the entries in that period, one line each."""
    result = refill("show", "--from", "2026-03-02", "--to", "2026-03-03")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "2026-03-02  id 2  Tired  #work",
        "2026-03-03  id 3  Rest",
    ]


def test_show_a_day_in_full(refill, filled: Path) -> None:
    """--date prints the day's check-in, sleep, session load, activity and its entries."""
    result = refill("show", "--date", "2026-03-02")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Monday 2026-03-02\n")
    assert "Check-in: mood 4 · energy 3 · note drained" in out
    assert "Sleep: bedtime 23:30 · wake_time 06:30 · hours 7 · quality 5" in out
    assert "Session load: sessions 6 · trauma_sessions 3" in out
    assert "Activity: kind walk · minutes 25" in out
    assert "A heavy trauma session, then a slow walk home." in out


def test_show_one_entry_neutralises_escapes(refill, filled: Path) -> None:
    """--id prints the entry; an escape sequence hidden in its text is not passed through."""
    result = refill("show", "--id", "3")
    assert result.returncode == 0, result.stderr
    assert "Walked by the river" in result.stdout
    assert "\x1b" not in result.stdout


def test_show_unknown_id_and_bad_dates(refill, filled: Path) -> None:
    """An unknown id and a reversed period each get a one-line message and exit 1."""
    missing = refill("show", "--id", "99")
    assert (missing.returncode, missing.stderr) == (
        1,
        "refill: no entry with id 99 (see `refill show`)\n",
    )
    reversed_period = refill("show", "--from", "2026-03-05", "--to", "2026-03-01")
    assert reversed_period.returncode == 1
    assert "after" in reversed_period.stderr


def test_search_process_imports_stay_minimal(filled: Path, passphrase: str) -> None:
    """`refill search --journal` imports no Qt, matplotlib, numpy, platformdirs or csv."""
    result = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "journal",
            "search",
            "walk",
            "--journal",
            str(filled),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "REFILL_PASSPHRASE": passphrase},
    )
    assert result.returncode == 0, result.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}
    assert "sqlcipher3" in imported
    heavy = {"PySide6", "matplotlib", "numpy", "platformdirs", "csv"}
    assert not {name.split(".")[0] for name in imported} & heavy
    assert not {name for name in imported if name.startswith("journal.insights")}
