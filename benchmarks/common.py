"""What every benchmark module shares: the context it runs in and the row it reports.

``benchmarks/run.py`` builds one :class:`BenchContext` (a 10-year demo journal made once) and
calls ``run(ctx)`` in every ``benchmarks/bench_*.py`` module, printing all rows as one table.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Row:
    """One line of the table: the figure measured beside its DESIGN.md §8 target."""

    name: str
    figure: str
    target: str = "—"
    ok: bool | None = None  # None: no target to meet (informational)


@dataclass
class BenchContext:
    """Shared inputs: the demo journal and a scratch folder for anything a benchmark makes."""

    journal_path: Path
    passphrase: str
    workdir: Path
    days: int
    env: dict[str, str] = field(default_factory=dict)  # REFILL_PASSPHRASE etc. for subprocesses


def p95(samples: list[float]) -> float:
    """95th percentile of ``samples`` (inclusive method; needs ≥ 2 samples)."""
    return statistics.quantiles(samples, n=20, method="inclusive")[-1]


def time_calls(func: Callable[[], object], repeat: int) -> list[float]:
    """Wall-clock milliseconds of ``repeat`` calls of ``func``."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def ms(value: float) -> str:
    return f"{value:,.1f} ms"
