"""``refill backup``: an encrypted snapshot now, or the list of rotating backups."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from journal.cli.context import journal_path, journal_session
from journal.cli.inputs import writable_output
from journal.store.backups import backup_dir, list_backups, upgraded_from


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "backup",
        parents=[common],
        help="make an encrypted backup, or list the automatic ones",
        description="Make an encrypted snapshot of the journal (same passphrase). Without "
        "--out it joins the rotating backups kept beside the journal.",
    )
    parser.add_argument("--out", metavar="FILE", help="write the backup to FILE (must not exist)")
    parser.add_argument(
        "--list",
        action="store_true",
        help="list the backups kept beside the journal (needs no passphrase)",
    )
    parser.set_defaults(run=run)


def human_size(size: int) -> str:
    for unit in ("bytes", "KB", "MB"):
        if size < 1024 or unit == "MB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    raise AssertionError("unreachable")


def describe_file(path: Path) -> str:
    stat = path.stat()
    made = dt.datetime.fromtimestamp(stat.st_mtime).strftime("%Y-%m-%d %H:%M")
    return f"{made}  {human_size(stat.st_size):>9}  {path}"


def list_kept(path: Path) -> int:
    """The rotating backups and those made before a schema upgrade (which are never pruned)."""
    found = list_backups(path)
    if not found:
        print(f"No backups yet in {backup_dir(path)}.")
        return 0
    print(f"{len(found)} backups of {path}, oldest first:")
    for item in found:
        version = upgraded_from(item)
        note = "" if version is None else f"  (before upgrading schema {version}; always kept)"
        print(f"  {describe_file(item)}{note}")
    print("Restore one with: refill restore FILE")
    return 0


def run(args: argparse.Namespace) -> int:
    path = journal_path(args)
    if args.list:
        return list_kept(path)
    out = writable_output(Path(args.out), path, overwrite=False) if args.out else None
    with journal_session(args) as journal:
        made = journal.backup(out)
    print(f"Backed up to {made} (encrypted; it opens with the journal's current passphrase).")
    return 0
