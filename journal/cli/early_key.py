"""Derive the journal's key on the second core while the command is still being imported.

SQLCipher's key derivation (PBKDF2, 256,000 rounds) is most of a short command's run time, and
``hashlib`` releases the GIL while it works. When the passphrase is already known without a
prompt (``--passphrase-file`` or ``REFILL_PASSPHRASE``) and the journal exists, :func:`start`
begins the derivation at once; :func:`take` hands the key to whoever opens that same journal
with that same passphrase, or ``None`` so they derive it as usual. Nothing is ever guessed:
any doubt (other path, other passphrase, the file's salt changed) means ``None``.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from journal.store.keys import SALT_BYTES, derive_key

_pending: _Derivation | None = None


class _Derivation(threading.Thread):
    def __init__(self, path: Path, passphrase: str, salt: bytes) -> None:
        super().__init__(name="refill-key", daemon=True)
        self.path = path
        self.passphrase = passphrase
        self.salt = salt
        self.key: bytes | None = None

    def run(self) -> None:
        self.key = derive_key(self.passphrase, self.salt)


def _option(argv: Sequence[str], name: str) -> str | None:
    for index, arg in enumerate(argv):
        if arg == name and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def _salt(path: Path) -> bytes | None:
    try:
        with path.open("rb") as handle:
            salt = handle.read(SALT_BYTES)
    except OSError:
        return None
    return salt if len(salt) == SALT_BYTES else None


def start(argv: Sequence[str]) -> None:
    """Begin deriving the key for the journal and passphrase ``argv`` names, if both are known."""
    global _pending
    from journal.cli.passphrase import given_passphrase

    try:
        passphrase = given_passphrase(_option(argv, "--passphrase-file"))
        journal = _option(argv, "--journal")
        if passphrase is None or journal is None:
            return
        path = Path(journal).expanduser().resolve()
    except Exception:  # the command itself reports a bad file or path in its own words
        return
    salt = _salt(path)
    if salt is None:
        return
    _pending = _Derivation(path, passphrase, salt)
    _pending.start()


def take(path: Path, passphrase: str) -> bytes | None:
    """The key derived early for exactly this journal and passphrase, else ``None``."""
    global _pending
    pending, _pending = _pending, None
    if pending is None or pending.path != path.expanduser().resolve():
        return None
    if pending.passphrase != passphrase or _salt(pending.path) != pending.salt:
        return None
    pending.join()
    return pending.key
