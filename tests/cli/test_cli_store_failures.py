"""Read-only places and full disks from the terminal: one line naming the file, exit status 1,
nothing changed (or, after an import, what did happen).

For really read-only places, a normal user's folder is made read-only with chmod; as root (where
chmod stops nothing) it is bind-mounted read-only in a private mount namespace. Where neither is
possible those tests are skipped; tests/store/test_store_failures.py covers the same paths with
the OS faked.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from journal.store import Journal
from journal.store.backups import backup_dir


def _can_bind_read_only() -> bool:
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        return False
    script = "mount --bind /tmp /tmp && mount -o remount,bind,ro /tmp"
    probe = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True)
    return probe.returncode == 0


IS_ROOT = sys.platform != "win32" and os.geteuid() == 0
needs_read_only = pytest.mark.skipif(
    sys.platform == "win32" or (IS_ROOT and not _can_bind_read_only()),
    reason="needs chmod as a normal user, or read-only bind mounts as root",
)

Completed = subprocess.CompletedProcess[str]


@contextmanager
def _read_only(folder: Path) -> Iterator[list[str]]:
    """The command prefix that runs a process seeing ``folder`` read-only."""
    if IS_ROOT:
        script = f'mount --bind "{folder}" "{folder}" && mount -o remount,bind,ro "{folder}" '
        yield ["unshare", "-m", "sh", "-c", script + '&& exec "$@"', "sh"]
        return
    modes = {path: path.stat().st_mode for path in (folder, *folder.iterdir())}
    for path in modes:
        path.chmod(0o500 if path.is_dir() else 0o400)
    try:
        yield []
    finally:
        for path, mode in modes.items():
            path.chmod(mode)


def _refill(prefix: list[str], passphrase: str, cwd: Path, *args: str) -> Completed:
    """``refill ARGS`` as its own process, behind a command prefix."""
    env = {**os.environ, "REFILL_PASSPHRASE": passphrase}
    return subprocess.run(
        [*prefix, sys.executable, "-m", "journal", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
    )


@pytest.fixture
def in_own_folder(tmp_path: Path, passphrase: str) -> Path:
    """A closed journal alone in its own folder (so only that folder is made read-only)."""
    path = tmp_path / "journals" / "journal.refill"
    Journal.create(path, passphrase).close(backup_if_changed=False)
    return path


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@needs_read_only
def test_log_into_a_read_only_journal_says_so_and_changes_nothing(
    in_own_folder: Path, passphrase: str, tmp_path: Path
) -> None:
    """`refill log` on a journal in a read-only folder: exit 8, one line naming the journal and
    saying it cannot be written, and every file there unchanged."""
    folder = in_own_folder.parent
    before = _files(folder)
    args = ["log", "checkin", "--mood", "5", "--journal", str(in_own_folder)]
    with _read_only(folder) as prefix:
        result = _refill(prefix, passphrase, tmp_path, *args)
    assert result.returncode == 8, result.stderr
    assert result.stderr.startswith(f"refill: cannot write {in_own_folder} (")
    assert "read-only" in result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert _files(folder) == before


@needs_read_only
def test_backup_into_a_read_only_backup_folder_says_so(
    in_own_folder: Path, passphrase: str, tmp_path: Path
) -> None:
    """`refill backup` when the backups folder is read-only: exit 8, one line naming the
    backup it could not write; the journal is unchanged and no partial file is left."""
    folder = backup_dir(in_own_folder)
    folder.mkdir(mode=0o700)
    journal_before = in_own_folder.read_bytes()
    with _read_only(folder) as prefix:
        result = _refill(prefix, passphrase, tmp_path, "backup", "--journal", str(in_own_folder))
    assert result.returncode == 8, result.stderr
    assert result.stderr.startswith(f"refill: cannot write {folder}{os.sep}")
    assert result.stderr.count("\n") == 1
    assert list(folder.iterdir()) == []
    assert in_own_folder.read_bytes() == journal_before


@needs_read_only
def test_restore_into_a_read_only_folder_says_so_and_replaces_nothing(
    in_own_folder: Path, passphrase: str, tmp_path: Path
) -> None:
    """`refill restore` when the journal's folder is read-only: exit 8, one line naming the
    folder; the journal is not replaced and nothing is left behind."""
    backup = tmp_path / "saved.refill-backup"
    with Journal.open(in_own_folder, passphrase=passphrase) as journal:
        journal.backup(backup)
    folder = in_own_folder.parent
    before = _files(folder)
    with _read_only(folder) as prefix:
        args = ["restore", str(backup), "--journal", str(in_own_folder)]
        result = _refill(prefix, passphrase, tmp_path, *args)
    assert result.returncode == 8, result.stderr
    assert result.stderr.startswith(f"refill: cannot write {folder} (")
    assert result.stderr.count("\n") == 1
    assert _files(folder) == before
    assert sorted(p.name for p in folder.iterdir()) == sorted(before)


@pytest.mark.parametrize(
    ("command", "done"),
    [
        (["import", "{source}"], "imported"),
        (["log", "checkin", "--date", "2026-03-01", "--mood", "6"], "saved"),
    ],
)
def test_a_closing_backup_that_finds_the_disk_full_says_what_happened(
    command: list[str],
    done: str,
    made: Path,
    passphrase: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The command's work is stored, then the rotating backup on closing meets a full disk:
    exit 8 and one line saying it was stored but not backed up, naming the backup folder (no
    traceback); the stored record is there."""
    from journal.cli.main import main
    from journal.store import database

    source = tmp_path / "days.csv"
    source.write_text("date,mood\n2026-03-01,6\n", encoding="utf-8")

    def no_space(target: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(database, "fsync_file", no_space)
    monkeypatch.setenv("REFILL_PASSPHRASE", passphrase)
    args = [arg.format(source=source) for arg in command]
    status = main([*args, "--journal", str(made)])
    err = capsys.readouterr().err
    assert status == 8
    assert err.startswith(f"refill: {done}, but the automatic backup after it was not made: ")
    assert "the disk " in err
    assert str(backup_dir(made)) in err
    assert err.count("\n") == 1
    monkeypatch.undo()
    with Journal.open(made, passphrase=passphrase) as journal:
        assert journal.checkins.dates() == ["2026-03-01"]
