"""The early-derived key is used only for the same journal and passphrase."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.cli import early_key
from journal.store import Journal
from journal.store.keys import derive_key


@pytest.fixture
def made(journal: Journal) -> Path:
    path = journal.path
    journal.close(backup_if_changed=False)
    return path


def test_key_is_handed_over_for_the_same_journal_and_passphrase(
    made: Path, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the passphrase in the environment, the early key equals SQLCipher's and opens it."""
    monkeypatch.setenv("REFILL_PASSPHRASE", passphrase)
    early_key.start(["search", "x", "--journal", str(made)])
    key = early_key.take(made, passphrase)
    assert key == derive_key(passphrase, made.read_bytes()[:16])
    Journal.open(made, raw_key=key).close(backup_if_changed=False)
    assert early_key.take(made, passphrase) is None  # handed over once only


def test_no_key_for_another_passphrase_or_journal(
    made: Path, passphrase: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A different passphrase or path gets None, so the caller derives the key itself."""
    monkeypatch.setenv("REFILL_PASSPHRASE", passphrase)
    early_key.start(["search", "x", f"--journal={made}"])
    assert early_key.take(made, passphrase + "!") is None
    early_key.start(["search", "x", "--journal", str(made)])
    assert early_key.take(tmp_path / "other.refill", passphrase) is None


def test_nothing_starts_without_a_known_passphrase_or_file(
    made: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No passphrase given, or no journal file yet (init, demo): nothing is derived."""
    early_key.start(["search", "x", "--journal", str(made)])
    assert early_key.take(made, "anything") is None
    monkeypatch.setenv("REFILL_PASSPHRASE", "whatever passphrase")
    missing = tmp_path / "new.refill"
    early_key.start(["init", "--journal", str(missing)])
    assert early_key.take(missing, "whatever passphrase") is None
