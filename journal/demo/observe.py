"""What the demo clinician writes down each day, drawn around the latent :class:`DayState`.

Check-in scales, sleep, session load, activities, cup actions and self-checks, with
day-to-day noise, skipped days (about one in eight, and a 5–8 day gap a few times a year) and
the odd field left blank. Sleep is dated by the morning it ends, so a trauma-heavy day shows up in
the *next* date's sleep; helpful cup actions lift the *next* day's check-in.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from journal.demo.actions import SUPERVISION_IDS, CupAction
from journal.demo.story import HOLIDAY, DayState
from journal.insights.selfcheck import MAX_ANSWER, QUESTIONS, score
from journal.store.models import (
    Activity,
    CheckIn,
    CupActionDone,
    SelfCheck,
    SessionLoad,
    Sleep,
)

_KINDS = (  # kind, weight, minutes range, usual intensities
    ("walk", 40, (20, 60), ("light", "moderate")),
    ("run", 12, (20, 50), ("moderate", "vigorous")),
    ("cycle", 10, (25, 75), ("moderate", "vigorous")),
    ("yoga", 12, (20, 60), ("light", "moderate")),
    ("strength", 9, (20, 45), ("moderate", "vigorous")),
    ("swim", 7, (25, 50), ("moderate",)),
    ("sport", 6, (45, 90), ("moderate", "vigorous")),
    ("other", 4, (15, 45), ("light", "moderate")),
)
_KIND_WEIGHTS = [k[1] for k in _KINDS]


@dataclass
class Observed:
    """One date as recorded; ``logged`` False means the person skipped the app that day."""

    state: DayState
    logged: bool
    checkin: CheckIn | None = None
    sleep: Sleep | None = None
    load: SessionLoad | None = None
    activities: list[Activity] = field(default_factory=list)
    cups: list[CupActionDone] = field(default_factory=list)
    self_check: SelfCheck | None = None


def _scale(value: float) -> int:
    return max(0, min(10, round(value)))


def _hhmm(minutes: float) -> str:
    minutes = int(round(minutes / 5) * 5) % (24 * 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class Recorder:
    """Turns the latent days into records, remembering yesterday for next-day effects."""

    def __init__(self, rng: random.Random, actions: list[CupAction]) -> None:
        self.rng = rng
        self.actions = actions
        self._boost = (0.0, 0.0, 0.0)
        self._yesterday: DayState | None = None
        self._gap_left = 0
        self._next_self_check = 0

    def observe(self, days: list[DayState]) -> Iterator[Observed]:
        protected = {d.date for d in days[-14:]}  # the last fortnight is kept complete enough
        self._next_self_check = self.rng.randint(3, 14)
        for index, state in enumerate(days):
            logged = self._is_logged(state, state.date in protected, index >= len(days) - 3)
            yield self._record(state, logged, index)
            self._yesterday = state

    def _is_logged(self, state: DayState, protected: bool, last_days: bool) -> bool:
        if last_days:
            return True
        if self._gap_left > 0:
            self._gap_left -= 1
            return False
        if not protected and self.rng.random() < 0.007:
            self._gap_left = self.rng.randint(5, 8) - 1
            return False
        return self.rng.random() >= (0.2 if state.arc == HOLIDAY else 0.07)

    def _record(self, s: DayState, logged: bool, index: int) -> Observed:
        rng = self.rng
        sleep = self._sleep(s)
        cups = self._cups(s)
        boost, self._boost = self._boost, self._effects(cups)
        out = Observed(s, logged)
        if not logged:
            return out
        debt = max(0.0, 7.0 - (sleep.hours or 7.0))
        out.checkin = self._checkin(s, boost, debt)
        out.sleep = sleep if rng.random() > 0.04 else None
        out.load = self._load(s) if rng.random() > 0.03 else None
        out.activities = self._activities(s)
        out.cups = cups
        if index >= self._next_self_check:
            out.self_check = self._self_check(s)
            self._next_self_check = index + rng.randint(12, 16) + (14 if rng.random() < 0.2 else 0)
        return out

    # ------------------------------------------------------------------ the records
    def _checkin(self, s: DayState, boost: tuple[float, float, float], debt: float) -> CheckIn:
        g = self.rng.gauss
        off = 0.0 if s.workday else 1.0
        strain, sec = s.strain, s.secondary
        values = {
            "mood": 6.7 - 3.2 * strain - 1.8 * sec + 0.6 * off + boost[0] + g(0, 1.0),
            "energy": 6.5 - 3.4 * strain - 0.45 * debt + 0.4 * off + boost[1] + g(0, 1.0),
            "stress": 3.4
            + 4.0 * strain
            + 1.2 * sec
            + 0.8 * s.crisis_sessions
            - 1.3 * off
            + boost[2]
            + g(0, 1.0),
            "effective": 7.2 - 3.0 * strain - 0.8 * sec + g(0, 0.9) if s.sessions else None,
            "dread": 2.0 + 4.5 * strain + 2.0 * sec + g(0, 1.0) if s.sessions else None,
            "detachment": 1.6 + 5.0 * strain + 1.0 * sec + g(0, 0.9),
            "irritability": 1.8 + 4.0 * strain + 0.5 * sec + g(0, 1.0),
            "intrusive": 0.6 + 6.0 * sec + 0.9 * (s.trauma_sessions >= 3) + g(0, 0.9),
            "meaning": 7.8 - 2.0 * strain - 3.5 * sec + g(0, 0.9),
        }
        scales: dict[str, int | None] = {
            name: None if value is None or self.rng.random() < 0.03 else _scale(value)
            for name, value in values.items()
        }
        social_base = 55 if s.workday else 170
        social = max(0.0, g(social_base, social_base * 0.45) * (1 - 0.7 * strain))
        note = self.rng.choice(_notes_for(s)) if self.rng.random() < 0.15 else None
        return CheckIn(
            date=s.date.isoformat(), social_minutes=int(round(social / 5) * 5), note=note, **scales
        )

    def _sleep(self, s: DayState) -> Sleep:
        """The night before ``s.date``: shorter and worse after a trauma-heavy day."""
        g, y = self.rng.gauss, self._yesterday
        trauma_day = y is not None and y.trauma_sessions >= 3
        lie_in = 0.7 if not s.workday else 0.0
        hours = 7.3 - 2.6 * s.strain - 0.9 * trauma_day - 0.5 * s.secondary + lie_in + g(0, 0.45)
        hours = min(10.5, max(3.5, hours))
        weekend_night = y is not None and not y.workday
        bed = 22 * 60 + 50 + g(0, 22) + 35 * weekend_night + 25 * s.strain
        quality = 7.3 - 3.2 * s.strain - 1.7 * trauma_day - 1.2 * s.secondary + g(0, 1.0)
        wakes = round(max(0.0, g(0.7 + 2.2 * s.strain + 1.4 * trauma_day, 0.8)))
        return Sleep(
            date=s.date.isoformat(),
            bedtime=_hhmm(bed),
            wake_time=_hhmm(bed + hours * 60),
            quality=_scale(quality) if self.rng.random() > 0.05 else None,
            awakenings=wakes,
        )

    def _load(self, s: DayState) -> SessionLoad:
        if not s.workday:
            return SessionLoad(
                date=s.date.isoformat(), day_off=True, sessions=0, caseload=s.caseload
            )
        return SessionLoad(
            date=s.date.isoformat(),
            sessions=s.sessions,
            session_hours=s.session_hours,
            trauma_sessions=s.trauma_sessions,
            crisis_sessions=s.crisis_sessions,
            admin_hours=s.admin_hours,
            breaks=s.breaks,
            day_off=False,
            caseload=s.caseload,
        )

    def _activities(self, s: DayState) -> list[Activity]:
        rng = self.rng
        chance = (0.62 if s.workday else 0.8) - 0.4 * s.strain
        bouts = int(rng.random() < chance) + int(not s.workday and rng.random() < 0.2)
        out = []
        for _ in range(bouts):
            kind, _w, (low, high), intensities = rng.choices(_KINDS, _KIND_WEIGHTS)[0]
            minutes = int(round(rng.randint(low, high) * (1.0 - 0.3 * s.strain) / 5) * 5)
            out.append(
                Activity(s.date.isoformat(), kind, max(10, minutes), rng.choice(intensities))
            )
        return out

    def _cups(self, s: DayState) -> list[CupActionDone]:
        rng, out = self.rng, []
        for action in self.actions:
            chance = action.daily_chance * (1.0 - 0.5 * s.strain) * (1.3 if not s.workday else 1)
            if action.id in SUPERVISION_IDS:
                chance = 0.85 if _supervision_day(s) else 0.0
            elif action.workday_only and not s.workday:
                chance = 0.0
            if rng.random() < chance:
                felt = 6.5 - 2.0 * s.strain + (1.0 if any(action.effect) else 0.3) + rng.gauss(0, 1)
                out.append(
                    CupActionDone(
                        date=s.date.isoformat(),
                        action_id=action.id,
                        minutes=max(5, int(round(action.minutes * rng.uniform(0.6, 1.6) / 5) * 5)),
                        felt_after=_scale(felt) if rng.random() > 0.1 else None,
                    )
                )
        return out

    def _effects(self, cups: list[CupActionDone]) -> tuple[float, float, float]:
        by_id = {a.id: a.effect for a in self.actions}
        mood = energy = stress = 0.0
        for cup in cups:
            effect = by_id.get(cup.action_id or "", (0.0, 0.0, 0.0))
            mood, energy, stress = mood + effect[0], energy + effect[1], stress + effect[2]
        return min(mood, 1.5), min(energy, 1.2), max(stress, -1.0)

    def _self_check(self, s: DayState) -> SelfCheck:
        """Answers to the app's own questions, drawn around the day's strain and exposure, and
        scored exactly as the app scores them."""
        levels = {
            "exhaustion": 0.15 + 0.9 * s.strain + 0.15 * s.secondary,
            "detachment": 0.1 + 0.8 * s.strain + 0.15 * s.secondary,
            "secondary_trauma": 0.08 + 0.9 * s.secondary,
            "satisfaction": 0.85 - 0.4 * s.strain - 0.6 * s.secondary,
        }
        answers = tuple(
            max(0, min(MAX_ANSWER, round(levels[q.subscale] * MAX_ANSWER + self.rng.gauss(0, 0.6))))
            for q in QUESTIONS
        )
        return SelfCheck(date=s.date.isoformat(), answers=answers, **score(answers))


def _supervision_day(s: DayState) -> bool:
    """Supervision is fortnightly, on Wednesdays of odd ISO weeks."""
    return s.workday and s.date.weekday() == 2 and s.date.isocalendar()[1] % 2 == 1


def _notes_for(s: DayState) -> tuple[str, ...]:
    if not s.workday:
        return ("day off", "quiet", "good walk", "felt better")
    if s.trauma_sessions >= 3:
        return ("heavy sessions", "tired", "long day")
    if s.strain > 0.4:
        return ("tired", "busy", "admin pile", "long day", "headache", "slept badly")
    return ("ok day", "quiet", "good walk", "supervision today", "busy")
