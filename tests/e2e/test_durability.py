"""A writer killed with SIGKILL at random moments never leaves a damaged or incomplete journal.

What this proves: *atomicity under process death*. Every save the writer reported (it reports
only after ``save`` returned) is in the journal after the kill, nothing half-written is visible,
deletes that returned stay deleted, and ``PRAGMA integrity_check`` is ``ok`` — including kills in
the middle of a WAL checkpoint, which deletes trigger — and no half-written rotating backup
ever appears under a real backup name.

What this does not prove: durability across power loss or an OS crash. A killed process leaves
its writes in the kernel's page cache, which still reaches the disk; only a machine losing power
tests whether ``synchronous=FULL``'s fsyncs are honoured by the disk, and no test here can.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

import pytest
from helpers.writer_process import WriterProcess

from journal.store import Journal, WrongPassphrase, backups
from journal.store.keys import derive_key
from journal.store.models import Entry

KILLS = 52
REKEY_KILLS = 8
SEED = 20260301
OTHER_PASSPHRASE = "another long passphrase"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]


class Ledger:
    """What the writer has reported so far, across restarts."""

    def __init__(self) -> None:
        self.added: dict[int, int] = {}  # key -> entry id
        self.deleted: set[int] = set()  # keys whose entry was deleted
        self.deleting: set[int] = set()  # keys whose delete had started: either state is fine
        self.checkins: dict[str, int] = {}  # date -> mood
        self.next_key = 0
        self.backups = 0
        self.checked_backups: set[str] = set()

    def take(self, lines: list[str]) -> int:
        """Record a killed writer's report lines; returns how many saves they reported."""
        saves = 0
        for line in lines:
            if line == "ready":
                continue
            kind, first, second = line.split()
            if kind == "deleting":
                self.deleting.add(int(first))
                continue
            if kind == "add":
                self.added[int(first)] = int(second)
                self.next_key = max(self.next_key, int(first) + 1)
            elif kind == "del":
                self.deleted.add(int(first))
            elif kind == "checkin":
                self.checkins[first] = int(second)
            elif kind == "backup":
                self.backups += 1
            saves += 1
        return saves

    def check(self, journal: Journal) -> None:
        """Every reported save is present, every reported delete absent."""
        by_id = {entry.id: entry for entry in journal.entries.between()}
        for key, entry_id in self.added.items():
            if key in self.deleted:
                # Row ids are reused after a delete, so look at what the id holds now.
                there = by_id.get(entry_id)
                assert there is None or there.title != f"key {key}", f"key {key} came back"
            elif key not in self.deleting:
                assert entry_id in by_id, f"reported entry for key {key} is missing"
                assert by_id[entry_id].title == f"key {key}"
                assert by_id[entry_id].body == f"stream body {key} " * 20
        stored = {c.date: c.mood for c in journal.checkins.between()}
        for date, mood in self.checkins.items():
            assert stored.get(date) == mood, f"reported check-in for {date} is missing"

    def check_backups(self, journal_path: Path, key: bytes) -> None:
        """Every rotating backup under its real name is a whole journal (checked once each)."""
        for path in backups.list_backups(journal_path):
            if path.name in self.checked_backups:
                continue
            with Journal.open(path, raw_key=key) as copy:
                assert copy.db.integrity_check() == ["ok"], f"backup {path.name}"
                copy.close(backup_if_changed=False)
            self.checked_backups.add(path.name)


def test_sigkill_at_random_moments_loses_no_reported_save(
    journal_path: Path, passphrase: str
) -> None:
    """52 SIGKILLs at seeded random moments: integrity ok and every reported save present."""
    rng = random.Random(SEED)
    with Journal.create(journal_path, passphrase) as journal:
        key = journal.db.raw_key
    ledger = Ledger()
    started = time.monotonic()
    kills_mid_stream = 0
    for kill in range(KILLS):
        writer = WriterProcess("stream", str(journal_path), str(ledger.next_key), key=key)
        try:
            writer.wait_for("ready")
            # The random delay is the test's input — when the kill lands — not a wait for
            # something to happen.
            time.sleep(rng.uniform(0.02, 0.3))
            assert writer.proc.poll() is None, f"writer died by itself: {writer.stderr()}"
            saves = ledger.take(writer.kill())
        finally:
            writer.close()
        kills_mid_stream += saves > 0
        with Journal.open(journal_path, raw_key=key) as journal:
            assert journal.db.integrity_check() == ["ok"], f"after kill {kill}"
            ledger.check(journal)
            journal.close(backup_if_changed=False)
        ledger.check_backups(journal_path, key)
    elapsed = time.monotonic() - started
    assert kills_mid_stream >= KILLS // 2, "most kills must land while saves are streaming"
    assert len(ledger.added) > KILLS * 5
    assert ledger.deleted, "the stream must have exercised deletes (and their checkpoints)"
    assert ledger.backups, "the stream must have made rotating backups"
    print(
        f"{KILLS} kills, {len(ledger.added)} reported entries, {ledger.backups} backups, "
        f"{len(ledger.checked_backups)} checked, in {elapsed:.1f} s"
    )


def _opens_with(path: Path, key: bytes, entries: int) -> bool:
    """Whether ``key`` opens the journal; when it does, the data must be whole."""
    try:
        journal = Journal.open(path, raw_key=key)
    except WrongPassphrase:
        return False
    with journal:
        assert journal.db.integrity_check() == ["ok"]
        assert journal.entries.count() == entries
        journal.close(backup_if_changed=False)
    return True


def test_sigkill_while_changing_the_passphrase_never_locks_out(
    journal_path: Path, passphrase: str
) -> None:
    """Killed mid passphrase change, exactly one passphrase opens the journal, data whole."""
    entries = 1500
    with Journal.create(journal_path, passphrase) as journal, journal.db.transaction():
        for i in range(entries):
            journal.entries.add(Entry("2026-03-01", title=f"e{i}", body=f"{i} words " * 100))
    salt = journal_path.read_bytes()[:16]
    keys = {p: derive_key(p, salt) for p in (passphrase, OTHER_PASSPHRASE)}
    current, other = passphrase, OTHER_PASSPHRASE

    def change(kill_after: float | None) -> list[str]:
        writer = WriterProcess("rekey", str(journal_path), other, key=keys[current])
        try:
            writer.wait_for("rekeying")
            if kill_after is None:
                return writer.finish()
            time.sleep(kill_after)  # when the kill lands is the test's input
            return writer.kill()
        finally:
            writer.close()

    # One uninterrupted change measures how long a change takes on this machine right now.
    started = time.monotonic()
    change(None)
    window = time.monotonic() - started
    current, other = other, current

    rng = random.Random(SEED)
    outcomes = {"old": 0, "new": 0}
    for _ in range(REKEY_KILLS):
        lines = change(rng.uniform(0, window))
        opened = [p for p in (current, other) if _opens_with(journal_path, keys[p], entries)]
        assert len(opened) == 1, f"opens with {len(opened)} of the two passphrases"
        if "rekeyed" in lines:
            assert opened == [other]
        outcomes["new" if opened == [other] else "old"] += 1
        if opened == [other]:
            current, other = other, current
    print(f"a change takes {window * 1000:.0f} ms; after the kills: {outcomes}")
