"""“Remember on this device”: the journal's derived key in the operating system's keychain.

The keychain holds the 32-byte key SQLCipher derives from the passphrase (as hex), never the
passphrase itself, so a stolen keychain entry opens this journal but reveals nothing reusable.
Only a recommended keyring backend (priority ≥ 1) counts: the ``fail`` backend raises and the
``null`` one silently forgets, and with either the option is simply not offered. Every call here
swallows backend errors (a locked or broken keychain is "not available", never a crash) and
``keyring`` is imported lazily because detecting backends costs time at start-up.

No Qt here: the CLI may use it too.
"""

from __future__ import annotations

import logging
from pathlib import Path

from journal import APP_ID
from journal.store.keys import KEY_BYTES

SERVICE = APP_ID
log = logging.getLogger(__name__)

#: Backends that exist but must never be trusted with a key.
_UNUSABLE_MODULES = ("keyring.backends.fail", "keyring.backends.null")


def _account(journal_path: Path | str) -> str:
    """One entry per journal, named by its absolute path (which says nothing private)."""
    return str(Path(journal_path).expanduser().resolve())


def _backend() -> object | None:
    """The working keyring backend, or ``None`` when there is none worth using."""
    try:
        import keyring

        backend = keyring.get_keyring()
        if type(backend).__module__ in _UNUSABLE_MODULES:
            return None
        priority = float(backend.priority)
    except Exception as exc:  # any backend problem means "not available"
        log.info("no usable keyring backend (%s)", type(exc).__name__)
        return None
    return backend if priority >= 1 else None


def available() -> bool:
    """Whether a recommended keychain backend works on this device."""
    return _backend() is not None


def store_key(journal_path: Path | str, raw_key: bytes) -> bool:
    """Remember ``raw_key`` for this journal; returns False when the keychain refused."""
    if len(raw_key) != KEY_BYTES:
        raise ValueError("the key must be 32 bytes")
    backend = _backend()
    if backend is None:
        return False
    try:
        backend.set_password(SERVICE, _account(journal_path), raw_key.hex())  # type: ignore[attr-defined]
    except Exception as exc:
        log.warning("the keychain refused the key (%s)", type(exc).__name__)
        return False
    return True


def load_key(journal_path: Path | str) -> bytes | None:
    """The remembered key for this journal, or ``None`` (nothing stored, or unreadable).

    A malformed entry is removed: it could never open anything.
    """
    backend = _backend()
    if backend is None:
        return None
    try:
        stored = backend.get_password(SERVICE, _account(journal_path))  # type: ignore[attr-defined]
    except Exception as exc:
        log.warning("the keychain could not be read (%s)", type(exc).__name__)
        return None
    if not stored:
        return None
    try:
        key = bytes.fromhex(stored)
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        forget(journal_path)
        return None
    return key


def forget(journal_path: Path | str) -> bool:
    """Remove the remembered key; returns whether one was removed."""
    backend = _backend()
    if backend is None:
        return False
    try:
        backend.delete_password(SERVICE, _account(journal_path))  # type: ignore[attr-defined]
    except Exception:  # PasswordDeleteError when nothing was stored, or a backend failure
        return False
    return True
