"""A journal with known values and gaps for the chart tests."""

from __future__ import annotations

import pytest
from chart_support import DAYS, END, GAPS
from synthetic_journal import fill_journal


@pytest.fixture
def filled(journal):  # type: ignore[no-untyped-def]
    fill_journal(journal, END, DAYS, gaps=GAPS)
    return journal
