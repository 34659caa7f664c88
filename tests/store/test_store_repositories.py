"""Repositories: daily records, items, their cross-field rules, and transactions."""

from __future__ import annotations

import pytest
import sqlcipher3

from journal.store import Journal, LockedByAnotherProgram, ValidationError
from journal.store.models import (
    Activity,
    CheckIn,
    CupActionDone,
    CustomAction,
    SelfCheck,
    SessionLoad,
    Sleep,
)
from journal.store.repositories import hours_between

# ------------------------------------------------------------------ one record per date


def test_daily_save_and_get(journal: Journal) -> None:
    """A saved check-in comes back equal; an unknown date gives None."""
    saved = journal.checkins.save(CheckIn("2026-03-01", mood=6, stress=4, note="long day"))
    assert journal.checkins.get("2026-03-01") == saved
    assert journal.checkins.get("2026-03-02") is None


def test_daily_save_replaces_the_whole_day(journal: Journal) -> None:
    """Saving again without merge replaces the day: fields not given become missing."""
    journal.checkins.save(CheckIn("2026-03-01", mood=6, stress=4))
    journal.checkins.save(CheckIn("2026-03-01", energy=2))
    assert journal.checkins.get("2026-03-01") == CheckIn("2026-03-01", energy=2)
    assert journal.checkins.count() == 1


def test_daily_merge_keeps_what_was_not_given(journal: Journal) -> None:
    """With merge only the given fields change; missing stays missing, never zero."""
    journal.checkins.save(CheckIn("2026-03-01", mood=6, stress=4))
    merged = journal.checkins.save(CheckIn("2026-03-01", stress=7, meaning=0), merge=True)
    assert merged == CheckIn("2026-03-01", mood=6, stress=7, meaning=0)
    assert journal.checkins.get("2026-03-01") == merged
    assert merged.energy is None


def test_daily_merge_on_an_empty_day_is_a_save(journal: Journal) -> None:
    """Merging into a date with nothing stored stores the record as given."""
    journal.sessions.save(SessionLoad("2026-03-01", sessions=5), merge=True)
    assert journal.sessions.get("2026-03-01") == SessionLoad("2026-03-01", sessions=5)


def test_daily_between_is_inclusive_and_ordered(journal: Journal) -> None:
    """between() includes both ends, sorts by date and leaves either end open."""
    for date in ("2026-03-05", "2026-03-01", "2026-03-03", "2026-02-27"):
        journal.checkins.save(CheckIn(date, mood=5))
    dates = lambda records: [r.date for r in records]  # noqa: E731
    assert dates(journal.checkins.between("2026-03-01", "2026-03-03")) == [
        "2026-03-01",
        "2026-03-03",
    ]
    assert dates(journal.checkins.between(start="2026-03-03")) == ["2026-03-03", "2026-03-05"]
    assert dates(journal.checkins.between(end="2026-03-01")) == ["2026-02-27", "2026-03-01"]
    assert journal.checkins.dates() == ["2026-02-27", "2026-03-01", "2026-03-03", "2026-03-05"]


def test_daily_delete(journal: Journal) -> None:
    """delete() removes the day and says whether there was one."""
    journal.sleep.save(Sleep("2026-03-01", hours=7))
    assert journal.sleep.delete("2026-03-01") is True
    assert journal.sleep.delete("2026-03-01") is False
    assert journal.sleep.get("2026-03-01") is None


def test_dates_are_validated_everywhere(journal: Journal) -> None:
    """A bad date raises ValidationError on save and ValueError on lookup; nothing is stored."""
    with pytest.raises(ValidationError) as info:
        journal.checkins.save(CheckIn("2026-02-30", mood=5))
    assert info.value.field == "date"
    with pytest.raises(ValueError):
        journal.checkins.get("1/3/2026")
    assert journal.checkins.count() == 0


def test_out_of_range_value_names_its_field(journal: Journal) -> None:
    """An out-of-range scale raises ValidationError naming the field; nothing is stored."""
    with pytest.raises(ValidationError) as info:
        journal.checkins.save(CheckIn("2026-03-01", mood=5, dread=11))
    assert info.value.field == "dread"
    assert journal.checkins.count() == 0


def test_values_are_normalised_on_save(journal: Journal) -> None:
    """Strings from forms and files are stored as their proper types."""
    saved = journal.sessions.save(
        SessionLoad("2026-03-01", sessions="5", session_hours="4.5", day_off="no")  # type: ignore[arg-type]
    )
    assert saved == SessionLoad("2026-03-01", sessions=5, session_hours=4.5, day_off=False)
    assert journal.sessions.get("2026-03-01") == saved


# ------------------------------------------------------------------ sleep and session rules


@pytest.mark.parametrize(
    ("bedtime", "wake", "hours"),
    [
        ("23:30", "07:00", 7.5),
        ("01:15", "06:45", 5.5),
        ("13:00", "14:30", 1.5),
        ("22:00", "22:00", 0),
    ],
)
def test_sleep_hours_derived_across_midnight(
    journal: Journal, bedtime: str, wake: str, hours: float
) -> None:
    """Hours come from bedtime and wake time, across midnight when needed."""
    assert hours_between(bedtime, wake) == hours
    saved = journal.sleep.save(Sleep("2026-03-01", bedtime=bedtime, wake_time=wake))
    assert saved.hours == hours
    assert journal.sleep.get("2026-03-01") == saved


def test_typed_sleep_hours_are_kept(journal: Journal) -> None:
    """Hours typed by the user win over the times; short times are zero-padded."""
    saved = journal.sleep.save(Sleep("2026-03-01", bedtime="7:05", wake_time="15:00", hours=6))
    assert (saved.bedtime, saved.hours) == ("07:05", 6)


def test_trauma_sessions_cannot_exceed_sessions(journal: Journal) -> None:
    """More trauma-heavy (or crisis) sessions than sessions is refused; equal is fine."""
    with pytest.raises(ValidationError) as info:
        journal.sessions.save(SessionLoad("2026-03-01", sessions=3, trauma_sessions=4))
    assert info.value.field == "trauma_sessions"
    with pytest.raises(ValidationError) as info:
        journal.sessions.save(SessionLoad("2026-03-01", sessions=3, crisis_sessions=5))
    assert info.value.field == "crisis_sessions"
    journal.sessions.save(SessionLoad("2026-03-01", sessions=3, trauma_sessions=3))
    assert journal.sessions.get("2026-03-01").trauma_sessions == 3  # type: ignore[union-attr]


def test_merge_checks_the_combined_day(journal: Journal) -> None:
    """A merge that would leave more trauma sessions than sessions is refused, nothing changes."""
    journal.sessions.save(SessionLoad("2026-03-01", sessions=3))
    with pytest.raises(ValidationError):
        journal.sessions.save(SessionLoad("2026-03-01", trauma_sessions=5), merge=True)
    assert journal.sessions.get("2026-03-01") == SessionLoad("2026-03-01", sessions=3)


# ------------------------------------------------------------------ any number per date


def test_items_add_get_update_delete(journal: Journal) -> None:
    """Activities get ids, update in place, and delete by id."""
    walk = journal.activities.add(Activity("2026-03-01", kind="walk", minutes=30))
    run = journal.activities.add(
        Activity("2026-03-01", kind="Run", minutes=20, intensity="vigorous")
    )
    assert walk.id is not None and run.id is not None and walk.id != run.id
    assert run.kind == "run"
    assert journal.activities.on("2026-03-01") == [walk, run]
    longer = journal.activities.update(Activity("2026-03-01", kind="walk", minutes=45, id=walk.id))
    assert journal.activities.get(walk.id) == longer
    assert journal.activities.delete(walk.id) is True
    assert journal.activities.delete(walk.id) is False
    assert journal.activities.on("2026-03-01") == [run]


def test_update_of_an_unknown_id_raises(journal: Journal) -> None:
    """Updating an id that is not stored raises KeyError instead of inserting."""
    with pytest.raises(KeyError):
        journal.activities.update(Activity("2026-03-01", minutes=10, id=999))
    assert journal.activities.count() == 0


def test_items_between_and_delete_on(journal: Journal) -> None:
    """Items sort by date then id; delete_on clears one day only."""
    a = journal.activities.add(Activity("2026-03-02", minutes=10))
    b = journal.activities.add(Activity("2026-03-01", minutes=20))
    c = journal.activities.add(Activity("2026-03-02", minutes=30))
    assert journal.activities.between() == [b, a, c]
    assert journal.activities.delete_on("2026-03-02") == 2
    assert journal.activities.between() == [b]


def test_invalid_item_is_refused(journal: Journal) -> None:
    """An unknown activity kind raises ValidationError naming ``kind``."""
    with pytest.raises(ValidationError) as info:
        journal.activities.add(Activity("2026-03-01", kind="jog"))
    assert info.value.field == "kind"


def test_cup_action_needs_an_id_or_a_title(journal: Journal) -> None:
    """A cup action without catalogue id or custom title (or only spaces) is refused."""
    with pytest.raises(ValidationError):
        journal.cup_actions.add(CupActionDone("2026-03-01", minutes=10))
    with pytest.raises(ValidationError):
        journal.cup_actions.add(CupActionDone("2026-03-01", custom_title="   "))
    done = journal.cup_actions.add(
        CupActionDone("2026-03-01", action_id="walk_outside", felt_after=8)
    )
    assert journal.cup_actions.on("2026-03-01") == [done]


def test_self_check_answers_round_trip(journal: Journal) -> None:
    """Self-check answers come back as the same tuple, scores as numbers."""
    check = journal.self_checks.add(SelfCheck("2026-03-01", answers=(1, 4, 2, 0), exhaustion=62.5))
    assert journal.self_checks.get(check.id or 0) == check
    assert check.answers == (1, 4, 2, 0)


def test_custom_actions_save_update_delete(journal: Journal) -> None:
    """Custom actions upsert by id, list by title, refuse empty titles and delete."""
    journal.custom_actions.save(CustomAction("swim", "Swim at lunch", "foundation", minutes=40))
    journal.custom_actions.save(CustomAction("call", "Call my sister", "connect", flags=("x",)))
    journal.custom_actions.save(CustomAction("swim", "Swim before work", "foundation"))
    assert [a.title for a in journal.custom_actions.all()] == ["Call my sister", "Swim before work"]
    assert journal.custom_actions.all()[0].flags == ("x",)
    with pytest.raises(ValidationError):
        journal.custom_actions.save(CustomAction("blank", "  ", "joy"))
    assert journal.custom_actions.delete("swim") is True
    assert [a.id for a in journal.custom_actions.all()] == ["call"]


# ------------------------------------------------------------------ transactions


def test_failed_transaction_stores_nothing(journal: Journal) -> None:
    """Saves inside a transaction that raises are all rolled back."""
    with pytest.raises(RuntimeError), journal.db.transaction():
        journal.checkins.save(CheckIn("2026-03-01", mood=5))
        journal.activities.add(Activity("2026-03-01", minutes=5))
        raise RuntimeError("undo")
    assert journal.checkins.count() == 0
    assert journal.activities.count() == 0


def test_nested_failure_keeps_the_outer_work(journal: Journal) -> None:
    """An inner savepoint that fails rolls back alone; the outer transaction commits."""
    with journal.db.transaction():
        journal.checkins.save(CheckIn("2026-03-01", mood=5))
        with pytest.raises(ValidationError):
            journal.sessions.save(SessionLoad("2026-03-01", sessions=1, trauma_sessions=2))
        with pytest.raises(RuntimeError), journal.db.transaction():
            journal.checkins.save(CheckIn("2026-03-02", mood=1))
            raise RuntimeError("inner")
    assert journal.checkins.dates() == ["2026-03-01"]
    assert not journal.db.conn.in_transaction


def test_merge_reads_inside_the_write_lock(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While a merge reads the stored day, no other connection can write it (no lost update)."""
    other = Journal.open(journal.path, raw_key=journal.db.raw_key)
    other.db.execute("PRAGMA busy_timeout = 0")
    journal.checkins.save(CheckIn("2026-03-01", mood=5))
    read_stored = journal.checkins.get

    def get_while_another_process_writes(date: str) -> CheckIn | None:
        with pytest.raises(LockedByAnotherProgram):
            other.checkins.save(CheckIn(date, stress=9), merge=True)
        return read_stored(date)

    monkeypatch.setattr(journal.checkins, "get", get_while_another_process_writes)
    try:
        journal.checkins.save(CheckIn("2026-03-01", energy=3), merge=True)
    finally:
        other.close(backup_if_changed=False)
    assert read_stored("2026-03-01") == CheckIn("2026-03-01", mood=5, energy=3)


def test_failed_commit_leaves_no_open_transaction(journal: Journal) -> None:
    """A failed COMMIT rolls everything back and leaves the connection ready for the next one."""
    db = journal.db
    db.execute("CREATE TEMP TABLE parent (id INTEGER PRIMARY KEY)")
    db.execute(
        "CREATE TEMP TABLE child "
        "(parent INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)"
    )
    with pytest.raises(sqlcipher3.IntegrityError), db.transaction():
        journal.checkins.save(CheckIn("2026-03-01", mood=5))
        db.execute("INSERT INTO child VALUES (42)")
    assert not db.conn.in_transaction
    assert journal.checkins.count() == 0
    journal.checkins.save(CheckIn("2026-03-02", mood=6))
    assert journal.checkins.dates() == ["2026-03-02"]


def test_custom_action_title_with_a_nul_is_a_validation_error(journal: Journal) -> None:
    """A NUL in a custom action's title is refused with a ValidationError naming the field,
    not the schema's raw CHECK failure."""
    from journal.store.models import CustomAction

    with pytest.raises(ValidationError) as info:
        journal.custom_actions.save(CustomAction("a", "\x00", "joy"))
    assert info.value.field == "title"
    assert journal.custom_actions.all() == []
