"""Whole-process measurements: wall time and the peak memory of exactly that process.

``resource.getrusage(RUSAGE_CHILDREN)`` only reports the largest child so far, so each child is
reaped with ``os.wait4``, which returns that one child's own resource usage.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Finished:
    """One finished process: exit status, output, wall time and RSS high-water mark."""

    returncode: int
    stdout: str
    stderr: str
    ms: float
    peak_mib: float

    def check(self) -> Finished:
        """Raise with the process's own message unless it exited with status 0."""
        if self.returncode != 0:
            detail = (self.stderr or self.stdout).strip().splitlines()
            raise RuntimeError(f"exit {self.returncode}: {detail[-1] if detail else 'no output'}")
        return self


def refill_command() -> list[str]:
    """How to start ``refill`` from the same environment as the benchmark."""
    script = Path(sys.executable).with_name("refill")
    return [str(script)] if script.exists() else [sys.executable, "-m", "journal"]


def run_process(
    command: Sequence[str],
    *,
    env: dict[str, str] | None = None,
    input: str | None = None,
    timeout: float = 600,
    detach_tty: bool = False,
) -> Finished:
    """Run ``command`` to completion (``env`` is added to this process's environment).

    ``detach_tty`` starts it in a new session without a controlling terminal, so a program that
    reads passwords from ``/dev/tty`` (``getpass``) reads them from ``input`` instead.
    """
    full_env = {**os.environ, **(env or {})}
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(command),
        stdin=subprocess.PIPE if input is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=full_env,
        text=True,
        start_new_session=detach_tty,
    )
    out: list[str] = []
    err: list[str] = []
    readers = [
        threading.Thread(target=lambda: out.append(proc.stdout.read()), daemon=True),  # type: ignore[union-attr]
        threading.Thread(target=lambda: err.append(proc.stderr.read()), daemon=True),  # type: ignore[union-attr]
    ]
    for reader in readers:
        reader.start()
    if input is not None:
        assert proc.stdin is not None
        try:
            proc.stdin.write(input)
            proc.stdin.close()
        except BrokenPipeError:
            pass
    watchdog = threading.Timer(timeout, proc.kill)
    watchdog.start()
    try:
        _pid, status, usage = os.wait4(proc.pid, 0)
    finally:
        watchdog.cancel()
    elapsed = (time.perf_counter() - start) * 1000
    proc.returncode = os.waitstatus_to_exitcode(status)
    for reader in readers:
        reader.join()
    # ru_maxrss is in KiB on Linux (bytes on macOS).
    peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return Finished(proc.returncode, "".join(out), "".join(err), elapsed, peak)


def median_run(
    command: Sequence[str], *, repeat: int = 5, **kwargs: object
) -> tuple[float, Finished]:
    """Median wall time (ms) of ``repeat`` successful runs, and the last run's result."""
    times = []
    for _ in range(repeat):
        last = run_process(command, **kwargs).check()  # type: ignore[arg-type]
        times.append(last.ms)
    return statistics.median(times), last
