"""One process per journal: the second one is told the journal is busy, and a dead holder's
lock goes away with it."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from child_process import start_until, stop

from journal.store.errors import JournalBusy
from journal.store.instance_lock import InstanceLock, lock_path

HOLDER = """
import sys
from journal.store.instance_lock import InstanceLock
lock = InstanceLock(sys.argv[1])
lock.acquire()
print("locked", flush=True)
sys.stdin.readline()
"""

TRY = """
import sys
from journal.store.errors import JournalBusy
from journal.store.instance_lock import InstanceLock
try:
    InstanceLock(sys.argv[1]).acquire()
except JournalBusy as exc:
    print("busy", exc.path, exc.detail)
else:
    print("acquired")
"""


@pytest.fixture
def holder(journal_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the journal's lock until its stdin closes."""
    proc = start_until(HOLDER, str(journal_path), "locked")
    yield proc
    stop(proc)


def _try_in_another_process(journal_path: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-c", TRY, str(journal_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.strip()


def test_acquire_writes_pid_to_a_private_lock_file(journal_path: Path) -> None:
    """The lock file sits beside the journal, is 0600 and holds only this process's pid."""
    with InstanceLock(journal_path) as lock:
        assert lock.held
        assert lock.path == lock_path(journal_path) == journal_path.parent / "journal.refill.lock"
        assert lock.path.read_text() == f"{os.getpid()}\n"
        if sys.platform != "win32":
            assert stat.S_IMODE(lock.path.stat().st_mode) == 0o600
    assert not lock.held
    assert not lock.path.exists()


def test_second_lock_in_the_same_process_is_busy(journal_path: Path) -> None:
    """A second InstanceLock on the same journal raises JournalBusy naming journal and pid."""
    with InstanceLock(journal_path):
        with pytest.raises(JournalBusy) as info:
            InstanceLock(journal_path).acquire()
        assert info.value.path == journal_path
        assert str(os.getpid()) in info.value.detail


def test_released_lock_can_be_taken_again(journal_path: Path) -> None:
    """After release (also when release is called twice) the journal can be locked again."""
    lock = InstanceLock(journal_path)
    lock.acquire()
    lock.release()
    lock.release()
    with InstanceLock(journal_path):
        pass


def test_acquiring_twice_is_a_programming_error(journal_path: Path) -> None:
    """Calling acquire() on a lock already held raises instead of silently nesting."""
    with InstanceLock(journal_path) as lock, pytest.raises(RuntimeError):
        lock.acquire()


def test_other_process_is_told_the_journal_is_busy(
    journal_path: Path, holder: subprocess.Popen[str]
) -> None:
    """While one process holds the lock, another gets JournalBusy with the holder's pid."""
    assert (
        _try_in_another_process(journal_path) == f"busy {journal_path} held by process {holder.pid}"
    )
    with pytest.raises(JournalBusy):
        InstanceLock(journal_path).acquire()


def test_lock_of_a_killed_process_is_released(
    journal_path: Path, holder: subprocess.Popen[str]
) -> None:
    """A holder that dies without releasing (SIGKILL) leaves the journal free, not busy."""
    with pytest.raises(JournalBusy):
        InstanceLock(journal_path).acquire()
    holder.kill()
    holder.wait(timeout=30)
    assert lock_path(journal_path).exists()  # the stale file stays, but nobody holds it
    with InstanceLock(journal_path) as lock:
        assert lock.path.read_text() == f"{os.getpid()}\n"
    assert _try_in_another_process(journal_path) == "acquired"


def test_holder_releasing_frees_the_journal(
    journal_path: Path, holder: subprocess.Popen[str]
) -> None:
    """When the holder exits normally the next process acquires the lock."""
    assert holder.stdin is not None
    holder.stdin.close()
    assert holder.wait(timeout=30) == 0
    assert _try_in_another_process(journal_path) == "acquired"


def test_lock_taken_on_a_file_just_removed_is_taken_again(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A lock taken on a lock file removed meanwhile is retaken on the file now at the path."""
    from journal.store import instance_lock

    real_try_lock = instance_lock._try_lock
    calls = []

    def holder_leaves_in_between(fd: int) -> bool:
        calls.append(fd)
        if len(calls) == 1:
            lock_path(journal_path).unlink()  # what release() does in the other process
        return real_try_lock(fd)

    monkeypatch.setattr(instance_lock, "_try_lock", holder_leaves_in_between)
    with InstanceLock(journal_path) as lock:
        assert len(calls) == 2
        assert lock.path.read_text() == f"{os.getpid()}\n"
        monkeypatch.undo()
        with pytest.raises(JournalBusy):
            InstanceLock(journal_path).acquire()
