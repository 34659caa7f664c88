"""The main window's menus, shortcuts, geometry and tray reminder."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from journal.ui.main_window_tabs import INSIGHTS, JOURNAL, TODAY, TRENDS
from journal.ui.support_dialog import SupportDialog
from journal.ui.tray import REMINDER_TEXT, reminder_due


def test_tab_shortcuts_and_find(qtbot, make_window, existing_journal, stub_views, unlock):
    """Ctrl+1..4 switch tabs and Ctrl+F goes to the Journal tab."""
    window = make_window(existing_journal)
    unlock(window)
    for key, index in ((Qt.Key.Key_4, INSIGHTS), (Qt.Key.Key_3, TRENDS), (Qt.Key.Key_1, TODAY)):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == index
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == JOURNAL


def test_every_menu_action_has_a_shortcut_or_menu(qtbot, make_window, existing_journal):
    """The documented shortcuts are bound to the documented actions."""
    window = make_window(existing_journal)
    bound = {a.shortcut().toString(): a.text().replace("&", "") for a in window.actions()}
    assert bound["Ctrl+L"] == "Lock"
    assert bound["Ctrl+E"].startswith("Export supervisor summary")
    assert bound["Ctrl+,"].startswith("Settings")
    assert bound["F1"] == "Need support now?"
    assert bound["Ctrl+F"].startswith("Find")


def test_support_opens_while_locked(qtbot, make_window, existing_journal):
    """F1 shows the crisis resources even before the journal is unlocked."""
    window = make_window(existing_journal)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(SupportDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.country.setCurrentIndex(dialog.country.findData("CA"))
    assert "988" in [line.number for line in dialog.model.lines]
    dialog.reject()


def test_geometry_and_last_path_are_remembered(
    qtbot, make_window, existing_journal, tmp_path, stub_views, unlock
):
    """QSettings gets the geometry and the journal path, and nothing written in the journal."""
    store = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    window = make_window(existing_journal, window_settings=store)
    window.resize(760, 590)
    unlock(window)
    window.close()
    store.sync()
    assert set(store.allKeys()) == {"window/geometry", "journal/last_path"}
    again = make_window(existing_journal, window_settings=store)
    assert (again.width(), again.height()) == (760, 590)


def test_reminder_is_due_once_a_day() -> None:
    """The reminder fires at or after its time, once per day, never without a time."""
    now = dt.datetime(2026, 3, 2, 18, 31)
    assert reminder_due(now, "18:30", None)
    assert not reminder_due(now, "18:30", now.date())
    assert not reminder_due(now, "19:00", None)
    assert not reminder_due(now, None, None)
    assert "check-in" in REMINDER_TEXT


def test_tray_reminder_text_is_fixed(qtbot, make_window, existing_journal, monkeypatch):
    """The tray's daily notification is Refill's fixed sentence, never anything written."""
    from journal.ui.tray import ReminderTray

    window = make_window(existing_journal)
    tray = ReminderTray(window)
    shown = []
    monkeypatch.setattr(tray, "showMessage", lambda title, text, *a: shown.append((title, text)))
    tray.set_reminder("00:00")
    tray.last_shown = None
    tray.check()
    tray.check()  # once a day only
    assert shown == [("Refill", REMINDER_TEXT)]
    tray.hide()


def test_journal_in_a_sync_folder_is_warned_about(
    qtbot, make_window, tmp_path, passphrase, stub_views, unlock
):
    """A journal inside a Dropbox-like folder gets the keep-it-local warning after unlock."""
    from journal.store import Journal
    from journal.ui.main_window import SYNC_WARNING

    path = tmp_path / "Dropbox" / "journal.refill"
    made = Journal.create(path, passphrase)
    made.settings.update(onboarding_done=True)
    made.close(backup_if_changed=False)
    window = make_window(path)
    unlock(window)
    assert window.statusBar().currentMessage() == SYNC_WARNING
