"""Whole-process figures for the ``refill`` command, and the comparison with jrnl.

Every figure here includes starting Python, importing, the KDF and exiting — what a person at a
terminal waits for. ``refill search`` is compared with jrnl 4.6's ``-contains`` on the same
entries, plain and encrypted (target: encrypted jrnl takes at least ten times longer).

Every encrypted ``refill search`` must derive the key (PBKDF2-HMAC-SHA512, 256,000 rounds: the
SQLCipher default DESIGN.md fixes), so the comparison also times a process that does nothing but
start Python and derive that key. ``jrnl ÷ that floor`` is the best ratio any ``refill search``
could reach on this machine; it shows whether a missed ratio is the code or the KDF.
"""

from __future__ import annotations

import shutil
import statistics
import sys
from pathlib import Path

from benchmarks.common import BenchContext, Row, ms
from benchmarks.peer_jrnl import VERSION, Jrnl, JrnlUnavailable
from benchmarks.processes import Finished, median_run, refill_command, run_process
from journal.demo import COMMON_WORD, PHRASE, RARE_WORD

RATIO_TARGET = 10.0
MEMORY_TARGET_MIB = 200
SKIP_JRNL = "REFILL_BENCH_SKIP_JRNL"  # set by run.py --skip-jrnl
REPEAT = 5

#: (label, refill query, jrnl -contains text)
QUERIES = (
    ("common word", COMMON_WORD, COMMON_WORD),
    ("rare word", RARE_WORD, RARE_WORD),
    ("phrase", f'"{PHRASE}"', PHRASE),
)


def run(ctx: BenchContext) -> list[Row]:
    rows = search_rows(ctx)
    rows += exchange_rows(ctx)
    if ctx.env.get(SKIP_JRNL):
        rows.append(Row(f"jrnl {VERSION} comparison", "skipped (--skip-jrnl)"))
    else:
        rows += jrnl_rows(ctx)
    return rows


def _refill(ctx: BenchContext, *args: str, journal: Path | None = None) -> list[str]:
    return [*refill_command(), *args, "--journal", str(journal or ctx.journal_path)]


# ------------------------------------------------------------------------------ refill


def search_rows(ctx: BenchContext) -> list[Row]:
    """Median whole-process ``refill search`` per query kind, and its peak memory."""
    rows = []
    peak = 0.0
    for label, query, _ in QUERIES:
        median, last = median_run(_refill(ctx, "search", query), repeat=REPEAT, env=ctx.env)
        shown = sum(1 for line in last.stdout.splitlines() if line[:1].isdigit())
        if not shown:
            raise RuntimeError(f"`refill search {query}` found nothing")
        peak = max(peak, last.peak_mib)
        rows.append(
            Row(
                f"`refill search` whole process, median of {REPEAT}: {label} {query}",
                f"{ms(median)} ({shown} shown)",
            )
        )
    rows.append(
        Row(
            "peak memory, `refill search` process (RSS high-water mark)",
            f"{peak:.0f} MiB",
            f"≤ {MEMORY_TARGET_MIB} MB",
            peak <= MEMORY_TARGET_MIB,
        )
    )
    return rows


def exchange_rows(ctx: BenchContext) -> list[Row]:
    """Export JSON and CSV, then import the CSV into a fresh journal; files removed after."""
    scratch = ctx.workdir / "exchange"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(mode=0o700)
    try:
        as_json = scratch / "export.json"
        exported = _once(ctx, "export", "--format", "json", "--out", str(as_json))
        rows = [
            Row(
                "`refill export --format json` whole process",
                f"{ms(exported.ms)} ({as_json.stat().st_size / 2**20:.1f} MiB)",
            )
        ]
        as_csv = scratch / "export.csv"
        exported = _once(ctx, "export", "--format", "csv", "--out", str(as_csv))
        lines = len(as_csv.read_text(encoding="utf-8").splitlines()) - 1
        rows.append(
            Row("`refill export --format csv` whole process", f"{ms(exported.ms)} ({lines:,} rows)")
        )
        fresh = scratch / "imported.refill"
        _once(ctx, "init", journal=fresh)
        imported = _once(ctx, "import", str(as_csv), journal=fresh)
        rows.append(
            Row(f"`refill import` of that {lines:,}-row CSV into a fresh journal", ms(imported.ms))
        )
        return rows
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _once(ctx: BenchContext, *args: str, journal: Path | None = None) -> Finished:
    return run_process(_refill(ctx, *args, journal=journal), env=ctx.env).check()


#: A whole process that only starts Python and derives one journal key: the floor under any
#: ``refill search`` of an encrypted journal opened with a passphrase.
KDF_ONLY = (
    "from journal.store.keys import SALT_BYTES, derive_key; "
    "derive_key('refill benchmark passphrase', bytes(SALT_BYTES))"
)


def _kdf_only(ctx: BenchContext) -> Finished:
    return run_process([sys.executable, "-c", KDF_ONLY], env=ctx.env).check()


# ------------------------------------------------------------------------------ jrnl


def jrnl_rows(ctx: BenchContext) -> list[Row]:
    """jrnl -contains per query kind, plain and encrypted, against refill search.

    The commands take turns (refill, plain jrnl, encrypted jrnl, the KDF-only process; five
    rounds), so a busy machine slows all of them alike and the ratios stay fair.
    """
    jrnl = Jrnl(ctx.workdir)
    try:
        jrnl.install()
        entries = jrnl.load(ctx.journal_path, ctx.passphrase)
    except JrnlUnavailable as exc:
        return [Row(f"jrnl {VERSION} comparison", f"not run: {exc}")]
    rows = [Row(f"jrnl {VERSION} journal made from the same entries", f"{entries:,} entries")]
    for label, query, text in QUERIES:
        times: dict[str, list[float]] = {"refill": [], "plain": [], "encrypted": [], "kdf": []}
        found = {"plain": 0, "encrypted": 0}
        for _ in range(REPEAT):
            times["refill"].append(_once(ctx, "search", query).ms)
            for kind in ("plain", "encrypted"):
                done, found[kind] = jrnl.contains(text, encrypted=kind == "encrypted")
                times[kind].append(done.ms)
            times["kdf"].append(_kdf_only(ctx).ms)
        refill = statistics.median(times["refill"])
        floor = statistics.median(times["kdf"])
        for kind in ("plain", "encrypted"):
            if not found[kind]:
                raise RuntimeError(f"jrnl -contains {text!r} ({kind}) found nothing")
            median = statistics.median(times[kind])
            ratio = median / refill
            encrypted = kind == "encrypted"
            rows.append(
                Row(
                    f"jrnl -contains ({kind}) ÷ refill search, medians of {REPEAT}: {label}",
                    f"{ratio:.1f}× ({ms(median)} vs {ms(refill)}; jrnl showed {found[kind]:,})",
                    f"≥ {RATIO_TARGET:.0f}×" if encrypted else "—",
                    ratio >= RATIO_TARGET if encrypted else None,
                )
            )
        rows.append(
            Row(
                f"  best ratio possible here: encrypted jrnl ÷ a process that only derives the key"
                f" ({label})",
                f"{statistics.median(times['encrypted']) / floor:.1f}× (KDF-only process "
                f"{ms(floor)}; refill search spends {ms(refill - floor)} beyond it)",
            )
        )
    return rows
