"""Known texts for the summary tests and a PDF text extractor."""

from __future__ import annotations

import datetime as dt
import io

END = dt.date(2026, 3, 1)
START = END - dt.timedelta(days=27)
CANARY = "CANARY-unmarked-7f3a"
MARKED_TEXT = "Supervision topic: boundaries with a long waiting list"


def pdf_text(data: bytes, password: str | None = None) -> str:
    """All text pypdf can extract from a PDF (whitespace collapsed)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if password is not None:
        reader.decrypt(password)
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
