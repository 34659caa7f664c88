"""The record types ``refill log`` writes and ``refill show`` prints, described once.

Options and their help are generated from the dataclass fields in ``journal.store.models``, so a
new column there becomes a new ``--option`` here without another edit.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from journal.cli.output import clean
from journal.store import Journal
from journal.store import validation as v
from journal.store.errors import ValidationError
from journal.store.models import (
    ACTIVITY_KINDS,
    INTENSITIES,
    Activity,
    CheckIn,
    CupActionDone,
    SessionLoad,
    Sleep,
)

#: Fields that are not values to log: the record's date comes from ``--date``, ids from the store.
_NOT_VALUES = frozenset({"date", "id"})
#: Free text that confirmations acknowledge without echoing.
_FREE_TEXT = frozenset({"note"})

#: What a validator accepts, in words, for ``--help``.
_KIND_WORDS: dict[Any, str] = {
    v.SCALE: "0–10",
    v.HOURS: "hours, 0–24",
    v.MINUTES: "minutes, 0–1440",
    v.COUNT: "a count, 0 or more",
    v.boolean: "yes/no",
    v.clock_time: "HH:MM, 24-hour",
}

#: DESIGN.md §1 meanings where the column name alone is not enough.
_MEANINGS = {
    "effective": "felt effective at work today",
    "dread": "dread before sessions",
    "detachment": "cynicism, going through the motions",
    "irritability": "anger at the work",
    "intrusive": "thoughts or images of clients' trauma outside work",
    "meaning": "sense of purpose, compassion satisfaction",
    "social_minutes": "time with friends or family",
    "note": "short text",
    "hours": "derived from bedtime and wake_time when not given",
    "kind": "/".join(ACTIVITY_KINDS),
    "intensity": "/".join(INTENSITIES),
    "trauma_sessions": "sessions with trauma content",
    "breaks": "breaks of 10 minutes or more",
    "caseload": "open cases",
    "action_id": "an action id from the catalogue",
    "custom_title": "your own action, in words",
    "felt_after": "how you felt afterwards",
}


@dataclass(frozen=True)
class RecordKind:
    """One record type as the command line sees it."""

    name: str
    label: str
    model: type
    repository: str
    daily: bool
    help: str
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: A check that needs the open journal (raises ``ValidationError``), run before saving.
    check: Callable[[Journal, Any], None] | None = None

    def value_fields(self) -> list[dataclasses.Field[Any]]:
        return [f for f in dataclasses.fields(self.model) if f.name not in _NOT_VALUES]

    def option_strings(self, name: str) -> list[str]:
        """``--social_minutes`` as in DESIGN.md, ``--social-minutes`` too, plus any aliases."""
        spellings = [*self.aliases.get(name, ()), f"--{name}"]
        if "_" in name:
            spellings.append(f"--{name.replace('_', '-')}")
        return spellings


def check_cup_action(journal: Journal, record: CupActionDone) -> None:
    """A cup action id must be in the catalogue or among the user's own actions: a typo would
    otherwise be stored as a new action that no insight or chart recognises."""
    if record.action_id is None:
        return
    import difflib

    from journal.insights.catalogue import load_catalogue

    known = {a.id for a in load_catalogue().actions} | {a.id for a in journal.custom_actions.all()}
    if record.action_id in known:
        return
    close = difflib.get_close_matches(record.action_id, sorted(known), n=1)
    hint = f"did you mean {close[0]}? " if close else ""
    raise ValidationError(
        "action_id",
        f"{record.action_id!r} is not a catalogue action or one of your own ({hint}"
        "use --title TEXT for anything else)",
    )


KINDS = (
    RecordKind("checkin", "check-in", CheckIn, "checkins", True, "how the day felt"),
    RecordKind("sleep", "sleep", Sleep, "sleep", True, "the night, dated by the morning it ends"),
    RecordKind("activity", "activity", Activity, "activities", False, "a bout of movement"),
    RecordKind("sessions", "session load", SessionLoad, "sessions", True, "the day's work"),
    RecordKind(
        "cup",
        "cup action",
        CupActionDone,
        "cup_actions",
        False,
        "something you did to fill your cup",
        aliases={"action_id": ("--action",), "custom_title": ("--title",)},
        check=check_cup_action,
    ),
)
KINDS_BY_NAME = {kind.name: kind for kind in KINDS}


def field_help(item: dataclasses.Field[Any]) -> str:
    words = [_MEANINGS.get(item.name), _KIND_WORDS.get(item.metadata.get("validate"))]
    return "; ".join(word for word in words if word)


def describe(record: Any, *, full_text: bool = True) -> str:
    """``mood 6 · energy 5 · note …`` — the values a record holds, missing ones left out.

    With ``full_text=False`` free text is only acknowledged, not echoed (for confirmations).
    """
    parts = []
    for item in dataclasses.fields(record):
        value = getattr(record, item.name)
        if item.name in _NOT_VALUES or value is None:
            continue
        if isinstance(value, bool):
            shown = "yes" if value else "no"
        elif isinstance(value, float):
            shown = f"{value:g}"
        elif item.name in _FREE_TEXT:
            shown = clean(value, one_line=True) if full_text else f"({len(value)} characters)"
        else:
            shown = clean(str(value), one_line=True)
        parts.append(f"{item.name} {shown}")
    return " · ".join(parts)
