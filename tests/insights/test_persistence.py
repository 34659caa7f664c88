"""One bad day never flags: persistence is built into every rule."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from personas import START, make

from journal.insights import JournalData, analyse
from journal.store.models import CheckIn, SessionLoad, Sleep

LAST = START + dt.timedelta(159)


def with_one_terrible_day(data: JournalData, day: dt.date) -> JournalData:
    """The same journal with ``day`` replaced by the worst day the scales allow."""
    date = day.isoformat()
    worst = CheckIn(
        date,
        mood=0,
        energy=0,
        stress=10,
        effective=0,
        dread=10,
        detachment=10,
        irritability=10,
        intrusive=10,
        meaning=0,
        social_minutes=0,
    )
    return dataclasses.replace(
        data,
        checkins=[c for c in data.checkins if c.date != date] + [worst],
        sleep=[s for s in data.sleep if s.date != date] + [Sleep(date, hours=2.0, quality=0)],
        sessions=[s for s in data.sessions if s.date != date]
        + [
            SessionLoad(
                date,
                sessions=12,
                session_hours=12.0,
                trauma_sessions=12,
                crisis_sessions=3,
                admin_hours=8.0,
                breaks=0,
                day_off=False,
            )
        ],
    )


@pytest.mark.parametrize("seed", range(4))
def test_one_terrible_day_raises_no_flag(seed: int) -> None:
    """A single worst-possible day in a steady journal adds no flag that day or the next two."""
    data = make("steady", seed, days=160).data
    bad_day = LAST - dt.timedelta(2)
    worse = with_one_terrible_day(data, bad_day)
    for n in range(3):
        as_of = bad_day + dt.timedelta(n)
        before = {f.id for f in analyse(data, as_of).flags}
        after = {f.id for f in analyse(worse, as_of).flags}
        assert after <= before, (as_of, after - before)
