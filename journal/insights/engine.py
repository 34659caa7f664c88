"""``analyse``: every rule on one day, their episodes and levels, actions and "what helps me".

This is the only place the pieces meet; each piece stays testable on its own.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import replace

from journal.insights import selfcheck
from journal.insights.catalogue import Catalogue, load_catalogue
from journal.insights.data import JournalData
from journal.insights.flags import (
    BURNOUT_LOAD,
    BURNOUT_STRAIN,
    CF_EXPOSURE,
    CF_RESPONSE,
    FLAGS,
)
from journal.insights.matching import helpfulness, suggest
from journal.insights.model import FLAG_KINDS, Flag, InsightsReport, Missing
from journal.insights.rules import RULES, Finding, Needs, Rule, RuleContext
from journal.insights.timeline import build_timeline, days_with_data
from journal.insights.what_helps import what_helps

#: how far back an episode's first day is looked for
MAX_EPISODE_DAYS = 120
#: an episode this long with two or more signals agreeing inside one rule is a `warning`
PERSISTENT_DAYS = 14


@functools.lru_cache(maxsize=1)
def default_catalogue() -> Catalogue:
    """The bundled catalogue, loaded and validated once per process."""
    return load_catalogue()


def episode_start(rule: Rule, ctx: RuleContext, end: int, finding: Finding) -> int:
    """Index of the first day of the run of days, ending at ``end``, on which the rule fired."""
    if finding.since is not None:
        return finding.since
    day = end
    while day > end - MAX_EPISODE_DAYS and isinstance(rule(ctx, day - 1), Finding):
        day -= 1
    return day


def agreeing(active: set[str]) -> set[str]:
    """Flags confirmed by a flag from the other side of their family (DESIGN.md §4)."""
    out: set[str] = set()
    for cause, response in ((BURNOUT_LOAD, BURNOUT_STRAIN), (CF_EXPOSURE, CF_RESPONSE)):
        if active & cause and active & response:
            out |= active & (cause | response)
    return out


def detect(ctx: RuleContext, end: int) -> tuple[dict[str, tuple[Finding, int]], list[Missing]]:
    """Every rule on day index ``end``: findings with their episode's first day, and what
    the others still need."""
    found: dict[str, tuple[Finding, int]] = {}
    missing: list[Missing] = []
    for flag_id, rule in RULES.items():
        outcome = rule(ctx, end)
        if isinstance(outcome, Needs):
            missing.append(Missing(flag_id, outcome.text))
        elif isinstance(outcome, Finding):
            found[flag_id] = (outcome, episode_start(rule, ctx, end, outcome))
    return found, missing


def analyse(
    data: JournalData,
    as_of: dt.date,
    *,
    catalogue: Catalogue | None = None,
    snoozed: Mapping[str, str] | None = None,
) -> InsightsReport:
    """The insights for ``as_of``, from data dated on or before it only."""
    catalogue = catalogue or default_catalogue()
    tl = build_timeline(data, as_of)
    ctx = RuleContext(tl, data.settings, data.self_checks)
    end = tl.size - 1

    found, missing = detect(ctx, end)

    helps = what_helps(tl, catalogue, data.custom_actions)
    scores = helpfulness(helps, tl.felt_after)
    extra = selfcheck.evidence(data.self_checks, as_of)
    confirmed = agreeing(set(found))

    flags: list[Flag] = []
    for flag_id, (finding, since) in found.items():
        info = FLAGS[flag_id]
        persistent = len(set(finding.signals)) >= 2 and end - since + 1 >= PERSISTENT_DAYS
        flags.append(
            Flag(
                id=flag_id,
                kind=info.kind,
                level="warning" if flag_id in confirmed or persistent else "watch",
                since=tl.day(since),
                title=info.title,
                explanation=info.explanation,
                evidence=[*finding.evidence, *extra.get(flag_id, ())],
                actions=suggest(flag_id, as_of, catalogue, data.custom_actions, scores),
                is_not=info.is_not,
            )
        )
    kind_order = {k: i for i, k in enumerate(FLAG_KINDS)}
    flags.sort(key=lambda f: (kind_order[f.kind], f.level != "warning"))

    hidden = {
        flag_id: until for flag_id, until in (snoozed or {}).items() if until >= as_of.isoformat()
    }
    return InsightsReport(
        as_of=as_of,
        days_with_data=days_with_data(data, as_of),
        flags=[f for f in flags if f.id not in hidden],
        insufficient_data=missing,
        what_helps=helps,
        snoozed=[replace(f, snoozed_until=hidden[f.id]) for f in flags if f.id in hidden],
    )
