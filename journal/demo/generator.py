"""Fill a journal with the demo clinician's story, through the store's repositories.

Deterministic: the same ``seed`` and ``end`` date give identical records (each concern draws from
its own ``random.Random`` seeded from ``seed``, so a change to the text banks never changes the
numbers). Everything is written in one transaction: fast, and all or nothing.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from journal.demo.actions import load_actions
from journal.demo.observe import Observed, Recorder
from journal.demo.story import Arc, Life, arcs
from journal.demo.text import Writer
from journal.store import Journal

#: ``progress(days_done, days_total)``, called every few weeks of generated days.
Progress = Callable[[int, int], None]

MAX_DAYS = 36_500


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What was generated: the span, the story arcs and how many records of each kind."""

    start: str
    end: str
    days: int
    logged_days: int
    checkins: int
    sleep: int
    sessions: int
    activities: int
    cup_actions: int
    self_checks: int
    entries: int
    arcs: tuple[Arc, ...]

    def counts(self) -> dict[str, int]:
        """Record counts by kind, in a stable order (for printing)."""
        names = (
            "checkins",
            "sleep",
            "sessions",
            "activities",
            "cup_actions",
            "self_checks",
            "entries",
        )
        return {name: getattr(self, name) for name in names}


def _rng(seed: int, purpose: str) -> random.Random:
    # String seeds are hashed with SHA-512 by ``random``: stable across runs and platforms.
    return random.Random(f"refill-demo:{seed}:{purpose}")


def simulate(days: int, seed: int, end: dt.date) -> tuple[list[Arc], list[Observed]]:
    """The story and each date's records (without entries), oldest first."""
    if not 1 <= days <= MAX_DAYS:
        raise ValueError(f"days must be from 1 to {MAX_DAYS}, got {days}")
    start = end - dt.timedelta(days=days - 1)
    story = arcs(start, end, _rng(seed, "arcs"))
    states = Life(story, _rng(seed, "life")).days()
    recorder = Recorder(_rng(seed, "records"), load_actions())
    return story, list(recorder.observe(states))


def writer(seed: int) -> Writer:
    """The entry writer of ``seed`` (what :func:`generate_demo` uses for its text)."""
    return Writer(_rng(seed, "text"))


def generate_demo(
    journal: Journal,
    *,
    days: int = 120,
    seed: int = 0,
    end: dt.date | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Write ``days`` days ending on ``end`` (default today) into an open, empty ``journal``."""
    end = end or dt.date.today()
    story, observed = simulate(days, seed, end)
    text = writer(seed)
    counts = dict.fromkeys(
        ("checkins", "sleep", "sessions", "activities", "cup_actions", "self_checks", "entries"), 0
    )
    with journal.db.transaction():
        for index, day in enumerate(observed, start=1):
            if day.logged:
                _write_day(journal, day, text, counts)
            if progress and (index % 30 == 0 or index == len(observed)):
                progress(index, len(observed))
    return DemoSummary(
        start=observed[0].state.date.isoformat(),
        end=end.isoformat(),
        days=days,
        logged_days=sum(day.logged for day in observed),
        arcs=tuple(story),
        **counts,
    )


def _write_day(journal: Journal, day: Observed, writer: Writer, counts: dict[str, int]) -> None:
    for repo, record, name in (
        (journal.checkins, day.checkin, "checkins"),
        (journal.sleep, day.sleep, "sleep"),
        (journal.sessions, day.load, "sessions"),
    ):
        if record is not None:
            repo.save(record)  # type: ignore[attr-defined]
            counts[name] += 1
    for activity in day.activities:
        journal.activities.add(activity)
    for cup in day.cups:
        journal.cup_actions.add(cup)
    if day.self_check is not None:
        journal.self_checks.add(day.self_check)
        counts["self_checks"] += 1
    entries = writer.entries(day)
    for entry in entries:
        journal.entries.add(entry)
    counts["activities"] += len(day.activities)
    counts["cup_actions"] += len(day.cups)
    counts["entries"] += len(entries)


def create_demo_journal(
    path: Path | str,
    passphrase: str,
    *,
    days: int = 120,
    seed: int = 0,
    end: dt.date | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Create a new journal at ``path`` (which must not exist) holding a demo story.

    The journal is closed afterwards. If generation fails, the half-made file is removed, so a
    failed demo never leaves an empty journal behind. Raises ``JournalExists`` for an existing
    path.
    """
    journal = Journal.create(path, passphrase)
    try:
        summary = generate_demo(journal, days=days, seed=seed, end=end, progress=progress)
    except BaseException:
        journal.close(backup_if_changed=False)
        for suffix in ("", "-wal", "-shm"):
            with suppress(FileNotFoundError):
                Path(f"{path}{suffix}").unlink()
        raise
    journal.close(backup_if_changed=False)
    return summary
