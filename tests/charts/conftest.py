"""A journal with known values and gaps for the chart tests."""

from __future__ import annotations

import datetime as dt

import pytest
from synthetic_journal import fill_journal

END = dt.date(2026, 3, 1)
DAYS = 70
#: Offsets (0 = first filled day) left empty; the charts' range starts 35 days in.
GAPS = frozenset({40, 41, 42, 55})


@pytest.fixture
def filled(journal):  # type: ignore[no-untyped-def]
    fill_journal(journal, END, DAYS, gaps=GAPS)
    return journal


def gap_days() -> list[dt.date]:
    start = END - dt.timedelta(days=DAYS - 1)
    return [start + dt.timedelta(days=i) for i in sorted(GAPS)]
