"""Plain records, one dataclass per record type of DESIGN.md §1.

Field names are the public column names (CSV, JSON, CLI options). ``None`` is *missing*, never
zero. Records are immutable; repositories return new ones with ids and timestamps filled in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from journal.store.validation import (
    COUNT,
    HOURS,
    MINUTES,
    PERCENT,
    SCALE,
    boolean,
    checked,
    choice,
    clock_time,
    iso_date,
    text,
)

ACTIVITY_KINDS = ("walk", "run", "cycle", "swim", "yoga", "strength", "sport", "other")
INTENSITIES = ("light", "moderate", "vigorous")
CUP_CATEGORIES = (
    "control",
    "foundation",
    "detach",
    "connect",
    "why",
    "peer_support",
    "joy",
    "growth",
)
CHECKIN_SCALES = (
    "mood",
    "energy",
    "stress",
    "effective",
    "dread",
    "detachment",
    "irritability",
    "intrusive",
    "meaning",
)
SELF_CHECK_SCORES = ("exhaustion", "detachment", "secondary_trauma", "satisfaction")

_DATE = checked(iso_date)
_SCALE = checked(SCALE)
_NOTE = checked(text(2000))


def _scale() -> Any:
    return field(default=None, metadata=_SCALE)


@dataclass(frozen=True, slots=True)
class CheckIn:
    """The quick daily check-in: how the day felt, each scale 0–10."""

    date: str = field(metadata=_DATE)
    mood: int | None = _scale()
    energy: int | None = _scale()
    stress: int | None = _scale()
    effective: int | None = _scale()
    dread: int | None = _scale()
    detachment: int | None = _scale()
    irritability: int | None = _scale()
    intrusive: int | None = _scale()
    meaning: int | None = _scale()
    social_minutes: int | None = field(default=None, metadata=checked(MINUTES))
    note: str | None = field(default=None, metadata=_NOTE)


@dataclass(frozen=True, slots=True)
class Sleep:
    """One night, dated by the morning it ends."""

    date: str = field(metadata=_DATE)
    bedtime: str | None = field(default=None, metadata=checked(clock_time))
    wake_time: str | None = field(default=None, metadata=checked(clock_time))
    hours: float | None = field(default=None, metadata=checked(HOURS))
    quality: int | None = _scale()
    awakenings: int | None = field(default=None, metadata=checked(COUNT))


@dataclass(frozen=True, slots=True)
class Activity:
    """One bout of movement; any number per day."""

    date: str = field(metadata=_DATE)
    kind: str = field(default="other", metadata=checked(choice(*ACTIVITY_KINDS)))
    minutes: int | None = field(default=None, metadata=checked(MINUTES))
    intensity: str | None = field(default=None, metadata=checked(choice(*INTENSITIES)))
    id: int | None = None


@dataclass(frozen=True, slots=True)
class SessionLoad:
    """The day's work: client sessions, their weight, admin, breaks, or a day off."""

    date: str = field(metadata=_DATE)
    sessions: int | None = field(default=None, metadata=checked(COUNT))
    session_hours: float | None = field(default=None, metadata=checked(HOURS))
    trauma_sessions: int | None = field(default=None, metadata=checked(COUNT))
    crisis_sessions: int | None = field(default=None, metadata=checked(COUNT))
    admin_hours: float | None = field(default=None, metadata=checked(HOURS))
    breaks: int | None = field(default=None, metadata=checked(COUNT))
    day_off: bool | None = field(default=None, metadata=checked(boolean))
    caseload: int | None = field(default=None, metadata=checked(COUNT))


@dataclass(frozen=True, slots=True)
class Entry:
    """A journal entry: light-Markdown text, tags, and whether the supervisor may see it."""

    date: str = field(metadata=_DATE)
    title: str = field(default="", metadata=checked(text(300)))
    body: str = field(default="", metadata=checked(text(200_000)))
    tags: tuple[str, ...] = ()
    prompt_id: str | None = field(default=None, metadata=checked(text(100)))
    include_in_summary: bool = field(default=False, metadata=checked(boolean))
    id: int | None = None
    created_at: str | None = None
    updated_at: str | None = None


@dataclass(frozen=True, slots=True)
class CupActionDone:
    """A "fill your cup" action done on a day: a catalogue id or a custom title."""

    date: str = field(metadata=_DATE)
    action_id: str | None = field(default=None, metadata=checked(text(100)))
    custom_title: str | None = field(default=None, metadata=checked(text(200)))
    minutes: int | None = field(default=None, metadata=checked(MINUTES))
    felt_after: int | None = _scale()
    note: str | None = field(default=None, metadata=_NOTE)
    id: int | None = None


@dataclass(frozen=True, slots=True)
class SelfCheck:
    """Answers to Refill's own reflection questions and their 0–100 scores."""

    date: str = field(metadata=_DATE)
    answers: tuple[int, ...] = ()
    exhaustion: float | None = field(default=None, metadata=checked(PERCENT))
    detachment: float | None = field(default=None, metadata=checked(PERCENT))
    secondary_trauma: float | None = field(default=None, metadata=checked(PERCENT))
    satisfaction: float | None = field(default=None, metadata=checked(PERCENT))
    id: int | None = None


@dataclass(frozen=True, slots=True)
class CustomAction:
    """A user's own "fill your cup" action, matched to flags by its category."""

    id: str = field(metadata=checked(text(100)))
    title: str = field(metadata=checked(text(200, nul=False)))
    category: str = field(metadata=checked(choice(*CUP_CATEGORIES)))
    minutes: int | None = field(default=None, metadata=checked(MINUTES))
    flags: tuple[str, ...] = ()
    why: str = field(default="", metadata=checked(text(500)))


@dataclass(frozen=True, slots=True)
class FlagSnooze:
    """A flag the user chose not to see until ``until`` (inclusive)."""

    flag_id: str
    until: str = field(metadata=_DATE)
