"""Insights: honest, explained patterns in a clinician's own logs, and what might help.

Pure and deterministic: plain records in (:class:`JournalData`), plain dataclasses out
(:class:`InsightsReport`). No Qt, no SQL, no I/O beyond reading the bundled data files.
Reflection, not diagnosis.
"""

from journal.insights.catalogue import Action, Catalogue, CatalogueError, load_catalogue
from journal.insights.data import JournalData
from journal.insights.engine import analyse
from journal.insights.flags import FLAGS, FlagInfo
from journal.insights.model import (
    FLAG_KINDS,
    LEVELS,
    Evidence,
    Flag,
    Helps,
    InsightsReport,
    Missing,
    Suggestion,
)

DISCLAIMER = (
    "Reflection, not diagnosis: these are patterns in your own logs, worth noticing, "
    "never a clinical assessment."
)

__all__ = [
    "DISCLAIMER",
    "FLAGS",
    "FLAG_KINDS",
    "LEVELS",
    "Action",
    "Catalogue",
    "CatalogueError",
    "Evidence",
    "Flag",
    "FlagInfo",
    "Helps",
    "InsightsReport",
    "JournalData",
    "Missing",
    "Suggestion",
    "analyse",
    "load_catalogue",
]
