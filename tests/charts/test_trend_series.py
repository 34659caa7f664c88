"""The trend series: gaps stay missing, weeks add up, the baseline needs enough days."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from chart_support import END, gap_days

from journal.service.trends import load_trends, per_week, rolling_band, row_nanmedian
from journal.store.models import Activity, CheckIn


def test_missing_days_are_nan_not_zero(filled):
    """A day without any record is NaN in every series, never 0."""
    data = load_trends(filled, END - dt.timedelta(days=34), END)
    for day in gap_days():
        i = (day - data.start).days
        for name in ("mood", "energy", "stress", "sleep_hours", "session_hours"):
            assert np.isnan(data.daily.values[name][i]), (name, day)
        assert data.daily.values["logged"][i] == 0


def test_values_match_the_journal(filled):
    """Each logged day carries exactly the stored value."""
    data = load_trends(filled, END - dt.timedelta(days=34), END)
    stored = filled.checkins.get(END.isoformat())
    assert data.daily.values["mood"][-1] == stored.mood
    assert data.daily.values["stress"][-1] == stored.stress


def test_weekly_sums_and_means_skip_missing_days():
    """A week's mean uses logged days only; an all-missing week is NaN."""
    monday = dt.date(2026, 3, 2)
    daily = np.array([4, np.nan, 6, np.nan, np.nan, np.nan, np.nan] + [np.nan] * 7)
    means = per_week(daily, monday, "mean")
    sums = per_week(daily, monday, "sum")
    assert means[0] == 5 and sums[0] == 10
    assert np.isnan(means[1]) and np.isnan(sums[1])


def test_activity_week_without_records_but_logged_is_zero(journal):
    """A week with check-ins but no activity had 0 minutes; a week with nothing is missing."""
    start = dt.date(2026, 3, 2)  # a Monday
    journal.checkins.save(CheckIn(start.isoformat(), mood=5))
    journal.activities.add(Activity((start + dt.timedelta(days=14)).isoformat(), minutes=30))
    data = load_trends(journal, start, start + dt.timedelta(days=20))
    minutes = data.weeks.values["activity_minutes"]
    assert minutes[0] == 0 and np.isnan(minutes[1]) and minutes[2] == 30


def test_baseline_band_needs_twenty_logged_days():
    """No band before 20 of the 28 lagged days are logged; MAD 0 is floored to 0.5."""
    values = np.full(35 + 20, 6.0)
    values[:20] = np.nan  # the first day's window (days 0-27) has only 8 logged days
    band = rolling_band(values)
    assert np.isnan(band.mid[0])
    assert band.mid[-1] == 6 and band.high[-1] - band.mid[-1] == 0.5


def test_ten_years_are_drawn_weekly(journal):
    """Ranges beyond ~13 months use weekly means (about 520 points for ten years)."""
    data = load_trends(journal, dt.date(2016, 3, 1), dt.date(2026, 2, 28))
    assert data.is_long and data.lines.weekly
    assert 520 <= len(data.lines) <= 523


def test_columns_refuse_unknown_fields(journal):
    """The raw-column reader only accepts the record's own field names."""
    with pytest.raises(ValueError, match="no field 'mood; DROP'"):
        journal.checkins.columns(("date", "mood; DROP"))


def test_row_median_matches_numpy_nanmedian():
    """The sorted-index median gives numpy's nanmedian for rows with gaps, odd and even counts."""
    rng = np.random.default_rng(3)
    rows = rng.integers(0, 11, size=(400, 28)).astype(float)
    rows[rng.random(rows.shape) < 0.3] = np.nan
    rows[0, 0], rows[0, 1:] = 4.0, np.nan  # a single number
    rows[1] = rng.random(28) * 10  # non-integers
    assert np.array_equal(row_nanmedian(rows), np.nanmedian(rows, axis=1))
