"""Temporary ``*.partial`` files of killed backups are removed by the next backup, and never one
that a live process is still writing."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from child_process import start_until, stop

from journal import files
from journal.store import Journal, backups

WRITER = """
import sys
from pathlib import Path
from journal.files import partial_file
with partial_file(Path(sys.argv[1])):
    print("writing", flush=True)
    sys.stdin.readline()
"""

Writer = Callable[[Path], subprocess.Popen[str]]


@pytest.fixture
def writer() -> Iterator[Writer]:
    """``writer(path)``: another process in the middle of writing the partial ``path``, the way
    a backup writes it, until its stdin closes or it is killed."""
    started: list[subprocess.Popen[str]] = []

    def start(path: Path) -> subprocess.Popen[str]:
        proc = start_until(WRITER, str(path), "writing")
        started.append(proc)
        return proc

    yield start
    for proc in started:
        stop(proc)


@pytest.fixture
def later_process(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """``later_process(path)``: behave as a Refill process started after ``path`` was last
    written (as the next `refill backup` is), so the file may count as a leftover."""

    def after(path: Path) -> None:
        monkeypatch.setattr(files, "PROCESS_STARTED", path.stat().st_mtime + 1)

    return after


def _rotating_partial(journal: Journal) -> Path:
    folder = backups.backup_dir(journal.path)
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder / f".{journal.path.stem}-20260301-101010-000001{backups.SUFFIX}.partial"


def test_next_backup_removes_the_partial_of_a_killed_backup(
    journal: Journal, writer: Writer, later_process: Callable[[Path], None]
) -> None:
    """A backup killed mid-write (kill -9) leaves its partial; the next backup removes it and
    nothing else in the folder."""
    partial = _rotating_partial(journal)
    stranger = partial.parent / ".notes.partial"
    stranger.write_text("not ours")
    proc = writer(partial)
    proc.kill()
    proc.wait(timeout=30)
    assert partial.exists()
    later_process(partial)
    made = journal.backup()
    assert not partial.exists()
    assert made.exists()
    assert stranger.read_text() == "not ours"


def test_backup_keeps_a_partial_another_process_is_writing(
    journal: Journal, writer: Writer, later_process: Callable[[Path], None]
) -> None:
    """While another process writes a partial (it holds its lock), backups leave it alone;
    once that process is gone, the next backup removes it."""
    partial = _rotating_partial(journal)
    proc = writer(partial)
    later_process(partial)
    journal.backup()
    assert partial.exists()
    proc.kill()
    proc.wait(timeout=30)
    journal.backup()
    assert not partial.exists()


def test_partial_changed_since_this_process_started_is_kept(journal: Journal) -> None:
    """An unlocked partial written after this process started may belong to a writer that
    takes no lock (an older Refill): it is kept."""
    partial = _rotating_partial(journal)
    partial.write_bytes(b"\0" * 4096)
    journal.backup()
    assert partial.exists()


def test_backup_to_a_chosen_file_never_removes_a_live_partial_of_it(
    journal: Journal, writer: Writer, tmp_path: Path, later_process: Callable[[Path], None]
) -> None:
    """A backup to FILE while another process is writing FILE's partial fails rather than
    deleting the other writer's file."""
    out = tmp_path / "copy.refill-backup"
    partial = tmp_path / f".{out.name}.partial"
    writer(partial)
    later_process(partial)
    with pytest.raises(FileExistsError):
        journal.backup(out)
    assert partial.exists()
    assert not out.exists()


def test_backup_to_a_chosen_file_removes_its_killed_partial(
    journal: Journal, writer: Writer, tmp_path: Path, later_process: Callable[[Path], None]
) -> None:
    """The partial of a killed backup to FILE goes when FILE is backed up to again."""
    out = tmp_path / "copy.refill-backup"
    partial = tmp_path / f".{out.name}.partial"
    proc = writer(partial)
    proc.kill()
    proc.wait(timeout=30)
    later_process(partial)
    journal.backup(out)
    assert out.exists()
    assert not partial.exists()
