"""``refill insights``: patterns worth noticing, with evidence, actions and what helps."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import TYPE_CHECKING

from journal.cli.context import journal_session
from journal.cli.errors import CliError

if TYPE_CHECKING:  # the insights load only when this command runs
    from journal.insights import InsightsReport

SHOW_HELPS = 8  # the clearest ones; --json lists them all

KIND_HEADINGS = {
    "burnout": "Burnout — load, recovery and strain",
    "compassion_fatigue": "Compassion fatigue — the weight of trauma work",
    "general": "Your journal",
}


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    parser = sub.add_parser(
        "insights",
        parents=[common],
        help="show patterns worth noticing in your logs",
        description="Patterns worth noticing in your own logs, with the numbers behind them, "
        "actions that might help and what has helped you. Reflection, not diagnosis.",
    )
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="look as of this day (default today)")
    parser.add_argument("--json", action="store_true", help="print the DESIGN.md JSON object")
    parser.set_defaults(run=run)


def parse_day(text: str | None) -> dt.date:
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CliError(f"--as-of: {text!r} is not a date like 2026-03-01", 2) from None


def run(args: argparse.Namespace) -> int:
    from journal.service.insights import report_for

    as_of = parse_day(args.as_of)
    with journal_session(args) as journal:
        report = report_for(journal, as_of)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        print(render(report))
    return 0


def render(report: InsightsReport) -> str:
    """The report as plain text for a terminal."""
    from journal.insights import DISCLAIMER, FLAG_KINDS

    lines = [f"Insights as of {report.as_of} ({report.days_with_data} days with data)", ""]
    if not report.flags:
        lines += ["Nothing stands out in your recent logs.", ""]
    for kind in FLAG_KINDS:
        flags = [f for f in report.flags if f.kind == kind]
        if not flags:
            continue
        lines += [KIND_HEADINGS[kind], "=" * len(KIND_HEADINGS[kind])]
        for flag in flags:
            lines.append(f"* {flag.title} [{flag.level}, since {flag.since}]")
            lines.append(f"  {flag.explanation}")
            lines += [f"  - {e.note}" for e in flag.evidence if e.note]
            lines.append(f"  What it is not: {flag.is_not}")
            if flag.actions:
                lines.append("  Might help:")
                lines += [f"    > {a.title} — {a.why}" for a in flag.actions]
            lines.append("")
    if report.snoozed:
        names = ", ".join(f"{f.title} (until {f.snoozed_until})" for f in report.snoozed)
        lines += [f"Snoozed: {names}", ""]
    helps = sorted(
        (h for h in report.what_helps if h.favourable),
        key=lambda h: (h.suggestive, -min(abs(h.ci90[0]), abs(h.ci90[1]))),
    )[:SHOW_HELPS]
    if helps:
        lines.append("What seems to help you (observations, not proof)")
        for h in helps:
            tag = " — suggestive" if h.suggestive else ""
            lines.append(
                f"  {h.title}: next-day {h.metric} {h.next_day_diff:+.1f} "
                f"(90 % interval {h.ci90[0]:+.1f} to {h.ci90[1]:+.1f}; "
                f"{h.n_done} days done, {h.n_not} not){tag}"
            )
        lines += [
            "  Good days invite the action, lighter days leave room for it, and unusual days",
            "  tend to be followed by more usual ones.",
            "",
        ]
    if report.insufficient_data:
        lines.append("Not enough data yet for:")
        lines += [f"  {m.id}: needs {m.needs}" for m in report.insufficient_data]
        lines.append("")
    lines.append(DISCLAIMER)
    return "\n".join(lines)
