"""Synthetic clinicians for the insights tests: seeded, noisy, with missing days.

Each persona is a steady clinician until ``onset``; from then on one story unfolds. Ratings
are integers 0–10 with day-to-day noise of about one point, some days are not logged at all
and some fields are skipped, as in real journals.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from journal.insights import JournalData
from journal.store.models import Activity, CheckIn, CupActionDone, SessionLoad, Sleep

START = dt.date(2025, 1, 6)  # a Monday
KINDS = ("steady", "burnout", "trauma", "recovery", "sparse")


@dataclass(frozen=True)
class Persona:
    kind: str
    data: JournalData
    onset: dt.date
    #: recovery only: the first of the days off
    rest: dt.date | None = None


def _scale(rng: random.Random, mean: float, sd: float = 1.0) -> int:
    return max(0, min(10, round(rng.gauss(mean, sd))))


def _maybe(rng: random.Random, value: object, skip: float = 0.05) -> object:
    return None if rng.random() < skip else value


def make(
    kind: str,
    seed: int,
    days: int = 150,
    onset_day: int = 90,
    missing: float = 0.08,
    trauma_peak: float = 0.75,
) -> Persona:
    """``days`` days of one persona; the story starts on day ``onset_day``.

    ``trauma_peak`` is the share of sessions that are trauma-heavy once the trauma story is
    under way (0.2 before it). At 0.75 nearly every workday is trauma-heavy; at 0.5 heavy and
    lighter workdays alternate, which is what telling their nights apart needs.
    """
    rng = random.Random(f"{kind}-{seed}")
    onset = START + dt.timedelta(onset_day)
    rest = onset + dt.timedelta(28) if kind == "recovery" else None
    checkins, sleep, sessions, activities, cups = [], [], [], [], []
    if kind == "sparse":
        missing = 0.9
    next_night_penalty = (0.0, 0)
    for n in range(days):
        day = START + dt.timedelta(n)
        date = day.isoformat()
        t = n - onset_day
        p = 0.0  # how far the story has gone, 0…1
        if kind == "burnout" and t >= 0:
            p = min(1.0, t / 42)
        elif kind == "trauma" and t >= 0:
            p = min(1.0, t / 21)
        elif kind == "recovery" and rest is not None and onset <= day < rest:
            p = 1.0
        resting = rest is not None and rest <= day < rest + dt.timedelta(10)
        load = p if kind in ("burnout", "recovery") else 0.0
        weekend = day.weekday() >= 5
        works = not resting and (not weekend or rng.random() < 0.8 * load)

        if works:
            count = rng.choice((3, 4, 4, 5)) + round(3 * load)
            share = 0.2 + ((trauma_peak - 0.2) * p if kind == "trauma" else 0.0)
            trauma = sum(rng.random() < share for _ in range(count))
            heavy = trauma >= 2 or trauma / count >= 0.5
            record = SessionLoad(
                date,
                sessions=count,
                session_hours=round(count * rng.uniform(0.85, 1.0), 1),
                trauma_sessions=trauma,
                crisis_sessions=0,
                admin_hours=_maybe(rng, round(rng.uniform(1.0, 1.6) + 1.2 * load, 1)),  # type: ignore[arg-type]
                breaks=0 if rng.random() < 0.9 * load else rng.choice((1, 2, 3)),
                day_off=False,
                caseload=25,
            )
        else:
            heavy = False
            record = SessionLoad(date, sessions=0, session_hours=0.0, day_off=True)
        penalty_h, penalty_q = next_night_penalty
        next_night_penalty = (1.3 * p, round(3 * p)) if kind == "trauma" and heavy else (0.0, 0)

        if rng.random() < missing:
            continue  # nothing logged today
        sessions.append(record)
        hours = rng.gauss(7.4 - 1.8 * load - penalty_h, 0.5)
        sleep.append(
            Sleep(
                date,
                hours=round(max(3.0, min(11.0, hours)), 1),
                quality=_scale(rng, 7 - 2 * load - penalty_q),
            )
        )
        checkins.append(
            CheckIn(
                date,
                mood=_maybe(rng, _scale(rng, 7 - 2.5 * load - 0.5 * p * (kind == "trauma"))),  # type: ignore[arg-type]
                energy=_maybe(rng, _scale(rng, 7 - 3.5 * load)),  # type: ignore[arg-type]
                stress=_maybe(rng, _scale(rng, 4 + 3 * load)),  # type: ignore[arg-type]
                effective=_maybe(rng, _scale(rng, 7 - 2 * load)),  # type: ignore[arg-type]
                dread=_maybe(rng, _scale(rng, 2 + 4 * load + 1.5 * p * (kind == "trauma"))),  # type: ignore[arg-type]
                detachment=_maybe(rng, _scale(rng, 2 + 3 * load)),  # type: ignore[arg-type]
                irritability=_maybe(rng, _scale(rng, 2 + 2 * load)),  # type: ignore[arg-type]
                intrusive=_maybe(rng, _scale(rng, 1.5 + 5 * p * (kind == "trauma"))),  # type: ignore[arg-type]
                meaning=_maybe(rng, _scale(rng, 7 - 1.5 * load)),  # type: ignore[arg-type]
                social_minutes=_maybe(rng, max(0, round(rng.gauss(70 - 50 * load, 20)))),  # type: ignore[arg-type]
            )
        )
        if rng.random() < 0.7 * (1 - 0.85 * load):
            activities.append(Activity(date, kind="walk", minutes=rng.choice((20, 30, 40))))
        if rng.random() < 0.45:
            cups.append(CupActionDone(date, action_id="walk_outside", felt_after=_scale(rng, 7)))
        if rng.random() < 0.3:
            cups.append(CupActionDone(date, action_id="call_friend"))
        if rng.random() < 0.2:
            cups.append(CupActionDone(date, custom_title="Piano"))
    data = JournalData(
        checkins=checkins, sleep=sleep, activities=activities, sessions=sessions, cup_actions=cups
    )
    return Persona(kind, data, onset, rest)
