"""Personas: which flags fire, how soon after the story starts, and that they clear."""

from __future__ import annotations

import datetime as dt

import pytest
from flag_timeline import daily_flags, first_day
from personas import START, make
from test_false_flags import MAX_RATE

from journal.insights import analyse
from journal.insights.rules.exposure import LINK_DAYS

SEEDS = range(5)
LAST = START + dt.timedelta(159)


@pytest.mark.parametrize("seed", SEEDS)
def test_burnout_flags_load_then_strain_within_weeks(seed: int) -> None:
    """Gradual burnout raises load and exhaustion/cynicism flags within 5 weeks of onset."""
    persona = make("burnout", seed, days=160)
    flags = daily_flags(persona, LAST)
    for flag_id, max_lead in (
        ("high_session_load", 35),
        ("exhaustion", 35),
        ("dread_cynicism", 35),
        ("sleep_debt", 49),
    ):
        day = first_day(flags, flag_id, persona.onset)
        assert day is not None, flag_id
        assert (day - persona.onset).days <= max_lead, (flag_id, day)
    assert "trauma_sleep_link" not in set().union(*flags.values())


@pytest.mark.parametrize("seed", SEEDS)
def test_burnout_warning_needs_load_and_strain(seed: int) -> None:
    """At the height of burnout a load flag and a strain flag agree, so both are warnings."""
    persona = make("burnout", seed, days=160)
    report = analyse(persona.data, LAST)
    levels = {f.id: f.level for f in report.flags}
    assert levels.get("high_session_load") == "warning"
    assert levels.get("exhaustion") == "warning" or levels.get("dread_cynicism") == "warning"


@pytest.mark.parametrize("seed", SEEDS)
def test_trauma_caseload_flags_exposure_and_intrusions(seed: int) -> None:
    """A trauma-heavy caseload raises exposure and intrusive thoughts within weeks."""
    persona = make("trauma", seed, days=160)
    flags = daily_flags(persona, LAST)
    for flag_id, max_lead in (("trauma_exposure", 28), ("intrusive_thoughts", 21)):
        day = first_day(flags, flag_id, persona.onset)
        assert day is not None, flag_id
        assert (day - persona.onset).days <= max_lead, (flag_id, day)


@pytest.mark.parametrize("seed", SEEDS)
def test_worse_nights_after_trauma_heavy_days_are_linked(seed: int) -> None:
    """Nights after trauma-heavy days get shorter and worse: the link shows within the six
    weeks it looks back over; before the story starts it is as rare as any false flag.

    The caseload alternates heavy and lighter days (half the sessions trauma-heavy at its
    height): a link is a difference between the nights after each, so it needs both.
    """
    persona = make("trauma", seed, days=160, trauma_peak=0.5)
    flags = daily_flags(persona, LAST, days=130)
    day = first_day(flags, "trauma_sleep_link", persona.onset)
    assert day is not None
    assert (day - persona.onset).days <= LINK_DAYS, day
    before = [bool("trauma_sleep_link" in flags[d]) for d in flags if d < persona.onset]
    assert sum(before) / len(before) < MAX_RATE


@pytest.mark.parametrize("seed", SEEDS)
def test_recovery_flags_clear_after_days_off(seed: int) -> None:
    """A hard month flags sleep, load and exhaustion; after 10 days off they have cleared."""
    persona = make("recovery", seed, days=160)
    assert persona.rest is not None
    flags = daily_flags(persona, LAST)
    during = set().union(*(flags[persona.rest - dt.timedelta(d)] for d in range(1, 8)))
    assert {"sleep_debt", "high_session_load", "exhaustion"} <= during
    after = flags[persona.rest + dt.timedelta(10)]
    assert not after & {"sleep_debt", "high_session_load", "exhaustion", "dread_cynicism"}


@pytest.mark.parametrize("seed", SEEDS)
def test_steady_clinician_has_a_quiet_report(seed: int) -> None:
    """A steady clinician's report on the last day has no warning."""
    report = analyse(make("steady", seed, days=160).data, LAST)
    assert all(f.level == "watch" for f in report.flags)
    assert report.insufficient_data == [] or all(m.needs for m in report.insufficient_data)


def test_sparse_data_says_what_is_missing_instead_of_flagging() -> None:
    """A few scattered days give no flags and an insufficient-data item for most flags."""
    report = analyse(make("sparse", 0, days=160).data, LAST)
    assert report.flags == []
    missing = {m.id for m in report.insufficient_data}
    assert len(missing) >= 10
    assert all(m.needs for m in report.insufficient_data)


def test_since_is_the_first_day_of_the_episode() -> None:
    """``since`` is the first day of the unbroken run of days on which the flag fired."""
    persona = make("recovery", 1, days=160)
    assert persona.rest is not None
    as_of = persona.rest - dt.timedelta(1)
    flags = daily_flags(persona, as_of, days=150)
    report = analyse(persona.data, as_of)
    for flag in report.flags:
        day = flag.since
        assert all(flag.id in flags[day + dt.timedelta(n)] for n in range((as_of - day).days + 1))
        assert flag.id not in flags[day - dt.timedelta(1)] or (as_of - day).days >= 119
