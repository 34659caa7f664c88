"""Plain series for the trend charts and the supervisor summary, loaded from a journal.

Every day of the range has a slot; a day without a record holds NaN, never zero, so a chart
draws a gap where nothing was logged. Long ranges are also summarised per week (Monday-based
weeks, means of the logged days) so ten years draw as ~520 points instead of 3,650.

No Qt and no matplotlib here: the charts, the window and the PDF all read the same
:class:`TrendData`, and the benchmark loads it without any GUI.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from journal.store import Journal

#: Ranges longer than this many days are drawn per week.
WEEKLY_BEYOND_DAYS = 400
#: The lagged baseline window: the 28 days that end a week before the day (DESIGN.md §4).
BASELINE_DAYS = 28
BASELINE_LAG = 7
LEAD_DAYS = BASELINE_DAYS + BASELINE_LAG
#: A baseline needs this many logged days in its window (~70 % of 28).
BASELINE_MIN_DAYS = 20
#: Integer 0–10 ratings often have MAD 0; the band never gets narrower than ± this.
MAD_FLOOR = 0.5

RATINGS = ("mood", "energy", "stress")
SELF_CHECK_SCORES = ("exhaustion", "detachment", "secondary_trauma", "satisfaction")


@dataclass(frozen=True)
class Targets:
    """The user's own targets from settings (DESIGN.md §1 defaults)."""

    sleep_hours: float = 7.0
    weekly_activity_minutes: int = 150
    weekly_session_hours_cap: float = 25.0


@dataclass(frozen=True)
class Band:
    """A baseline band: the lagged median and median ± scaled MAD, NaN where too little data."""

    mid: np.ndarray
    low: np.ndarray
    high: np.ndarray


@dataclass(frozen=True)
class Series:
    """Values over time at one resolution: ``x`` are days, or the Monday of each week."""

    x: np.ndarray  # datetime64[D]
    values: dict[str, np.ndarray]
    bands: dict[str, Band] = field(default_factory=dict)
    weekly: bool = False

    def __len__(self) -> int:
        return len(self.x)


@dataclass(frozen=True)
class TrendData:
    """Everything the charts draw for one date range."""

    start: dt.date
    end: dt.date
    daily: Series
    weeks: Series  # per-week totals and means (session hours, activity, counts)
    targets: Targets
    cup_action_days: np.ndarray  # datetime64[D], one per action done (repeats allowed)
    self_checks: Series  # x = dates of self-checks, values = the four 0–100 scores

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def is_long(self) -> bool:
        """Whether line charts should use weekly means."""
        return self.days > WEEKLY_BEYOND_DAYS

    @property
    def lines(self) -> Series:
        """The series the line charts draw: daily, or weekly means for long ranges."""
        return self.weeks if self.is_long else self.daily

    def logged_days(self) -> int:
        return int(np.count_nonzero(self.daily.values["logged"]))


def day_index(days: Iterable[str], start: dt.date, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Positions of ISO ``days`` inside a range of ``n`` days from ``start``, and which of them
    fall inside it."""
    dates = np.array(list(days), dtype="datetime64[D]")
    offsets = (dates - np.datetime64(start, "D")).astype(np.int64)
    return offsets, (offsets >= 0) & (offsets < n)


def _columns(rows: Sequence[tuple[Any, ...]]) -> list[np.ndarray]:
    """``(date, value, …)`` rows as one float array per value column (None becomes NaN)."""
    _dates, *columns = zip(*rows, strict=True)
    return [np.array(column, dtype=float) for column in columns]


def _daily(rows: Sequence[tuple[Any, ...]], start: dt.date, n: int, width: int) -> list[np.ndarray]:
    """``width`` arrays, one per value column of ``(date, value, …)`` rows; NaN where a day
    has no row or the value is missing."""
    out = [np.full(n, np.nan) for _ in range(width)]
    if rows:
        offsets, keep = day_index([row[0] for row in rows], start, n)
        for k, column in enumerate(_columns(rows)):
            out[k][offsets[keep]] = column[keep]
    return out


def _sum_per_day(n: int, start: dt.date, rows: Sequence[tuple[Any, ...]]) -> np.ndarray:
    """Daily totals of repeated records (activities); NaN where a day had none."""
    out = np.full(n, np.nan)
    if rows:
        offsets, keep = day_index([d for d, _ in rows], start, n)
        (values,) = _columns(rows)
        values = np.nan_to_num(values, nan=0.0)  # a record without minutes counts as 0
        totals = np.zeros(n)
        np.add.at(totals, offsets[keep], values[keep])
        seen = np.zeros(n, dtype=bool)
        seen[offsets[keep]] = True
        out[seen] = totals[seen]
    return out


def row_nanmedian(rows: np.ndarray) -> np.ndarray:
    """The median of each row ignoring NaN; every row must hold at least one number.

    The same values as ``np.nanmedian(rows, axis=1)``, which takes a masked-array path for short
    rows and costs most of the load time on ten years; sorting puts NaN last, so the middle
    of each row's numbers is found by index.
    """
    ordered = np.sort(rows, axis=1)
    count = np.count_nonzero(~np.isnan(rows), axis=1)
    index = np.arange(len(rows))
    return (ordered[index, (count - 1) // 2] + ordered[index, count // 2]) / 2


def rolling_band(values: np.ndarray) -> Band:
    """The lagged baseline for each day of a series that starts with ``LEAD_DAYS`` extra days.

    Day *t*'s baseline is the median of the 28 days ending 7 days before *t*, with a band of
    ± 1.4826 × MAD (a robust standard deviation), floored at ``MAD_FLOOR``.
    """
    n = len(values) - LEAD_DAYS
    windows = np.lib.stride_tricks.sliding_window_view(values[:-BASELINE_LAG], BASELINE_DAYS)[:n]
    enough = np.count_nonzero(~np.isnan(windows), axis=1) >= BASELINE_MIN_DAYS
    mid = np.full(n, np.nan)
    spread = np.full(n, np.nan)
    if enough.any():
        chosen = windows[enough]
        med = row_nanmedian(chosen)
        mad = row_nanmedian(np.abs(chosen - med[:, None])) * 1.4826
        mid[enough] = med
        spread[enough] = np.maximum(mad, MAD_FLOOR)
    return Band(mid, mid - spread, mid + spread)


def week_starts(start: dt.date, end: dt.date) -> tuple[dt.date, int]:
    """The Monday on or before ``start`` and how many weeks reach ``end``."""
    first = start - dt.timedelta(days=start.weekday())
    return first, (end - first).days // 7 + 1


def per_week(daily: np.ndarray, start: dt.date, how: str) -> np.ndarray:
    """Weekly ``mean`` or ``sum`` of a daily series (NaN days skipped; an all-NaN week is NaN)."""
    pad_front = start.weekday()
    total = pad_front + len(daily)
    pad_back = (-total) % 7
    grid = np.concatenate([np.full(pad_front, np.nan), daily, np.full(pad_back, np.nan)])
    grid = grid.reshape(-1, 7)
    counts = np.count_nonzero(~np.isnan(grid), axis=1)
    sums = np.nansum(grid, axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = sums / counts if how == "mean" else sums.astype(float)
    out[counts == 0] = np.nan
    return out


def load_trends(journal: Journal, start: dt.date, end: dt.date) -> TrendData:
    """Read every series the charts need for ``start``–``end`` (inclusive) from ``journal``."""
    if end < start:
        raise ValueError(f"the range ends ({end}) before it starts ({start})")
    n = (end - start).days + 1
    lead = LEAD_DAYS
    early = start - dt.timedelta(days=lead)
    s_iso, e_iso = start.isoformat(), end.isoformat()

    # Raw columns, not records: ten years are ~17,000 rows, and a record per row would cost
    # more than everything else here.
    checkins = journal.checkins.columns(("date", *RATINGS), early.isoformat(), e_iso)
    sleeps = journal.sleep.columns(("date", "hours"), s_iso, e_iso)
    load_fields = ("date", "session_hours", "sessions", "trauma_sessions", "day_off")
    sessions = journal.sessions.columns(load_fields, s_iso, e_iso)
    activities = journal.activities.columns(("date", "minutes"), s_iso, e_iso)
    cups = journal.cup_actions.columns(("date",), s_iso, e_iso)
    checks = journal.self_checks.columns(("date", *SELF_CHECK_SCORES), s_iso, e_iso)
    settings = journal.settings.load()

    values: dict[str, np.ndarray] = {}
    bands: dict[str, Band] = {}
    ratings = _daily(checkins, early, n + lead, len(RATINGS))
    for name, long in zip(RATINGS, ratings, strict=True):
        bands[name] = rolling_band(long)
        values[name] = long[lead:]
    (values["sleep_hours"],) = _daily(sleeps, start, n, 1)
    loads = _daily(sessions, start, n, len(load_fields) - 1)
    values.update(zip(load_fields[1:], loads, strict=True))
    values["activity_minutes"] = _sum_per_day(n, start, activities)
    values["trauma_hours"], values["other_hours"] = split_session_hours(values)

    logged = ~np.isnan(values["mood"]) | ~np.isnan(values["energy"]) | ~np.isnan(values["stress"])
    for name in ("sleep_hours", "session_hours", "sessions", "day_off", "activity_minutes"):
        logged |= ~np.isnan(values[name])
    values["logged"] = logged.astype(float)

    x = np.arange(np.datetime64(start, "D"), np.datetime64(end, "D") + 1)
    daily = Series(x, values, bands)
    cup_days = np.array([row[0] for row in cups], dtype="datetime64[D]")
    return TrendData(
        start=start,
        end=end,
        daily=daily,
        weeks=_weekly(daily, start, end, cup_days),
        targets=Targets(
            settings.sleep_target_hours,
            settings.weekly_activity_target_minutes,
            settings.weekly_session_hours_cap,
        ),
        cup_action_days=cup_days,
        self_checks=Series(
            np.array([row[0] for row in checks], dtype="datetime64[D]"),
            dict(
                zip(
                    SELF_CHECK_SCORES,
                    _columns(checks) if checks else [np.zeros(0)] * len(SELF_CHECK_SCORES),
                    strict=True,
                )
            ),
        ),
    )


def split_session_hours(values: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Session hours split into trauma-heavy and other, in proportion to the session counts.

    Sessions are not timed one by one, so a day with 2 trauma-heavy sessions out of 5 and 6 h
    counts 2.4 h as trauma-heavy. A day without counts keeps all its hours as "other".
    """
    hours = values["session_hours"]
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(
            values["sessions"] > 0, values["trauma_sessions"] / values["sessions"], 0.0
        )
    share = np.nan_to_num(share, nan=0.0)
    trauma = hours * share
    return trauma, hours - trauma


def _weekly(daily: Series, start: dt.date, end: dt.date, cup_days: np.ndarray) -> Series:
    first, count = week_starts(start, end)
    v = daily.values
    weekly: dict[str, np.ndarray] = {}
    for name in (*RATINGS, "sleep_hours"):
        weekly[name] = per_week(v[name], start, "mean")
    for name in ("session_hours", "trauma_hours", "other_hours", "sessions", "trauma_sessions"):
        weekly[name] = per_week(v[name], start, "sum")
    for name in ("day_off", "logged"):
        weekly[name] = per_week(v[name], start, "sum")
    # A week with any logged day but no activity record had no activity: 0, not missing.
    activity = per_week(v["activity_minutes"], start, "sum")
    any_logged = weekly["logged"] > 0
    weekly["activity_minutes"] = np.where(any_logged, np.nan_to_num(activity), np.nan)
    offsets = (cup_days - np.datetime64(first, "D")).astype(np.int64) // 7
    cups = np.zeros(count)
    np.add.at(cups, offsets[(offsets >= 0) & (offsets < count)], 1)
    weekly["cup_actions"] = np.where(any_logged | (cups > 0), cups, np.nan)
    bands = {
        name: Band(*(per_week(getattr(b, part), start, "mean") for part in ("mid", "low", "high")))
        for name, b in daily.bands.items()
    }
    x = np.datetime64(first, "D") + np.arange(count) * 7
    return Series(x, weekly, bands, weekly=True)


def all_time_range(journal: Journal, today: dt.date) -> tuple[dt.date, dt.date]:
    """From the first check-in, sleep or session record to ``today`` (a year back if empty)."""
    firsts = [
        dates[0]
        for dates in (journal.checkins.dates(), journal.sleep.dates(), journal.sessions.dates())
        if dates
    ]
    start = dt.date.fromisoformat(min(firsts)) if firsts else today - dt.timedelta(days=364)
    return min(start, today), today
