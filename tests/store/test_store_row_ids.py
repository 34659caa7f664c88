"""Row ids are never reused (schema version 2), and a version-1 journal upgrades keeping every
id, its search index and its data."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.store import Journal
from journal.store.database import Database
from journal.store.models import Activity, CupActionDone, Entry, SelfCheck

ITEM_TABLES = ("activity", "entry", "cup_action_done", "self_check")


def _raw_v1(path: Path, key: bytes) -> Database:
    """Open without migrating (Database, not Journal)."""
    return Database.open(path, raw_key=key)


def test_v1_fixture_is_really_version_1(v1_journal: tuple[Path, bytes]) -> None:
    """The fixture is a version-1 file: no AUTOINCREMENT anywhere, and SQLite reuses ids."""
    path, key = v1_journal
    db = _raw_v1(path, key)
    try:
        assert db.user_version == 1
        tables = db.query("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        assert not any("AUTOINCREMENT" in sql for _name, sql in tables)
        db.execute(
            "INSERT INTO entry (date, created_at, updated_at) VALUES ('2026-03-02', 'x', 'x')"
        )
        assert db.query("SELECT max(id) FROM entry") == [(4,)]  # the deleted entry's id again
    finally:
        db.close()


def test_upgrade_keeps_every_id_record_and_search_hit(v1_journal: tuple[Path, bytes]) -> None:
    """Opening a version-1 journal upgrades it to the latest version with the same ids and
    records, and full-text search still finds entries by their ids."""
    path, key = v1_journal
    db = _raw_v1(path, key)
    try:
        before = {t: db.query(f"SELECT * FROM {t} ORDER BY id") for t in ITEM_TABLES}
    finally:
        db.close()
    with Journal.open(path, raw_key=key) as journal:
        assert journal.db.user_version == 2
        after = {t: journal.db.query(f"SELECT * FROM {t} ORDER BY id") for t in ITEM_TABLES}
        assert after == before
        assert [hit.entry_id for hit in journal.entries.search("kingfisher")] == [1]
        assert [hit.entry_id for hit in journal.entries.search("harbour")] == [3]
        assert journal.entries.search("gone") == []
        journal.db.execute("INSERT INTO entry_fts(entry_fts) VALUES ('integrity-check')")
        assert journal.db.integrity_check() == ["ok"]


def test_upgraded_tables_keep_their_indexes_and_triggers(v1_journal: tuple[Path, bytes]) -> None:
    """After the rebuild every index and the FTS triggers are there again, and they work:
    an edited entry is found by its new words only."""
    path, key = v1_journal
    with Journal.open(path, raw_key=key) as journal:
        names = {row[0] for row in journal.db.query("SELECT name FROM sqlite_master")}
        assert {"activity_date", "entry_date", "cup_action_done_date", "self_check_date"} <= names
        assert {"entry_ai", "entry_ad", "entry_au"} <= names
        assert not any(name.endswith("_v2") for name in names)
        entry = journal.entries.get(1)
        assert entry is not None
        journal.entries.update(Entry(entry.date, id=1, title=entry.title, body="a heron instead"))
        assert journal.entries.search("kingfisher") == []
        assert [hit.entry_id for hit in journal.entries.search("heron")] == [1]


@pytest.mark.parametrize(
    ("kind", "record"),
    [
        ("entries", Entry("2026-03-05", title="new")),
        ("activities", Activity("2026-03-05", kind="swim", minutes=10)),
        ("cup_actions", CupActionDone("2026-03-05", custom_title="tea")),
        ("self_checks", SelfCheck("2026-03-05", exhaustion=10.0)),
    ],
)
def test_deleted_ids_are_never_handed_out_again(
    journal: Journal, kind: str, record: object
) -> None:
    """Deleting the newest record and adding another gives a new id, never the deleted one."""
    repo = getattr(journal, kind)
    first = repo.add(record)
    assert repo.delete(first.id)
    second = repo.add(record)
    assert second.id > first.id


def test_upgraded_journal_does_not_reuse_ids_deleted_after_the_upgrade(
    v1_journal: tuple[Path, bytes],
) -> None:
    """In an upgraded journal too, the newest entry's id is not reused after it is deleted."""
    path, key = v1_journal
    with Journal.open(path, raw_key=key) as journal:
        added = journal.entries.add(Entry("2026-03-02", title="after the upgrade"))
        assert added.id == 4  # continues after the highest id the file still had
        journal.entries.delete(added.id)
        assert journal.entries.add(Entry("2026-03-02", title="again")).id == 5


def test_failed_upgrade_leaves_the_version_1_journal_as_it_was(
    v1_journal: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure half-way through the rebuild rolls the whole step back: version 1, the same
    schema and rows."""
    path, key = v1_journal
    db = _raw_v1(path, key)
    try:
        schema = db.query("SELECT name, sql FROM sqlite_master ORDER BY name")
        rows = {t: db.query(f"SELECT * FROM {t} ORDER BY id") for t in ITEM_TABLES}
    finally:
        db.close()
    real_execute = Database.execute

    def fail_on_last_table(self: Database, sql: str, params: object = ()) -> object:
        if sql.startswith("DROP TABLE self_check"):
            raise RuntimeError("killed half-way")
        return real_execute(self, sql, params)  # type: ignore[arg-type]

    monkeypatch.setattr(Database, "execute", fail_on_last_table)
    with pytest.raises(RuntimeError, match="half-way"):
        Journal.open(path, raw_key=key)
    monkeypatch.undo()
    db = _raw_v1(path, key)
    try:
        assert db.user_version == 1
        assert db.query("SELECT name, sql FROM sqlite_master ORDER BY name") == schema
        assert {t: db.query(f"SELECT * FROM {t} ORDER BY id") for t in ITEM_TABLES} == rows
    finally:
        db.close()
