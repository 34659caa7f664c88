"""``refill check``: is the journal healthy, and what does it hold?"""

from __future__ import annotations

import argparse

from journal.cli.commands.backup import human_size
from journal.cli.context import journal_session
from journal.store.backups import backup_dir, list_backups

#: Exit status for a journal that opened but failed the integrity check (as CorruptJournal).
DAMAGED = 4


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "check",
        parents=[common],
        help="check the journal's integrity and count what it holds",
        description="Run SQLite's integrity check on the journal and count its records. "
        f"Exit status 0 when healthy, {DAMAGED} when damaged.",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with journal_session(args) as journal:
        problems = journal.db.integrity_check()
        counts = {
            "entries": journal.entries.count(),
            "check-ins": journal.checkins.count(),
            "nights of sleep": journal.sleep.count(),
            "days of session load": journal.sessions.count(),
            "activities": journal.activities.count(),
            "cup actions": journal.cup_actions.count(),
            "self-checks": journal.self_checks.count(),
            "own cup actions": len(journal.custom_actions.all()),
        }
        version = journal.db.user_version
        path = journal.path
    healthy = problems == ["ok"]
    backups = list_backups(path)
    print(f"Journal: {path} ({human_size(path.stat().st_size)}), schema version {version}")
    print(f"Integrity: {'ok' if healthy else 'DAMAGED'}")
    for problem in [] if healthy else problems[:20]:
        print(f"  {problem}")
    print("Holds: " + ", ".join(f"{n} {label}" for label, n in counts.items()))
    newest = f", newest {backups[-1].name}" if backups else ""
    print(f"Backups: {len(backups)} in {backup_dir(path)}{newest}")
    if not healthy:
        print("Restore a backup with `refill restore FILE` (see `refill backup --list`).")
        return DAMAGED
    return 0
