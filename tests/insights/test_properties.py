"""Property tests: any data shape is analysed without error, and later data never matters."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.insights import JournalData, analyse
from journal.store.models import CheckIn, CupActionDone, SessionLoad, Sleep

BASE = dt.date(2025, 3, 1)
scale = st.none() | st.integers(0, 10)
day_numbers = st.lists(st.integers(0, 119), unique=True, max_size=120)


@st.composite
def journals(draw: st.DrawFn) -> JournalData:
    """Random journals: any days, any gaps, any field missing."""

    def date(n: int) -> str:
        return (BASE + dt.timedelta(n)).isoformat()

    checkins = [
        CheckIn(
            date(n),
            **{
                f: draw(scale)
                for f in ("mood", "energy", "stress", "intrusive", "dread", "meaning")
            },
            social_minutes=draw(st.none() | st.integers(0, 600)),
        )
        for n in draw(day_numbers)
    ]
    sleep = [
        Sleep(
            date(n),
            hours=draw(st.none() | st.floats(0, 14).map(lambda h: round(h, 1))),
            quality=draw(scale),
        )
        for n in draw(day_numbers)
    ]
    sessions = []
    for n in draw(day_numbers):
        count = draw(st.none() | st.integers(0, 10))
        trauma = None if count is None else draw(st.none() | st.integers(0, count))
        sessions.append(
            SessionLoad(
                date(n),
                sessions=count,
                trauma_sessions=trauma,
                session_hours=draw(st.none() | st.floats(0, 12).map(lambda h: round(h, 1))),
                admin_hours=draw(st.none() | st.floats(0, 8)),
                breaks=draw(st.none() | st.integers(0, 5)),
                day_off=draw(st.none() | st.booleans()),
            )
        )
    cups = [
        CupActionDone(date(n), action_id=draw(st.sampled_from(("walk_outside", "call_friend"))))
        for n in draw(day_numbers)
    ]
    return JournalData(checkins=checkins, sleep=sleep, sessions=sessions, cup_actions=cups)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journals(), st.integers(0, 130))
def test_any_missing_values_and_gaps_never_raise(data: JournalData, offset: int) -> None:
    """Any mix of missing fields, gaps and days gives a well-formed report."""
    report = analyse(data, BASE + dt.timedelta(offset))
    assert {f.id for f in report.flags}.isdisjoint(m.id for m in report.insufficient_data)
    assert all(f.since <= report.as_of for f in report.flags)
    assert report.to_dict()["as_of"] == report.as_of.isoformat()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journals(), journals(), st.integers(20, 100))
def test_data_after_as_of_never_changes_the_result(
    data: JournalData, later: JournalData, offset: int
) -> None:
    """Adding any records dated after as_of leaves the report exactly the same."""
    as_of = BASE + dt.timedelta(offset)
    cutoff = as_of.isoformat()

    def upto(records: list, keep_before: bool) -> list:  # type: ignore[type-arg]
        return [r for r in records if (r.date <= cutoff) == keep_before]

    before = JournalData(
        checkins=upto(data.checkins, True),
        sleep=upto(data.sleep, True),
        sessions=upto(data.sessions, True),
        cup_actions=upto(data.cup_actions, True),
    )
    both = JournalData(
        checkins=before.checkins + upto(later.checkins, False),
        sleep=before.sleep + upto(later.sleep, False),
        sessions=before.sessions + upto(later.sessions, False),
        cup_actions=before.cup_actions + upto(later.cup_actions, False),
    )
    assert analyse(both, as_of).to_dict() == analyse(before, as_of).to_dict()
