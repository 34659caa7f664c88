"""Insights over 10 years (DESIGN.md §8: ≤ 150 ms): ``analyse`` in-process on loaded data.

Loading the records from the encrypted journal is timed separately: it is the store's cost,
paid once per unlock, while ``analyse`` runs again whenever the day or the data changes.
"""

from __future__ import annotations

import datetime as dt
import statistics

from benchmarks.common import BenchContext, Row, ms, time_calls
from journal.insights import analyse
from journal.insights.engine import default_catalogue
from journal.service.insights import load_data
from journal.store import Journal

TARGET_MS = 150.0
RUNS = 10


def run(ctx: BenchContext) -> list[Row]:
    journal = Journal.open(ctx.journal_path, passphrase=ctx.passphrase)
    try:
        dates = journal.checkins.dates()
        as_of = dt.date.fromisoformat(dates[-1]) if dates else dt.date.today()
        loads = time_calls(lambda: load_data(journal, as_of), 3)
        data = load_data(journal, as_of)
    finally:
        journal.close(backup_if_changed=False)
    default_catalogue()  # loaded once at start in the app too
    runs = time_calls(lambda: analyse(data, as_of), RUNS)
    figure = statistics.median(runs)
    return [
        Row(
            "insights over 10 years (analyse, median of 10)",
            ms(figure),
            f"≤ {TARGET_MS:.0f} ms",
            figure <= TARGET_MS,
        ),
        Row("insights: load 10 years of records (median of 3)", ms(statistics.median(loads))),
    ]
