"""How problems and summaries read: the words the CLI and the window show."""

from __future__ import annotations

from pathlib import Path

from journal.exchange import ImportProblems, ImportSummary, Problem


def test_problem_wording_for_csv_json_and_whole_files():
    """CSV problems read 'line N, column C: …'; JSON ones name the record path; file-level
    ones are just the reason."""
    assert str(Problem(3, "mood", "too high")) == "line 3, column mood: too high"
    assert str(Problem(2, "", "has 3 cells")) == "line 2: has 3 cells"
    assert str(Problem(0, "checkins[3].mood", "too high")) == "checkins[3].mood: too high"
    assert str(Problem(0, "", "there is no such file")) == "there is no such file"


def test_import_problems_are_in_line_order_and_can_be_shortened():
    """Problems sort by line (stable within a line) and describe() can cap a long list."""
    error = ImportProblems(
        [Problem(5, "date", "b"), Problem(2, "mood", "a"), Problem(2, "energy", "c")],
        "days.csv",
    )
    assert error.path == Path("days.csv")
    assert [str(p) for p in error.problems] == [
        "line 2, column mood: a",
        "line 2, column energy: c",
        "line 5, column date: b",
    ]
    assert str(error) == "days.csv: 3 problems, nothing imported"
    assert error.describe(limit=1) == "line 2, column mood: a\n… and 2 more"


def test_summary_wording():
    """Counts read naturally, zero counts are left out, and an empty import says so."""
    assert ImportSummary().describe() == "Nothing imported: the file holds no records."
    summary = ImportSummary(checkins=1, sleep=2, entries=3, settings=4, replaced_dates=2)
    assert summary.describe() == (
        "Imported 1 check-in, 2 nights of sleep, 3 journal entries and the settings, "
        "replacing what was there on 2 dates."
    )
    assert summary.total == 10
