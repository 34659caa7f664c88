"""What a supervisor summary contains: the period, the sections, the note, the paper size.

Plain data shared by the export dialog and ``refill export summary``; no Qt, no matplotlib.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field

#: Section ids in page order; the chart ids are those of :mod:`journal.charts`.
CHART_SECTIONS = ("mood", "sleep", "load", "activity", "calendar", "selfcheck")
SECTIONS = ("overview", *CHART_SECTIONS, "flags", "actions", "note", "entries")
DEFAULT_SECTIONS = (
    "overview",
    "mood",
    "sleep",
    "load",
    "activity",
    "flags",
    "actions",
    "note",
    "entries",
)
SECTION_TITLES = {
    "overview": "Overview against the previous period",
    "mood": "Chart: mood, energy and stress",
    "sleep": "Chart: sleep against the target",
    "load": "Chart: session load and the weekly cap",
    "activity": "Chart: activity against the weekly target",
    "calendar": "Chart: mood calendar",
    "selfcheck": "Chart: self-check scores",
    "flags": "Patterns worth noticing (flags)",
    "actions": "Cup actions and what helped",
    "note": "Note to my supervisor",
    "entries": "Journal entries I marked for supervision",
}

#: Countries that use US Letter paper (others use A4).
LETTER_COUNTRIES = frozenset(
    {"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PA", "DO", "SV", "NI", "PR", "BZ"}
)
PAPER_SIZES = {"a4": (8.27, 11.69), "letter": (8.5, 11.0)}
DEFAULT_WEEKS = 4


class SummaryError(ValueError):
    """A summary that cannot be made as asked (bad period, unknown section); the text says why."""


@dataclass(frozen=True)
class SummaryOptions:
    """One summary request."""

    start: dt.date
    end: dt.date
    sections: tuple[str, ...] = DEFAULT_SECTIONS
    left_out_flags: frozenset[str] = field(default_factory=frozenset)
    note: str = ""
    paper: str = "a4"
    password: str | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise SummaryError(f"the period ends ({self.end}) before it starts ({self.start})")
        unknown = [s for s in self.sections if s not in SECTIONS]
        if unknown:
            raise SummaryError(f"unknown section {unknown[0]!r} (known: {', '.join(SECTIONS)})")
        if self.paper not in PAPER_SIZES:
            raise SummaryError(f"unknown paper size {self.paper!r} (a4 or letter)")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def previous(self) -> tuple[dt.date, dt.date]:
        """The period of equal length just before this one."""
        end = self.start - dt.timedelta(days=1)
        return end - dt.timedelta(days=self.days - 1), end

    def has(self, section: str) -> bool:
        return section in self.sections


def default_period(today: dt.date) -> tuple[dt.date, dt.date]:
    """The last four weeks, ending today."""
    return today - dt.timedelta(days=DEFAULT_WEEKS * 7 - 1), today


def parse_sections(text: str | None) -> tuple[str, ...]:
    """``overview,mood,flags`` → section ids in page order; None or empty → the defaults."""
    if not text or not text.strip():
        return DEFAULT_SECTIONS
    wanted = [part.strip().lower() for part in text.split(",") if part.strip()]
    unknown = [w for w in wanted if w not in SECTIONS]
    if unknown:
        raise SummaryError(f"unknown section {unknown[0]!r} (known: {', '.join(SECTIONS)})")
    return tuple(s for s in SECTIONS if s in wanted)


def paper_for_country(country: str | None) -> str:
    """``letter`` for the Americas' Letter countries, else ``a4``."""
    return "letter" if (country or "").upper() in LETTER_COUNTRIES else "a4"


def system_country(environ: Mapping[str, str] | None = None) -> str | None:
    """The two-letter country of the user's locale (``en_US.UTF-8`` → ``US``), if any.

    Read from the environment the way the C library would choose the paper size (``LC_ALL``,
    then ``LC_PAPER``, then ``LANG``), so it works without changing the process locale.
    """
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_PAPER", "LANG"):
        code = env.get(name, "").split(".")[0].split("@")[0]
        if "_" in code:
            return code.split("_")[1][:2].upper()
    return None
