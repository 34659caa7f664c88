"""A killed export leaves a plaintext ``*.partial``: the next export to the same file removes
it, unless a live process is still writing it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from journal.exchange import export_file
from journal.store.models import CheckIn

HOLDER = """
import sys
from pathlib import Path
from journal.files import partial_file
with partial_file(Path(sys.argv[1])):
    print("writing", flush=True)
    sys.stdin.readline()
"""


def _written_long_ago(path: Path, text: str) -> Path:
    """A partial as a writer killed before this process started left it (unlocked)."""
    path.write_text(text, encoding="utf-8")
    os.utime(path, (1_000_000_000, 1_000_000_000))
    return path


def test_next_export_removes_the_partial_of_a_killed_one(journal, tmp_path: Path) -> None:
    """The leftover partial of the same target goes; another file's partial stays."""
    journal.checkins.save(CheckIn("2026-03-01", mood=5))
    out = tmp_path / "export.csv"
    leftover = _written_long_ago(tmp_path / ".export.csv.k1ll3d00.partial", "date,note\n…")
    other = _written_long_ago(tmp_path / ".other.csv.k1ll3d00.partial", "not this one")
    export_file(journal, "csv", out)
    assert out.exists()
    assert not leftover.exists()
    assert other.exists()


def test_export_keeps_a_partial_a_live_process_is_writing(journal, tmp_path: Path) -> None:
    """A partial another process holds is not touched, however old it looks."""
    journal.checkins.save(CheckIn("2026-03-01", mood=5))
    out = tmp_path / "export.json"
    live = tmp_path / ".export.json.l1v3l1v3.partial"
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(live)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "writing"
        os.utime(live, (1_000_000_000, 1_000_000_000))
        export_file(journal, "json", out)
        assert live.exists()
    finally:
        proc.kill()
        proc.wait(timeout=30)
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                stream.close()
    assert out.exists()
