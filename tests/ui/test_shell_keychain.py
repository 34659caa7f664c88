"""journal.keychain: remembered keys only with a working backend, never an error without one."""

from __future__ import annotations

from pathlib import Path

from journal import keychain


def test_fail_backend_is_not_available(tmp_path: Path) -> None:
    """With the fail backend nothing is offered, stored or raised."""
    path = tmp_path / "j.refill"
    assert keychain.available() is False
    assert keychain.store_key(path, b"k" * 32) is False
    assert keychain.load_key(path) is None
    assert keychain.forget(path) is False


def test_memory_backend_round_trip(memory_keyring: object, tmp_path: Path) -> None:
    """A working backend stores the key as hex, loads it back and forgets it."""
    path = tmp_path / "j.refill"
    key = bytes(range(32))
    assert keychain.available() is True
    assert keychain.store_key(path, key) is True
    assert key.hex() in memory_keyring.items.values()  # type: ignore[attr-defined]
    assert keychain.load_key(path) == key
    assert keychain.forget(path) is True
    assert keychain.load_key(path) is None
    assert keychain.forget(path) is False


def test_malformed_entry_is_removed(memory_keyring: object, tmp_path: Path) -> None:
    """A stored value that is not a 32-byte hex key is deleted instead of being used."""
    path = tmp_path / "j.refill"
    account = str(path.resolve())
    memory_keyring.items[(keychain.SERVICE, account)] = "not hex"  # type: ignore[attr-defined]
    assert keychain.load_key(path) is None
    assert memory_keyring.items == {}  # type: ignore[attr-defined]


def test_keychain_does_not_import_qt() -> None:
    """The keychain module is usable by the CLI: it never pulls in Qt."""
    import subprocess
    import sys

    code = "import sys, journal.keychain; print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
