"""Qt fixtures shared by the UI tests (offscreen platform and fail keyring come from
tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _no_leftover_tasks(qapp: object) -> Iterator[None]:
    """Every background task a test started has delivered its result before the next test."""
    yield
    from journal.ui.tasks import wait_for_tasks

    assert wait_for_tasks(10_000), "a background task did not finish"


def _memory_keyring_class() -> type:
    from keyring.backend import KeyringBackend
    from keyring.errors import PasswordDeleteError

    class InMemoryKeyring(KeyringBackend):
        """A working keychain that lives only as long as the test."""

        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.items: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.items.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.items[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            if self.items.pop((service, username), None) is None:
                raise PasswordDeleteError("nothing stored")

    return InMemoryKeyring


@pytest.fixture
def memory_keyring() -> Iterator[object]:
    """A working in-memory keyring for one test; the fail backend is put back afterwards."""
    import keyring
    from keyring.backends import fail

    backend = _memory_keyring_class()()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(fail.Keyring())
