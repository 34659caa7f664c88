"""Print what the insight rules do for each persona: flags fired, lead times, clearing, noise.

Not a test: the figures a person tuning a rule wants to see at a glance (the tests assert the
bounds). Run from the repository root::

    .venv/bin/python tests/insights/persona_report.py [--seeds 20]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from flag_timeline import daily_flags, first_day
from personas import START, make

from journal.insights import analyse
from journal.insights.engine import agreeing

DAYS = 160
LAST = START + dt.timedelta(DAYS - 1)


def _span(values: list[int]) -> str:
    if not values:
        return "never"
    return f"{min(values)}–{max(values)} d (median {statistics.median(values):g})"


def story_report(kind: str, seeds: range, trauma_peak: float = 0.75) -> list[str]:
    """Per flag: in how many seeds it fired after the onset, and its lead time."""
    leads: dict[str, list[int]] = {}
    cleared: dict[str, list[int]] = {}
    for seed in seeds:
        persona = make(kind, seed, days=DAYS, trauma_peak=trauma_peak)
        flags = daily_flags(persona, LAST, days=DAYS - 30)
        fired = set().union(*(f for d, f in flags.items() if d >= persona.onset))
        for flag_id in fired:
            day = first_day(flags, flag_id, persona.onset)
            assert day is not None
            leads.setdefault(flag_id, []).append((day - persona.onset).days)
            if persona.rest is not None:
                after = [d for d in sorted(flags) if d >= persona.rest]
                gone = next((d for d in after if flag_id not in flags[d]), None)
                if gone is not None:
                    cleared.setdefault(flag_id, []).append((gone - persona.rest).days)
    story = {"recovery": ", then 10 days off", "trauma": f", trauma share → {trauma_peak:.0%}"}
    lines = [f"{kind}: onset on day 90 of {DAYS}{story.get(kind, '')}"]
    for flag_id in sorted(leads, key=lambda f: statistics.median(leads[f])):
        fired_in = f"{len(leads[flag_id])}/{len(seeds)} seeds"
        line = f"  {flag_id:<22} fired in {fired_in}, lead {_span(leads[flag_id])}"
        if flag_id in cleared:
            line += f"; cleared {_span(cleared[flag_id])} after the days off began"
        lines.append(line)
    return lines


def steady_report(seeds: range) -> list[str]:
    """The false-flag rate: days with any flag over the last 90 days of steady clinicians."""
    evaluated = flagged = warnings = 0
    per_rule: Counter[str] = Counter()
    for seed in seeds:
        flags = daily_flags(make("steady", 1000 + seed, days=200), START + dt.timedelta(199))
        for found in flags.values():
            evaluated += 1
            flagged += bool(found)
            warnings += bool(agreeing(found))
            per_rule.update(found)
    worst = ", ".join(f"{f} {n / evaluated:.1%}" for f, n in per_rule.most_common(3)) or "none"
    return [
        f"steady: {len(seeds)} clinicians × 90 days = {evaluated:,} days",
        f"  days with any flag {flagged / evaluated:.1%} (bound < 3 %), "
        f"days with a warning {warnings}",
        f"  most frequent: {worst}",
    ]


def sparse_report(seeds: range) -> list[str]:
    """Scattered days: no flags, and the report says what is missing instead."""
    flagged = 0
    missing: list[int] = []
    for seed in seeds:
        report = analyse(make("sparse", seed, days=DAYS).data, LAST)
        flagged += len(report.flags)
        missing.append(len(report.insufficient_data))
    return [
        f"sparse: {len(seeds)} seeds, flags shown {flagged}, "
        f"'insufficient data' items {min(missing)}–{max(missing)} of 13"
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=20)
    seeds = range(parser.parse_args().seeds)
    for kind in ("burnout", "trauma", "recovery"):
        print("\n".join(story_report(kind, seeds)))
    print("\n".join(story_report("trauma", seeds, trauma_peak=0.5)))
    print("\n".join(sparse_report(seeds)))
    print("\n".join(steady_report(range(50))))


if __name__ == "__main__":
    main()
