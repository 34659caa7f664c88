"""Journal settings: the one place their names, defaults and ranges are declared.

They live inside the encrypted journal (targets and reminders say something about a person);
only window geometry, which says nothing, goes to QSettings.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any

from journal.store.database import Database
from journal.store.errors import ValidationError
from journal.store.validation import (
    checked,
    choice,
    clock_time,
    integer_range,
    number_range,
    text,
    validate_record,
)


@dataclass(frozen=True, slots=True)
class Settings:
    """Targets and preferences, with DESIGN.md §1 defaults."""

    sleep_target_hours: float = field(default=7.0, metadata=checked(number_range(3, 12, " hours")))
    weekly_activity_target_minutes: int = field(
        default=150, metadata=checked(integer_range(0, 2000, " minutes"))
    )
    weekly_session_hours_cap: float = field(
        default=25.0, metadata=checked(number_range(1, 80, " hours"))
    )
    max_days_without_day_off: int = field(
        default=12, metadata=checked(integer_range(1, 60, " days"))
    )
    auto_lock_minutes: int = field(default=5, metadata=checked(integer_range(1, 240, " minutes")))
    reminder_time: str | None = field(default="18:30", metadata=checked(clock_time))
    theme: str = field(default="system", metadata=checked(choice("system", "light", "dark")))
    backups_to_keep: int = field(default=10, metadata=checked(integer_range(1, 100)))
    crisis_country: str = field(default="", metadata=checked(text(8)))
    #: The person's own edits to the crisis lines: JSON ``{country: [{"name", "number"}…]}``.
    crisis_lines: str = field(default="", metadata=checked(text(8000)))
    onboarding_done: bool = False


SETTING_NAMES = tuple(f.name for f in dataclasses.fields(Settings))


class SettingsRepository:
    """Reads and writes :class:`Settings`; unknown stored keys are kept but ignored."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def load(self) -> Settings:
        stored = {
            key: json.loads(value)
            for key, value in self.db.query("SELECT key, value FROM setting")
            if key in SETTING_NAMES
        }
        return Settings(**stored)

    def update(self, **changes: Any) -> Settings:
        """Validate and store the given settings; returns the whole new set."""
        unknown = set(changes) - set(SETTING_NAMES)
        if unknown:
            name = sorted(unknown)[0]
            raise ValidationError(name, f"is not a setting (known: {', '.join(SETTING_NAMES)})")
        settings = validate_record(dataclasses.replace(self.load(), **changes))
        with self.db.transaction():
            for key in changes:
                self.db.execute(
                    "INSERT INTO setting (key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, json.dumps(getattr(settings, key))),
                )
        return settings
