"""Another process holding something (a lock, a file being written) while a test looks on."""

from __future__ import annotations

import subprocess
import sys


def start_until(script: str, argument: str, ready: str) -> subprocess.Popen[str]:
    """Run ``python -c script argument`` and return once it prints the line ``ready``; it keeps
    going until its stdin closes or :func:`stop` kills it."""
    proc = subprocess.Popen(
        [sys.executable, "-c", script, argument],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == ready
    return proc


def stop(proc: subprocess.Popen[str]) -> None:
    """Kill ``proc`` if it still runs, reap it and close its pipes."""
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=30)
    for stream in (proc.stdin, proc.stdout):
        if stream is not None:
            stream.close()
