"""What an import wrote, counted per record type and worded for the person who ran it."""

from __future__ import annotations

from dataclasses import dataclass, fields

# field -> (one, many): how each count reads in a sentence.
_WORDS: dict[str, tuple[str, str]] = {
    "checkins": ("check-in", "check-ins"),
    "sleep": ("night of sleep", "nights of sleep"),
    "activities": ("activity", "activities"),
    "sessions": ("day of session load", "days of session load"),
    "cup_actions": ("cup action", "cup actions"),
    "entries": ("journal entry", "journal entries"),
    "self_checks": ("self-check", "self-checks"),
    "custom_actions": ("custom action", "custom actions"),
    "snoozes": ("snoozed flag", "snoozed flags"),
}


@dataclass
class ImportSummary:
    """Records written by one import (``settings``: how many settings were set);
    ``replaced_dates`` counts dates whose earlier data was replaced."""

    checkins: int = 0
    sleep: int = 0
    activities: int = 0
    sessions: int = 0
    cup_actions: int = 0
    entries: int = 0
    self_checks: int = 0
    custom_actions: int = 0
    snoozes: int = 0
    settings: int = 0
    replaced_dates: int = 0

    @property
    def total(self) -> int:
        """Records written, settings included, replaced dates not (they are not records)."""
        return sum(int(getattr(self, name)) for name in _WORDS) + self.settings

    def describe(self) -> str:
        """``"Imported 3 check-ins, 2 nights of sleep and 1 activity."`` and the like."""
        parts = []
        for item in fields(self):
            count = getattr(self, item.name)
            if item.name in _WORDS and count:
                one, many = _WORDS[item.name]
                parts.append(f"{count} {one if count == 1 else many}")
        if self.settings:
            parts.append("the settings")
        if not parts:
            return "Nothing imported: the file holds no records."
        listed = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
        text = f"Imported {listed}"
        if self.replaced_dates:
            days = "date" if self.replaced_dates == 1 else "dates"
            text += f", replacing what was there on {self.replaced_dates} {days}"
        return text + "."
