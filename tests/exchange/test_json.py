"""JSON export/import: the document's shape, exact restore, bad documents and conflicts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from journal import __version__
from journal.exchange import ImportProblems, export_json, import_file, import_json
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


def fill_every_kind(journal) -> None:
    """One or two records of every type, with text that needs care."""
    journal.checkins.save(CheckIn("2026-03-01", mood=6, stress=8, note='Ünïcode, "quotes"\n✓'))
    journal.sleep.save(Sleep("2026-03-01", bedtime="23:10", wake_time="06:40", awakenings=2))
    journal.sessions.save(SessionLoad("2026-03-01", sessions=6, trauma_sessions=3, day_off=False))
    journal.activities.add(Activity("2026-03-01", "walk", 30, "light"))
    journal.activities.add(Activity("2026-03-01", "yoga", None, None))
    journal.cup_actions.add(CupActionDone("2026-03-01", action_id="walk_outside", felt_after=7))
    journal.cup_actions.add(CupActionDone("2026-03-02", custom_title="Rang Mum", minutes=20))
    journal.self_checks.add(SelfCheck("2026-03-02", (1, 2, 3), exhaustion=40.5, satisfaction=70))
    journal.entries.add(
        Entry(
            "2026-03-02",
            title="After supervision",
            body="Felt *lighter*.\n\n- one\n- two",
            tags=("supervision", "relief"),
            prompt_id="what_helped",
            include_in_summary=True,
            created_at="2026-03-02T19:00:00Z",
            updated_at="2026-03-03T08:15:00Z",
        )
    )
    journal.custom_actions.save(CustomAction("choir", "Sing in the choir", "joy", 90))
    journal.snoozes.snooze("sleep_debt", "2026-03-02")
    journal.settings.update(sleep_target_hours=7.5, theme="dark")


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def problems_of(journal, path: Path, **options) -> list[str]:
    with pytest.raises(ImportProblems) as caught:
        import_json(journal, path, **options)
    return [str(problem) for problem in caught.value.problems]


def test_document_is_versioned_and_complete(journal, tmp_path):
    """The export names its format and version and has every section, without row ids."""
    fill_every_kind(journal)
    out = tmp_path / "all.json"
    written = export_json(journal, out)
    document = load(out)
    assert list(document) == [
        "format",
        "version",
        "exported_at",
        "app_version",
        "settings",
        "custom_actions",
        "checkins",
        "sleep",
        "activities",
        "sessions",
        "entries",
        "cup_actions",
        "self_checks",
        "snoozes",
    ]
    assert (document["format"], document["version"]) == ("refill-journal", 1)
    assert document["app_version"] == __version__
    assert document["settings"]["theme"] == "dark"
    assert document["entries"][0]["tags"] == ["supervision", "relief"]
    assert "id" not in document["activities"][0]
    assert document["custom_actions"][0]["id"] == "choir"
    assert document["sleep"][0]["hours"] == 7.5  # derived from bedtime and wake time
    assert written == 11


def test_import_into_an_empty_journal_restores_everything(
    journal, other_journal, tmp_path, snapshot
):
    """Every record, setting, custom action and snooze comes back exactly, entry times too."""
    fill_every_kind(journal)
    out = tmp_path / "all.json"
    export_json(journal, out)
    summary = import_file(other_journal, out)
    assert snapshot(other_journal) == snapshot(journal)
    [entry] = other_journal.entries.between()
    assert (entry.created_at, entry.updated_at) == ("2026-03-02T19:00:00Z", "2026-03-03T08:15:00Z")
    assert summary.describe() == (
        "Imported 1 check-in, 1 night of sleep, 2 activities, 1 day of session load, "
        "2 cup actions, 1 journal entry, 1 self-check, 1 custom action, 1 snoozed flag "
        "and the settings."
    )


def test_importing_twice_is_a_conflict_and_changes_nothing(
    journal, other_journal, tmp_path, snapshot
):
    """A second import of the same file reports the dates and writes nothing more."""
    fill_every_kind(journal)
    out = tmp_path / "all.json"
    export_json(journal, out)
    import_json(other_journal, out)
    other_journal.settings.update(theme="light")
    before = snapshot(other_journal)
    assert problems_of(other_journal, out) == [
        "checkins[0].date: 2026-03-01 already has data (use --replace to overwrite)",
        "sleep[0].date: 2026-03-01 already has data (use --replace to overwrite)",
        "activities[0].date: 2026-03-01 already has data (use --replace to overwrite)",
        "sessions[0].date: 2026-03-01 already has data (use --replace to overwrite)",
        "entries[0].date: 2026-03-02 already has data (use --replace to overwrite)",
        "cup_actions[0].date: 2026-03-01 already has data (use --replace to overwrite)",
        "cup_actions[1].date: 2026-03-02 already has data (use --replace to overwrite)",
        "self_checks[0].date: 2026-03-02 already has data (use --replace to overwrite)",
        "settings: this journal has its own theme (use --replace to overwrite)",
    ]
    assert snapshot(other_journal) == before


def test_replace_restores_the_file_over_what_is_there(journal, other_journal, tmp_path, snapshot):
    """With replace, the file's dates, custom actions, snoozes and settings win; other dates
    stay."""
    fill_every_kind(journal)
    out = tmp_path / "all.json"
    export_json(journal, out)
    other_journal.checkins.save(CheckIn("2026-03-01", mood=1, energy=1))
    other_journal.activities.add(Activity("2026-03-01", "run", 5))
    other_journal.entries.add(Entry("2026-03-02", title="Will be replaced"))
    other_journal.entries.add(Entry("2026-04-01", title="Stays"))
    other_journal.custom_actions.save(CustomAction("choir", "Old title", "joy"))
    other_journal.settings.update(theme="light")
    summary = import_json(other_journal, out, replace=True)
    restored = snapshot(other_journal)
    original = snapshot(journal)
    assert restored["checkins"] == original["checkins"]  # whole record, energy gone
    assert restored["activities"] == original["activities"]
    assert [e.title for e in other_journal.entries.between()] == ["After supervision", "Stays"]
    assert restored["custom_actions"] == original["custom_actions"]
    assert restored["settings"] == original["settings"]
    assert summary.replaced_dates == 2


def test_malformed_json_gives_line_and_column(journal, write_file):
    """A JSON syntax error names the line and column where it was found."""
    path = write_file("bad.json", '{\n  "format": "refill-journal",\n  "version": 1,,\n}\n')
    assert problems_of(journal, path) == [
        "line 3, column 16: is not valid JSON (Expecting property name enclosed in double quotes)"
    ]


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ([1, 2], 'is not a Refill journal export; expected "format": "refill-journal"'),
        (
            {"format": "jrnl", "version": 1},
            'is not a Refill journal export (its format is "jrnl"); '
            'expected "format": "refill-journal"',
        ),
        (
            {"format": "refill-journal", "version": 2},
            "version: was written by a newer Refill (format version 2; this Refill reads up to "
            "1); update Refill to import it",
        ),
        ({"format": "refill-journal", "version": "1"}, "version: must be a format version number"),
        ({"format": "refill-journal"}, "version: must be a format version number"),
    ],
)
def test_not_a_refill_export_or_too_new(journal, write_file, document, expected):
    """Another format, a missing or newer version: one clear reason, nothing imported."""
    path = write_file("other.json", json.dumps(document))
    assert problems_of(journal, path) == [expected]


def test_every_bad_record_field_is_reported(journal, write_file, snapshot):
    """Bad values, wrong JSON types, unknown and missing fields: all reported by path."""
    document = {
        "format": "refill-journal",
        "version": 1,
        "extra": [],
        "settings": {"theme": "purple", "sleep_target_hours": "7"},
        "checkins": [
            {"date": "2026-03-01", "mood": 11, "energy": "5", "colour": "red"},
            {"mood": 5},
            "not an object",
        ],
        "sessions": [{"date": "2026-03-01", "sessions": 2, "trauma_sessions": 3}],
        "entries": [
            {"date": "2026-03-01", "tags": "work", "created_at": "yesterday"},
            {
                "date": "2026-03-02",
                "created_at": "2026-03-02T10:00:00Z",
                "updated_at": "2026-03-01T10:00:00Z",
            },
        ],
        "cup_actions": [{"date": "2026-03-01"}],
        "custom_actions": [{"id": "x", "title": " ", "category": "joy"}, {"id": "y"}],
        "snoozes": {"sleep_debt": "2026-03-09"},
    }
    path = write_file("bad.json", json.dumps(document))
    before = snapshot(journal)
    assert sorted(problems_of(journal, path)) == sorted(
        [
            "extra: unknown section (known: format, version, exported_at, app_version, settings, "
            "custom_actions, checkins, sleep, activities, sessions, entries, cup_actions, "
            "self_checks, snoozes)",
            "settings.theme: must be one of system, light, dark, got 'purple'",
            "settings.sleep_target_hours: must be a number, got text",
            "checkins[0].mood: must be a whole number from 0 to 10, got 11",
            "checkins[0].energy: must be a whole number, got text",
            "checkins[0].colour: unknown field (known: date, mood, energy, stress, effective, "
            "dread, detachment, irritability, intrusive, meaning, social_minutes, note)",
            "checkins[1].date: is required",
            "checkins[2]: must be an object with named fields",
            "sessions[0].trauma_sessions: cannot be more than the day's sessions (2), got 3",
            "entries[0].tags: must be a list of texts, got text",
            "entries[0].created_at: expected a time like 2026-03-01T18:30:00Z, got 'yesterday'",
            "entries[1].updated_at: is earlier than created_at",
            "cup_actions[0].action_id: give a catalogue action id or a custom title",
            "custom_actions[0].title: cannot be empty",
            "custom_actions[1].title: is required",
            "custom_actions[1].category: is required",
            "snoozes: must be a list of records",
        ]
    )
    assert snapshot(journal) == before


def test_duplicate_daily_records_in_a_document(journal, write_file):
    """Two check-ins for one date in a document are a problem, not a silent overwrite."""
    document = {
        "format": "refill-journal",
        "version": 1,
        "checkins": [{"date": "2026-03-01", "mood": 1}, {"date": "2026-03-01", "mood": 2}],
    }
    path = write_file("dup.json", json.dumps(document))
    assert problems_of(journal, path) == [
        "checkins[1].date: 2026-03-01 appears twice (also checkins[0].date)"
    ]


def test_tags_typed_with_stray_hashes_survive_a_round_trip(
    journal, other_journal, tmp_path, snapshot
):
    """Tag normalising is idempotent, so tags like '# #a' read back the same after import."""
    journal.entries.add(Entry("2026-03-01", tags=("# #a", "##b c", "#Self Care")))
    out = tmp_path / "tags.json"
    export_json(journal, out)
    import_json(other_journal, out)
    assert other_journal.entries.between()[0].tags == ("a", "b-c", "self-care")
    assert snapshot(other_journal) == snapshot(journal)


def test_custom_action_title_with_a_nul_is_a_problem_not_a_crash(journal, write_file, snapshot):
    """A title holding a NUL (which SQLite's length() stops at, so the schema would refuse it)
    is reported at its place and nothing is imported."""
    before = snapshot(journal)
    document = {
        "format": "refill-journal",
        "version": 1,
        "custom_actions": [{"id": "a", "title": "\u0000", "category": "joy"}],
    }
    path = write_file("nul.json", json.dumps(document))
    assert problems_of(journal, path) == [
        "custom_actions[0].title: cannot contain a NUL character (\\x00)"
    ]
    assert snapshot(journal) == before
