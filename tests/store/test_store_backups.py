"""Passphrase changes, rotating encrypted backups, restore, and deleted text leaving the disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.store import Journal, WrongPassphrase, backups
from journal.store.database import PAGE_SIZE, Database
from journal.store.models import CheckIn, Entry

NEW_PASSPHRASE = "a different long passphrase"


def _fill(journal: Journal) -> None:
    journal.checkins.save(CheckIn("2026-03-01", mood=6, note="first"))
    journal.checkins.save(CheckIn("2026-03-02", mood=3))
    journal.entries.add(Entry("2026-03-01", title="Supervision", body="talked it through"))


def _contents(journal: Journal) -> tuple[object, ...]:
    return (
        journal.checkins.between(),
        [(e.id, e.date, e.title, e.body, e.tags) for e in journal.entries.between()],
    )


# ------------------------------------------------------------------ passphrase change


def test_change_passphrase_swaps_which_passphrase_opens(
    journal_path: Path, passphrase: str
) -> None:
    """After a change the old passphrase is wrong, the new one opens, and the data is intact."""
    with Journal.create(journal_path, passphrase) as journal:
        _fill(journal)
        before = _contents(journal)
        old_key = journal.db.raw_key
        journal.db.change_passphrase(NEW_PASSPHRASE)
        assert journal.db.raw_key != old_key
        assert _contents(journal) == before  # the open connection keeps working
    with pytest.raises(WrongPassphrase):
        Journal.open(journal_path, passphrase=passphrase)
    with pytest.raises(WrongPassphrase):
        Journal.open(journal_path, raw_key=old_key)
    with Journal.open(journal_path, passphrase=NEW_PASSPHRASE) as journal:
        assert _contents(journal) == before
        assert journal.db.integrity_check() == ["ok"]


def test_old_passphrase_text_is_not_in_the_rekeyed_file(
    journal_path: Path, passphrase: str
) -> None:
    """Re-keying leaves no page readable with the old key: a raw sqlcipher open fails."""
    import sqlcipher3

    with Journal.create(journal_path, passphrase) as journal:
        _fill(journal)
        journal.db.change_passphrase(NEW_PASSPHRASE)
    conn = sqlcipher3.connect(str(journal_path))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = '{passphrase}'")
        with pytest.raises(sqlcipher3.DatabaseError):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()


# ------------------------------------------------------------------ backups


def test_backup_opens_with_the_same_passphrase_and_holds_the_same_data(
    journal: Journal, passphrase: str, tmp_path: Path
) -> None:
    """An explicit backup is a journal of its own: same passphrase, same records, integrity ok."""
    _fill(journal)
    out = journal.backup(tmp_path / "copy.refill-backup")
    assert out == tmp_path / "copy.refill-backup"
    assert not out.read_bytes().startswith(b"SQLite format 3\x00")
    assert out.stat().st_size % PAGE_SIZE == 0
    with Journal.open(out, passphrase=passphrase) as copy:
        assert _contents(copy) == _contents(journal)
        assert copy.db.integrity_check() == ["ok"]
    assert not list(tmp_path.glob(".*.partial"))


def test_rotation_keeps_the_newest(journal: Journal) -> None:
    """With backups_to_keep = 3, five backups leave the three newest."""
    journal.settings.update(backups_to_keep=3)
    made = []
    for mood in range(5):
        journal.checkins.save(CheckIn("2026-03-01", mood=mood))
        made.append(journal.backup())
    assert backups.list_backups(journal.path) == made[-3:]


def test_prune_only_touches_rotating_backups(journal: Journal) -> None:
    """Pruning removes old rotating backups and nothing else in their folder."""
    first = journal.backup()
    stranger = first.parent / "notes.txt"
    stranger.write_text("mine")
    journal.backup()
    removed = backups.prune(journal.path, keep=1)
    assert removed == [first]
    assert stranger.read_text() == "mine"


def test_explicit_backup_is_never_pruned(journal: Journal, tmp_path: Path) -> None:
    """A backup written to a chosen path stays, whatever the rotation keeps."""
    journal.settings.update(backups_to_keep=1)
    kept = journal.backup(tmp_path / "keep-me.refill-backup")
    journal.backup()
    journal.backup()
    assert kept.exists()
    assert len(backups.list_backups(journal.path)) == 1


def test_restore_sets_the_old_journal_aside(journal_path: Path, passphrase: str) -> None:
    """Restoring puts the backup in place; the replaced journal is renamed, never deleted."""
    with Journal.create(journal_path, passphrase) as journal:
        _fill(journal)
        snapshot = journal.backup()
        expected = _contents(journal)
        journal.checkins.save(CheckIn("2026-03-09", mood=9, note="after the backup"))
    backup_db = Database.open(snapshot, passphrase=passphrase)
    try:
        aside = backups.restore(backup_db, journal_path)
    finally:
        backup_db.close()
    assert aside is not None and aside.exists()
    with Journal.open(journal_path, passphrase=passphrase) as restored:
        assert _contents(restored) == expected
        assert restored.checkins.get("2026-03-09") is None
    with Journal.open(aside, passphrase=passphrase) as replaced:
        assert replaced.checkins.get("2026-03-09") == CheckIn(
            "2026-03-09", mood=9, note="after the backup"
        )
    assert snapshot.exists()


def test_restore_into_an_empty_place(journal: Journal, passphrase: str, tmp_path: Path) -> None:
    """Restoring where no journal is yet creates it and sets nothing aside."""
    _fill(journal)
    target = tmp_path / "elsewhere" / "restored.refill"
    target.parent.mkdir()
    assert backups.restore(journal.db, target) is None
    with Journal.open(target, passphrase=passphrase) as restored:
        assert _contents(restored) == _contents(journal)


# ------------------------------------------------------------------ deleted text leaves the disk


def _decrypted_pages(path: Path, key: bytes) -> bytes:
    """Every page of a closed SQLCipher 4 file, decrypted (AES-256-CBC, IV in the reserve)."""
    ciphers = pytest.importorskip("cryptography.hazmat.primitives.ciphers")
    data = path.read_bytes()
    reserve = 16 + 64  # IV + HMAC-SHA512
    plain = []
    for start in range(0, len(data), PAGE_SIZE):
        page = data[start : start + PAGE_SIZE]
        offset = 16 if start == 0 else 0  # page 1 begins with the salt
        iv = page[PAGE_SIZE - reserve : PAGE_SIZE - reserve + 16]
        cipher = ciphers.Cipher(ciphers.algorithms.AES(key), ciphers.modes.CBC(iv))
        decryptor = cipher.decryptor()
        plain.append(decryptor.update(page[offset : PAGE_SIZE - reserve]) + decryptor.finalize())
    return b"".join(plain)


def test_deleted_entry_text_is_gone_from_the_file(journal_path: Path, passphrase: str) -> None:
    """After deleting an entry, no decrypted page of the journal still holds its words."""
    canary = "Qvwzx canarytext4711 about a client"
    with Journal.create(journal_path, passphrase) as journal:
        key = journal.db.raw_key
        doomed = journal.entries.add(Entry("2026-03-01", title="to delete", body=canary * 20))
        journal.entries.add(Entry("2026-03-01", title="keep", body="an ordinary day " * 50))
    pages = _decrypted_pages(journal_path, key)
    assert canary.encode() in pages  # the check can see text when it is there
    assert b"an ordinary day" in pages

    with Journal.open(journal_path, passphrase=passphrase) as journal:
        assert journal.entries.delete(doomed.id or 0)
        wal = journal_path.with_name(journal_path.name + "-wal")
        assert not wal.exists() or wal.stat().st_size == 0  # folded back right after the delete
    pages = _decrypted_pages(journal_path, key)
    assert b"an ordinary day" in pages
    assert b"canarytext4711" not in pages.lower()
    assert b"Qvwzx" not in pages


def test_backup_refuses_to_replace_the_journal_itself(journal: Journal) -> None:
    """Pointing a backup at the live journal raises and leaves the journal working."""
    journal.checkins.save(CheckIn("2026-03-01", mood=4))
    with pytest.raises(ValueError):
        journal.backup(journal.path)
    with pytest.raises(ValueError):
        journal.backup(journal.path.parent / "." / journal.path.name)
    assert journal.checkins.count() == 1
    assert journal.db.integrity_check() == ["ok"]


def test_restore_interrupted_before_the_swap_leaves_a_journal_in_place(
    journal_path: Path, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A restore stopped just before the swap leaves the old journal at its name (and aside)."""
    with Journal.create(journal_path, passphrase) as journal:
        _fill(journal)
        snapshot = journal.backup()
        journal.checkins.save(CheckIn("2026-03-09", mood=9))
    real_replace = backups.os.replace

    def crash_on_the_swap(src: object, dst: object) -> None:
        if Path(str(dst)) == journal_path:
            raise KeyboardInterrupt("power cut")
        real_replace(src, dst)  # type: ignore[arg-type]

    backup_db = Database.open(snapshot, passphrase=passphrase)
    monkeypatch.setattr(backups.os, "replace", crash_on_the_swap)
    try:
        with pytest.raises(KeyboardInterrupt):
            backups.restore(backup_db, journal_path)
    finally:
        monkeypatch.undo()
        backup_db.close()
    with Journal.open(journal_path, passphrase=passphrase) as still_there:
        assert still_there.checkins.get("2026-03-09") == CheckIn("2026-03-09", mood=9)
    assert list(journal_path.parent.glob(journal_path.name + ".replaced-*"))


def test_close_closes_even_when_the_backup_fails(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A backup failing at close (a full disk) still closes the journal and drops the key."""

    def disk_full(*args: object, **kwargs: object) -> Path:
        raise OSError(28, "No space left on device")

    journal.checkins.save(CheckIn("2026-03-01", mood=4))
    monkeypatch.setattr(backups, "make_backup", disk_full)
    with pytest.raises(OSError):
        journal.close()
    assert not journal.db.is_open
    assert journal.db.raw_key == bytes(32)


# ------------------------------------------------------------------ before a schema upgrade


def test_pre_upgrade_backup_is_kept_through_rotation_and_listed(
    v1_journal: tuple[Path, bytes],
) -> None:
    """Upgrading a version-1 journal leaves a backup marked as such, holding version 1; any
    number of rotating backups later it is still there and still listed for restore."""
    path, key = v1_journal
    journal = Journal.open(path, raw_key=key)
    (kept,) = backups.list_backups(path)
    assert backups.upgraded_from(kept) == 1
    journal.settings.update(backups_to_keep=1)
    rotating = [journal.backup() for _ in range(3)]
    journal.close(backup_if_changed=False)
    assert kept.exists()
    assert backups.rotating_backups(path) == rotating[-1:]
    assert backups.list_backups(path) == [kept, rotating[-1]]
    old = Database.open(kept, raw_key=key)
    try:
        assert old.user_version == 1
        assert old.query("SELECT count(*) FROM entry") == [(3,)]
    finally:
        old.close()


def test_prune_never_removes_a_pre_upgrade_backup(v1_journal: tuple[Path, bytes]) -> None:
    """prune(keep=1) removes old rotating backups only."""
    path, key = v1_journal
    with Journal.open(path, raw_key=key) as journal:
        first, second = journal.backup(), journal.backup()
    (kept,) = [p for p in backups.list_backups(path) if backups.upgraded_from(p) is not None]
    assert backups.prune(path, keep=1) == [first]
    assert backups.list_backups(path) == [kept, second]
