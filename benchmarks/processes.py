"""Whole-process measurements: wall time and the peak memory of exactly that process.

``getrusage(RUSAGE_CHILDREN)`` only reports the largest child so far, and on Linux a child's
``ru_maxrss`` starts at its parent's RSS when it was forked (exec records the copied address
space's high-water mark). So the command is started by a small launcher — this file run as a
script — which spawns it, reaps it with ``os.wait4`` and reports that one process's own wall time
and peak RSS through a pipe. (The figure cannot go below the launcher's own ~14 MiB, which
the spawned process starts from.)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
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
    report_r, report_w = os.pipe()
    try:
        done = subprocess.run(
            [sys.executable, __file__, str(report_w), *command],
            input=input,
            stdin=None if input is not None else subprocess.DEVNULL,
            capture_output=True,
            text=True,
            env={**os.environ, **(env or {})},
            timeout=timeout,
            start_new_session=detach_tty,
            pass_fds=(report_w,),
        )
        os.close(report_w)
        report_w = -1
        with os.fdopen(report_r) as report:
            code, elapsed, peak_kib = report.read().split()
    finally:
        if report_w >= 0:
            os.close(report_w)
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss: KiB (bytes on macOS)
    return Finished(int(code), done.stdout, done.stderr, float(elapsed), int(peak_kib) / scale)


def _launch(report_fd: int, command: list[str]) -> int:
    """In the launcher: spawn ``command`` (inheriting stdio), reap it, report its own figures."""
    start = time.perf_counter()
    pid = os.posix_spawnp(command[0], command, os.environ)
    _pid, status, usage = os.wait4(pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    code = os.waitstatus_to_exitcode(status)
    os.write(report_fd, f"{code} {elapsed} {usage.ru_maxrss}".encode())
    return code


def median_run(
    command: Sequence[str], *, repeat: int = 5, **kwargs: object
) -> tuple[float, Finished]:
    """Median wall time (ms) of ``repeat`` successful runs, and the last run's result."""
    times = []
    for _ in range(repeat):
        last = run_process(command, **kwargs).check()  # type: ignore[arg-type]
        times.append(last.ms)
    return statistics.median(times), last


if __name__ == "__main__":
    sys.exit(_launch(int(sys.argv[1]), sys.argv[2:]))
