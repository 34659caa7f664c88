"""Locking: content hidden, database closed, views deleted; unlock returns to the same place."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from shiboken6 import isValid

from journal.ui.main_window_tabs import INSIGHTS, JOURNAL, TRENDS
from journal.ui.tasks import wait_for_tasks


def test_lock_hides_content_and_closes_the_database(
    qtbot, make_window, existing_journal, stub_views, unlock
):
    """Ctrl+L flushes and deletes every view, closes the journal and shows the unlock screen."""
    window = make_window(existing_journal)
    unlock(window)
    journal = window.journal
    views = list(stub_views.instances)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked and window.journal is None and window.tabs is None
    assert window.stack.currentWidget() is window.unlock_screen
    assert all(view.flushed == 1 for view in views)
    assert wait_for_tasks(10_000)
    assert not journal.db.is_open
    qtbot.waitUntil(lambda: not any(isValid(view) for view in views), timeout=5000)
    assert window.unlock_screen.passphrase.text() == ""
    assert not window.lock_action.isEnabled()


def test_unlock_returns_to_the_same_tab_and_date(
    qtbot, make_window, existing_journal, stub_views, unlock
):
    """After lock and unlock the same tab is current and Today shows the same date."""
    window = make_window(existing_journal)
    unlock(window)
    window.show_tab(TRENDS)
    day = dt.date(2026, 3, 2)
    window.tabs.today.set_date(day)
    window.lock()
    unlock(window)
    assert window.tabs.currentIndex() == TRENDS
    assert window.tabs.today.date == day
    window.show_tab(INSIGHTS)
    assert window.tabs.currentIndex() == INSIGHTS


def test_auto_lock_after_idle_time(qtbot, make_window, existing_journal, stub_views, unlock):
    """With no input for the idle interval the window locks by itself."""
    window = make_window(existing_journal)
    unlock(window)
    window.idle.set_interval_ms(150)
    qtbot.waitUntil(lambda: window.is_locked, timeout=5000)
    assert window.journal is None


def test_input_postpones_auto_lock(qtbot, make_window, existing_journal, stub_views, unlock):
    """Keyboard input restarts the idle timer, so an active person is not locked out."""
    window = make_window(existing_journal)
    unlock(window)
    window.idle.set_interval_ms(60_000)
    timer = window.idle._timer
    qtbot.waitUntil(lambda: timer.remainingTime() < 59_950, timeout=5000)
    qtbot.keyClick(window.tabs, Qt.Key.Key_Shift)
    assert timer.remainingTime() > 59_950
    assert not window.is_locked


def test_lock_is_not_blocked_by_an_open_dialog(
    qtbot, make_window, existing_journal, stub_views, unlock
):
    """An open dialog (Settings) is closed by the lock instead of holding it up."""
    window = make_window(existing_journal)
    unlock(window)
    window.open_settings()
    dialog = window.findChild(QDialog)
    assert dialog is not None and dialog.isVisible()
    window.lock()
    assert window.is_locked
    assert not dialog.isVisible()


def test_real_views_are_built_when_shown_and_dropped(qtbot, make_window, existing_journal, unlock):
    """Unlock builds only Today; other views are built when their tab is first shown; lock
    deletes them all."""
    window = make_window(existing_journal)
    unlock(window)
    assert len(window.tabs.views) == 1
    for index in (TRENDS, INSIGHTS, JOURNAL):
        window.show_tab(index)
    views = list(window.tabs.views)
    assert len(views) == 4
    assert [type(v).__name__ for v in views] == [
        "TodayView", "JournalView", "TrendsView", "InsightsView"
    ]  # fmt: skip
    window.lock()
    assert wait_for_tasks(30_000)
    qtbot.waitUntil(lambda: not any(isValid(view) for view in views), timeout=5000)
