"""The schema's CHECK constraints back the validators: SQL that bypasses them is still refused,
and every validator range agrees with its CHECK."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest
import sqlcipher3
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.store import Journal
from journal.store.database import Database
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

TABLES: dict[type, str] = {
    CheckIn: "checkin",
    Sleep: "sleep",
    Activity: "activity",
    SessionLoad: "session_load",
    Entry: "entry",
    CupActionDone: "cup_action_done",
    SelfCheck: "self_check",
    CustomAction: "custom_action",
    FlagSnooze: "flag_snooze",
}

# The smallest valid row of each table; one column at a time is then overridden.
NOW = "2026-03-01T12:00:00Z"
BASE_ROWS: dict[str, dict[str, Any]] = {
    "checkin": {"date": "2026-03-01", "updated_at": NOW},
    "sleep": {"date": "2026-03-01", "updated_at": NOW},
    "activity": {"date": "2026-03-01", "kind": "walk", "updated_at": NOW},
    "session_load": {"date": "2026-03-01", "updated_at": NOW},
    "entry": {"date": "2026-03-01", "created_at": NOW, "updated_at": NOW},
    "cup_action_done": {"date": "2026-03-01", "action_id": "walk_outside", "updated_at": NOW},
    "self_check": {"date": "2026-03-01", "updated_at": NOW},
    "custom_action": {"id": "mine", "title": "Mine", "category": "joy", "updated_at": NOW},
    "flag_snooze": {"flag_id": "sleep_debt", "until": "2026-03-01"},
}


@pytest.fixture(scope="module")
def journal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Journal]:
    """One journal for the whole module: every probe is rolled back, so tests cannot interfere."""
    opened = Journal.create(tmp_path_factory.mktemp("constraints") / "j.refill", "probe passphrase")
    yield opened
    opened.close(backup_if_changed=False)


class _Rollback(Exception):
    """Undo a probe insert that succeeded."""


def sql_accepts(db: Database, table: str, column: str, value: Any) -> bool:
    """Whether the schema lets ``value`` into ``table.column`` (nothing is kept either way)."""
    row = {**BASE_ROWS[table], column: value}
    names = list(row)
    sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    try:
        with db.transaction():
            db.execute(sql, [row[n] for n in names])
            raise _Rollback
    except _Rollback:
        return True
    except sqlcipher3.IntegrityError:
        return False


# ------------------------------------------------------------------ CHECKs on their own

BAD_VALUES = [
    *(("checkin", col, v) for col in ("mood", "stress", "meaning") for v in (-1, 11)),
    ("sleep", "quality", 11),
    ("cup_action_done", "felt_after", -1),
    ("sleep", "hours", 24.5),
    ("sleep", "hours", -0.1),
    ("session_load", "session_hours", 25),
    ("session_load", "admin_hours", -1),
    ("checkin", "social_minutes", 1441),
    ("activity", "minutes", -5),
    ("cup_action_done", "minutes", 1441),
    ("custom_action", "minutes", 1441),
    *(
        ("session_load", col, -1)
        for col in ("sessions", "trauma_sessions", "crisis_sessions", "breaks", "caseload")
    ),
    ("sleep", "awakenings", -1),
    ("session_load", "day_off", 2),
    ("entry", "include_in_summary", -1),
    ("self_check", "exhaustion", 100.5),
    ("self_check", "satisfaction", -1),
    *(
        ("checkin", "date", d)
        for d in ("2026-02-30", "2025-02-29", "2026-13-01", "2026-3-1", "20260301", "today", "")
    ),
    ("flag_snooze", "until", "2026-04-31"),
    *(("sleep", "bedtime", t) for t in ("24:00", "7:30", "12:60", "25:00", "1230", "ab:cd")),
    ("sleep", "wake_time", "23:5"),
    ("activity", "kind", "jog"),
    ("activity", "intensity", "extreme"),
    ("custom_action", "category", "misc"),
    ("custom_action", "title", ""),
    ("cup_action_done", "action_id", None),
    ("checkin", "mood", 5.5),
    ("checkin", "mood", "five"),
]


@pytest.mark.parametrize(("table", "column", "value"), BAD_VALUES)
def test_check_rejects_values_that_bypass_the_validators(
    journal: Journal, table: str, column: str, value: Any
) -> None:
    """Raw SQL cannot store an out-of-range or malformed value."""
    assert sql_accepts(journal.db, table, *next(iter(BASE_ROWS[table].items())))  # base is valid
    assert not sql_accepts(journal.db, table, column, value)


def test_valid_edge_values_pass_the_checks(journal: Journal) -> None:
    """The edges of each range (0, 10, 24, 1440, 100, leap day, 23:59) are stored."""
    db = journal.db
    assert sql_accepts(db, "checkin", "mood", 0)
    assert sql_accepts(db, "checkin", "mood", 10)
    assert sql_accepts(db, "sleep", "hours", 24)
    assert sql_accepts(db, "checkin", "social_minutes", 1440)
    assert sql_accepts(db, "self_check", "exhaustion", 100)
    assert sql_accepts(db, "checkin", "date", "2024-02-29")
    assert sql_accepts(db, "sleep", "bedtime", "23:59")
    assert sql_accepts(db, "sleep", "bedtime", "00:00")
    assert sql_accepts(db, "cup_action_done", "action_id", None) is False
    assert journal.checkins.count() == 0


# ------------------------------------------------------------------ validators agree with CHECKs

NUMBER_PROBES: list[Any] = [
    -(10**6), -1, -0.5, 0, 0.5, 1, 9.5, 10, 10.5, 11, 23.9, 24, 24.1, 25, 99.5, 100, 100.5, 101,
    1439, 1440, 1441, 2000, 10**6,
]  # fmt: skip
DATE_PROBES = [
    "2026-03-01", "2024-02-29", "2025-02-29", "2026-02-30", "2026-04-31", "2026-13-01",
    "2026-00-10", "2026-3-1", "20260301", "2026-03-01T00:00", "yesterday", "",
]  # fmt: skip
TIME_PROBES = ["00:00", "23:59", "24:00", "07:30", "7:30", "12:60", "25:00", "1230", "ab:cd", ""]
WORD_PROBES = [*ACTIVITY_KINDS, *INTENSITIES, *CUP_CATEGORIES, "Walk", "jog", "misc", ""]
BOOL_PROBES: list[Any] = [True, False, 0, 1, 2, -1, "yes", "no", "maybe"]

PROBES_BY_VALIDATOR = {
    "integer_range": NUMBER_PROBES,
    "number_range": NUMBER_PROBES,
    "iso_date": DATE_PROBES,
    "clock_time": TIME_PROBES,
    "choice": WORD_PROBES,
    "boolean": BOOL_PROBES,
}


def _validator_family(validator: Any) -> str:
    return str(validator.__qualname__).split(".")[0]


def _checked_fields() -> list[Any]:
    """(model, field) for every validated field whose rule the schema also states.

    Free-text length limits (``text``) are deliberately code-only: they are not listed here.
    """
    params = []
    for model in TABLES:
        for field in dataclasses.fields(model):
            validator = field.metadata.get("validate")
            if validator is None or _validator_family(validator) == "text":
                continue
            params.append(pytest.param(model, field, id=f"{model.__name__}.{field.name}"))
    return params


def _to_sql(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else value


@pytest.mark.parametrize(("model", "field"), _checked_fields())
def test_validator_and_check_agree(journal: Journal, model: type, field: Any) -> None:
    """For every probe value, the validator accepts it exactly when the CHECK stores it."""
    validator = field.metadata["validate"]
    probes = PROBES_BY_VALIDATOR[_validator_family(validator)]
    disagreements = []
    for probe in probes:
        try:
            value, in_code = validator(probe), True
        except ValueError:
            value, in_code = probe, False
        in_sql = sql_accepts(journal.db, TABLES[model], field.name, _to_sql(value))
        if in_code != in_sql:
            disagreements.append((probe, f"code={'ok' if in_code else 'no'}", f"sql={in_sql}"))
    assert disagreements == []


def test_model_fields_match_table_columns(journal: Journal) -> None:
    """Each model field is a column of its table, so no validated value goes unchecked."""
    for model, table in TABLES.items():
        columns = {row[1] for row in journal.db.query(f"PRAGMA table_info({table})")}
        fields = {f.name for f in dataclasses.fields(model)}
        assert fields <= columns, (table, fields - columns)


NUMERIC_FIELDS = [
    p
    for p in _checked_fields()
    if _validator_family(p.values[1].metadata["validate"]) in ("integer_range", "number_range")
]
NUMBERS = st.one_of(
    st.integers(min_value=-3000, max_value=3000),
    st.floats(min_value=-30, max_value=1500, allow_nan=False).map(lambda x: round(x, 2)),
)


@pytest.mark.parametrize(("model", "field"), NUMERIC_FIELDS)
@settings(max_examples=40, deadline=None)
@given(number=NUMBERS)
def test_numeric_validator_and_check_agree_on_any_number(
    journal: Journal, model: type, field: Any, number: float
) -> None:
    """For random numbers too, each numeric validator accepts exactly what its CHECK stores."""
    try:
        value, in_code = field.metadata["validate"](number), True
    except ValueError:
        value, in_code = number, False
    assert sql_accepts(journal.db, TABLES[model], field.name, value) == in_code
