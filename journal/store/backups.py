"""Rotating encrypted backups kept next to the journal, and restoring one.

A backup is a ``VACUUM INTO`` snapshot: same key, same salt, so the journal's passphrase opens
it. Snapshots are written to a temporary name, fsynced and renamed, so a crash never leaves a
half backup under a real name; the temporary files a killed backup leaves behind are removed
by the next backup (see ``journal.files.remove_stale_partials``).
"""

from __future__ import annotations

import datetime as dt
import glob
import os
import re
from pathlib import Path

from journal.files import fsync_dir, remove_stale_partials
from journal.store.database import Database
from journal.store.errors import DiskFull, NotWritable, typed_os_errors

SUFFIX = ".refill-backup"
#: Marks the backup made before a schema upgrade: ``<stem>-<stamp>-before-upgrade-v1``. It is
#: the only copy the older Refill can still open, so rotation never removes it.
_BEFORE_UPGRADE = re.compile(r"-before-upgrade-v(\d+)" + re.escape(SUFFIX) + "$")


def backup_dir(journal_path: Path) -> Path:
    """``<folder>/<journal name>.backups/`` beside the journal."""
    return journal_path.with_name(journal_path.name + ".backups")


def list_backups(journal_path: Path) -> list[Path]:
    """Every backup of this journal in its backup folder, rotating and pre-upgrade ones,
    oldest first (what a restore offers)."""
    folder = backup_dir(journal_path)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.name.endswith(SUFFIX))


def upgraded_from(backup: Path) -> int | None:
    """The schema version a pre-upgrade backup holds, or None for any other backup."""
    found = _BEFORE_UPGRADE.search(backup.name)
    return int(found.group(1)) if found else None


def rotating_backups(journal_path: Path) -> list[Path]:
    """The backups rotation may prune: all but the pre-upgrade ones, oldest first."""
    return [p for p in list_backups(journal_path) if upgraded_from(p) is None]


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def make_backup(db: Database, *, out: Path | None = None, keep: int | None = 10) -> Path:
    """Snapshot ``db`` to ``out`` or to a new rotating backup; prune to ``keep`` newest."""
    if out is None:
        out = _in_backup_dir(db, "")
    db.copy_to(out)
    if keep is not None and out.parent == backup_dir(db.path):
        prune(db.path, keep)
    return out


def backup_before_upgrade(db: Database, version: int) -> Path:
    """Snapshot ``db``, still at schema ``version``, before migrating it: kept, never pruned
    (the only copy an older Refill can open), and listed for restore like the others."""
    out = _in_backup_dir(db, f"-before-upgrade-v{version}")
    db.copy_to(out)
    return out


def _in_backup_dir(db: Database, marker: str) -> Path:
    """A new backup name in the journal's backup folder (made, and tidied, on the way)."""
    folder = backup_dir(db.path)
    out = folder / f"{db.path.stem}-{_stamp()}{marker}{SUFFIX}"
    with typed_os_errors(out):
        folder.mkdir(mode=0o700, exist_ok=True)
    # What killed backups of this journal left (``copy_to`` clears only its own name).
    remove_stale_partials(folder, f".{glob.escape(db.path.stem)}-*{SUFFIX}.partial")
    return out


def prune(journal_path: Path, keep: int) -> list[Path]:
    """Delete all but the ``keep`` newest rotating backups (never a pre-upgrade one); returns
    what was removed."""
    backups = rotating_backups(journal_path)
    removed = backups[: max(0, len(backups) - keep)]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def set_aside(journal_path: Path) -> Path | None:
    """Keep a journal (and its WAL/SHM) under a ``.replaced-…`` name; never delete it.

    The journal is hard-linked there, so it also stays at its own name until the caller puts
    something else in place: a crash in between leaves a journal where the user expects one.
    Where hard links are not supported it is renamed instead.
    """
    if not journal_path.exists():
        return None
    aside = journal_path.with_name(f"{journal_path.name}.replaced-{_stamp()}")
    try:
        os.link(journal_path, aside)
    except OSError:
        os.replace(journal_path, aside)
    for suffix in ("-wal", "-shm"):
        side = journal_path.with_name(journal_path.name + suffix)
        if side.exists():
            os.replace(side, aside.with_name(aside.name + suffix))
    return aside


def restore(backup: Database, journal_path: Path) -> Path | None:
    """Put the opened ``backup`` in place of the journal at ``journal_path``.

    The journal there (if any) must be closed; it is set aside under a ``.replaced-…`` name,
    never deleted. Returns where it went.
    """
    staged = journal_path.with_name(f".{journal_path.name}.restoring")
    try:
        with typed_os_errors(journal_path):
            staged.unlink(missing_ok=True)
            backup.copy_to(staged)
            aside = set_aside(journal_path)
            os.replace(staged, journal_path)
            fsync_dir(journal_path.parent)
    except (DiskFull, NotWritable) as exc:
        exc.path = journal_path  # the user knows the journal, not the staging name
        raise
    return aside
