"""In-process store figures on the demo journal: open (KDF), save, search, size, peak memory.

Saves go to a copy of the demo journal, so the journal other modules measure never changes.
Peak memory is taken from a fresh process doing the same open + search + save work (this file
run as a script), because the benchmark process also holds what earlier modules loaded.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import time
from pathlib import Path

from benchmarks.common import BenchContext, Row, ms, p95, time_calls
from benchmarks.processes import run_process
from journal.demo import COMMON_WORD, PHRASE, RARE_WORD
from journal.store import Journal, keys
from journal.store.models import Entry

KDF_REFERENCE_MS = 121  # DESIGN.md §8: SQLCipher's default KDF in-process on this kind of machine
OPEN_OVER_KDF = 1.25  # opening may add a quarter to the KDF measured on the same machine
SAVE_TARGET_MS = 5.0
SEARCH_TARGET_MS = 20.0
MEMORY_TARGET_MIB = 200
SAVES = 200
SEARCHES = 200

#: (label, query as typed into the search box)
QUERIES = (
    ("common word", COMMON_WORD),
    ("rare word", RARE_WORD),
    ("phrase", f'"{PHRASE}"'),
)


def run(ctx: BenchContext) -> list[Row]:
    return [open_row(ctx), *search_rows(ctx), save_row(ctx), size_row(ctx), memory_row(ctx)]


def open_row(ctx: BenchContext) -> Row:
    """Median time to open the journal beside the KDF alone on this machine: opening should
    add little to the key derivation it cannot avoid."""
    kdf, opened = [], []
    for _ in range(5):
        start = time.perf_counter()
        keys.derive_key(ctx.passphrase, os.urandom(keys.SALT_BYTES))
        kdf.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        journal = Journal.open(ctx.journal_path, passphrase=ctx.passphrase)
        opened.append((time.perf_counter() - start) * 1000)
        journal.close(backup_if_changed=False)
    kdf_ms, open_ms = statistics.median(kdf), statistics.median(opened)
    limit = OPEN_OVER_KDF * kdf_ms
    return Row(
        "open the journal (KDF + checks), in-process, median of 5",
        f"{ms(open_ms)} (KDF alone here: {ms(kdf_ms)}; reference {KDF_REFERENCE_MS} ms)",
        f"≤ {ms(limit)} (KDF + 25 %)",
        open_ms <= limit,
    )


def search_rows(ctx: BenchContext) -> list[Row]:
    """p95 of the top-20 search with snippets, per query kind; a query finding nothing fails."""
    rows = []
    with Journal.open(ctx.journal_path, passphrase=ctx.passphrase) as journal:
        for label, query in QUERIES:
            matching = len(journal.entries.search(query, limit=1_000_000))
            if not matching:
                raise RuntimeError(f"the demo journal has no entry matching {query!r}")
            samples = time_calls(lambda q=query: journal.entries.search(q, limit=20), SEARCHES)
            worst = p95(samples)
            rows.append(
                Row(
                    f"search top 20 + snippets, p95 of {SEARCHES}: {label} {query}",
                    f"{ms(worst)} ({matching:,} matching entries)",
                    f"≤ {SEARCH_TARGET_MS:.0f} ms",
                    worst <= SEARCH_TARGET_MS,
                )
            )
    return rows


def save_row(ctx: BenchContext) -> Row:
    """p95 of saving one ~150-word entry, each save its own durable transaction."""
    scratch = ctx.workdir / "save-copy.refill"
    _remove(scratch)
    shutil.copyfile(ctx.journal_path, scratch)
    try:
        with Journal.open(scratch, passphrase=ctx.passphrase) as journal:
            bodies = [e.body for e in journal.entries.between()[-SAVES:]]
            today = time.strftime("%Y-%m-%d")
            entries = iter(
                Entry(date=today, title="Benchmark entry", body=body, tags=("work",))
                for body in bodies
            )
            samples = time_calls(lambda: journal.entries.add(next(entries)), len(bodies))
            journal.close(backup_if_changed=False)
    finally:
        _remove(scratch)
    worst = p95(samples)
    return Row(
        f"save an entry (durable), p95 of {len(samples)}",
        ms(worst),
        f"≤ {SAVE_TARGET_MS:.0f} ms",
        worst <= SAVE_TARGET_MS,
    )


def size_row(ctx: BenchContext) -> Row:
    size = ctx.journal_path.stat().st_size
    with Journal.open(ctx.journal_path, passphrase=ctx.passphrase) as journal:
        entries = journal.entries.count()
    return Row(
        "journal file size (encrypted)",
        f"{size / 2**20:.1f} MiB ({size // max(entries, 1):,} bytes per entry)",
    )


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


# ------------------------------------------------------------------------------ peak memory


def memory_row(ctx: BenchContext) -> Row:
    command = [sys.executable, __file__, str(ctx.journal_path), str(ctx.workdir)]
    env = {**ctx.env, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    peak = run_process(command, env=env).check().peak_mib
    return Row(
        "peak memory, open + search + save in a fresh process (RSS high-water mark)",
        f"{peak:.0f} MiB",
        f"≤ {MEMORY_TARGET_MIB} MB",
        peak <= MEMORY_TARGET_MIB,
    )


def _store_work(journal_path: Path, workdir: Path, passphrase: str) -> None:
    """What the in-process figures do, once over, for :func:`memory_row` to measure."""
    ctx = BenchContext(journal_path, passphrase, workdir, days=0)
    open_row(ctx)
    search_rows(ctx)
    save_row(ctx)


if __name__ == "__main__":
    _store_work(Path(sys.argv[1]), Path(sys.argv[2]), os.environ["REFILL_PASSPHRASE"])
