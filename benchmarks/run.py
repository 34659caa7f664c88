"""Print Refill's benchmark table: each figure beside its DESIGN.md §8 target.

    .venv/bin/python benchmarks/run.py [--days 3650] [--workdir DIR] [--fresh] [--only NAME]
                                       [--skip-jrnl]

A demo journal of ``--days`` days is made once with ``refill demo`` (timed: the first row) and
reused by later runs until ``--fresh``. Every ``benchmarks/bench_*.py`` module's ``run(ctx)`` is
called in name order; a module that fails gives an error row instead of ending the run. Exit
status 1 when any figure misses its target or a module failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import platform
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]  # `benchmarks.common` and plain `common` both work

from benchmarks.bench_cli import SKIP_JRNL  # noqa: E402  (set by --skip-jrnl)
from benchmarks.common import BenchContext, Row  # noqa: E402
from benchmarks.processes import refill_command, run_process  # noqa: E402

#: The demo journal's passphrase: a fixed, documented string; the data is synthetic.
PASSPHRASE = "refill benchmark passphrase"
SEED = 0
GENERATION_TARGET_S = 60


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--days", type=int, default=3650, help="days in the demo journal (3650)")
    parser.add_argument(
        "--workdir", type=Path, default=HERE / ".work", help="scratch folder (benchmarks/.work)"
    )
    parser.add_argument("--fresh", action="store_true", help="remake the demo journal")
    parser.add_argument("--only", metavar="NAME", help="run one module, e.g. store or bench_cli")
    parser.add_argument("--skip-jrnl", action="store_true", help="skip the jrnl comparison")
    return parser.parse_args(argv)


def discover(only: str | None) -> list[str]:
    """Names of the benchmark modules to run, in name order."""
    names = sorted(path.stem for path in HERE.glob("bench_*.py"))
    if only:
        wanted = only if only.startswith("bench_") else f"bench_{only}"
        names = [name for name in names if name == wanted]
        if not names:
            raise SystemExit(f"run.py: no module benchmarks/{wanted}.py")
    return names


def _remove_journal(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def demo_journal(workdir: Path, days: int, env: dict[str, str], fresh: bool) -> tuple[Path, Row]:
    """The demo journal to measure (made now, or reused) and the row saying how long it took."""
    path = workdir / f"demo-{days}d-seed{SEED}.refill"
    meta_path = path.with_suffix(".json")
    if fresh:
        _remove_journal(path)
        meta_path.unlink(missing_ok=True)
    if path.exists() and meta_path.exists():
        meta = json.loads(meta_path.read_text())
        return path, _generation_row(days, meta, f"made {meta['made']}, reused")
    _remove_journal(path)
    print(f"making the {days:,}-day demo journal…", file=sys.stderr, flush=True)
    command = ["demo", "--journal", str(path), "--days", str(days), "--seed", str(SEED)]
    done = run_process([*refill_command(), *command], env=env).check()
    meta = {
        "seconds": done.ms / 1000,
        "entries": _count(done.stdout, "entries"),
        "made": dt.date.today().isoformat(),
    }
    meta_path.write_text(json.dumps(meta))
    return path, _generation_row(days, meta, f"peak {done.peak_mib:.0f} MiB")


def _generation_row(days: int, meta: dict[str, Any], note: str) -> Row:
    seconds = float(meta["seconds"])
    return Row(
        f"demo journal: `refill demo --days {days:,}` (whole process)",
        f"{seconds:.1f} s, {meta['entries']:,} entries ({note})",
        f"≤ {GENERATION_TARGET_S} s",
        seconds <= GENERATION_TARGET_S,
    )


def _count(output: str, label: str) -> int:
    for line in output.splitlines():
        if line.strip().startswith(f"{label}:"):
            return int(line.split(":")[1].strip().replace(",", ""))
    raise RuntimeError(f"`refill demo` did not report {label}")


def run_module(name: str, ctx: BenchContext) -> list[Row]:
    """The module's rows, or one error row (with the traceback on stderr) if it failed."""
    start = time.perf_counter()
    print(f"running {name}…", file=sys.stderr, flush=True)
    try:
        module = importlib.import_module(f"benchmarks.{name}")
        rows = list(module.run(ctx))
    except Exception as exc:
        traceback.print_exc(file=sys.stderr)
        rows = [Row(f"{name}", f"error: {type(exc).__name__}: {exc}", ok=False)]
    print(f"  {name} took {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
    return rows


def _ok(row: Row) -> str:
    return {True: "yes", False: "NO", None: ""}[row.ok]


def format_table(rows: Sequence[Row]) -> str:
    header = ("figure", "measured", "target", "ok")
    cells = [header, *((r.name, r.figure, r.target, _ok(r)) for r in rows)]
    widths = [max(len(str(c[i])) for c in cells) for i in range(4)]
    lines = [" | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    workdir = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True, mode=0o700)
    modules = discover(args.only)
    env = {
        "REFILL_PASSPHRASE": PASSPHRASE,
        # Never touch the real keychain from a benchmark.
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    if args.skip_jrnl:
        env[SKIP_JRNL] = "1"
    os.environ.update(env)
    path, first = demo_journal(workdir, args.days, env, args.fresh)
    ctx = BenchContext(
        journal_path=path, passphrase=PASSPHRASE, workdir=workdir, days=args.days, env=env
    )
    rows = [first]
    for name in modules:
        rows += run_module(name, ctx)
    cpu = os.cpu_count()
    print(
        f"\nRefill benchmarks — {args.days:,}-day demo journal, Python "
        f"{platform.python_version()}, {cpu} CPUs, {platform.platform(terse=True)}\n"
    )
    print(format_table(rows))
    return 1 if any(row.ok is False for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
