"""The demo clinician's life, day by day: a calendar of story arcs and the latent state under it.

The arcs are what the insights should find: *build* (load creeps up for weeks while sleep, energy
and meaning erode — burnout), *trauma* (trauma-heavy sessions, intrusive thoughts rising, worse
sleep after those days — compassion fatigue), *holiday* (time off, then recovery) and *steady*.
Two slow variables carry the story from day to day: ``strain`` (general load, eased by days off)
and ``secondary`` (exposure to clients' trauma). Every observed number is drawn around them with
day-to-day noise, so nothing here knows about any flag's rule.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

STEADY, TRAUMA, BUILD, HOLIDAY = "steady", "trauma", "build", "holiday"

#: Arcs from the end of the journal backwards, cycled (lengths in days, inclusive ranges).
#: Read forwards: holiday → steady (recovery) → trauma stretch → steady → creeping build → …
#: so even a 120-day demo ends in a build and shows a trauma stretch and a holiday before it.
_ARCS_BACKWARDS = (
    (BUILD, 28, 42),
    (STEADY, 10, 21),
    (TRAUMA, 21, 35),
    (STEADY, 14, 28),
    (HOLIDAY, 7, 12),
    (BUILD, 35, 49),
    (STEADY, 21, 35),
    (HOLIDAY, 5, 9),
)


@dataclass(frozen=True, slots=True)
class Arc:
    kind: str
    start: dt.date
    end: dt.date  # inclusive

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def arcs(start: dt.date, end: dt.date, rng: random.Random) -> list[Arc]:
    """The story from ``start`` to ``end``, oldest arc first (the first one may be cut short)."""
    out: list[Arc] = []
    cursor, i = end, 0
    while cursor >= start:
        kind, low, high = _ARCS_BACKWARDS[i % len(_ARCS_BACKWARDS)]
        first = cursor - dt.timedelta(days=rng.randint(low, high) - 1)
        out.append(Arc(kind, max(first, start), cursor))
        cursor, i = first - dt.timedelta(days=1), i + 1
    return out[::-1]


@dataclass(frozen=True, slots=True)
class DayState:
    """What happened on one date, before anything is written down."""

    date: dt.date
    arc: str
    arc_day: int  # 1-based day within the arc
    workday: bool
    sessions: int
    session_hours: float
    trauma_sessions: int
    crisis_sessions: int
    admin_hours: float
    breaks: int
    caseload: int
    strain: float  # 0–1: accumulated load
    secondary: float  # 0–1: accumulated trauma exposure
    load: float  # the day's workload multiplier (1.0 = usual)


def _clip(value: float, low: float, high: float) -> float:
    return min(high, max(low, value))


class Life:
    """Steps through the calendar, one :class:`DayState` per date."""

    def __init__(self, arcs_: list[Arc], rng: random.Random) -> None:
        self.rng = rng
        self._arcs = arcs_
        self.strain = rng.uniform(0.05, 0.15)
        self.secondary = rng.uniform(0.05, 0.12)
        self.caseload = rng.randint(22, 28)
        self._drift = 0.0
        self._arc_params: dict[dt.date, tuple[float, float]] = {}

    def _params(self, arc: Arc) -> tuple[float, float]:
        """Peak extra load (build) and trauma share, drawn once per arc."""
        if arc.start not in self._arc_params:
            if arc.kind == BUILD:
                self._arc_params[arc.start] = (self.rng.uniform(0.32, 0.45), 0.2)
            elif arc.kind == TRAUMA:
                self._arc_params[arc.start] = (0.06, self.rng.uniform(0.5, 0.65))
            else:
                self._arc_params[arc.start] = (0.0, self.rng.uniform(0.12, 0.22))
        return self._arc_params[arc.start]

    def days(self) -> list[DayState]:
        out = []
        for arc in self._arcs:
            for offset in range(arc.days):
                out.append(self._step(arc, offset, arc.start + dt.timedelta(days=offset)))
        return out

    def _step(self, arc: Arc, offset: int, date: dt.date) -> DayState:
        rng = self.rng
        peak, trauma_share = self._params(arc)
        progress = offset / max(1, arc.days - 1)
        self._drift = _clip(0.9 * self._drift + rng.gauss(0, 0.02), -0.08, 0.08)
        load = 1.0 + self._drift + (peak * progress**1.2 if arc.kind == BUILD else peak)
        weekend = date.weekday() >= 5
        # Occasional weekday off (public holiday, sick day) — rarer when the diary is full.
        odd_day_off = not weekend and rng.random() < (0.02 if arc.kind == BUILD else 0.035)
        workday = arc.kind != HOLIDAY and not weekend and not odd_day_off
        # Late in a build, weekends start going to catching up on admin.
        weekend_admin = weekend and arc.kind == BUILD and progress > 0.5 and rng.random() < 0.4
        sessions = trauma = crisis = breaks = 0
        session_hours = admin = 0.0
        if workday:
            friday = 0.8 if date.weekday() == 4 else 0.0
            sessions = round(_clip(rng.gauss(5.2 * load - friday, 0.9), 2, 9))
            trauma = sum(rng.random() < trauma_share for _ in range(sessions))
            crisis_p = 0.09 if arc.kind == TRAUMA else 0.035
            crisis = min(sessions, 1 if rng.random() < crisis_p else 0)
            session_hours = round(sessions * rng.uniform(0.83, 0.95) + 0.5 * crisis, 1)
            admin = round(_clip(rng.gauss(1.5 + 3.0 * (load - 1), 0.4), 0.25, 6) * 4) / 4
            breaks = round(_clip(rng.gauss(3.0 - 6.0 * (load - 1), 0.8), 0, 5))
        elif weekend_admin:
            admin = round(rng.uniform(1.0, 3.0) * 4) / 4
        if arc.kind == BUILD:
            self.caseload = min(self.caseload + (rng.random() < 0.12), 40)
        elif self.caseload > 24 and rng.random() < 0.06:
            self.caseload -= 1

        self._update_strain(workday, session_hours + admin, breaks, crisis, arc.kind)
        self._update_secondary(workday, trauma)
        return DayState(
            date=date,
            arc=arc.kind,
            arc_day=offset + 1,
            workday=workday or weekend_admin,
            sessions=sessions,
            session_hours=session_hours,
            trauma_sessions=trauma,
            crisis_sessions=crisis,
            admin_hours=admin,
            breaks=breaks,
            caseload=self.caseload,
            strain=self.strain,
            secondary=self.secondary,
            load=load,
        )

    def _update_strain(
        self, workday: bool, work_hours: float, breaks: int, crisis: int, arc: str
    ) -> None:
        """Strain creeps towards the day's load; a weekend eases it a little, a holiday a lot,
        and a weekend spent on admin not at all."""
        if workday:
            target = _clip((work_hours - 6.0) / 3.0, 0, 1) * 0.85 + 0.1 * crisis
            target += 0.08 if breaks == 0 else 0.0
            self.strain += 0.1 * (target - self.strain)
        elif work_hours == 0:
            self.strain *= 1 - (0.15 if arc == HOLIDAY else 0.06)
        self.strain = _clip(self.strain, 0, 1)

    def _update_secondary(self, workday: bool, trauma: int) -> None:
        """Trauma exposure builds over weeks of heavy sessions and fades with time away."""
        if workday:
            self.secondary += 0.07 * (_clip((trauma - 0.8) / 3.0, 0, 1.2) - self.secondary)
        else:
            self.secondary += 0.06 * (0.0 - self.secondary)
        self.secondary = _clip(self.secondary, 0, 1)
