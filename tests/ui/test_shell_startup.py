"""Start-up: the unlock window paints before the slow parts load, and a demo journal is made
after the window shows."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from functools import partial
from pathlib import Path

from journal.ui.app import demo_maker
from journal.ui.main_window import MAKING_DEMO

#: Builds the unlock window in a fresh process and lists what was imported at its first paint.
_MODULES_AT_FIRST_PAINT = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from journal.ui.app import create_application
from journal.ui.main_window import MainWindow

class AtFirstPaint(QObject):
    loaded = []
    qt_enums = []

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.loaded:
            self.loaded.extend(sorted(sys.modules))
            self.qt_enums.append("Qt" in vars(sys.modules["PySide6.QtCore"]))
            QTimer.singleShot(0, app.quit)
        return False

app = create_application()
window = MainWindow(Path(sys.argv[1]), demo_passphrase=sys.argv[2] or None)
hook = AtFirstPaint(window)
window.installEventFilter(hook)
window.show()
app.exec()
print(json.dumps([hook.loaded, hook.qt_enums]))
"""

#: Never needed to show the unlock screen; each costs tens of milliseconds.
_NOT_AT_START = ("sqlcipher3", "keyring", "matplotlib", "journal.store.journal", "journal.insights")


def _at_first_paint(journal: Path, demo_passphrase: str = "") -> tuple[set[str], bool]:
    """The modules loaded when a new unlock window first paints, and whether PySide6 had built
    the enums of its ``Qt`` namespace by then."""
    done = subprocess.run(
        [sys.executable, "-c", _MODULES_AT_FIRST_PAINT, str(journal), demo_passphrase],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr
    loaded, qt_enums = json.loads(done.stdout.strip().splitlines()[-1])
    return set(loaded), qt_enums == [True]


def test_unlock_window_shows_without_store_keyring_or_views(existing_journal: Path) -> None:
    """The unlock window's first paint needs neither SQLCipher, keyring, matplotlib nor a view."""
    loaded, _qt_enums = _at_first_paint(existing_journal)
    assert "PySide6.QtWidgets" in loaded  # the list is real
    assert not loaded & set(_NOT_AT_START)
    assert not {name for name in loaded if name.endswith("_view")}


def test_unlock_window_paints_before_any_qt_namespace_enum(existing_journal: Path) -> None:
    """Nothing before the first paint (journal or demo window) uses a member of PySide6's
    ``Qt`` namespace, whose ~100 enums PySide6 builds at its first use, nor the keychain."""
    for demo in ("", "amber-birch-cedar-dune"):
        loaded, qt_enums = _at_first_paint(existing_journal, demo)
        assert "journal.ui.unlock_screen" in loaded  # the window was built
        assert not qt_enums
        assert "journal.keychain" not in loaded


def test_demo_journal_is_made_after_the_window_shows(
    qtbot, make_window, journal_path: Path, stub_views, unlock
) -> None:
    """The demo window shows at once with unlocking disabled, makes its journal in the
    background, then unlocks with the passphrase it shows."""
    passphrase = "amber-birch-cedar-dune"
    window = make_window(
        journal_path,
        demo_passphrase=passphrase,
        make_journal=partial(demo_maker, journal_path, passphrase, 3),
    )
    screen = window.unlock_screen
    assert not journal_path.exists()
    assert not screen.passphrase.isEnabled()
    assert screen.busy.label.text() == MAKING_DEMO
    qtbot.waitUntil(screen.passphrase.isEnabled, timeout=20_000)
    assert journal_path.exists() and not screen.busy.isVisibleTo(screen)
    assert passphrase in screen.demo_notice.text()
    unlock(window, passphrase)
    assert window.journal is not None and window.onboarding is None


def test_first_run_offers_remember_once_shown_and_creates(
    qtbot, make_window, journal_path: Path, memory_keyring, passphrase: str
) -> None:
    """First run: "Remember on this device" appears once the window is up (the keychain is
    probed after the first paint), and creating the journal stores its key when ticked."""
    window = make_window(journal_path)
    onboarding = window.onboarding
    assert onboarding is not None
    qtbot.waitUntil(lambda: onboarding.remember.isVisibleTo(onboarding), timeout=5000)
    onboarding.first.edit.setText(passphrase)
    onboarding.second.edit.setText(passphrase)
    onboarding.remember.setChecked(True)
    onboarding.create_button.click()
    qtbot.waitUntil(lambda: memory_keyring.items != {}, timeout=10_000)
    assert journal_path.exists()
