"""A small, deterministic journal for chart and summary tests (known gaps, known values)."""

from __future__ import annotations

import datetime as dt
import random

from journal.store import Journal
from journal.store.models import (
    Activity,
    CheckIn,
    CupActionDone,
    SelfCheck,
    SessionLoad,
    Sleep,
)


def fill_journal(
    journal: Journal, end: dt.date, days: int, *, gaps: frozenset[int] = frozenset(), seed: int = 7
) -> None:
    """Log ``days`` days ending on ``end``; day offsets (0 = first day) in ``gaps`` stay empty."""
    rng = random.Random(seed)
    start = end - dt.timedelta(days=days - 1)
    with journal.db.transaction():
        for i in range(days):
            if i in gaps:
                continue
            day = (start + dt.timedelta(days=i)).isoformat()
            weekend = (start + dt.timedelta(days=i)).weekday() >= 5
            journal.checkins.save(
                CheckIn(
                    day,
                    mood=rng.randint(4, 8),
                    energy=rng.randint(3, 8),
                    stress=rng.randint(2, 7),
                    intrusive=rng.randint(0, 4),
                )
            )
            journal.sleep.save(Sleep(day, hours=round(rng.uniform(5.5, 8.5), 1), quality=6))
            if weekend:
                journal.sessions.save(SessionLoad(day, sessions=0, session_hours=0, day_off=True))
            else:
                n = rng.randint(3, 6)
                journal.sessions.save(
                    SessionLoad(
                        day,
                        sessions=n,
                        session_hours=float(n),
                        trauma_sessions=rng.randint(0, n),
                        day_off=False,
                        breaks=2,
                    )
                )
            if rng.random() < 0.5:
                journal.activities.add(Activity(day, kind="walk", minutes=rng.randint(15, 60)))
            if rng.random() < 0.3:
                journal.cup_actions.add(CupActionDone(day, action_id="walk_outside", felt_after=7))
            if i % 14 == 3:
                journal.self_checks.add(
                    SelfCheck(
                        day,
                        exhaustion=40.0,
                        detachment=30.0,
                        secondary_trauma=25.0,
                        satisfaction=70.0,
                    )
                )
