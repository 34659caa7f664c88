"""The supervisor summary: a PDF of a chosen period for reflective supervision.

``gather`` reads what the chosen sections need from the journal (plain data, off the UI thread),
``build_pdf`` draws the same chart functions as the Trends view onto pages in memory, and
``write_atomically`` puts the file where the user asked. Entry text appears only for entries the
user marked for the summary.
"""

from journal.summary.content import SummaryContent, gather
from journal.summary.options import (
    DEFAULT_SECTIONS,
    SECTIONS,
    SummaryError,
    SummaryOptions,
    default_period,
    paper_for_country,
)
from journal.summary.render import build_pdf, preview_pngs, write_atomically

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
