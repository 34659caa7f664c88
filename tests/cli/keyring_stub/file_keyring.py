"""A working keychain for command-line tests: a JSON file named by ``REFILL_TEST_KEYRING``.

A ``refill`` subprocess loads it through ``PYTHON_KEYRING_BACKEND=file_keyring.FileKeyring``
(with this folder on ``PYTHONPATH``), so a test can see what the command left in "the keychain".
Priority 1 makes it count as a recommended backend, like the system keychain on a desktop.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class FileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    @property
    def _file(self) -> Path:
        return Path(os.environ["REFILL_TEST_KEYRING"])

    def _items(self) -> dict[str, str]:
        try:
            return dict(json.loads(self._file.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._items().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        items = self._items()
        items[f"{service}\n{username}"] = password
        self._file.write_text(json.dumps(items), encoding="utf-8")

    def delete_password(self, service: str, username: str) -> None:
        items = self._items()
        if items.pop(f"{service}\n{username}", None) is None:
            raise PasswordDeleteError("nothing stored")
        self._file.write_text(json.dumps(items), encoding="utf-8")
