"""Daily CSV import: what it reads, every bad-input path, all-or-nothing and --replace."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.exchange import ImportProblems, import_csv, import_file
from journal.exchange.daily_csv import COLUMNS
from journal.store.models import Activity, CheckIn, CupActionDone, Entry, SessionLoad, Sleep


def problems_of(journal, path: Path, **options) -> list[str]:
    """The problem lines an import reports (it must fail)."""
    with pytest.raises(ImportProblems) as caught:
        import_file(journal, path, **options)
    assert caught.value.path == path
    return [str(problem) for problem in caught.value.problems]


# ---------------------------------------------------------------------------- reading


def test_reads_any_subset_of_columns_in_any_order(journal, write_file):
    """Columns come in any order and any subset; each lands in its record type."""
    path = write_file(
        "days.csv",
        "sleep_quality,Date,mood,sessions,trauma_sessions,day_off,activity_minutes,sleep_hours\n"
        "6,2026-03-01,7,5,2,no,45,7.5\n"
        "8,2026-03-02,,,,yes,,8\n",
    )
    summary = import_csv(journal, path)
    assert journal.checkins.get("2026-03-01") == CheckIn("2026-03-01", mood=7)
    assert journal.checkins.get("2026-03-02") is None
    assert journal.sleep.get("2026-03-01") == Sleep("2026-03-01", hours=7.5, quality=6)
    assert journal.sessions.get("2026-03-01") == SessionLoad(
        "2026-03-01", sessions=5, trauma_sessions=2, day_off=False
    )
    assert journal.sessions.get("2026-03-02") == SessionLoad("2026-03-02", day_off=True)
    [activity] = journal.activities.between()
    assert (activity.date, activity.kind, activity.minutes) == ("2026-03-01", "other", 45)
    assert (summary.checkins, summary.sleep, summary.sessions, summary.activities) == (1, 2, 2, 1)
    assert summary.describe() == (
        "Imported 1 check-in, 2 nights of sleep, 1 activity and 2 days of session load."
    )


def test_empty_cells_are_missing_never_zero(journal, write_file):
    """An empty or blank cell leaves the value missing (None), not 0."""
    path = write_file("days.csv", "date,mood,energy,stress\n2026-03-01,5, ,\n")
    import_csv(journal, path)
    assert journal.checkins.get("2026-03-01") == CheckIn("2026-03-01", mood=5)


def test_byte_order_mark_is_accepted(journal, write_file):
    """A UTF-8 BOM (as Excel writes) does not spoil the first column name."""
    path = write_file("days.csv", "\ufeffdate,mood\n2026-03-01,4\n")
    import_csv(journal, path)
    assert journal.checkins.get("2026-03-01").mood == 4


def test_quoted_notes_keep_commas_quotes_and_newlines(journal, write_file):
    """A quoted note keeps its commas, doubled quotes and line breaks, and later line numbers
    still count the physical lines."""
    note = 'Long day, "heavy" session.\nSlept badly.'
    path = write_file(
        "days.csv",
        'date,note,mood\n2026-03-01,"Long day, ""heavy"" session.\nSlept badly.",3\n'
        "2026-03-02,,11\n",
    )
    assert problems_of(journal, path) == [
        "line 4, column mood: must be a whole number from 0 to 10, got 11"
    ]
    path = write_file("ok.csv", path.read_text().replace(",11", ",1"))
    import_csv(journal, path)
    assert journal.checkins.get("2026-03-01") == CheckIn("2026-03-01", mood=3, note=note)


def test_cup_actions_are_ids_or_custom_titles(journal, write_file):
    """lower_snake_case values are catalogue ids, anything else a custom title."""
    path = write_file(
        "days.csv", "date,cup_actions\n2026-03-01, walk_outside ;Called my sister;;breathing\n"
    )
    import_csv(journal, path)
    assert [(a.action_id, a.custom_title) for a in journal.cup_actions.on("2026-03-01")] == [
        ("walk_outside", None),
        (None, "Called my sister"),
        ("breathing", None),
    ]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("true", True), ("YES", True), ("1", True), ("false", False), ("no", False), ("0", False)],
)
def test_day_off_words(journal, write_file, cell, expected):
    """day_off takes true/false, yes/no and 1/0 in any case."""
    import_csv(journal, write_file("days.csv", f"date,day_off\n2026-03-01,{cell}\n"))
    assert journal.sessions.get("2026-03-01").day_off is expected


def test_blank_lines_are_skipped(journal, write_file):
    """Blank lines and rows of empty cells (spreadsheet leftovers) are not rows of data."""
    import_csv(journal, write_file("days.csv", "date,mood\n\n2026-03-01,5\n,\n\n"))
    assert journal.checkins.count() == 1


def test_upper_case_suffix_dispatches(journal, write_file):
    """import_file chooses the reader by suffix in any case."""
    summary = import_file(journal, write_file("DAYS.CSV", "date,mood\n2026-03-01,5\n"))
    assert summary.checkins == 1


# ---------------------------------------------------------------------------- bad input

BAD_FILES = {
    "unknown column": (
        "date,mood,moood\n2026-03-01,5,6\n",
        ["line 1, column moood: unknown column (did you mean mood?)"],
    ),
    "no date column": (
        "mood,energy\n5,6\n",
        ["line 1, column date: the header has no date column; every row needs a date"],
    ),
    "duplicate column": ("date,mood,mood\n", ["line 1, column mood: appears twice in the header"]),
    "empty header cell": (
        "date,,mood\n",
        ["line 1, column 2: the header cell is empty; name the column"],
    ),
    "empty file": (
        "",
        [
            "line 1: the file is empty; the first line must name the columns "
            "(for example date,mood,sleep_hours)"
        ],
    ),
    "data instead of a header": (
        "2026-03-01,5\n",
        [
            "line 1: the first line must name the columns (for example date,mood,sleep_hours), "
            "not hold data"
        ],
    ),
    "bad date": (
        "date,mood\n01/03/2026,5\n2026-02-30,5\n,5\n",
        [
            "line 2, column date: expected a date as YYYY-MM-DD, got '01/03/2026'",
            "line 3, column date: '2026-02-30' is not a real calendar date",
            "line 4, column date: is empty; every row needs a date (YYYY-MM-DD)",
        ],
    ),
    "scale out of range": (
        "date,mood,stress\n2026-03-01,11,-1\n",
        [
            "line 2, column mood: must be a whole number from 0 to 10, got 11",
            "line 2, column stress: must be a whole number from 0 to 10, got -1",
        ],
    ),
    "not a number": (
        "date,sleep_hours,mood\n2026-03-01,seven,5.5\n",
        [
            "line 2, column sleep_hours: expected a number, got 'seven'",
            "line 2, column mood: expected a whole number, got '5.5'",
        ],
    ),
    "hours beyond a day": (
        "date,session_hours\n2026-03-01,25\n",
        ["line 2, column session_hours: must be between 0 and 24 hours, got 25"],
    ),
    "trauma sessions over sessions": (
        "date,sessions,trauma_sessions\n2026-03-01,3,5\n",
        [
            "line 2, column trauma_sessions: cannot be more than the day's sessions (3), got 5",
        ],
    ),
    "bad day_off": (
        "date,day_off\n2026-03-01,maybe\n",
        ["line 2, column day_off: must be true/false, 1/0 or yes/no, got 'maybe'"],
    ),
    "duplicate date": (
        "date,mood\n2026-03-01,5\n2026-03-02,5\n2026-03-01,6\n",
        ["line 4, column date: 2026-03-01 is also on line 2; keep one row per date"],
    ),
    "too many cells": (
        "date,mood\n2026-03-01,5,6\n",
        ["line 2: has 3 cells but the header names 2"],
    ),
    "unclosed quote": (
        'date,note\n2026-03-01,"never closed\n2026-03-02,fine\n',
        ["line 2: a quoted cell starts on this line but its closing quote is missing"],
    ),
    "note too long": (
        f"date,note\n2026-03-01,{'x' * 2001}\n",
        ["line 2, column note: is too long (2001 characters, at most 2000)"],
    ),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_bad_input_is_reported_by_line_and_column(journal, write_file, snapshot, case):
    """Each kind of bad input gets a clear 'line N, column C: reason' and nothing is written."""
    text, expected = BAD_FILES[case]
    before = snapshot(journal)
    assert problems_of(journal, write_file("days.csv", text)) == expected
    assert snapshot(journal) == before


def test_every_problem_is_reported_not_just_the_first(journal, write_file):
    """All problems of a file come back together, in line order."""
    path = write_file(
        "days.csv",
        "date,mood,sleep_hours,wat\n2026-03-01,5,7\n2026-13-01,x,30\n2026-03-03,5,7\n2026-03-01,,\n",
    )
    assert problems_of(journal, path) == [
        f"line 1, column wat: unknown column (known: {', '.join(COLUMNS)})",
        "line 3, column date: '2026-13-01' is not a real calendar date",
        "line 3, column mood: expected a whole number, got 'x'",
        "line 3, column sleep_hours: must be between 0 and 24 hours, got 30",
        "line 5, column date: 2026-03-01 is also on line 2; keep one row per date",
    ]


def test_file_that_is_not_utf8_names_the_line(journal, write_file):
    """A Latin-1 file is refused with the line of the first undecodable byte."""
    path = write_file("days.csv", "date,note\n2026-03-01,ok\n2026-03-02,café\n", "latin-1")
    assert problems_of(journal, path) == [
        "line 3: is not UTF-8 text (save the file as UTF-8 and try again)"
    ]


def test_missing_file_and_other_suffix(journal, tmp_path, write_file):
    """A missing file or an unsupported suffix is one clear problem, not a traceback."""
    assert problems_of(journal, tmp_path / "nope.csv") == ["there is no such file"]
    assert problems_of(journal, write_file("days.txt", "date\n")) == [
        'Refill imports .csv (daily data) and .json (a Refill export), not ".txt" files'
    ]


# ---------------------------------------------------------------------------- all or nothing


def test_one_bad_row_writes_nothing(journal, write_file, snapshot):
    """Good rows are not written when any row is bad: the journal is exactly as before."""
    journal.checkins.save(CheckIn("2026-02-01", mood=4, note="keep me"))
    journal.entries.add(Entry("2026-02-01", title="Private"))
    before = snapshot(journal)
    path = write_file(
        "days.csv",
        "date,mood,sleep_hours,activity_minutes,cup_actions\n"
        "2026-03-01,5,7,30,walk_outside\n2026-03-02,5,7,30,x\n2026-03-03,99,7,30,\n",
    )
    assert problems_of(journal, path) == [
        "line 4, column mood: must be a whole number from 0 to 10, got 99"
    ]
    assert snapshot(journal) == before


def test_failure_while_writing_rolls_everything_back(journal, write_file, snapshot, monkeypatch):
    """A crash part-way through the writes leaves nothing half-imported (one transaction)."""
    journal.checkins.save(CheckIn("2026-02-01", mood=4))
    before = snapshot(journal)
    path = write_file(
        "days.csv", "date,mood,cup_actions\n2026-03-01,5,walk_outside\n2026-03-02,6,stretch\n"
    )
    calls = []

    def failing_add_all(records, *, prepared=False):
        calls.append(records)
        raise OSError("disk full")

    # Cup actions are written after the check-ins: those must be rolled back too.
    monkeypatch.setattr(journal.cup_actions, "add_all", failing_add_all)
    with pytest.raises(OSError, match="disk full"):
        import_csv(journal, path)
    assert calls, "the import must have reached the writes"
    assert snapshot(journal) == before


# ---------------------------------------------------------------------------- conflicts


def test_date_with_data_is_a_conflict(journal, write_file, snapshot):
    """A date that already has data of an imported kind is reported and nothing is written."""
    journal.sleep.save(Sleep("2026-03-01", hours=6))
    journal.activities.add(Activity("2026-03-03", "walk", 20))
    before = snapshot(journal)
    path = write_file(
        "days.csv",
        "date,mood,sleep_hours,activity_minutes\n"
        "2026-03-01,5,7,\n2026-03-02,5,,\n2026-03-03,,,40\n",
    )
    assert problems_of(journal, path) == [
        "line 2, column date: 2026-03-01 already has data (use --replace to overwrite)",
        "line 4, column date: 2026-03-03 already has data (use --replace to overwrite)",
    ]
    assert snapshot(journal) == before


def test_other_kinds_on_the_same_date_are_no_conflict(journal, write_file):
    """Sleep stored on a date does not block importing that date's check-in."""
    journal.sleep.save(Sleep("2026-03-01", hours=6))
    import_csv(journal, write_file("days.csv", "date,mood\n2026-03-01,5\n"))
    assert journal.checkins.get("2026-03-01").mood == 5
    assert journal.sleep.get("2026-03-01").hours == 6


def test_replace_overwrites_the_files_columns_and_keeps_the_rest(journal, write_file, snapshot):
    """With replace, the file's columns win for its dates; other fields, kinds and dates stay."""
    journal.checkins.save(CheckIn("2026-03-01", mood=2, energy=3, note="my words"))
    journal.activities.add(Activity("2026-03-01", "walk", 20))
    journal.activities.add(Activity("2026-03-01", "run", 10))
    journal.cup_actions.add(CupActionDone("2026-03-01", action_id="nap"))
    journal.entries.add(Entry("2026-03-01", title="Untouched"))
    journal.checkins.save(CheckIn("2026-03-05", mood=9))
    path = write_file(
        "days.csv", "date,mood,energy,activity_minutes\n2026-03-01,6,,45\n2026-03-02,7,5,\n"
    )
    summary = import_csv(journal, path, replace=True)
    assert journal.checkins.get("2026-03-01") == CheckIn("2026-03-01", mood=6, note="my words")
    assert journal.checkins.get("2026-03-02") == CheckIn("2026-03-02", mood=7, energy=5)
    assert journal.checkins.get("2026-03-05") == CheckIn("2026-03-05", mood=9)
    assert [(a.kind, a.minutes) for a in journal.activities.on("2026-03-01")] == [("other", 45)]
    assert [a.action_id for a in journal.cup_actions.on("2026-03-01")] == ["nap"]
    assert [e.title for e in journal.entries.on("2026-03-01")] == ["Untouched"]
    assert summary.replaced_dates == 1
    assert summary.describe().endswith("replacing what was there on 1 date.")


def test_replace_checks_the_merged_record(journal, write_file, snapshot):
    """A replacement that breaks a rule together with what is stored is refused, clearly."""
    journal.sessions.save(SessionLoad("2026-03-01", sessions=2))
    before = snapshot(journal)
    path = write_file("days.csv", "date,trauma_sessions\n2026-03-01,3\n")
    assert problems_of(journal, path, replace=True) == [
        "line 2, column trauma_sessions: cannot be more than the day's sessions (2), got 3 "
        "(with what is already stored for 2026-03-01)"
    ]
    assert snapshot(journal) == before


def test_conflicts_are_reported_together_with_bad_values(journal, write_file, snapshot):
    """One pass shows both kinds of problem, so the user never fixes a file twice."""
    journal.checkins.save(CheckIn("2026-03-01", mood=4))
    before = snapshot(journal)
    path = write_file("days.csv", "date,mood\n2026-03-01,5\n2026-03-02,50\n")
    assert problems_of(journal, path) == [
        "line 2, column date: 2026-03-01 already has data (use --replace to overwrite)",
        "line 3, column mood: must be a whole number from 0 to 10, got 50",
    ]
    assert snapshot(journal) == before
