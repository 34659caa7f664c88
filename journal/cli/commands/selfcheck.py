"""``refill selfcheck``: Refill's short reflection questions, asked in the terminal.

Answers come from the keyboard, or one per line on stdin when it is not a terminal (scripts
and tests). Scores are shown beside the previous ones.

The questions are imported only when the command runs, so other commands start fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from journal.cli.context import journal_session
from journal.cli.errors import CliError
from journal.store.models import SELF_CHECK_SCORES


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    parser = sub.add_parser(
        "selfcheck",
        parents=[common],
        help="answer the short reflection self-check",
        description="Short reflection questions scored into exhaustion, detachment, "
        "secondary trauma and satisfaction (0–100). A reflection aid written for Refill, "
        "not a validated questionnaire or a diagnosis.",
    )
    parser.set_defaults(run=run)


def _ask(n: int, text: str, interactive: bool) -> int:
    from journal.insights.selfcheck import ANCHORS

    scale = "  ".join(f"{i}={a}" for i, a in enumerate(ANCHORS))
    while True:
        if interactive:
            print(f"\n{n}. {text}\n   {scale}")
        line = sys.stdin.readline()
        if not line:
            raise CliError(f"no answer to question {n}; nothing was saved", 2)
        answer = line.strip()
        if answer.isdigit() and 0 <= int(answer) < len(ANCHORS):
            return int(answer)
        if not interactive:
            raise CliError(
                f"question {n}: {answer!r} is not a number from 0 to {len(ANCHORS) - 1}; "
                "nothing was saved",
                2,
            )
        print(f"   Please type a number from 0 to {len(ANCHORS) - 1}.")


def run(args: argparse.Namespace) -> int:
    from journal.insights.selfcheck import DISCLAIMER, PERIOD, QUESTIONS
    from journal.service.insights import save_self_check

    interactive = sys.stdin.isatty()
    with journal_session(args) as journal:
        previous = journal.self_checks.between()
        if interactive:
            print(DISCLAIMER)
            print(f"{PERIOD}, how often was each of these true for you?")
        answers = [_ask(n, q.text, interactive) for n, q in enumerate(QUESTIONS, start=1)]
        saved = save_self_check(journal, answers, dt.date.today())
    last = previous[-1] if previous else None
    print(f"\nYour self-check, {saved.date}" + (f" (previous: {last.date})" if last else ""))
    for name in SELF_CHECK_SCORES:
        value = getattr(saved, name)
        before = getattr(last, name) if last else None
        tail = f"   (previous {before:.0f})" if before is not None else ""
        print(f"  {name.replace('_', ' '):<17} {value:5.0f}/100{tail}")
    print("Higher is more, except satisfaction where higher is better.")
    print(DISCLAIMER)
    return 0
