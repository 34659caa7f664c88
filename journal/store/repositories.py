"""Repositories: the only place records become SQL rows and back.

Two shapes cover almost every record type: one record per date (check-in, sleep, session load)
and any number per date with an integer id (activities, cup actions, self-checks). Column names
are the dataclass field names, so a record type is declared once, in ``models``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Protocol, TypeVar

from journal.store.database import Database
from journal.store.errors import ValidationError
from journal.store.models import (
    CupActionDone,
    CustomAction,
    FlagSnooze,
    SelfCheck,
    SessionLoad,
    Sleep,
)
from journal.store.validation import parse_date, validate_record

if TYPE_CHECKING:
    from dataclasses import Field


class RecordType(Protocol):
    """Any record dataclass of ``journal.store.models``."""

    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]


class DatedRecord(RecordType, Protocol):
    """A record with a ``date`` (check-in, sleep, session load, and every item)."""

    @property
    def date(self) -> str: ...


class ItemRecord(DatedRecord, Protocol):
    """A record dataclass with an integer ``id`` (activities, cup actions, entries…)."""

    @property
    def id(self) -> int | None: ...


T = TypeVar("T", bound=RecordType)
R = TypeVar("R", bound=DatedRecord)
Item = TypeVar("Item", bound=ItemRecord)


def utc_now() -> str:
    """Timestamp for ``created_at``/``updated_at`` (UTC, seconds)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def encode_tags(tags: Iterable[str]) -> str:
    return ",".join(normalise_tags(tags))


def decode_tags(value: str) -> tuple[str, ...]:
    return tuple(tag for tag in value.split(",") if tag)


def normalise_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Lower-case, ``#``-less, hyphenated, unique tags in the order given."""
    seen: dict[str, None] = {}
    for raw in tags:
        # Strip "#" from every word, not just the first, so that normalising is idempotent
        # ("# #a" must not become "#a" now and "a" on the next save or import).
        words = (word.lstrip("#") for word in raw.lower().replace(",", " ").split())
        tag = "-".join(word for word in words if word)
        if tag:
            seen.setdefault(tag, None)
    return tuple(seen)


def _json_tuple(value: str) -> tuple[Any, ...]:
    return tuple(json.loads(value))


# field name -> (to SQL, from SQL); every other field is stored as it is.
_CODECS: dict[str, tuple[Callable[[Any], Any], Callable[[Any], Any]]] = {
    "tags": (encode_tags, decode_tags),
    "answers": (lambda v: json.dumps(list(v)), _json_tuple),
    "flags": (lambda v: json.dumps(list(v)), _json_tuple),
    "day_off": (int, bool),
    "include_in_summary": (int, bool),
}


class _Mapper(Generic[T]):
    """Turns records of one dataclass into rows of one table and back."""

    def __init__(self, model: type[T], table: str) -> None:
        self.model = model
        self.table = table
        self.fields = [f.name for f in dataclasses.fields(model)]
        self.columns = ", ".join(self.fields)

    def to_row(self, record: T) -> dict[str, Any]:
        row = {}
        for name in self.fields:
            value = getattr(record, name)
            codec = _CODECS.get(name)
            row[name] = codec[0](value) if codec and value is not None else value
        return row

    def from_row(self, row: Iterable[Any]) -> T:
        values = {}
        for name, value in zip(self.fields, row, strict=True):
            codec = _CODECS.get(name)
            values[name] = codec[1](value) if codec and value is not None else value
        return self.model(**values)


def range_clause(start: str | None, end: str | None) -> tuple[str, list[str]]:
    """`` WHERE date >= ? AND date <= ?`` and its parameters; either end may be open."""
    clauses, params = [], []
    if start is not None:
        clauses.append("date >= ?")
        params.append(parse_date(start))
    if end is not None:
        clauses.append("date <= ?")
        params.append(parse_date(end))
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _columns(
    db: Database, mapper: _Mapper[Any], names: Iterable[str], start: str | None, end: str | None
) -> list[tuple[Any, ...]]:
    """Raw stored values of some fields, oldest first: for charts over years, where building a
    record per row would cost more than the query."""
    wanted = list(names)
    unknown = [n for n in wanted if n not in mapper.fields]
    if unknown:
        raise ValueError(f"{mapper.table} has no field {unknown[0]!r}")
    where, params = range_clause(start, end)
    order = "date, id" if "id" in mapper.fields else "date"
    return [
        tuple(row)
        for row in db.query(
            f"SELECT {', '.join(wanted)} FROM {mapper.table}{where} ORDER BY {order}", params
        )
    ]


class DailyRepository(Generic[R]):
    """Records with one row per date, saved by upsert."""

    def __init__(self, db: Database, model: type[R], table: str) -> None:
        self.db = db
        self._map = _Mapper(model, table)

    def prepare(self, record: R) -> R:
        """Validate and normalise every field, then apply :meth:`apply_rules`."""
        return self.apply_rules(validate_record(record))

    def apply_rules(self, record: R) -> R:
        """The record type's rules across fields and derived values, on a record whose fields
        are each valid already (an importer checks them with the same validators); subclasses
        add theirs."""
        return record

    def save(self, record: R, *, merge: bool = False) -> R:
        """Store the day's record, replacing it; with ``merge`` only given (non-None) fields
        change and the others keep what was stored."""
        record = self.prepare(record)
        # The read for a merge happens inside the write transaction: another process merging
        # other fields into the same day in between would otherwise be overwritten.
        with self.db.transaction():
            if merge:
                stored = self.get(record.date)
                if stored is not None:
                    given = {k: v for k, v in self._map.to_row(record).items() if v is not None}
                    record = self.prepare(dataclasses.replace(stored, **self._decode(given)))
            row = self._map.to_row(record)
            row["updated_at"] = utc_now()
            self.db.execute(self._upsert_sql(list(row)), row)
        return record

    def save_all(self, records: Iterable[R], *, prepared: bool = False) -> int:
        """Store many days' records, each replacing what its day held: one statement in one
        transaction, all or nothing. Returns how many were written.

        ``prepared``: the caller has run :meth:`prepare` on every record already (an import
        checks the whole file before writing any of it); the schema's CHECKs still apply.
        """
        ready = list(records) if prepared else [self.prepare(r) for r in records]
        if not ready:
            return 0
        now = utc_now()
        rows = [self._map.to_row(record) | {"updated_at": now} for record in ready]
        with self.db.transaction():
            self.db.executemany(self._upsert_sql(list(rows[0])), rows)
        return len(rows)

    def _upsert_sql(self, names: list[str]) -> str:
        updates = ", ".join(f"{n} = excluded.{n}" for n in names if n != "date")
        return (
            f"INSERT INTO {self._map.table} ({', '.join(names)}) "
            f"VALUES ({', '.join(':' + n for n in names)}) "
            f"ON CONFLICT(date) DO UPDATE SET {updates}"
        )

    def _decode(self, row: dict[str, Any]) -> dict[str, Any]:
        out = {}
        for name, value in row.items():
            codec = _CODECS.get(name)
            out[name] = codec[1](value) if codec else value
        return out

    def get(self, date: str) -> R | None:
        rows = self.db.query(
            f"SELECT {self._map.columns} FROM {self._map.table} WHERE date = ?", (parse_date(date),)
        )
        return self._map.from_row(rows[0]) if rows else None

    def between(self, start: str | None = None, end: str | None = None) -> list[R]:
        """Records dated from ``start`` to ``end`` inclusive (either open), oldest first."""
        where, params = range_clause(start, end)
        rows = self.db.query(
            f"SELECT {self._map.columns} FROM {self._map.table}{where} ORDER BY date", params
        )
        return [self._map.from_row(row) for row in rows]

    def dates(self) -> list[str]:
        return [
            row[0] for row in self.db.query(f"SELECT date FROM {self._map.table} ORDER BY date")
        ]

    def columns(
        self, names: Iterable[str], start: str | None = None, end: str | None = None
    ) -> list[tuple[Any, ...]]:
        """Stored values of ``names`` (field names) per record from ``start`` to ``end``."""
        return _columns(self.db, self._map, names, start, end)

    def delete(self, date: str) -> bool:
        with self.db.transaction():
            cursor = self.db.execute(
                f"DELETE FROM {self._map.table} WHERE date = ?", (parse_date(date),)
            )
        return bool(cursor.rowcount)

    def count(self) -> int:
        return int(self.db.query(f"SELECT count(*) FROM {self._map.table}")[0][0])


class ItemRepository(Generic[Item]):
    """Records with any number per date and an integer ``id``."""

    def __init__(self, db: Database, model: type[Item], table: str) -> None:
        self.db = db
        self._map = _Mapper(model, table)
        self._data_fields = [n for n in self._map.fields if n != "id"]

    def prepare(self, record: Item) -> Item:
        """Validate and normalise every field, then apply :meth:`apply_rules`."""
        return self.apply_rules(validate_record(record))

    def apply_rules(self, record: Item) -> Item:
        """As :meth:`DailyRepository.apply_rules`: rules across already valid fields."""
        return record

    def _row(self, record: Item) -> dict[str, Any]:
        row = self._map.to_row(record)
        row.pop("id")
        row["updated_at"] = utc_now()
        return row

    def add(self, record: Item) -> Item:
        """Insert a new record and return it with its ``id``."""
        record = self.prepare(record)
        row = self._row(record)
        with self.db.transaction():
            cursor = self.db.execute(self._insert_sql(list(row)), row)
        stored = self.get(int(cursor.lastrowid))
        assert stored is not None
        return stored

    def add_all(self, records: Iterable[Item], *, prepared: bool = False) -> int:
        """Insert many new records in the order given: one statement in one transaction, all
        or nothing, ids not read back (use :meth:`add` for that). Returns how many were added.

        ``prepared``: the caller has run :meth:`prepare` on every record already (an import
        checks the whole file before writing any of it); the schema's CHECKs still apply.
        """
        ready = list(records) if prepared else [self.prepare(r) for r in records]
        if not ready:
            return 0
        rows = [self._row(record) for record in ready]
        with self.db.transaction():
            self.db.executemany(self._insert_sql(list(rows[0])), rows)
        return len(rows)

    def _insert_sql(self, names: list[str]) -> str:
        return (
            f"INSERT INTO {self._map.table} ({', '.join(names)}) "
            f"VALUES ({', '.join(':' + n for n in names)})"
        )

    def update(self, record: Item) -> Item:
        """Rewrite a stored record (matched by ``id``)."""
        record = self.prepare(record)
        row = self._row(record)
        assignments = ", ".join(f"{n} = :{n}" for n in row)
        row["id"] = record.id
        with self.db.transaction():
            cursor = self.db.execute(
                f"UPDATE {self._map.table} SET {assignments} WHERE id = :id", row
            )
        if not cursor.rowcount:
            raise KeyError(record.id)
        return record

    def get(self, item_id: int) -> Item | None:
        rows = self.db.query(
            f"SELECT {self._map.columns} FROM {self._map.table} WHERE id = ?", (item_id,)
        )
        return self._map.from_row(rows[0]) if rows else None

    def on(self, date: str) -> list[Item]:
        return self.between(date, date)

    def columns(
        self, names: Iterable[str], start: str | None = None, end: str | None = None
    ) -> list[tuple[Any, ...]]:
        """Stored values of ``names`` (field names) per record from ``start`` to ``end``."""
        return _columns(self.db, self._map, names, start, end)

    def between(self, start: str | None = None, end: str | None = None) -> list[Item]:
        where, params = range_clause(start, end)
        rows = self.db.query(
            f"SELECT {self._map.columns} FROM {self._map.table}{where} ORDER BY date, id", params
        )
        return [self._map.from_row(row) for row in rows]

    def delete(self, item_id: int) -> bool:
        with self.db.transaction():
            cursor = self.db.execute(f"DELETE FROM {self._map.table} WHERE id = ?", (item_id,))
        return bool(cursor.rowcount)

    def delete_on(self, date: str) -> int:
        with self.db.transaction():
            cursor = self.db.execute(
                f"DELETE FROM {self._map.table} WHERE date = ?", (parse_date(date),)
            )
        return int(cursor.rowcount)

    def count(self) -> int:
        return int(self.db.query(f"SELECT count(*) FROM {self._map.table}")[0][0])


# ------------------------------------------------------------ specific rules


class SleepRepository(DailyRepository[Sleep]):
    """Derives ``hours`` from bedtime and wake time when it was not typed."""

    def __init__(self, db: Database) -> None:
        super().__init__(db, Sleep, "sleep")

    def apply_rules(self, record: Sleep) -> Sleep:
        if record.hours is None and record.bedtime and record.wake_time:
            record = dataclasses.replace(
                record, hours=hours_between(record.bedtime, record.wake_time)
            )
        return record


def hours_between(bedtime: str, wake_time: str) -> float:
    """Hours from ``bedtime`` to ``wake_time`` across midnight, to a tenth of an hour."""
    bed_h, bed_m = map(int, bedtime.split(":"))
    wake_h, wake_m = map(int, wake_time.split(":"))
    minutes = (wake_h * 60 + wake_m - bed_h * 60 - bed_m) % (24 * 60)
    return round(minutes / 60, 1)


class SessionLoadRepository(DailyRepository[SessionLoad]):
    """Keeps trauma-heavy and crisis sessions within the day's sessions."""

    def __init__(self, db: Database) -> None:
        super().__init__(db, SessionLoad, "session_load")

    def apply_rules(self, record: SessionLoad) -> SessionLoad:
        for name in ("trauma_sessions", "crisis_sessions"):
            part = getattr(record, name)
            if part is not None and record.sessions is not None and part > record.sessions:
                raise ValidationError(
                    name, f"cannot be more than the day's sessions ({record.sessions}), got {part}"
                )
        return record


class CupActionRepository(ItemRepository[CupActionDone]):
    """Cup actions done: a catalogue id or a custom title is required."""

    def __init__(self, db: Database) -> None:
        super().__init__(db, CupActionDone, "cup_action_done")

    def apply_rules(self, record: CupActionDone) -> CupActionDone:
        if not (record.action_id or (record.custom_title or "").strip()):
            raise ValidationError("action_id", "give a catalogue action id or a custom title")
        return record


class SelfCheckRepository(ItemRepository[SelfCheck]):
    def __init__(self, db: Database) -> None:
        super().__init__(db, SelfCheck, "self_check")


class CustomActionRepository:
    """The user's own cup actions, keyed by a short id they choose or we derive."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._map = _Mapper(CustomAction, "custom_action")

    def save(self, action: CustomAction) -> CustomAction:
        action = validate_record(action)
        if not action.title.strip():
            raise ValidationError("title", "cannot be empty")
        row = self._map.to_row(action)
        row["updated_at"] = utc_now()
        names = list(row)
        updates = ", ".join(f"{n} = excluded.{n}" for n in names if n != "id")
        with self.db.transaction():
            self.db.execute(
                f"INSERT INTO custom_action ({', '.join(names)}) "
                f"VALUES ({', '.join(':' + n for n in names)}) "
                f"ON CONFLICT(id) DO UPDATE SET {updates}",
                row,
            )
        return action

    def all(self) -> list[CustomAction]:
        rows = self.db.query(f"SELECT {self._map.columns} FROM custom_action ORDER BY title")
        return [self._map.from_row(row) for row in rows]

    def delete(self, action_id: str) -> bool:
        with self.db.transaction():
            cursor = self.db.execute("DELETE FROM custom_action WHERE id = ?", (action_id,))
        return bool(cursor.rowcount)


class SnoozeRepository:
    """Flags the user asked not to see for a while (7 days by default)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def snooze(self, flag_id: str, today: str, days: int = 7) -> FlagSnooze:
        until = (dt.date.fromisoformat(parse_date(today)) + dt.timedelta(days=days)).isoformat()
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO flag_snooze (flag_id, until) VALUES (?, ?) "
                "ON CONFLICT(flag_id) DO UPDATE SET until = excluded.until",
                (flag_id, until),
            )
        return FlagSnooze(flag_id, until)

    def active(self, as_of: str) -> dict[str, str]:
        """Snoozed flag ids still in force on ``as_of`` → the last day they stay hidden."""
        rows = self.db.query(
            "SELECT flag_id, until FROM flag_snooze WHERE until >= ?", (parse_date(as_of),)
        )
        return {row[0]: row[1] for row in rows}

    def clear(self, flag_id: str) -> None:
        with self.db.transaction():
            self.db.execute("DELETE FROM flag_snooze WHERE flag_id = ?", (flag_id,))

    def all(self) -> list[FlagSnooze]:
        rows = self.db.query("SELECT flag_id, until FROM flag_snooze ORDER BY flag_id")
        return [FlagSnooze(row[0], row[1]) for row in rows]
