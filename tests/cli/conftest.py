"""Fixtures for the command-line tests: a ready journal and file fingerprints."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from journal.store import Journal


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def digest() -> Callable[[Path], str]:
    """``digest(path)`` → the file's sha256: equal before and after means untouched."""
    return sha256


@pytest.fixture
def made(journal_path: Path, passphrase: str) -> Path:
    """An empty journal created in-process (cheaper than ``refill init``), closed."""
    Journal.create(journal_path, passphrase).close(backup_if_changed=False)
    return journal_path


@pytest.fixture
def reopen(passphrase: str) -> Callable[..., Journal]:
    """``with reopen(path) as journal:`` — read back what a command stored."""

    def opener(path: Path, secret: str = passphrase) -> Journal:
        return Journal.open(path, passphrase=secret)

    return opener
