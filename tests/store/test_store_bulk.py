"""Writing many records at once (what imports use): one statement per kind, validated unless the
caller already did, and all or nothing."""

from __future__ import annotations

import pytest
import sqlcipher3

from journal.store import Journal, ValidationError
from journal.store.models import Activity, CheckIn, Entry, SessionLoad


def test_add_all_stores_every_item_with_ids_in_order(journal: Journal) -> None:
    """add_all writes the items in the order given, each with a new, increasing id."""
    kinds = ["walk", "run", "swim"]
    assert journal.activities.add_all([Activity("2026-03-01", kind=k) for k in kinds]) == 3
    stored = journal.activities.between()
    assert [a.kind for a in stored] == kinds
    ids = [a.id for a in stored]
    assert ids == sorted(ids) and len(set(ids)) == 3


def test_add_all_validates_and_writes_nothing_on_a_bad_record(journal: Journal) -> None:
    """Without ``prepared`` every record is checked first; one bad record stores none."""
    records = [Activity("2026-03-01", kind="walk"), Activity("2026-03-02", kind="fly")]
    with pytest.raises(ValidationError) as info:
        journal.activities.add_all(records)
    assert info.value.field == "kind"
    assert journal.activities.count() == 0


def test_failure_inside_the_write_leaves_nothing(journal: Journal) -> None:
    """A record the database refuses half-way (its CHECK constraint) rolls back the rows
    written before it, too."""
    good = [CheckIn(f"2026-03-{day:02d}", mood=5) for day in range(1, 10)]
    bad = CheckIn("2026-03-10", mood=99)  # passed off as prepared: only the schema stops it
    with pytest.raises(sqlcipher3.IntegrityError):
        journal.checkins.save_all([*good, bad], prepared=True)
    assert journal.checkins.count() == 0


def test_save_all_replaces_each_day(journal: Journal) -> None:
    """save_all upserts: a day already stored is replaced by the new record, others added."""
    journal.sessions.save(SessionLoad("2026-03-01", sessions=5, trauma_sessions=1))
    journal.sessions.save_all(
        [SessionLoad("2026-03-01", sessions=2), SessionLoad("2026-03-02", sessions=4)]
    )
    assert journal.sessions.between() == [
        SessionLoad("2026-03-01", sessions=2),
        SessionLoad("2026-03-02", sessions=4),
    ]


def test_save_all_applies_cross_field_rules(journal: Journal) -> None:
    """The repository's own rules (trauma sessions within sessions) apply to each record."""
    with pytest.raises(ValidationError) as info:
        journal.sessions.save_all([SessionLoad("2026-03-01", sessions=1, trauma_sessions=3)])
    assert info.value.field == "trauma_sessions"
    assert journal.sessions.count() == 0


def test_entries_added_in_bulk_are_searchable_and_keep_their_times(journal: Journal) -> None:
    """Bulk entries reach the search index and keep given timestamps (or get one)."""
    journal.entries.add_all(
        [
            Entry(
                "2026-03-01",
                title="Harbour",
                body="a kingfisher",
                tags=("#Birds",),
                created_at="2026-03-01T08:00:00Z",
                updated_at="2026-03-02T09:00:00Z",
            ),
            Entry("2026-03-02", title="Plain"),
        ]
    )
    first, second = journal.entries.between()
    assert (first.created_at, first.updated_at) == ("2026-03-01T08:00:00Z", "2026-03-02T09:00:00Z")
    assert first.tags == ("birds",)
    assert second.created_at is not None and second.created_at == second.updated_at
    assert [hit.title for hit in journal.entries.search("kingfisher")] == ["Harbour"]
