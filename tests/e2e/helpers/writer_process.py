"""Start ``writer.py`` as a separate process and collect its report lines as they arrive."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

WRITER = Path(__file__).with_name("writer.py")


class WriterProcess:
    """A running writer; ``lines`` holds every complete report line read so far."""

    def __init__(self, *args: str, key: bytes = b"") -> None:
        env = {**os.environ, "REFILL_TEST_KEY": key.hex()}
        self.proc = subprocess.Popen(
            [sys.executable, str(WRITER), *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.endswith("\n"):  # a line cut by the kill was never reported
                self.lines.append(line.rstrip("\n"))

    def wait_for(self, line: str, timeout: float = 30.0) -> None:
        """Poll until ``line`` was reported; fail with the writer's stderr if it died first."""
        deadline = time.monotonic() + timeout
        while line not in self.lines:
            if self.proc.poll() is not None:
                self._reader.join(timeout=5)
                if line in self.lines:
                    return
                raise AssertionError(f"writer exited {self.proc.returncode}: {self.stderr()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"writer did not report {line!r} within {timeout} s")
            time.sleep(0.005)

    def send(self, text: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(text + "\n")
        self.proc.stdin.flush()

    def kill(self) -> list[str]:
        """SIGKILL the writer and return every line it reported before dying."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)
        self._reader.join(timeout=30)
        return list(self.lines)

    def finish(self, timeout: float = 120.0) -> list[str]:
        """Wait for a normal exit; fail with stderr unless it exited 0."""
        code = self.proc.wait(timeout=timeout)
        self._reader.join(timeout=30)
        if code != 0:
            raise AssertionError(f"writer exited {code}: {self.stderr()}")
        return list(self.lines)

    def stderr(self) -> str:
        assert self.proc.stderr is not None
        return self.proc.stderr.read() if self.proc.poll() is not None else ""

    def close(self) -> None:
        """Make sure no writer outlives its test."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=30)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()
