"""The supervisor summary: a PDF of a chosen period for reflective supervision.

``gather`` reads what the chosen sections need from the journal (plain data, off the UI thread),
``build_pdf`` draws the same chart functions as the Trends view onto pages in memory, and
``write_atomically`` puts the file where the user asked. Entry text appears only for entries the
user marked for the summary.

Importing this package is cheap (options only); the names that need numpy or matplotlib are
loaded on first use, so the window can offer the export without paying for matplotlib at launch.
"""

from __future__ import annotations

import importlib
from typing import Any

from journal.summary.options import (
    DEFAULT_SECTIONS,
    SECTIONS,
    SummaryError,
    SummaryOptions,
    default_period,
    paper_for_country,
)

_LAZY = {
    "SummaryContent": "journal.summary.content",
    "gather": "journal.summary.content",
    "build_pdf": "journal.summary.render",
    "preview_pngs": "journal.summary.render",
    "write_atomically": "journal.summary.render",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DEFAULT_SECTIONS",
    "SECTIONS",
    "SummaryContent",
    "SummaryError",
    "SummaryOptions",
    "build_pdf",
    "default_period",
    "gather",
    "paper_for_country",
    "preview_pngs",
    "write_atomically",
]
