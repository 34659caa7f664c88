"""Day-indexed series: the records turned into one list per metric, ``None`` where missing.

Rules ask for windows ("the last 7 days", "days −60…−8") many times, so every metric is a
list indexed by day; a window is a slice. Only records dated on or before ``as_of`` enter, so
nothing an analysis computes can depend on later data.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from journal.insights.data import JournalData
from journal.store.models import CHECKIN_SCALES

#: Days of history kept: a year for "what helps me" plus room for baselines and episodes.
HISTORY_DAYS = 540

Value = float | None

CHECKIN_METRICS = (*CHECKIN_SCALES, "social_minutes")
SESSION_METRICS = (
    "sessions",
    "session_hours",
    "trauma_sessions",
    "crisis_sessions",
    "admin_hours",
    "breaks",
    "caseload",
)


@dataclass(frozen=True)
class Timeline:
    """Metric series over ``[start, as_of]``; index 0 is ``start``."""

    as_of: dt.date
    start: dt.date
    series: dict[str, list[Value]]
    #: cup actions done per day index: catalogue ids or ``custom:<title>``
    actions: list[frozenset[str]]
    #: felt_after ratings per action key, all history up to ``as_of``
    felt_after: dict[str, list[int]]

    @property
    def size(self) -> int:
        return (self.as_of - self.start).days + 1

    def index(self, day: dt.date) -> int:
        return (day - self.start).days

    def day(self, index: int) -> dt.date:
        return self.start + dt.timedelta(days=index)

    def get(self, metric: str) -> list[Value]:
        return self.series[metric]

    def window(self, metric: str, end: int, days: int) -> list[Value]:
        """Values of the ``days`` days ending on index ``end`` (inclusive), missing kept."""
        return self.series[metric][max(0, end - days + 1) : end + 1]

    def logged(self, metric: str, end: int, days: int) -> list[float]:
        """Only the logged values of that window, oldest first."""
        return [v for v in self.window(metric, end, days) if v is not None]


def action_key(action_id: str | None, custom_title: str | None) -> str:
    """The key a done action is counted under: its catalogue id or its custom title."""
    if action_id:
        return action_id
    return "custom:" + " ".join((custom_title or "").split()).lower()


def _fill(
    records: Iterable[Any],
    start: str,
    end: str,
    origin: dt.date,
    size: int,
    fields: Mapping[str, Callable[[Any], Value]],
) -> dict[str, list[Value]]:
    out: dict[str, list[Value]] = {name: [None] * size for name in fields}
    for record in records:
        date: str = record.date
        if not start <= date <= end:
            continue
        i = (dt.date.fromisoformat(date) - origin).days
        for name, get in fields.items():
            value = get(record)
            if value is not None:
                out[name][i] = float(value)
    return out


def _attr(name: str) -> Callable[[Any], Value]:
    return lambda record: getattr(record, name)


def _day_off(record: Any) -> Value:
    value = getattr(record, "day_off", None)
    return None if value is None else float(bool(value))


def build_timeline(data: JournalData, as_of: dt.date, history_days: int = HISTORY_DAYS) -> Timeline:
    """Index ``data`` by day over the ``history_days`` ending on ``as_of``."""
    origin = as_of - dt.timedelta(days=history_days - 1)
    size = history_days
    lo, hi = origin.isoformat(), as_of.isoformat()
    series: dict[str, list[Value]] = {}
    series |= _fill(data.checkins, lo, hi, origin, size, {m: _attr(m) for m in CHECKIN_METRICS})
    series |= _fill(
        data.sleep,
        lo,
        hi,
        origin,
        size,
        {"sleep_hours": _attr("hours"), "sleep_quality": _attr("quality")},
    )
    session_fields = {m: _attr(m) for m in SESSION_METRICS}
    session_fields["day_off"] = _day_off
    series |= _fill(data.sessions, lo, hi, origin, size, session_fields)

    # A logged day off had no client work: its unfilled session counts are zero, not unknown.
    for name in ("sessions", "session_hours", "trauma_sessions", "crisis_sessions", "admin_hours"):
        values = series[name]
        for i, off in enumerate(series["day_off"]):
            if off == 1.0 and values[i] is None:
                values[i] = 0.0

    minutes: list[Value] = [None] * size
    actions: list[set[str]] = [set() for _ in range(size)]
    for activity in data.activities:
        if lo <= activity.date <= hi and activity.minutes is not None:
            i = (dt.date.fromisoformat(activity.date) - origin).days
            minutes[i] = (minutes[i] or 0.0) + activity.minutes
    felt: dict[str, list[int]] = defaultdict(list)
    for done in data.cup_actions:
        if done.date > hi:
            continue
        key = action_key(done.action_id, done.custom_title)
        if done.felt_after is not None:
            felt[key].append(done.felt_after)
        if done.date >= lo:
            actions[(dt.date.fromisoformat(done.date) - origin).days].add(key)

    # A day with any record is a logged day; on a logged day without an activity the person
    # moved 0 logged minutes (activities are only recorded when they happen).
    logged = [
        any(series[m][i] is not None for m in ("mood", "energy", "stress", "sleep_hours"))
        or series["sessions"][i] is not None
        or series["day_off"][i] is not None
        for i in range(size)
    ]
    series["activity_minutes"] = [
        m if m is not None else (0.0 if logged[i] else None) for i, m in enumerate(minutes)
    ]
    series["checked_in"] = [
        1.0 if any(series[m][i] is not None for m in CHECKIN_METRICS) else None for i in range(size)
    ]
    return Timeline(
        as_of=as_of,
        start=origin,
        series=series,
        actions=[frozenset(a) for a in actions],
        felt_after=dict(felt),
    )


def days_with_data(data: JournalData, as_of: dt.date) -> int:
    """Distinct days, over all history up to ``as_of``, with any record."""
    end = as_of.isoformat()
    days: set[str] = set()
    for records in (data.checkins, data.sleep, data.sessions, data.activities, data.cup_actions):
        days.update(r.date for r in records if r.date <= end)
    return len(days)
