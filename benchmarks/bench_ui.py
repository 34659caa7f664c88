"""The window's figures: launch, unlock to Today, and memory with ten years and charts shown.

Every figure is a whole process started offscreen, like ``refill`` from a launcher:

- launch: ``refill --journal …`` until the unlock window has painted (``REFILL_EXIT_WHEN_SHOWN``
  makes it print ``shown`` on that first paint and quit), as a ratio to a bare PySide6 window
  launched and measured the same way (``ui_probe.py bare``); runs alternate so both see the same
  machine load. Both run as installed: Python bytecode compiled once (pip does it at install
  time), not at every start as in a checkout run with ``PYTHONDONTWRITEBYTECODE``; the cache
  lives in the scratch folder, and one untimed run of each fills it. No passphrase is in the
  environment, as when a person starts the window;
- unlock: from "key in hand" to Today painted, beyond the KDF itself (``ui_probe.py unlock``;
  the cold variant without the background preloading is shown for comparison);
- memory: the RSS high-water mark of a process that unlocks the journal and shows the Trends tab
  until its charts are drawn.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.common import BenchContext, Row, ms
from benchmarks.processes import Finished, refill_command, run_process

HERE = Path(__file__).resolve().parent
PROBE = str(HERE / "ui_probe.py")
REPEAT = 5
LAUNCH_RATIO_TARGET = 1.3
UNLOCK_TARGET_MS = 300
MEMORY_TARGET_MIB = 200


def _env(ctx: BenchContext) -> dict[str, str]:
    """Offscreen, with QSettings written under the scratch folder, never the user's own."""
    return {
        **ctx.env,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(ctx.workdir / "config"),
        "REFILL_PASSPHRASE": ctx.passphrase,
    }


def _probe(ctx: BenchContext, *args: str) -> tuple[dict[str, float], Finished]:
    done = run_process([sys.executable, PROBE, *args], env=_env(ctx)).check()
    return json.loads(done.stdout.strip().splitlines()[-1]), done


def launch_env(ctx: BenchContext) -> dict[str, str]:
    """The whole environment of a launch: offscreen, installed-like bytecode, exit when shown."""
    env = {
        **os.environ,
        **_env(ctx),
        "REFILL_EXIT_WHEN_SHOWN": "1",
        "PYTHONDONTWRITEBYTECODE": "",  # empty means unset
        "PYTHONPYCACHEPREFIX": str(ctx.workdir / "pycache"),
    }
    del env["REFILL_PASSPHRASE"]  # a person starting the window has none in the environment
    return env


def time_to_shown(command: list[str], env: dict[str, str]) -> float:
    """Milliseconds from starting ``command`` (with exactly ``env``) to its ``shown`` line.

    Stops the clock at the line, not at exit: what a person sees is the window, and Refill
    still finishes its background start-up work (keychain probe, preloading) before exiting.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    assert proc.stdout is not None
    elapsed = None
    for line in proc.stdout:
        if line.strip() == "shown" and elapsed is None:
            elapsed = (time.perf_counter() - start) * 1000
    if proc.wait(timeout=120) != 0 or elapsed is None:
        raise RuntimeError(f"{command[0]} did not report its first paint (exit {proc.returncode})")
    return elapsed


def launch_row(ctx: BenchContext) -> Row:
    env = launch_env(ctx)
    refill = [*refill_command(), "--journal", str(ctx.journal_path)]
    bare = [sys.executable, PROBE, "bare"]
    time_to_shown(bare, env)  # untimed: fills the bytecode cache for both
    time_to_shown(refill, env)
    bare_ms, refill_ms = [], []
    for _ in range(REPEAT):  # alternate, so both see the same machine load
        bare_ms.append(time_to_shown(bare, env))
        refill_ms.append(time_to_shown(refill, env))
    ratio = statistics.median(refill_ms) / statistics.median(bare_ms)
    return Row(
        "launch to unlock window shown (whole process, offscreen, median of 5)",
        f"{ms(statistics.median(refill_ms))} = {ratio:.2f} × bare PySide6 window "
        f"({ms(statistics.median(bare_ms))})",
        f"≤ {LAUNCH_RATIO_TARGET} ×",
        ratio <= LAUNCH_RATIO_TARGET,
    )


def unlock_rows(ctx: BenchContext) -> list[Row]:
    path = str(ctx.journal_path)
    warm = [_probe(ctx, "unlock", path)[0]["ms"] for _ in range(REPEAT)]
    cold = [_probe(ctx, "unlock-cold", path)[0]["ms"] for _ in range(REPEAT)]
    return [
        Row(
            f"unlock to Today painted, beyond the KDF ({ctx.days:,}-day journal, median of 5)",
            ms(statistics.median(warm)),
            f"≤ {UNLOCK_TARGET_MS} ms",
            statistics.median(warm) <= UNLOCK_TARGET_MS,
        ),
        Row(
            "  … the same without importing the views while the passphrase is typed",
            ms(statistics.median(cold)),
        ),
    ]


def memory_rows(ctx: BenchContext) -> list[Row]:
    peaks, charts = [], []
    trends = True
    for _ in range(3):
        result, done = _probe(ctx, "charts", str(ctx.journal_path))
        peaks.append(done.peak_mib)
        charts.append(result["charts_ms"])
        trends = trends and bool(result["trends_view"])
    shown = "Trends tab with its charts" if trends else "Trends tab (no charts view in this build)"
    return [
        Row(
            f"peak memory, {ctx.days:,} days open and the {shown} (max of 3)",
            f"{max(peaks):.0f} MiB",
            f"≤ {MEMORY_TARGET_MIB} MiB",
            max(peaks) <= MEMORY_TARGET_MIB and trends,
        ),
        Row(
            "  … unlock to the Trends tab's charts drawn (median of 3)",
            ms(statistics.median(charts)),
        ),
    ]


def run(ctx: BenchContext) -> list[Row]:
    return [launch_row(ctx), *unlock_rows(ctx), *memory_rows(ctx)]
