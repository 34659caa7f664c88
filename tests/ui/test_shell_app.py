"""Starting the window: which journal it opens, and ``refill --demo`` cleaning up after itself."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings

from journal.ui.app import choose_journal_path, demo_passphrase


def test_journal_path_choice(tmp_path: Path, monkeypatch) -> None:
    """--journal wins, then REFILL_JOURNAL, then the last journal opened (if it still exists)."""
    store = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    last = tmp_path / "last.refill"
    last.write_bytes(b"x")
    store.setValue("journal/last_path", str(last))
    assert choose_journal_path(str(tmp_path / "given.refill"), store) == tmp_path / "given.refill"
    assert choose_journal_path(None, store) == last
    monkeypatch.setenv("REFILL_JOURNAL", str(tmp_path / "env.refill"))
    assert choose_journal_path(None, store) == tmp_path / "env.refill"
    monkeypatch.delenv("REFILL_JOURNAL")
    last.unlink()
    assert choose_journal_path(None, store).name == "journal.refill"


def test_demo_passphrase_is_typeable() -> None:
    """The demo passphrase is four plain words joined by hyphens (it is shown to be typed)."""
    words = demo_passphrase().split("-")
    assert len(words) == 4 and all(word.isalpha() and word.islower() for word in words)


def test_demo_runs_and_removes_its_folder(tmp_path: Path) -> None:
    """`refill --demo` shows its window, and on exit nothing of the demo is left on disk."""
    env = {
        **os.environ,
        "TMPDIR": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
        "REFILL_EXIT_WHEN_SHOWN": "1",
    }
    done = subprocess.run(
        [sys.executable, "-m", "journal", "--demo"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr
    assert "shown" in done.stdout
    assert list(tmp_path.iterdir()) == []
