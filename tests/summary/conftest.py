"""A filled journal with marked and unmarked entries for the summary tests."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from summary_support import CANARY, END, MARKED_TEXT

sys.path.insert(0, str(Path(__file__).parent.parent / "charts"))
from synthetic_journal import fill_journal

from journal.store.models import Entry


@pytest.fixture
def filled(journal):  # type: ignore[no-untyped-def]
    fill_journal(journal, END, 70)
    journal.entries.add(
        Entry(END.isoformat(), title=f"Private {CANARY}", body=f"Never share {CANARY}.")
    )
    journal.entries.add(
        Entry(
            (END - dt.timedelta(days=3)).isoformat(),
            title="For supervision",
            body=MARKED_TEXT,
            include_in_summary=True,
        )
    )
    return journal
