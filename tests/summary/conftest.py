"""A filled journal with marked and unmarked entries for the summary tests."""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / "charts"))
from synthetic_journal import fill_journal

from journal.store.models import Entry

END = dt.date(2026, 3, 1)
START = END - dt.timedelta(days=27)
CANARY = "CANARY-unmarked-7f3a"
MARKED_TEXT = "Supervision topic: boundaries with a long waiting list"


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


def pdf_text(data: bytes, password: str | None = None) -> str:
    """All text pypdf can extract from a PDF (whitespace collapsed)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if password is not None:
        reader.decrypt(password)
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
