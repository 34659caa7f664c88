"""Fixtures for the store tests: file fingerprints and raw SQLCipher access."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest
import sqlcipher3

Fingerprint = tuple[str, tuple[str, ...]]
RawOpener = Callable[[Path, str], AbstractContextManager[sqlcipher3.Connection]]


def _fingerprint(path: Path) -> Fingerprint:
    digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "not a file"
    return digest, tuple(sorted(p.name for p in path.parent.iterdir()))


@pytest.fixture
def state_of() -> Callable[[Path], Fingerprint]:
    """``state_of(path)`` → (sha256, names in its folder): equal before and after = untouched,
    including no leftover ``-wal``/``-shm``."""
    return _fingerprint


@contextmanager
def _raw_connection(path: Path, key_pragma: str) -> Iterator[sqlcipher3.Connection]:
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(key_pragma)
        yield conn
    finally:
        conn.close()


@pytest.fixture
def raw() -> RawOpener:
    """``with raw(path, "PRAGMA key = '…'") as conn`` — a bare connection, as the sqlcipher CLI."""
    return _raw_connection
