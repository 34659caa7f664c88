"""Numbered schema migrations on ``PRAGMA user_version`` — the one source of truth for the schema.

Each step is a function taking the database; :func:`migrate` runs every step the file has not
seen, each together with its version bump in one ``BEGIN IMMEDIATE`` transaction, so a failure
(or a kill) leaves the version and the data as they were.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journal.store.database import Database

Migration = Callable[["Database"], None]

# ``IS``, not ``=``: date() of an impossible month is NULL, and a NULL CHECK passes.
_DATE = "CHECK ({col} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date({col}) IS {col})"
_SCALE = "INTEGER CHECK ({col} BETWEEN 0 AND 10)"
_HOURS = "REAL CHECK ({col} BETWEEN 0 AND 24)"
_MINUTES = "INTEGER CHECK ({col} BETWEEN 0 AND 1440)"
_COUNT = "INTEGER CHECK ({col} >= 0)"
_TIME = "TEXT CHECK ({col} GLOB '[0-2][0-9]:[0-5][0-9]' AND {col} < '24:00')"
_BOOL = "INTEGER CHECK ({col} IN (0, 1))"
_PERCENT = "REAL CHECK ({col} BETWEEN 0 AND 100)"


def _cols(kind: str, *names: str) -> str:
    return ",\n".join(f"    {name} {kind.format(col=name)}" for name in names)


def _date(col: str = "date") -> str:
    return f"    {col} TEXT NOT NULL {_DATE.format(col=col)}"


def _v1_initial(db: Database) -> None:
    """Every record type of DESIGN.md §1, the FTS5 index on entries and its triggers."""
    statements = [
        f"""CREATE TABLE checkin (
{_date()} PRIMARY KEY,
{
            _cols(
                _SCALE,
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
        },
{_cols(_MINUTES, "social_minutes")},
    note TEXT,
    updated_at TEXT NOT NULL
) STRICT""",
        f"""CREATE TABLE sleep (
{_date()} PRIMARY KEY,
{_cols(_TIME, "bedtime", "wake_time")},
{_cols(_HOURS, "hours")},
{_cols(_SCALE, "quality")},
{_cols(_COUNT, "awakenings")},
    updated_at TEXT NOT NULL
) STRICT""",
        f"""CREATE TABLE activity (
    id INTEGER PRIMARY KEY,
{_date()},
    kind TEXT NOT NULL CHECK (kind IN
        ('walk', 'run', 'cycle', 'swim', 'yoga', 'strength', 'sport', 'other')),
{_cols(_MINUTES, "minutes")},
    intensity TEXT CHECK (intensity IN ('light', 'moderate', 'vigorous')),
    updated_at TEXT NOT NULL
) STRICT""",
        "CREATE INDEX activity_date ON activity(date)",
        f"""CREATE TABLE session_load (
{_date()} PRIMARY KEY,
{_cols(_COUNT, "sessions")},
{_cols(_HOURS, "session_hours")},
{_cols(_COUNT, "trauma_sessions", "crisis_sessions")},
{_cols(_HOURS, "admin_hours")},
{_cols(_COUNT, "breaks")},
{_cols(_BOOL, "day_off")},
{_cols(_COUNT, "caseload")},
    updated_at TEXT NOT NULL
) STRICT""",
        f"""CREATE TABLE entry (
    id INTEGER PRIMARY KEY,
{_date()},
    title TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '',
    prompt_id TEXT,
    include_in_summary INTEGER NOT NULL DEFAULT 0 CHECK (include_in_summary IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT""",
        "CREATE INDEX entry_date ON entry(date)",
        """CREATE VIRTUAL TABLE entry_fts USING fts5(
    title, body, tags,
    content='entry', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
)""",
        # Deleted text must not linger in the index either (FTS5 secure-delete).
        "INSERT INTO entry_fts(entry_fts, rank) VALUES ('secure-delete', 1)",
        """CREATE TRIGGER entry_ai AFTER INSERT ON entry BEGIN
    INSERT INTO entry_fts(rowid, title, body, tags)
    VALUES (new.id, new.title, new.body, new.tags);
END""",
        """CREATE TRIGGER entry_ad AFTER DELETE ON entry BEGIN
    INSERT INTO entry_fts(entry_fts, rowid, title, body, tags)
    VALUES ('delete', old.id, old.title, old.body, old.tags);
END""",
        """CREATE TRIGGER entry_au AFTER UPDATE OF title, body, tags ON entry BEGIN
    INSERT INTO entry_fts(entry_fts, rowid, title, body, tags)
    VALUES ('delete', old.id, old.title, old.body, old.tags);
    INSERT INTO entry_fts(rowid, title, body, tags)
    VALUES (new.id, new.title, new.body, new.tags);
END""",
        f"""CREATE TABLE cup_action_done (
    id INTEGER PRIMARY KEY,
{_date()},
    action_id TEXT,
    custom_title TEXT,
{_cols(_MINUTES, "minutes")},
{_cols(_SCALE, "felt_after")},
    note TEXT,
    updated_at TEXT NOT NULL,
    CHECK (action_id IS NOT NULL OR custom_title IS NOT NULL)
) STRICT""",
        "CREATE INDEX cup_action_done_date ON cup_action_done(date)",
        f"""CREATE TABLE self_check (
    id INTEGER PRIMARY KEY,
{_date()},
    answers TEXT NOT NULL DEFAULT '[]',
{_cols(_PERCENT, "exhaustion", "detachment", "secondary_trauma", "satisfaction")},
    updated_at TEXT NOT NULL
) STRICT""",
        "CREATE INDEX self_check_date ON self_check(date)",
        """CREATE TABLE custom_action (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL CHECK (length(title) > 0),
    category TEXT NOT NULL CHECK (category IN ('control', 'foundation', 'detach', 'connect',
        'why', 'peer_support', 'joy', 'growth')),
    minutes INTEGER CHECK (minutes BETWEEN 0 AND 1440),
    flags TEXT NOT NULL DEFAULT '[]',
    why TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
) STRICT""",
        f"""CREATE TABLE flag_snooze (
    flag_id TEXT PRIMARY KEY,
{_date("until")}
) STRICT""",
        """CREATE TABLE setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT""",
    ]
    for sql in statements:
        db.execute(sql)


#: Tables of records with an integer id that people and windows hold on to.
_ITEM_TABLES = ("activity", "entry", "cup_action_done", "self_check")


def _v2_ids_never_reused(db: Database) -> None:
    """Row ids are never handed out again after a delete (``AUTOINCREMENT``).

    Without it SQLite gives a new row the largest id + 1, so deleting the newest entry and
    writing another reuses its id. That matters because ids live outside the table: ``refill
    search`` and ``refill show`` print them for scripts (``refill show --id N``), and the window
    keeps the ids of the rows it shows while a ``refill import --replace`` from a terminal may
    delete and insert entries — a reused id would let the window's "include in summary" tick,
    its delete or its save land on a different entry (sharing text the person never marked
    with their supervisor). The FTS index, keyed by rowid and kept in step by triggers, was
    never at risk; ids are kept here, so it needs no rebuild.
    """
    for table in _ITEM_TABLES:
        _rebuild_with_autoincrement(db, table)


def _rebuild_with_autoincrement(db: Database, table: str) -> None:
    """Recreate ``table`` with ``id INTEGER PRIMARY KEY AUTOINCREMENT``, rows and ids kept.

    SQLite's documented way for a change ALTER TABLE cannot make: a new table from the stored
    definition, the rows copied, the old table dropped (taking its indexes and triggers), the
    new one renamed, its indexes and triggers made again. ``sqlite_sequence`` starts at the
    highest id copied.
    """
    (create,) = db.query(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    )[0]
    dependents = [
        row[0]
        for row in db.query(
            "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') "
            "AND sql IS NOT NULL ORDER BY type, name",
            (table,),
        )
    ]
    staging = f"{table}_v2"
    rebuilt = create.replace(f"CREATE TABLE {table} (", f"CREATE TABLE {staging} (", 1).replace(
        "id INTEGER PRIMARY KEY,", "id INTEGER PRIMARY KEY AUTOINCREMENT,", 1
    )
    if staging not in rebuilt or "AUTOINCREMENT" not in rebuilt:
        raise RuntimeError(f"unexpected definition of {table}: {create}")
    columns = ", ".join(row[1] for row in db.query(f"PRAGMA table_info({table})"))
    db.execute(rebuilt)
    db.execute(f"INSERT INTO {staging} ({columns}) SELECT {columns} FROM {table}")
    db.execute(f"DROP TABLE {table}")
    db.execute(f"ALTER TABLE {staging} RENAME TO {table}")
    for sql in dependents:
        db.execute(sql)


MIGRATIONS: tuple[Migration, ...] = (_v1_initial, _v2_ids_never_reused)
LATEST_VERSION = len(MIGRATIONS)


def pending(db: Database) -> int:
    """How many steps this journal still needs."""
    return LATEST_VERSION - db.user_version


def migrate(
    db: Database,
    before_upgrade: Callable[[int], object] | None = None,
    *,
    target: int | None = None,
) -> int:
    """Bring ``db`` to ``target`` (default :data:`LATEST_VERSION`); returns the number of steps
    run. Tests pass an older ``target`` to make a journal as an older Refill left it.

    ``before_upgrade(found_version)`` runs once before the first step on a journal that already
    holds data (version ≥ 1) — the caller makes its encrypted backup there.
    """
    goal = LATEST_VERSION if target is None else target
    found = db.user_version
    if found >= goal:
        return 0
    if found >= 1 and before_upgrade is not None:
        before_upgrade(found)
    for version in range(found + 1, goal + 1):
        step = MIGRATIONS[version - 1]
        with db.transaction():
            # Re-read inside the write lock: another process may have migrated meanwhile.
            if db.user_version >= version:
                continue
            step(db)
            db.execute(f"PRAGMA user_version = {version}")
    return goal - found
