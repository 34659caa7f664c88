"""Fixtures for the file-format tests: fast empty journals, import files and snapshots."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from exchange_helpers import BlankJournal, journal_snapshot, open_blank_copy

from journal.store import Journal


@pytest.fixture(scope="session")
def blank_journal(tmp_path_factory: pytest.TempPathFactory) -> BlankJournal:
    """One new, empty journal file and its raw key: copies open without paying the KDF."""
    path = tmp_path_factory.mktemp("blank") / "blank.refill"
    journal = Journal.create(path, "correct horse battery")
    key = journal.db.raw_key
    journal.close(backup_if_changed=False)
    return path, key


@pytest.fixture
def journal(blank_journal: BlankJournal, journal_path: Path) -> Iterator[Journal]:
    """An open, empty journal, as the top-level fixture gives, in a fraction of the time."""
    opened = open_blank_copy(blank_journal, journal_path)
    yield opened
    opened.close(backup_if_changed=False)


@pytest.fixture
def other_journal(blank_journal: BlankJournal, tmp_path: Path) -> Iterator[Journal]:
    """A second empty journal, to import into."""
    opened = open_blank_copy(blank_journal, tmp_path / "other.refill")
    yield opened
    opened.close(backup_if_changed=False)


@pytest.fixture
def snapshot() -> Callable[[Any], dict[str, Any]]:
    """``snapshot(journal)`` → every record, for before/after comparisons."""
    return journal_snapshot


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[..., Path]:
    """``write_file(name, text, encoding="utf-8")`` → a file in the test's folder."""

    def write(name: str, text: str, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return write
