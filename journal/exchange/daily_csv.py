"""The daily CSV of DESIGN.md §3: one row per date, the columns a spreadsheet user would keep.

Import reads any subset of the columns in any order and reports every problem as ``line N,
column C: reason`` (lines as a text editor counts them, header = line 1, a quoted note spanning
lines reported where its row starts). Export writes the columns in DESIGN's order; exporting and
importing into an empty journal gives back the same daily data (the CSV's view of it: several
activities become one of kind ``other`` with their total minutes).
"""

from __future__ import annotations

import csv
import difflib
import functools
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from journal.exchange.batch import ImportBatch, Incoming
from journal.exchange.fields import clean_fields
from journal.exchange.output import open_output
from journal.exchange.problems import read_text
from journal.exchange.summary import ImportSummary
from journal.store import Journal
from journal.store.models import (
    CHECKIN_SCALES,
    Activity,
    CheckIn,
    CupActionDone,
    SessionLoad,
    Sleep,
)
from journal.store.validation import parse_date

_SESSION_COLUMNS = (
    "sessions",
    "session_hours",
    "trauma_sessions",
    "crisis_sessions",
    "admin_hours",
    "breaks",
    "day_off",
)

#: column → (record kind, model field), in DESIGN.md's order.
_FIELDS: dict[str, tuple[str, str]] = {
    **{name: ("checkins", name) for name in (*CHECKIN_SCALES, "social_minutes")},
    "sleep_hours": ("sleep", "hours"),
    "sleep_quality": ("sleep", "quality"),
    "activity_minutes": ("activities", "minutes"),
    **{name: ("sessions", name) for name in _SESSION_COLUMNS},
    "cup_actions": ("cup_actions", "action_id"),
    "note": ("checkins", "note"),
}
COLUMNS: tuple[str, ...] = ("date", *_FIELDS)

_MODELS: dict[str, type] = {
    "checkins": CheckIn,
    "sleep": Sleep,
    "activities": Activity,
    "sessions": SessionLoad,
}
_COLUMN_OF: dict[str, dict[str, str]] = {}
for _column, (_kind, _field) in _FIELDS.items():
    _COLUMN_OF.setdefault(_kind, {})[_field] = _column
_COLUMN_OF["cup_actions"]["custom_title"] = "cup_actions"

#: A cup action that looks like this is a catalogue (or custom action) id, else a custom title.
_ACTION_ID = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
_CUP_SEPARATOR = ";"
_EXAMPLE = "for example date,mood,sleep_hours"


# ---------------------------------------------------------------------------- import


def import_csv(journal: Journal, path: Path | str, *, replace: bool = False) -> ImportSummary:
    """Import a daily CSV: all of it, or (on any problem) nothing, raising
    :class:`ImportProblems` with every problem found.

    A date that already holds a record of a kind the row fills is a conflict. With ``replace``
    the row wins instead: for a check-in, sleep or session load, the fields the file has columns
    for take the file's values (an empty cell clears one) and the others keep what was stored;
    the day's activities and cup actions are replaced by the file's. A kind the row leaves
    entirely empty is left alone.
    """
    text = read_text(path)
    batch = ImportBatch(journal, path, replace=replace)
    rows = _rows(text, batch)
    header = _read_header(next(rows, None), batch)
    if header is not None:
        in_header = _fields_in_header(header)
        first_line: dict[str, int] = {}
        for line, cells in rows:
            _read_row(batch, header, in_header, line, cells, first_line)
    return batch.commit()


def _rows(text: str, batch: ImportBatch) -> Iterator[tuple[int, list[str]]]:
    """Non-blank rows with the line each starts on; a quoting error ends the file there."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            reason = (
                "a quoted cell starts on this line but its closing quote is missing"
                if "end of data" in str(exc)
                else f"the quoting is broken ({exc}); put quotes around the whole cell "
                'and double any quote inside it ("")'
            )
            batch.problem(start, "", reason)
            return
        if any(cell.strip() for cell in cells):
            yield start, cells
        start = reader.line_num + 1


def _read_header(
    first: tuple[int, list[str]] | None, batch: ImportBatch
) -> list[str | None] | None:
    """Column names (unknown ones as None), or None when the rows cannot be read at all."""
    if first is None:
        batch.problem(
            1, "", f"the file is empty; the first line must name the columns ({_EXAMPLE})"
        )
        return None
    line, cells = first
    if _is_date(cells[0]):
        batch.problem(line, "", f"the first line must name the columns ({_EXAMPLE}), not hold data")
        return None
    names: list[str | None] = []
    for position, cell in enumerate(cells, start=1):
        name = cell.strip().lower()
        names.append(None)
        if not name:
            batch.problem(line, str(position), "the header cell is empty; name the column")
        elif name in names:
            batch.problem(line, name, "appears twice in the header")
        elif name not in COLUMNS:
            close = difflib.get_close_matches(name, COLUMNS, n=1)
            hint = f"did you mean {close[0]}?" if close else f"known: {', '.join(COLUMNS)}"
            batch.problem(line, name, f"unknown column ({hint})")
        else:
            names[-1] = name
    if "date" not in names:
        batch.problem(line, "date", "the header has no date column; every row needs a date")
        return None
    return names


def _is_date(cell: str) -> bool:
    try:
        parse_date(cell)
    except ValueError:
        return False
    return True


def _fields_in_header(header: list[str | None]) -> dict[str, frozenset[str]]:
    """Per record kind, the model fields the file has a column for."""
    found: dict[str, set[str]] = {}
    for name in header:
        if name and name != "date":
            kind, field = _FIELDS[name]
            found.setdefault(kind, set()).add(field)
    return {kind: frozenset(fields) for kind, fields in found.items()}


def _read_row(
    batch: ImportBatch,
    header: list[str | None],
    in_header: dict[str, frozenset[str]],
    line: int,
    cells: list[str],
    first_line: dict[str, int],
) -> None:
    extra = [cell for cell in cells[len(header) :] if cell.strip()]
    if extra:
        batch.problem(line, "", f"has {len(cells)} cells but the header names {len(header)}")
    values = {
        name: cell for name, cell in zip(header, cells, strict=False) if name and cell.strip()
    }
    date = _row_date(batch, line, values.pop("date", ""))
    if date is not None:
        if date in first_line:
            reason = f"{date} is also on line {first_line[date]}; keep one row per date"
            batch.problem(line, "date", reason)
            return
        first_line[date] = line
    given_by_kind: dict[str, dict[str, str]] = {}
    for column, cell in values.items():
        kind, field = _FIELDS[column]
        given_by_kind.setdefault(kind, {})[field] = cell
    for kind, raw in given_by_kind.items():
        if kind == "cup_actions":
            _read_cup_actions(batch, line, date, raw["action_id"])
        else:
            _add_record(batch, kind, line, date, raw, in_header[kind])


def _row_date(batch: ImportBatch, line: int, cell: str) -> str | None:
    if not cell.strip():
        batch.problem(line, "date", "is empty; every row needs a date (YYYY-MM-DD)")
        return None
    try:
        return parse_date(cell)
    except ValueError as exc:
        batch.problem(line, "date", str(exc))
        return None


def _column_name(kind: str, field: str) -> str:
    """The CSV column a record field comes from (``hours`` of sleep → ``sleep_hours``)."""
    return _COLUMN_OF[kind].get(field, field)


_COLUMN_NAMERS = {kind: functools.partial(_column_name, kind) for kind in _COLUMN_OF}


def _add_record(
    batch: ImportBatch,
    kind: str,
    line: int,
    date: str | None,
    raw: dict[str, str],
    given: frozenset[str],
) -> None:
    column_of = _COLUMN_NAMERS[kind]
    values, problems = clean_fields(_MODELS[kind], raw, complete=False)
    for field, reason in problems:
        batch.problem(line, column_of(field), reason)
    if problems or date is None:
        return
    model = _MODELS[kind]
    if kind == "activities":
        record, given_fields = Activity(date, kind="other", **values), None
    else:
        record, given_fields = model(date, **values), given
    batch.add(Incoming(kind, record, line, column_of, given_fields, fields_checked=True))


def _read_cup_actions(batch: ImportBatch, line: int, date: str | None, cell: str) -> None:
    column_of = _COLUMN_NAMERS["cup_actions"]
    for part in cell.split(_CUP_SEPARATOR):
        name = part.strip()
        if not name:
            continue
        field = "action_id" if _ACTION_ID.fullmatch(name) else "custom_title"
        values, problems = clean_fields(CupActionDone, {field: name}, complete=False)
        for _field, reason in problems:
            batch.problem(line, "cup_actions", f"{name[:40]!r} {reason}")
        if not problems and date is not None:
            record = CupActionDone(date, **values)
            batch.add(Incoming("cup_actions", record, line, column_of, fields_checked=True))


# ---------------------------------------------------------------------------- export


def export_csv(journal: Journal, out: Path | str | None = None) -> int:
    """Write the daily CSV to ``out`` (atomically, 0600) or stdout; returns the rows written."""
    rows = daily_rows(journal)
    with open_output(out) as handle:
        # RFC 4180 line ends: with "\n" alone, the csv module would not quote a note holding a
        # bare "\r", and the reader would then cut the note there.
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return len(rows)


def daily_rows(journal: Journal) -> list[list[str]]:
    """One row of cells per date that has anything the CSV can hold, oldest first."""
    days: dict[str, dict[str, Any]] = {}

    def day(date: str) -> dict[str, Any]:
        return days.setdefault(date, {})

    for kind in ("checkins", "sleep", "sessions"):
        columns = _COLUMN_OF[kind]
        for record in getattr(journal, kind).between():
            cells = day(record.date)
            for field, column in columns.items():
                cells[column] = getattr(record, field)
    for activity in journal.activities.between():
        if activity.minutes is not None:
            cells = day(activity.date)
            cells["activity_minutes"] = cells.get("activity_minutes", 0) + activity.minutes
    for action in journal.cup_actions.between():
        name = action.action_id or (action.custom_title or "").replace(_CUP_SEPARATOR, ",")
        cells = day(action.date)
        cells["cup_actions"] = [*cells.get("cup_actions", []), name.strip()]
    rows = []
    for date in sorted(days):
        cells = days[date]
        row = [date, *(_cell(cells.get(column)) for column in COLUMNS[1:])]
        if any(row[1:]):
            rows.append(row)
    return rows


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, list):
        return _CUP_SEPARATOR.join(value)
    return str(value)
