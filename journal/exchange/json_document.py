"""The whole journal as one versioned JSON document (DESIGN.md §3).

Export writes every record type, the settings, custom actions and snoozed flags; importing the
document into an empty journal restores every record exactly, entries with their original
``created_at``/``updated_at``. Record keys are the model field names (the public column names);
``null`` is *missing*. Internal row ids are not exported: they mean nothing outside one journal.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
from pathlib import Path
from typing import Any

from journal import __version__
from journal.exchange.batch import ImportBatch, Incoming
from journal.exchange.fields import clean_fields
from journal.exchange.output import open_output
from journal.exchange.problems import ImportProblems, read_text
from journal.exchange.summary import ImportSummary
from journal.store import Journal
from journal.store.models import (
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
from journal.store.repositories import utc_now
from journal.store.settings import Settings

FORMAT = "refill-journal"
VERSION = 1

#: Dated record lists, in the document's order, and the model of each.
RECORD_MODELS: dict[str, type] = {
    "checkins": CheckIn,
    "sleep": Sleep,
    "activities": Activity,
    "sessions": SessionLoad,
    "entries": Entry,
    "cup_actions": CupActionDone,
    "self_checks": SelfCheck,
}
_HEADER_KEYS = ("format", "version", "exported_at", "app_version")
SECTIONS = (*_HEADER_KEYS, "settings", "custom_actions", *RECORD_MODELS, "snoozes")


# ---------------------------------------------------------------------------- export


def journal_document(journal: Journal) -> dict[str, Any]:
    """Everything in the journal as plain JSON-ready data."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": utc_now(),
        "app_version": __version__,
        "settings": dataclasses.asdict(journal.settings.load()),
        "custom_actions": [_plain(action) for action in journal.custom_actions.all()],
        **{key: [_plain(r) for r in getattr(journal, key).between()] for key in RECORD_MODELS},
        "snoozes": [_plain(snooze) for snooze in journal.snoozes.all()],
    }


def _plain(record: Any) -> dict[str, Any]:
    out = {}
    for field in dataclasses.fields(record):
        value = getattr(record, field.name)
        if field.name == "id" and isinstance(value, int):
            continue  # a row id, not the record's identity (custom actions' ids are text)
        out[field.name] = list(value) if isinstance(value, tuple) else value
    return out


def export_json(journal: Journal, out: Path | str | None = None) -> int:
    """Write the JSON document to ``out`` (atomically, 0600) or stdout; returns the number of
    records written (settings not counted)."""
    document = journal_document(journal)
    with open_output(out) as handle:
        handle.write(json.dumps(document, ensure_ascii=False, indent=2))
        handle.write("\n")
    return sum(len(value) for value in document.values() if isinstance(value, list))


# ---------------------------------------------------------------------------- import


def import_json(journal: Journal, path: Path | str, *, replace: bool = False) -> ImportSummary:
    """Restore a JSON export: all of it, or (on any problem) nothing, raising
    :class:`ImportProblems` with every problem found."""
    document = _load(path)
    batch = ImportBatch(journal, path, replace=replace)
    for key in document:
        if key not in SECTIONS:
            batch.problem(0, key, f"unknown section (known: {', '.join(SECTIONS)})")
    for key, model in RECORD_MODELS.items():
        for where, raw in _records(batch, document, key):
            record = _record(batch, model, raw, where)
            if record is not None:
                column_of = functools.partial(_field_path, where)
                batch.add(Incoming(key, record, 0, column_of, fields_checked=True))
    for where, raw in _records(batch, document, "custom_actions"):
        action = _record(batch, CustomAction, raw, where)
        if action is not None and not action.title.strip():
            batch.problem(0, f"{where}.title", "cannot be empty")
        elif action is not None:
            batch.add_custom_action(action, where)
    for where, raw in _records(batch, document, "snoozes"):
        snooze = _record(batch, FlagSnooze, raw, where)
        if snooze is not None:
            batch.add_snooze(snooze, where)
    _read_settings(batch, document.get("settings"))
    return batch.commit()


def _field_path(record_path: str, field: str) -> str:
    return f"{record_path}.{field}"


def _load(path: Path | str) -> dict[str, Any]:
    """The parsed document, once it is known to be a Refill export this version can read."""
    try:
        document = json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        reason = f"is not valid JSON ({exc.msg})"
        raise ImportProblems.single(path, reason, line=exc.lineno, column=str(exc.colno)) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        found = document.get("format") if isinstance(document, dict) else None
        detail = f' (its format is "{found}")' if isinstance(found, str) else ""
        raise ImportProblems.single(
            path, f'is not a Refill journal export{detail}; expected "format": "{FORMAT}"'
        )
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ImportProblems.single(path, "must be a format version number", column="version")
    if version > VERSION:
        raise ImportProblems.single(
            path,
            f"was written by a newer Refill (format version {version}; this Refill reads up to "
            f"{VERSION}); update Refill to import it",
            column="version",
        )
    return document


def _records(
    batch: ImportBatch, document: dict[str, Any], key: str
) -> list[tuple[str, dict[str, Any]]]:
    """The objects of one list section with their paths; a missing section is empty."""
    items = document.get(key) or []
    if not isinstance(items, list):
        batch.problem(0, key, "must be a list of records")
        return []
    found = []
    for index, raw in enumerate(items):
        where = f"{key}[{index}]"
        if isinstance(raw, dict):
            found.append((where, raw))
        else:
            batch.problem(0, where, "must be an object with named fields")
    return found


def _record(batch: ImportBatch, model: type, raw: dict[str, Any], where: str) -> Any:
    """A record built from one JSON object, or None after reporting every problem in it."""
    values, problems = clean_fields(model, raw, json_types=True)
    if model is Entry:
        problems += _timestamp_problems(values)
    for field, reason in problems:
        batch.problem(0, f"{where}.{field}", reason)
    return None if problems else model(**values)


def _timestamp_problems(values: dict[str, Any]) -> list[tuple[str, str]]:
    problems = []
    for name in ("created_at", "updated_at"):
        stamp = values.get(name)
        if stamp is None:
            continue
        try:
            dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        except ValueError:
            problems.append((name, f"expected a time like 2026-03-01T18:30:00Z, got {stamp!r}"))
    created, updated = values.get("created_at"), values.get("updated_at")
    if not problems and created and updated and updated < created:
        problems.append(("updated_at", "is earlier than created_at"))
    return problems


def _read_settings(batch: ImportBatch, raw: Any) -> None:
    if raw is None:
        return
    if not isinstance(raw, dict):
        batch.problem(0, "settings", "must be an object of setting names and values")
        return
    values, problems = clean_fields(Settings, raw, json_types=True, complete=False)
    for field, reason in problems:
        batch.problem(0, f"settings.{field}", reason)
    if not problems:
        batch.set_settings(values)
