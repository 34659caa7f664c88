"""Qt fixtures shared by the UI tests (offscreen platform and fail keyring come from
tests/conftest.py)."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

import pytest

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from journal.ui.main_window import MainWindow


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


@pytest.fixture(scope="session")
def _journal_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One onboarded, closed journal made per session (key derivation is slow on purpose)."""
    from journal.store import Journal
    from tests.conftest import PASSPHRASE

    path = tmp_path_factory.mktemp("template") / "journal.refill"
    made = Journal.create(path, PASSPHRASE)
    made.settings.update(onboarding_done=True)
    made.close(backup_if_changed=False)
    return path


@pytest.fixture
def existing_journal(journal_path: Path, _journal_template: Path) -> Path:
    """A closed journal on disk that has been through onboarding (a copy of the template)."""
    shutil.copyfile(_journal_template, journal_path)
    journal_path.chmod(0o600)
    return journal_path


class StubView(QWidget):
    """Stands in for a real view in shell tests: records flushes, holds the journal."""

    status = Signal(str)
    instances: ClassVar[list[StubView]] = []

    def __init__(self, journal: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.flushed = 0
        self.date = dt.date.today()
        StubView.instances.append(self)

    def flush(self) -> None:
        self.flushed += 1

    def set_date(self, date: dt.date) -> None:
        self.date = date


@pytest.fixture
def stub_views(monkeypatch: pytest.MonkeyPatch) -> Iterator[type[StubView]]:
    """Replace the four real views with :class:`StubView` (the shell is under test, not them)."""
    from journal.ui import main_window_tabs

    StubView.instances = []
    monkeypatch.setattr(main_window_tabs, "load_view_class", lambda spec: StubView)
    yield StubView
    StubView.instances = []


@pytest.fixture
def make_window(qtbot: QtBot) -> Iterator[Callable[..., MainWindow]]:
    """Build a MainWindow for a journal path (shown, closed after the test)."""
    from journal.ui.main_window import MainWindow

    made: list[MainWindow] = []

    def make(path: Path, **kwargs: object) -> MainWindow:
        window = MainWindow(path, **kwargs)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()


@pytest.fixture
def unlock(qtbot: QtBot, passphrase: str) -> Callable[..., None]:
    """``unlock(window)``: type the passphrase, press Unlock and wait for the tabs."""

    def do(window: MainWindow, typed: str = passphrase) -> None:
        window.unlock_screen.passphrase.edit.setText(typed)
        window.unlock_screen.unlock_button.click()
        qtbot.waitUntil(lambda: window.tabs is not None, timeout=10_000)

    return do
