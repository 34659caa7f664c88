"""The demo journal: deterministic, realistic, searchable, and free of anything identifying."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import random
import re
import statistics
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from journal.demo import (
    COMMON_WORD,
    COMMON_WORD_SHARE,
    PHRASE,
    PHRASE_SHARE,
    RARE_WORD,
    create_demo_journal,
    generate_demo,
    simulate,
)
from journal.demo.generator import writer
from journal.demo.observe import Observed
from journal.demo.story import BUILD, HOLIDAY, STEADY, TRAUMA
from journal.insights.selfcheck import score
from journal.store import Journal
from journal.store.models import Entry, Sleep
from journal.store.repositories import hours_between
from journal.text_checks import crisis_language, find_identifiers

END = dt.date(2026, 3, 1)
PASSPHRASE = "correct horse battery"
Refill = Callable[..., subprocess.CompletedProcess[str]]

IDENTIFIER_PATTERNS = {
    "e-mail": re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+"),
    "phone or record number": re.compile(r"\+?\d[\d\s().-]{5,}\d"),
    "any digits": re.compile(r"\d"),
    "DOB/MRN label": re.compile(r"\b(DOB|D\.O\.B|MRN|NHS|SSN)\b", re.IGNORECASE),
    "date": re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b"),
    "street address": re.compile(r"\b(street|road|avenue|lane|drive)\b\s*\d", re.IGNORECASE),
}


def _everything(journal: Journal) -> dict[str, list[object]]:
    return {
        "checkins": list(journal.checkins.between()),
        "sleep": list(journal.sleep.between()),
        "sessions": list(journal.sessions.between()),
        "activities": list(journal.activities.between()),
        "cups": list(journal.cup_actions.between()),
        "self_checks": list(journal.self_checks.between()),
        "entries": list(journal.entries.between()),
    }


def _entries(observed: list[Observed], seed: int) -> Iterator[Entry]:
    text = writer(seed)
    for day in observed:
        if day.logged:
            yield from text.entries(day)


@pytest.fixture(scope="module")
def three_years() -> list[Observed]:
    """Three years of one seed's records (without entries), generated once for this module."""
    return simulate(3 * 365, seed=11, end=END)[1]


@pytest.fixture(scope="module")
def ten_years_of_text() -> list[Entry]:
    """The entries of a ten-year demo, composed in memory (no journal needed)."""
    return list(_entries(simulate(3650, seed=0, end=END)[1], seed=0))


# ------------------------------------------------------------------------------ determinism


def test_same_seed_and_end_give_identical_records(journal: Journal, tmp_path: Path) -> None:
    """Two journals from the same seed and end date hold exactly the same records, whatever the
    global random state, and another seed gives different ones."""
    random.seed(1)
    generate_demo(journal, days=45, seed=5, end=END)
    random.seed(2)
    with Journal.create(tmp_path / "again.refill", PASSPHRASE) as again:
        generate_demo(again, days=45, seed=5, end=END)
        assert _everything(again) == _everything(journal)
    with Journal.create(tmp_path / "other.refill", PASSPHRASE) as other:
        generate_demo(other, days=45, seed=6, end=END)
        assert _everything(other)["checkins"] != _everything(journal)["checkins"]


# ------------------------------------------------------------------------------ realism


def test_a_year_saves_through_validation_with_about_three_entries_a_day(journal: Journal) -> None:
    """A year of demo data passes the repositories' validation, with ~3 entries of ~150 words a
    day, one record per logged day, counts that match what is stored, and self-checks whose
    scores are the app's own scoring of their answers."""
    summary = generate_demo(journal, days=365, seed=2, end=END)
    assert summary.entries == journal.entries.count()
    assert summary.checkins == journal.checkins.count() == summary.logged_days
    assert 2.6 <= summary.entries / summary.days <= 3.4
    words = [len(e.body.split()) for e in journal.entries.between()]
    assert 130 <= statistics.mean(words) <= 175
    checks = journal.self_checks.between()
    assert 15 <= len(checks) <= 27  # fortnightly, a few skipped
    assert all(score(c.answers) == {k: getattr(c, k) for k in score(c.answers)} for c in checks)
    assert {a.kind for a in journal.activities.between()} >= {"walk", "run", "yoga"}
    assert any(e.include_in_summary for e in journal.entries.between())
    tags = journal.entries.tag_counts()
    assert tags["work"] > 50 and tags["trauma-work"] > 10 and tags["gratitude"] > 50


def test_weekdays_carry_the_sessions_and_weekends_are_mostly_off(
    three_years: list[Observed],
) -> None:
    """Weekdays have about four to seven sessions; most weekend days are marked as days off."""
    loads = [d.load for d in three_years if d.load is not None]
    weekday = [x for x in loads if dt.date.fromisoformat(x.date).weekday() < 5 and not x.day_off]
    weekend = [x for x in loads if dt.date.fromisoformat(x.date).weekday() >= 5]
    assert 4.0 <= statistics.mean(x.sessions or 0 for x in weekday) <= 7.0
    assert sum(bool(x.day_off) for x in weekend) / len(weekend) > 0.85
    assert all(
        (x.trauma_sessions or 0) <= (x.sessions or 0) and (x.crisis_sessions or 0) <= 1
        for x in loads
    )
    assert any(x.crisis_sessions for x in weekday)


def test_some_days_are_skipped_including_multi_day_gaps(three_years: list[Observed]) -> None:
    """Roughly one day in eight has no check-in, and at least one gap lasts five days or more
    (the 5–8 day gaps can merge with a skipped day beside them)."""
    missing = [not d.logged for d in three_years]
    assert 0.07 <= sum(missing) / len(missing) <= 0.18
    longest = run = 0
    for skipped in missing:
        run = run + 1 if skipped else 0
        longest = max(longest, run)
    assert 5 <= longest <= 10


def _hours(sleep: Sleep) -> float:
    """Hours slept, derived as the store derives them from bedtime and wake time."""
    assert sleep.bedtime and sleep.wake_time
    return hours_between(sleep.bedtime, sleep.wake_time)


def _mean(values: list[float | int | None]) -> float:
    return statistics.mean(v for v in values if v is not None)


def test_trauma_stretches_raise_intrusive_thoughts_and_disturb_the_next_nights(
    three_years: list[Observed],
) -> None:
    """Trauma arcs have a much higher trauma share and intrusive ratings, and sleep after a
    trauma-heavy day is shorter and worse than after other workdays."""
    logged = [d for d in three_years if d.logged and d.load and d.load.sessions]
    in_arc = [d for d in logged if d.state.arc == TRAUMA]
    elsewhere = [d for d in logged if d.state.arc != TRAUMA]

    def share(days: list[Observed]) -> float:
        return sum(d.state.trauma_sessions for d in days) / sum(d.state.sessions for d in days)

    assert in_arc and share(in_arc) > 2 * share(elsewhere)
    intrusive = [d.checkin.intrusive for d in in_arc if d.checkin]
    assert _mean(intrusive) > _mean([d.checkin.intrusive for d in elsewhere if d.checkin]) + 1

    after_heavy, after_other = [], []
    for yesterday, today in itertools.pairwise(three_years):
        if yesterday.state.sessions and today.sleep:
            heavy = yesterday.state.trauma_sessions >= 3
            (after_heavy if heavy else after_other).append(today.sleep)
    assert _mean([_hours(s) for s in after_heavy]) < _mean([_hours(s) for s in after_other]) - 0.5
    assert _mean([s.quality for s in after_heavy]) < _mean([s.quality for s in after_other]) - 1


def test_builds_erode_sleep_and_energy_and_holidays_bring_recovery(
    three_years: list[Observed],
) -> None:
    """The last fortnight of a build shows less sleep and energy than steady stretches; the
    fortnight after a holiday is better again than the fortnight before it."""
    by_date = {d.state.date: d for d in three_years}

    def fortnight(last: dt.date, metric: str) -> list[float | int | None]:
        days = [by_date.get(last - dt.timedelta(days=i)) for i in range(14)]
        return [_metric(d, metric) for d in days if d is not None and d.logged]

    story = simulate(3 * 365, seed=11, end=END)[0]
    builds = [a for a in story if a.kind == BUILD and a.days >= 28]
    steady = [d for d in three_years if d.logged and d.state.arc == STEADY]
    for metric in ("energy", "sleep_hours"):
        build_ends = [v for a in builds for v in fortnight(a.end, metric)]
        assert _mean(build_ends) < _mean([_metric(d, metric) for d in steady]) - 0.5, metric
    holidays = [a for a in story[1:-1] if a.kind == HOLIDAY]
    assert holidays
    before = [v for a in holidays for v in fortnight(a.start - dt.timedelta(days=1), "energy")]
    after = [v for a in holidays for v in fortnight(a.end + dt.timedelta(days=14), "energy")]
    assert _mean(after) > _mean(before) + 0.3


def _metric(day: Observed, metric: str) -> float | int | None:
    if metric == "sleep_hours":
        return _hours(day.sleep) if day.sleep else None
    return getattr(day.checkin, metric) if day.checkin else None


def test_walking_outside_lifts_next_day_mood(three_years: list[Observed]) -> None:
    """An action with a planted effect shows it: next-day mood is higher after walk_outside."""
    after_walk, after_none = [], []
    for today, tomorrow in itertools.pairwise(three_years):
        if today.logged and tomorrow.checkin and tomorrow.checkin.mood is not None:
            walked = any(c.action_id == "walk_outside" for c in today.cups)
            (after_walk if walked else after_none).append(tomorrow.checkin.mood)
    assert len(after_walk) >= 100 and len(after_none) >= 100
    assert statistics.mean(after_walk) > statistics.mean(after_none) + 0.4


# ------------------------------------------------------------------------------ text


def test_entries_never_look_like_client_identifiers(ten_years_of_text: list[Entry]) -> None:
    """Neither the app's own identifier guard nor simpler patterns (e-mail, phone or record
    number, digits, dates, DOB-style labels, street addresses) find anything in ten years of
    entries (the guard on every fifth, to stay quick), and none trips the crisis banner."""
    for index, entry in enumerate(ten_years_of_text):
        text = f"{entry.title}\n{entry.body}\n{' '.join(entry.tags)}"
        for name, pattern in IDENTIFIER_PATTERNS.items():
            assert not pattern.search(text), f"{name} in {entry.date}: {text!r}"
        if index % 5 == 0:
            assert find_identifiers(text) == [], text
            assert not crisis_language(text), text


def test_search_words_occur_at_their_stated_rates(ten_years_of_text: list[Entry]) -> None:
    """The common word, the phrase and the rare word appear in roughly the stated shares of
    ~11,000 entries, so the search benchmark's three queries mean what they say."""
    texts = [f"{e.title} {e.body}".lower() for e in ten_years_of_text]
    assert 10_000 <= len(texts) <= 12_500

    def share(pattern: str) -> float:
        regex = re.compile(rf"\b{pattern}\b")
        return sum(bool(regex.search(t)) for t in texts) / len(texts)

    assert 0.7 * COMMON_WORD_SHARE <= share(COMMON_WORD) <= 1.3 * COMMON_WORD_SHARE
    assert 0.7 * PHRASE_SHARE <= share(PHRASE) <= 1.3 * PHRASE_SHARE
    assert 3 <= share(RARE_WORD) * len(texts) <= 30


def test_entries_vary(ten_years_of_text: list[Entry]) -> None:
    """Bodies are almost all distinct and the vocabulary has a long tail of rare words."""
    bodies = [e.body for e in ten_years_of_text]
    assert len(set(bodies)) > 0.99 * len(bodies)
    counts: dict[str, int] = {}
    for body in bodies:
        for word in re.findall(r"[a-z']+", body.lower()):
            counts[word] = counts.get(word, 0) + 1
    assert len(counts) > 800
    assert sum(1 for n in counts.values() if n < 50) > 50


# ------------------------------------------------------------------------------ creating files


def test_progress_reports_every_day_done(journal: Journal) -> None:
    """The progress callback ends with (total, total) and never goes backwards."""
    seen: list[tuple[int, int]] = []
    generate_demo(journal, days=95, seed=1, end=END, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (95, 95)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_failed_generation_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If generating fails halfway, the half-made journal is removed rather than left empty."""
    import journal.demo.generator as generator

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(generator, "generate_demo", boom)
    path = tmp_path / "demo.refill"
    with pytest.raises(RuntimeError):
        create_demo_journal(path, PASSPHRASE, days=10, end=END)
    assert list(tmp_path.iterdir()) == []


def test_refill_demo_creates_a_journal_that_opens(refill: Refill, journal_path: Path) -> None:
    """`refill demo` makes a journal that Journal.open reads, and prints its counts."""
    result = refill("demo", "--days", "40", "--seed", "3", "--end", "2026-03-01")
    assert result.returncode == 0, result.stderr
    with Journal.open(journal_path, passphrase=PASSPHRASE) as opened:
        entries = opened.entries.count()
        assert opened.checkins.dates()[-1] == "2026-03-01"
        assert opened.checkins.count() >= 30
    assert f"entries: {entries:,}" in result.stdout


def test_refill_demo_refuses_an_existing_path(refill: Refill, journal_path: Path) -> None:
    """An existing file is refused with exit status 7 and left byte-for-byte unchanged."""
    journal_path.write_bytes(b"not mine to overwrite")
    before = hashlib.sha256(journal_path.read_bytes()).hexdigest()
    result = refill("demo", "--days", "10")
    assert result.returncode == 7
    assert "already exists" in result.stderr
    assert hashlib.sha256(journal_path.read_bytes()).hexdigest() == before


def test_refill_demo_rejects_bad_arguments(refill: Refill, journal_path: Path) -> None:
    """Zero days or a malformed end date are usage errors, and no journal is created."""
    for args in (("--days", "0"), ("--end", "01/03/2026")):
        result = refill("demo", *args)
        assert result.returncode == 2, args
        assert not journal_path.exists()
