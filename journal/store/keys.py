"""Key derivation matching SQLCipher 4's defaults, so the passphrase never enters SQL.

SQLCipher derives its key as PBKDF2-HMAC-SHA512(passphrase, salt, 256,000 iterations, 32 bytes),
the salt being the first 16 bytes of the file. Deriving it here and keying with the raw form
``x'…'`` gives the same journal (``sqlcipher``'s own ``PRAGMA key = 'passphrase'`` opens it) while
avoiding any quoting of user text, and yields the key "remember on this device" stores.
"""

from __future__ import annotations

import hashlib
import unicodedata

SALT_BYTES = 16
KEY_BYTES = 32
KDF_ITERATIONS = 256_000
MIN_PASSPHRASE_LENGTH = 8


def derive_key(passphrase: str, salt: bytes) -> bytes:
    """The 32-byte SQLCipher key for ``passphrase``; NFC-normalised so the same visible
    passphrase typed on another keyboard layout opens the journal."""
    if len(salt) != SALT_BYTES:
        raise ValueError("salt must be 16 bytes")
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return hashlib.pbkdf2_hmac("sha512", secret, salt, KDF_ITERATIONS, KEY_BYTES)


def sql_key(key: bytes, salt: bytes | None = None) -> str:
    """The raw-key literal for ``PRAGMA key``: only hex digits, nothing to escape.

    With ``salt`` the literal also fixes the salt written into a new file.
    """
    if len(key) != KEY_BYTES:
        raise ValueError("key must be 32 bytes")
    return f"x'{key.hex()}{salt.hex() if salt else ''}'"


def passphrase_problem(passphrase: str) -> str | None:
    """Why a new passphrase is refused, or ``None`` when it is acceptable."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return f"use at least {MIN_PASSPHRASE_LENGTH} characters"
    if not passphrase.strip():
        return "a passphrase cannot be only spaces"
    return None
