"""Steady clinicians over many seeds stay under the stated false-flag rate.

Stated rate: on fewer than 3 % of evaluated days does a steady clinician (no change in load,
sleep or ratings, only day-to-day noise and missing days) see any flag at all, and never a
`warning`. Why 3 %: the app is opened most days, so 3 % is at most about one day a month with
a "watch" flag across all 13 rules together, rare enough not to teach people to ignore flags,
while every rule keeps the sensitivity the persona tests require. Measured when written:
1.7 % of days (about 3 short "watch" episodes per person-year), no rule above 0.6 %.
"""

from __future__ import annotations

import datetime as dt

from flag_timeline import daily_flags
from personas import START, make

from journal.insights.engine import agreeing

SEEDS = 50
DAYS = 200
MAX_RATE = 0.03


def test_steady_personas_stay_under_the_false_flag_rate() -> None:
    """50 steady clinicians × the last 90 days each: any-flag days under 3 %, no warnings."""
    last = START + dt.timedelta(DAYS - 1)
    flagged = evaluated = 0
    for seed in range(SEEDS):
        flags = daily_flags(make("steady", 1000 + seed, days=DAYS), last)
        for day, found in flags.items():
            if day <= last - dt.timedelta(90):
                continue
            evaluated += 1
            flagged += bool(found)
            assert not agreeing(found), (seed, day, found)
    rate = flagged / evaluated
    assert rate < MAX_RATE, f"false-flag rate {rate:.2%}"
