"""A readable Markdown copy of the journal, for the user's own reading or printing.

One section per date, oldest first (newest last): the day's check-in, sleep, work, movement, cup
actions and self-checks as short lines, then the entries with their titles, tags and text. It is
not meant to be imported back; the JSON export is the complete copy.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from journal import __version__
from journal.exchange.output import open_output
from journal.store import Journal
from journal.store.models import (
    Activity,
    CheckIn,
    CupActionDone,
    Entry,
    SelfCheck,
    SessionLoad,
    Sleep,
)
from journal.store.repositories import utc_now

_SCALE_LABELS = {
    "mood": "mood",
    "energy": "energy",
    "stress": "stress",
    "effective": "felt effective",
    "dread": "dread",
    "detachment": "detachment",
    "irritability": "irritability",
    "intrusive": "intrusive thoughts",
    "meaning": "meaning",
}
# Headings an entry's own Markdown uses sit below the entry's title (### …), so that a "# Today"
# inside an entry does not break the document's outline.
_BODY_HEADING = re.compile(r"^(#{1,3})(?=\s)", re.MULTILINE)
_DAY_KINDS = ("checkins", "sleep", "sessions", "activities", "cup_actions", "self_checks")


def export_markdown(journal: Journal, out: Path | str | None = None) -> int:
    """Write the Markdown copy to ``out`` (atomically, 0600) or stdout; returns the number of
    records shown."""
    text, count = render_markdown(journal)
    with open_output(out) as handle:
        handle.write(text)
    return count


def render_markdown(journal: Journal) -> tuple[str, int]:
    """The document and how many records it shows."""
    days: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    count = 0
    for kind in (*_DAY_KINDS, "entries"):
        for record in getattr(journal, kind).between():
            days[record.date][kind].append(record)
            count += 1
    titles = {**_catalogue_titles(), **{a.id: a.title for a in journal.custom_actions.all()}}
    stamp = utc_now().replace("T", " at ").replace("Z", " UTC")
    parts = [
        "# Refill journal\n",
        f"Exported on {stamp} by Refill {__version__}. This copy is not encrypted: "
        "keep it somewhere private, and delete it when you no longer need it.\n",
    ]
    for date in sorted(days):
        parts.append(_day(date, days[date], titles))
    return "\n".join(parts), count


def _catalogue_titles() -> dict[str, str]:
    """Titles of the catalogue's actions; without a readable catalogue, ids are shown."""
    try:
        from journal.insights.catalogue import CatalogueError, load_catalogue
    except ImportError:
        return {}
    try:
        return {action.id: action.title for action in load_catalogue().actions}
    except CatalogueError:
        return {}


def _day(date: str, records: dict[str, list[Any]], titles: dict[str, str]) -> str:
    weekday = dt.date.fromisoformat(date).strftime("%A")
    lines = [f"## {date} · {weekday}", ""]
    for checkin in records["checkins"]:
        lines += _checkin(checkin)
    lines += [f"- **Sleep:** {_sleep(night)}" for night in records["sleep"]]
    lines += [f"- **Work:** {_work(load)}" for load in records["sessions"]]
    if records["activities"]:
        lines.append(f"- **Movement:** {'; '.join(map(_activity, records['activities']))}")
    for action in records["cup_actions"]:
        lines += _cup_action(action, titles)
    lines += [f"- **Self-check:** {_self_check(check)}" for check in records["self_checks"]]
    for entry in records["entries"]:
        lines += ["", *_entry(entry)]
    return "\n".join(lines) + "\n"


def _joined(parts: list[str]) -> str:
    return ", ".join(part for part in parts if part) or "nothing recorded"


def _number(value: float) -> str:
    return f"{value:g}"


def _quoted(text: str, indent: str = "  ") -> list[str]:
    return [f"{indent}> {line}".rstrip() for line in text.splitlines()]


def _checkin(checkin: CheckIn) -> list[str]:
    parts = [
        f"{label} {getattr(checkin, name)}/10"
        for name, label in _SCALE_LABELS.items()
        if getattr(checkin, name) is not None
    ]
    if checkin.social_minutes is not None:
        parts.append(f"time with friends and family {checkin.social_minutes} min")
    lines = [f"- **Check-in:** {_joined(parts)}"]
    if checkin.note and checkin.note.strip():
        lines += _quoted(checkin.note)
    return lines


def _sleep(night: Sleep) -> str:
    span = f"{night.bedtime}–{night.wake_time}" if night.bedtime and night.wake_time else ""
    woke = night.awakenings
    return _joined(
        [
            f"{_number(night.hours)} h" if night.hours is not None else "",
            span,
            f"quality {night.quality}/10" if night.quality is not None else "",
            f"woke {woke} time{'s' if woke != 1 else ''}" if woke is not None else "",
        ]
    )


def _work(load: SessionLoad) -> str:
    heavy = _joined(
        [
            f"{load.trauma_sessions} trauma-heavy" if load.trauma_sessions is not None else "",
            f"{load.crisis_sessions} crisis" if load.crisis_sessions is not None else "",
        ]
    )
    sessions = ""
    if load.sessions is not None:
        sessions = f"{load.sessions} session{'s' if load.sessions != 1 else ''}"
        if heavy != "nothing recorded":
            sessions += f" ({heavy})"
    return _joined(
        [
            "day off" if load.day_off else "",
            sessions,
            f"{_number(load.session_hours)} h with clients"
            if load.session_hours is not None
            else "",
            f"{_number(load.admin_hours)} h admin" if load.admin_hours is not None else "",
            f"{load.breaks} break{'s' if load.breaks != 1 else ''}"
            if load.breaks is not None
            else "",
            f"caseload {load.caseload}" if load.caseload is not None else "",
        ]
    )


def _activity(activity: Activity) -> str:
    text = activity.kind
    if activity.minutes is not None:
        text += f" {activity.minutes} min"
    if activity.intensity:
        text += f" ({activity.intensity})"
    return text


def _cup_action(action: CupActionDone, titles: dict[str, str]) -> list[str]:
    if action.action_id:
        name = titles.get(action.action_id, action.action_id.replace("_", " ").capitalize())
    else:
        name = action.custom_title or ""
    details = _joined(
        [
            f"{action.minutes} min" if action.minutes is not None else "",
            f"felt {action.felt_after}/10 after" if action.felt_after is not None else "",
        ]
    )
    line = f"- **Filled my cup:** {name}"
    if details != "nothing recorded":
        line += f" ({details})"
    lines = [line]
    if action.note and action.note.strip():
        lines += _quoted(action.note)
    return lines


def _self_check(check: SelfCheck) -> str:
    names = ("exhaustion", "detachment", "secondary_trauma", "satisfaction")
    scores = [
        f"{name.replace('_', ' ')} {_number(getattr(check, name))}/100"
        for name in names
        if getattr(check, name) is not None
    ]
    return f"{_joined(scores)} (a reflection aid, not a validated instrument)"


def _entry(entry: Entry) -> list[str]:
    lines = [f"### {entry.title.strip() or 'Untitled entry'}"]
    about = [" ".join(f"#{tag}" for tag in entry.tags)]
    if entry.prompt_id:
        about.append(f"prompt: {entry.prompt_id}")
    if entry.include_in_summary:
        about.append("marked for the supervisor summary")
    if any(about):
        lines += ["", f"*{' · '.join(part for part in about if part)}*"]
    if entry.body.strip():
        lines += ["", _BODY_HEADING.sub(r"###\1", entry.body.rstrip())]
    return lines
