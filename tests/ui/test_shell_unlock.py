"""The unlock screen: wrong passphrase, Caps Lock, busy journal, unlocking into the tabs."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QToolButton

from journal.ui.main_window import BUSY_TEXT
from journal.ui.unlock_screen import WRONG_PASSPHRASE
from journal.ui.unlock_widgets import set_by_name


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_wrong_passphrase_is_explained_and_file_untouched(qtbot, make_window, existing_journal):
    """A wrong passphrase shows the inline message and leaves the journal byte-for-byte equal."""
    before = _digest(existing_journal)
    window = make_window(existing_journal)
    screen = window.unlock_screen
    screen.passphrase.edit.setText("not the passphrase")
    screen.unlock_button.click()
    qtbot.waitUntil(lambda: screen.error.isVisible(), timeout=10_000)
    assert screen.error.text() == WRONG_PASSPHRASE
    assert window.tabs is None and window.journal is None
    assert screen.passphrase.isEnabled() and screen.passphrase.edit.hasSelectedText()
    assert _digest(existing_journal) == before


def test_unlock_shows_the_tabs(qtbot, make_window, existing_journal, stub_views, unlock):
    """The right passphrase opens the journal and shows the four tabs; title names the file."""
    window = make_window(existing_journal)
    assert not window.lock_action.isEnabled()
    unlock(window)
    assert [window.tabs.tabText(i) for i in range(4)] == ["Today", "Journal", "Trends", "Insights"]
    assert window.journal is not None and window.journal.db.is_open
    assert window.windowTitle() == f"Refill — {existing_journal.name}"
    assert window.lock_action.isEnabled() and window.state_label.text() == "Unlocked"
    assert all(view.journal is window.journal for view in stub_views.instances)


def test_unlock_is_done_off_the_ui_thread(qtbot, make_window, existing_journal, stub_views):
    """While the key is derived the busy row shows and the form is disabled."""
    window = make_window(existing_journal)
    screen = window.unlock_screen
    screen.passphrase.edit.setText("correct horse battery")
    screen.unlock_button.click()
    assert screen.busy.isVisibleTo(screen)
    assert not screen.passphrase.isEnabled() and not screen.unlock_button.isEnabled()
    qtbot.waitUntil(lambda: window.tabs is not None, timeout=10_000)
    assert not screen.busy.isVisibleTo(screen)


def test_caps_lock_warning(qtbot, make_window, existing_journal):
    """An upper-case letter typed without Shift shows the Caps Lock warning; lower-case hides it."""
    window = make_window(existing_journal)
    field = window.unlock_screen.passphrase
    field.setFocus()
    qtbot.keyClick(field.edit, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier)  # produces "a"
    assert not field.caps_warning.isVisibleTo(field)
    qtbot.keyClicks(field.edit, "B")  # upper case without Shift held
    assert field.caps_warning.isVisibleTo(field)
    qtbot.keyClick(field.edit, Qt.Key.Key_B, Qt.KeyboardModifier.ShiftModifier, -1)
    assert field.edit.text().startswith("aB")


def test_second_window_on_the_same_journal_is_refused(qtbot, make_window, existing_journal):
    """A second window on an open journal says it is open elsewhere and offers no passphrase."""
    first = make_window(existing_journal)
    second = make_window(existing_journal)
    assert first.unlock_screen.passphrase.isEnabled()
    assert second.unlock_screen.error.text() == BUSY_TEXT
    assert not second.unlock_screen.passphrase.isEnabled()


def test_demo_passphrase_is_shown(qtbot, make_window, existing_journal):
    """A demo journal shows its passphrase on the unlock screen and says it is a demo."""
    window = make_window(existing_journal, demo_passphrase="amber-birch-cedar-dune")
    notice = window.unlock_screen.demo_notice
    assert notice.isVisibleTo(window) and "amber-birch-cedar-dune" in notice.text()
    assert window.windowTitle() == "Refill — demo journal"


def test_properties_set_by_name_take_effect(qtbot, make_window, existing_journal):
    """The unlock screen's texts are centred, the passphrase field asks input methods not to
    learn or show it, and its Show button is reached by Tab only (set by their Qt names)."""
    screen = make_window(existing_journal).unlock_screen
    centred = [
        label.accessibleName() or label.text()
        for label in screen.findChildren(QLabel)
        if label.alignment() == Qt.AlignmentFlag.AlignCenter
    ]
    assert sorted(centred) == ["Journal file", "Refill", "Refill", "Your journal is locked."]
    hints = screen.passphrase.edit.inputMethodHints()
    for hint in ("ImhHiddenText", "ImhNoPredictiveText", "ImhSensitiveData"):
        assert hints & getattr(Qt.InputMethodHint, hint)
    (reveal,) = screen.passphrase.findChildren(QToolButton)
    assert reveal.focusPolicy() == Qt.FocusPolicy.TabFocus


def test_set_by_name_refuses_a_wrong_name(qtbot) -> None:
    """A misspelt property or value name is an error, not a silently ignored setting."""
    label = QLabel()
    qtbot.addWidget(label)
    with pytest.raises(ValueError):
        set_by_name(label, "alignment", "AlignMiddle")
    with pytest.raises(ValueError):
        set_by_name(label, "alignmnt", "AlignCenter")
    set_by_name(label, "alignment", "AlignRight|AlignVCenter")
    assert label.alignment() == Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
