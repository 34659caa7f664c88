"""Settings (defaults, validation, unknown keys) and flag snoozes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from journal.store import Journal, ValidationError
from journal.store.models import FlagSnooze
from journal.store.settings import Settings


def test_defaults_are_the_design_values(journal: Journal) -> None:
    """A new journal has DESIGN.md §1's targets."""
    settings = journal.settings.load()
    assert settings == Settings()
    assert (
        settings.sleep_target_hours,
        settings.weekly_activity_target_minutes,
        settings.weekly_session_hours_cap,
        settings.max_days_without_day_off,
        settings.auto_lock_minutes,
    ) == (7.0, 150, 25.0, 12, 5)


def test_update_is_validated_normalised_and_kept(
    journal_path: Path, passphrase: str, journal: Journal
) -> None:
    """Updated settings are normalised, survive reopening, and leave the others at default."""
    updated = journal.settings.update(sleep_target_hours="7.5", theme="Dark", reminder_time="8:00")
    assert (updated.sleep_target_hours, updated.theme, updated.reminder_time) == (
        7.5,
        "dark",
        "08:00",
    )
    journal.close(backup_if_changed=False)
    with Journal.open(journal_path, passphrase=passphrase) as reopened:
        assert reopened.settings.load() == updated
        assert reopened.settings.load().auto_lock_minutes == 5


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("sleep_target_hours", 2),
        ("sleep_target_hours", "lots"),
        ("weekly_activity_target_minutes", -10),
        ("auto_lock_minutes", 0),
        ("reminder_time", "25:00"),
        ("theme", "neon"),
        ("backups_to_keep", 0),
    ],
)
def test_invalid_setting_is_refused_and_nothing_changes(
    journal: Journal, name: str, value: object
) -> None:
    """An out-of-range value raises ValidationError naming the setting; nothing is stored."""
    journal.settings.update(auto_lock_minutes=10)
    with pytest.raises(ValidationError) as info:
        journal.settings.update(**{"theme": "dark", name: value})
    assert info.value.field == name
    assert journal.settings.load() == Settings(auto_lock_minutes=10)


def test_unknown_setting_is_refused(journal: Journal) -> None:
    """Updating a setting that does not exist raises ValidationError naming it."""
    with pytest.raises(ValidationError) as info:
        journal.settings.update(colour_scheme="blue")
    assert info.value.field == "colour_scheme"


def test_unknown_stored_setting_is_ignored(journal: Journal) -> None:
    """A key written by a newer Refill is kept in the file but does not break loading."""
    with journal.db.transaction():
        journal.db.execute(
            "INSERT INTO setting (key, value) VALUES (?, ?)", ("from_the_future", json.dumps(1))
        )
    assert journal.settings.load() == Settings()
    journal.settings.update(theme="light")
    assert journal.db.query("SELECT value FROM setting WHERE key = 'from_the_future'") == [("1",)]


def test_optional_reminder_can_be_cleared(journal: Journal) -> None:
    """The reminder time can be switched off (None) and stays off."""
    journal.settings.update(reminder_time=None)
    assert journal.settings.load().reminder_time is None


# ------------------------------------------------------------------ snoozes


def test_snooze_hides_a_flag_for_seven_days_inclusive(journal: Journal) -> None:
    """A snooze lasts through the 7th day after today and is gone on the 8th."""
    assert journal.snoozes.snooze("sleep_debt", "2026-03-01") == FlagSnooze(
        "sleep_debt", "2026-03-08"
    )
    assert journal.snoozes.active("2026-03-08") == {"sleep_debt": "2026-03-08"}
    assert journal.snoozes.active("2026-03-09") == {}
    assert journal.snoozes.active("2026-02-20") == {"sleep_debt": "2026-03-08"}


def test_snoozing_again_moves_the_end_and_clear_removes(journal: Journal) -> None:
    """Re-snoozing replaces the end date; clear() ends it at once."""
    journal.snoozes.snooze("sleep_debt", "2026-03-01")
    journal.snoozes.snooze("sleep_debt", "2026-03-05", days=3)
    journal.snoozes.snooze("checkin_gap", "2026-03-01")
    assert journal.snoozes.all() == [
        FlagSnooze("checkin_gap", "2026-03-08"),
        FlagSnooze("sleep_debt", "2026-03-08"),
    ]
    journal.snoozes.clear("sleep_debt")
    assert journal.snoozes.all() == [FlagSnooze("checkin_gap", "2026-03-08")]


def test_snooze_needs_a_real_date(journal: Journal) -> None:
    """A snooze from an impossible date raises instead of storing nonsense."""
    with pytest.raises(ValueError):
        journal.snoozes.snooze("sleep_debt", "2026-02-30")
    assert journal.snoozes.all() == []
