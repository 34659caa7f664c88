"""Known values for the chart tests: the range end and the days left empty."""

from __future__ import annotations

import datetime as dt

END = dt.date(2026, 3, 1)
DAYS = 70
#: Offsets (0 = first filled day) left empty; the charts' range starts 35 days in.
GAPS = frozenset({40, 41, 42, 55})


def gap_days() -> list[dt.date]:
    start = END - dt.timedelta(days=DAYS - 1)
    return [start + dt.timedelta(days=i) for i in sorted(GAPS)]
