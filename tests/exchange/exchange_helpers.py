"""Shared by the file-format tests: a whole-journal snapshot and hypothesis strategies."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from journal.store.models import (
    ACTIVITY_KINDS,
    CUP_CATEGORIES,
    INTENSITIES,
    Activity,
    CheckIn,
    CupActionDone,
    CustomAction,
    Entry,
    FlagSnooze,
    SelfCheck,
    SessionLoad,
    Sleep,
)

BlankJournal = tuple[Path, bytes]


def open_blank_copy(blank: BlankJournal, path: Path) -> Any:
    """A fresh, empty journal at ``path``: a copy of a blank one, opened with its raw key (no
    key derivation, which would cost ~0.2 s per journal)."""
    from journal.store import Journal

    shutil.copyfile(blank[0], path)
    return Journal.open(path, raw_key=blank[1])


RECORD_KINDS = (
    "checkins",
    "sleep",
    "sessions",
    "activities",
    "cup_actions",
    "entries",
    "self_checks",
)


def _without_row_id(record: Any) -> Any:
    if isinstance(getattr(record, "id", None), int):
        return dataclasses.replace(record, id=None)
    return record


def journal_snapshot(journal: Any) -> dict[str, Any]:
    """Every record in the journal, row ids blanked (they are not part of a record's content)."""
    snapshot: dict[str, Any] = {
        kind: [_without_row_id(r) for r in getattr(journal, kind).between()]
        for kind in RECORD_KINDS
    }
    snapshot["custom_actions"] = journal.custom_actions.all()
    snapshot["snoozes"] = journal.snoozes.all()
    snapshot["settings"] = journal.settings.load()
    return snapshot


# ------------------------------------------------------------------ hypothesis strategies

dates = st.dates(dt.date(2019, 1, 1), dt.date(2031, 12, 31)).map(dt.date.isoformat)
# Any text a person might type, in any script; lone surrogates cannot be UTF-8 at all.
texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
scales = st.none() | st.integers(0, 10)
minutes = st.none() | st.integers(0, 1440)
hours = st.none() | st.floats(0, 24, allow_nan=False)
counts = st.none() | st.integers(0, 10_000)
clock = st.none() | st.builds("{:02d}:{:02d}".format, st.integers(0, 23), st.integers(0, 59))
action_ids = st.from_regex(r"[a-z][a-z0-9]{0,8}(_[a-z0-9]{1,6}){0,2}", fullmatch=True)

checkins = st.builds(
    CheckIn,
    date=dates,
    **{name: scales for name in ("mood", "energy", "stress", "effective", "dread")},
    **{name: scales for name in ("detachment", "irritability", "intrusive", "meaning")},
    social_minutes=minutes,
    note=st.none() | texts,
)
sleeps = st.builds(
    Sleep,
    date=dates,
    bedtime=clock,
    wake_time=clock,
    hours=hours,
    quality=scales,
    awakenings=counts,
)
activities = st.builds(
    Activity,
    date=dates,
    kind=st.sampled_from(ACTIVITY_KINDS),
    minutes=minutes,
    intensity=st.none() | st.sampled_from(INTENSITIES),
)


@st.composite
def session_loads(draw: Any) -> SessionLoad:
    """Session load with trauma and crisis sessions within the day's sessions."""
    sessions = draw(counts)
    part = st.none() | st.integers(0, sessions) if sessions is not None else counts
    return SessionLoad(
        date=draw(dates),
        sessions=sessions,
        session_hours=draw(hours),
        trauma_sessions=draw(part),
        crisis_sessions=draw(part),
        admin_hours=draw(hours),
        breaks=draw(counts),
        day_off=draw(st.none() | st.booleans()),
        caseload=draw(counts),
    )


@st.composite
def entries(draw: Any) -> Entry:
    """Entries, some with their own created/updated times (updated never before created)."""
    stamps = draw(
        st.none() | st.lists(st.datetimes(dt.datetime(2019, 1, 1)), min_size=2, max_size=2)
    )
    created = updated = None
    if stamps:
        first, last = sorted(stamps)
        created, updated = (s.replace(microsecond=0).isoformat() + "Z" for s in (first, last))
    return Entry(
        date=draw(dates),
        title=draw(texts),
        body=draw(st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)),
        tags=tuple(draw(st.lists(texts, max_size=4))),
        prompt_id=draw(st.none() | texts),
        include_in_summary=draw(st.booleans()),
        created_at=created,
        updated_at=updated,
    )


@st.composite
def cup_actions(draw: Any) -> CupActionDone:
    """Cup actions with a catalogue id, a custom title, or both."""
    action_id = draw(st.none() | action_ids)
    custom = st.none() | texts if action_id else texts.filter(str.strip)
    return CupActionDone(
        date=draw(dates),
        action_id=action_id,
        custom_title=draw(custom),
        minutes=draw(minutes),
        felt_after=draw(scales),
        note=draw(st.none() | texts),
    )


percent = st.none() | st.floats(0, 100, allow_nan=False)
self_checks = st.builds(
    SelfCheck,
    date=dates,
    answers=st.lists(st.integers(0, 4), max_size=12).map(tuple),
    exhaustion=percent,
    detachment=percent,
    secondary_trauma=percent,
    satisfaction=percent,
)
custom_actions = st.builds(
    CustomAction,
    id=action_ids,
    # A title must show something and hold no NUL (refused with a message: see test_json).
    title=texts.filter(lambda title: title.strip() and "\x00" not in title),
    category=st.sampled_from(CUP_CATEGORIES),
    minutes=minutes,
    flags=st.lists(action_ids, max_size=3).map(tuple),
    why=texts,
)
snoozes = st.builds(FlagSnooze, flag_id=action_ids, until=dates)
settings = st.fixed_dictionaries(
    {},
    optional={
        "sleep_target_hours": st.floats(3, 12, allow_nan=False),
        "weekly_activity_target_minutes": st.integers(0, 2000),
        "weekly_session_hours_cap": st.floats(1, 80, allow_nan=False),
        "max_days_without_day_off": st.integers(1, 60),
        "auto_lock_minutes": st.integers(1, 240),
        "reminder_time": clock,
        "theme": st.sampled_from(("system", "light", "dark")),
        "backups_to_keep": st.integers(1, 100),
        "crisis_country": st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", max_size=2),
        "onboarding_done": st.booleans(),
    },
)


def _by(key: str) -> Any:
    return lambda record: getattr(record, key)


#: A whole journal's worth of records (lists per kind; one record per date where DESIGN says so).
journals = st.fixed_dictionaries(
    {
        "checkins": st.lists(checkins, max_size=6, unique_by=_by("date")),
        "sleep": st.lists(sleeps, max_size=6, unique_by=_by("date")),
        "sessions": st.lists(session_loads(), max_size=6, unique_by=_by("date")),
        "activities": st.lists(activities, max_size=6),
        "cup_actions": st.lists(cup_actions(), max_size=6),
        "entries": st.lists(entries(), max_size=6),
        "self_checks": st.lists(self_checks, max_size=3),
        "custom_actions": st.lists(custom_actions, max_size=3, unique_by=_by("id")),
        "snoozes": st.lists(snoozes, max_size=3, unique_by=_by("flag_id")),
        "settings": settings,
    }
)


def fill(journal: Any, content: dict[str, Any]) -> None:
    """Store generated records through the repositories, as the app would."""
    for kind in ("checkins", "sleep", "sessions"):
        for record in content[kind]:
            getattr(journal, kind).save(record)
    for kind in ("activities", "cup_actions", "entries", "self_checks"):
        for record in content[kind]:
            getattr(journal, kind).add(record)
    for action in content["custom_actions"]:
        journal.custom_actions.save(action)
    for snooze in content["snoozes"]:
        journal.snoozes.snooze(snooze.flag_id, snooze.until, days=0)
    if content["settings"]:
        journal.settings.update(**content["settings"])
