"""Everything a supervisor summary shows, gathered from a journal into plain data.

Runs off the UI thread (it reads the journal and runs the insights); the pages are drawn from
the result. Entry text enters the summary only through :func:`marked_entries`, which asks the
store for entries the user marked — nothing else of an entry is ever read here.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from journal.insights import load_catalogue
from journal.service.insights import report_for
from journal.service.trends import TrendData, load_trends
from journal.store import Journal
from journal.store.models import Entry
from journal.summary.options import SummaryOptions
from journal.text_checks import IdentifierHit, find_identifiers


@dataclass(frozen=True)
class Measure:
    """One overview figure: this period beside the previous one."""

    label: str
    unit: str
    now: float | None
    before: float | None
    digits: int = 1

    @property
    def change(self) -> float | None:
        if self.now is None or self.before is None:
            return None
        return self.now - self.before


@dataclass(frozen=True)
class ActionCount:
    """A cup action and how many times it was done in the period."""

    title: str
    times: int
    minutes: int


@dataclass(frozen=True)
class MarkedEntry:
    """An entry the user chose to share, with anything that looks like a client identifier."""

    entry: Entry
    hits: list[IdentifierHit]  # positions in :attr:`checked_text`

    @property
    def checked_text(self) -> str:
        return checked_text(self.entry)

    def findings(self) -> list[tuple[str, str]]:
        """(the text that was found, why it looks like an identifier) for each hit."""
        text = self.checked_text
        return [(text[h.start : h.end], h.why) for h in self.hits]


@dataclass(frozen=True)
class SummaryContent:
    """The data behind every page of one summary."""

    options: SummaryOptions
    generated: dt.date
    trends: TrendData
    overview: list[Measure]
    flags: list[Any] = field(default_factory=list)  # journal.insights.Flag
    all_flags: list[Any] = field(default_factory=list)  # before leaving any out
    actions: list[ActionCount] = field(default_factory=list)
    helps: list[Any] = field(default_factory=list)  # journal.insights.Helps
    entries: list[MarkedEntry] = field(default_factory=list)

    @property
    def identifier_hits(self) -> int:
        return sum(len(e.hits) for e in self.entries)


def _mean(values: np.ndarray) -> float | None:
    logged = values[~np.isnan(values)]
    return float(logged.mean()) if len(logged) else None


def _per_week(values: np.ndarray, days: int) -> float | None:
    logged = values[~np.isnan(values)]
    return float(logged.sum()) / days * 7 if len(logged) else None


def _share(part: np.ndarray, whole: np.ndarray) -> float | None:
    both = ~np.isnan(part) & ~np.isnan(whole)
    total = whole[both].sum()
    return float(part[both].sum() / total * 100) if total > 0 else None


def period_figures(data: TrendData) -> dict[str, float | None]:
    """The averages the overview compares, for one period."""
    v = data.daily.values
    return {
        "mood": _mean(v["mood"]),
        "energy": _mean(v["energy"]),
        "stress": _mean(v["stress"]),
        "sleep": _mean(v["sleep_hours"]),
        "session_hours": _per_week(v["session_hours"], data.days),
        "trauma_share": _share(v["trauma_sessions"], v["sessions"]),
        "activity": _per_week(v["activity_minutes"], data.days),
        "days_off": float(np.count_nonzero(v["day_off"] == 1)) if data.logged_days() else None,
        "logged": float(data.logged_days()),
    }


OVERVIEW_ROWS = (
    ("mood", "Mood (0–10, mean)", "", 1),
    ("energy", "Energy (0–10, mean)", "", 1),
    ("stress", "Stress (0–10, mean)", "", 1),
    ("sleep", "Sleep (hours a night, mean)", " h", 1),
    ("session_hours", "Client session hours per week", " h", 1),
    ("trauma_share", "Trauma-heavy sessions (% of all)", "", 0),
    ("activity", "Activity (minutes per week)", " min", 0),
    ("days_off", "Days off", "", 0),
    ("logged", "Days with anything logged", "", 0),
)


def overview(now: TrendData, before: TrendData) -> list[Measure]:
    a, b = period_figures(now), period_figures(before)
    return [
        Measure(label, unit, a[key], b[key], digits) for key, label, unit, digits in OVERVIEW_ROWS
    ]


def checked_text(entry: Entry) -> str:
    """What the identifier guard reads of an entry: its title and its body."""
    return f"{entry.title}\n\n{entry.body}"


def marked_entries(journal: Journal, start: dt.date, end: dt.date) -> list[MarkedEntry]:
    """Entries marked for the summary, each re-checked by the client-identifier guard."""
    out = []
    for entry in journal.entries.marked_for_summary(start.isoformat(), end.isoformat()):
        out.append(MarkedEntry(entry, find_identifiers(checked_text(entry))))
    return out


def action_counts(journal: Journal, start: dt.date, end: dt.date) -> list[ActionCount]:
    """Cup actions done in the period, most frequent first, by their catalogue or own title."""
    catalogue = load_catalogue()
    own = {a.id: a.title for a in journal.custom_actions.all()}
    times: Counter[str] = Counter()
    minutes: Counter[str] = Counter()
    for done in journal.cup_actions.between(start.isoformat(), end.isoformat()):
        if done.action_id:
            known = catalogue.get(done.action_id)
            title = known.title if known else own.get(done.action_id, done.action_id)
        else:
            title = (done.custom_title or "").strip()
        times[title] += 1
        minutes[title] += done.minutes or 0
    return [ActionCount(t, n, minutes[t]) for t, n in times.most_common()]


def insights_report(journal: Journal, as_of: dt.date) -> Any:
    """The insights as of the period's last day (flags, what helps)."""
    return report_for(journal, as_of=as_of)


def gather(
    journal: Journal, options: SummaryOptions, today: dt.date | None = None
) -> SummaryContent:
    """Read what the chosen sections need; sections left out are not read at all."""
    trends = load_trends(journal, options.start, options.end)
    before = load_trends(journal, *options.previous)
    flags: list[Any] = []
    helps: list[Any] = []
    if options.has("flags") or options.has("actions"):
        report = insights_report(journal, options.end)
        flags, helps = list(report.flags), list(report.what_helps)
    return SummaryContent(
        options=options,
        generated=today or dt.date.today(),
        trends=trends,
        overview=overview(trends, before),
        flags=[f for f in flags if f.id not in options.left_out_flags],
        all_flags=flags,
        actions=action_counts(journal, options.start, options.end)
        if options.has("actions")
        else [],
        helps=helps if options.has("actions") else [],
        entries=marked_entries(journal, options.start, options.end)
        if options.has("entries")
        else [],
    )


def format_value(value: float | None, unit: str = "", digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return f"{value:.{digits}f}{unit}"
