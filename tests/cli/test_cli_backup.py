"""`refill backup`, `restore`, `passwd` and `check`: keeping the journal safe from the terminal."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from journal import keychain
from journal.store import Journal
from journal.store.backups import list_backups
from journal.store.database import PAGE_SIZE
from journal.store.migrations import LATEST_VERSION
from journal.store.models import Entry

NEW_PASSPHRASE = "a brand new passphrase"


def _add_entry(path: Path, passphrase: str, title: str) -> None:
    with Journal.open(path, passphrase=passphrase) as journal:
        journal.entries.add(Entry("2026-03-01", title=title, body="text"))


def _titles(path: Path, passphrase: str) -> list[str]:
    with Journal.open(path, passphrase=passphrase) as journal:
        return [entry.title for entry in journal.entries.between()]


def test_backup_out_and_list(refill, made: Path, tmp_path: Path) -> None:
    """--out writes an encrypted copy; a rotating one shows in --list, with no passphrase."""
    out = tmp_path / "copy.refill-backup"
    assert refill("backup", "--out", str(out)).returncode == 0
    assert out.read_bytes()[:16] == made.read_bytes()[:16]
    rotating = refill("backup")
    assert rotating.returncode == 0, rotating.stderr
    listed = refill("backup", "--list", passphrase=None)
    assert listed.returncode == 0
    assert "1 backups of" in listed.stdout
    assert str(list_backups(made)[0]) in listed.stdout


def test_backup_never_overwrites(refill, made: Path, digest: Callable[[Path], str]) -> None:
    """--out naming the journal itself, or an existing file, is refused and changes nothing."""
    before = digest(made)
    onto_journal = refill("backup", "--out", str(made))
    assert onto_journal.returncode == 1
    assert "is the journal itself" in onto_journal.stderr
    assert digest(made) == before


def test_unwritable_backup_path_is_a_message(refill, made: Path, tmp_path: Path) -> None:
    """An --out the system cannot create gives `refill: <file>: <reason>`, not a traceback."""
    result = refill("backup", "--out", str(tmp_path / ("x" * 300)))
    assert result.returncode == 1
    assert result.stderr.startswith("refill: ") and "File name too long" in result.stderr
    assert "Traceback" not in result.stderr


def test_restore_round_trip(
    refill, made: Path, passphrase: str, tmp_path: Path, digest: Callable[[Path], str]
) -> None:
    """Restore brings the backup back, keeps the old journal aside, and leaves the backup as is."""
    _add_entry(made, passphrase, "before the backup")
    backup = tmp_path / "saved.refill-backup"
    assert refill("backup", "--out", str(backup)).returncode == 0
    _add_entry(made, passphrase, "after the backup")
    backup_hash = digest(backup)
    result = refill("restore", str(backup))
    assert result.returncode == 0, result.stderr
    assert _titles(made, passphrase) == ["before the backup"]
    aside = sorted(made.parent.glob(f"{made.name}.replaced-*"))
    assert len(aside) == 1 and str(aside[0]) in result.stdout
    assert _titles(aside[0], passphrase) == ["before the backup", "after the backup"]
    assert "A backup of it was also made" in result.stdout
    assert digest(backup) == backup_hash
    assert not list(made.parent.glob(".refill-restore-*"))


def test_restore_onto_a_new_machine(refill, made: Path, passphrase: str, tmp_path: Path) -> None:
    """Restoring where no journal exists yet creates it from the backup, setting nothing aside."""
    _add_entry(made, passphrase, "carried to a new computer")
    backup = tmp_path / "saved.refill-backup"
    assert refill("backup", "--out", str(backup)).returncode == 0
    fresh = tmp_path / "new-home" / "journal.refill"
    result = refill("restore", str(backup), journal=fresh)
    assert result.returncode == 0, result.stderr
    assert "kept as" not in result.stdout
    assert _titles(fresh, passphrase) == ["carried to a new computer"]


def test_restore_with_the_wrong_passphrase_mentions_old_ones(
    refill, made: Path, tmp_path: Path, digest: Callable[[Path], str]
) -> None:
    """A wrong backup passphrase: exit 2, a hint about old passphrases, nothing changed."""
    backup = tmp_path / "saved.refill-backup"
    assert refill("backup", "--out", str(backup)).returncode == 0
    before = digest(made)
    result = refill("restore", str(backup), passphrase="not the passphrase")
    assert result.returncode == 2
    assert result.stderr.startswith(f"refill: wrong passphrase for {backup} (a backup made before")
    assert digest(made) == before
    assert not list(made.parent.glob(f"{made.name}.replaced-*"))


def test_restore_refuses_a_file_that_is_not_a_backup(
    refill, made: Path, tmp_path: Path, digest: Callable[[Path], str]
) -> None:
    """A missing file and a non-journal file are named; the journal is not touched."""
    before = digest(made)
    missing = refill("restore", str(tmp_path / "nope.refill-backup"))
    assert missing.returncode == 3 and "no backup file at" in missing.stderr
    junk = tmp_path / "junk.refill-backup"
    junk.write_bytes(b"not a backup")
    result = refill("restore", str(junk))
    assert result.returncode == 4
    assert result.stderr.startswith(f"refill: {junk} is not a Refill journal")
    assert digest(made) == before


def test_passwd_changes_the_passphrase_and_verifies_it(
    refill, made: Path, passphrase: str, tmp_path: Path
) -> None:
    """After passwd only the new passphrase opens it; the backup just before keeps the old."""
    _add_entry(made, passphrase, "kept across the change")
    new_file = tmp_path / "new.txt"
    new_file.write_text(NEW_PASSPHRASE + "\n", encoding="utf-8")
    result = refill("passwd", "--new-passphrase-file", str(new_file))
    assert result.returncode == 0, result.stderr
    assert "still open only with the old passphrase" in result.stdout
    assert _titles(made, NEW_PASSPHRASE) == ["kept across the change"]
    assert refill("check").returncode == 2
    *_older, before, after = list_backups(made)
    assert _titles(before, passphrase) == ["kept across the change"]
    assert _titles(after, NEW_PASSPHRASE) == ["kept across the change"]


def _file_keyring(path: Path) -> dict[str, str]:
    """Environment for a ``refill`` subprocess whose keychain is the JSON file ``path``."""
    return {
        "PYTHON_KEYRING_BACKEND": "file_keyring.FileKeyring",
        "PYTHONPATH": str(Path(__file__).with_name("keyring_stub")),
        "REFILL_TEST_KEYRING": str(path),
    }


def _remembered(keyring_file: Path, journal_path: Path) -> bytes:
    items = json.loads(keyring_file.read_text(encoding="utf-8"))
    return bytes.fromhex(items[f"{keychain.SERVICE}\n{journal_path.resolve()}"])


def test_passwd_replaces_a_remembered_key(
    refill, made: Path, passphrase: str, tmp_path: Path
) -> None:
    """A key remembered on this device is swapped for the new one, which opens the journal."""
    keyring_file = tmp_path / "keychain.json"
    with Journal.open(made, passphrase=passphrase) as journal:
        old_key = journal.db.raw_key
    account = f"{keychain.SERVICE}\n{made.resolve()}"
    keyring_file.write_text(json.dumps({account: old_key.hex()}), encoding="utf-8")
    new_file = tmp_path / "new.txt"
    new_file.write_text(NEW_PASSPHRASE + "\n", encoding="utf-8")

    result = refill(
        "passwd", "--new-passphrase-file", str(new_file), env=_file_keyring(keyring_file)
    )

    assert result.returncode == 0, result.stderr
    assert "remembered on this device now matches" in result.stdout
    new_key = _remembered(keyring_file, made)
    assert new_key != old_key
    with Journal.open(made, raw_key=new_key) as journal:
        assert journal.db.integrity_check() == ["ok"]


def test_passwd_leaves_the_keychain_alone_when_nothing_was_remembered(
    refill, made: Path, tmp_path: Path
) -> None:
    """No remembered key before means none after: passwd never opts anyone in."""
    keyring_file = tmp_path / "keychain.json"
    new_file = tmp_path / "new.txt"
    new_file.write_text(NEW_PASSPHRASE + "\n", encoding="utf-8")

    result = refill(
        "passwd", "--new-passphrase-file", str(new_file), env=_file_keyring(keyring_file)
    )

    assert result.returncode == 0, result.stderr
    assert "remembered" not in result.stdout
    assert not keyring_file.exists()


def test_passwd_refuses_a_short_passphrase(
    refill, made: Path, tmp_path: Path, digest: Callable[[Path], str]
) -> None:
    """A new passphrase under 8 characters is refused and the journal is unchanged."""
    short = tmp_path / "short.txt"
    short.write_text("short\n", encoding="utf-8")
    before = digest(made)
    result = refill("passwd", "--new-passphrase-file", str(short))
    assert result.returncode == 1
    assert result.stderr == "refill: passphrase refused: use at least 8 characters\n"
    assert digest(made) == before


def test_check_reports_counts(refill, made: Path, passphrase: str) -> None:
    """check prints integrity, schema version, counts and backups, exit 0."""
    _add_entry(made, passphrase, "one")
    result = refill("check")
    assert result.returncode == 0, result.stderr
    assert "Integrity: ok" in result.stdout
    assert f"schema version {LATEST_VERSION}\n" in result.stdout
    assert "1 entries" in result.stdout
    assert "Backups: " in result.stdout


def test_check_finds_damage(refill, made: Path, passphrase: str) -> None:
    """A journal with a damaged page exits 4 and names the file."""
    with Journal.open(made, passphrase=passphrase) as journal:
        for i in range(40):
            journal.entries.add(Entry("2026-03-01", title=f"e{i}", body="words " * 300))
    data = bytearray(made.read_bytes())
    middle = (len(data) // PAGE_SIZE // 2) * PAGE_SIZE + 100
    data[middle : middle + 64] = bytes(64)
    made.write_bytes(bytes(data))
    result = refill("check")
    assert result.returncode == 4, result.stdout + result.stderr
    assert str(made) in result.stdout + result.stderr
