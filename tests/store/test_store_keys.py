"""Key derivation and passphrase rules."""

from __future__ import annotations

import hashlib
import unicodedata

import pytest

from journal.store.keys import KDF_ITERATIONS, derive_key, passphrase_problem, sql_key

SALT = bytes(range(16))


def test_key_is_sqlciphers_pbkdf2() -> None:
    """The key is PBKDF2-HMAC-SHA512 with SQLCipher 4's 256,000 rounds, 32 bytes."""
    assert KDF_ITERATIONS == 256_000
    expected = hashlib.pbkdf2_hmac("sha512", b"correct horse battery", SALT, 256_000, 32)
    assert derive_key("correct horse battery", SALT) == expected


def test_same_visible_passphrase_gives_the_same_key() -> None:
    """Composed and decomposed accents (different keyboards) derive the same key."""
    composed = unicodedata.normalize("NFC", "café crème brûlée")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    assert derive_key(composed, SALT) == derive_key(decomposed, SALT)


def test_salt_changes_the_key() -> None:
    """Two journals with the same passphrase have different keys."""
    assert derive_key("correct horse battery", SALT) != derive_key(
        "correct horse battery", SALT[::-1]
    )


def test_bad_lengths_are_refused() -> None:
    """A salt or key of the wrong length is a programming error, never silently used."""
    with pytest.raises(ValueError):
        derive_key("correct horse battery", b"short")
    with pytest.raises(ValueError):
        sql_key(b"\x00" * 31)


@pytest.mark.parametrize(
    ("passphrase", "refused"),
    [
        ("short", True),
        ("        ", True),
        ("seven77", True),
        ("eight888", False),
        ("ünïcödé!", False),
    ],
)
def test_passphrase_rules(passphrase: str, refused: bool) -> None:
    """Passphrases under 8 characters or only spaces are refused, with a reason."""
    problem = passphrase_problem(passphrase)
    assert (problem is not None) is refused
    if refused:
        assert problem
