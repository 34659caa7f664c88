"""The tray icon and the daily reminder.

Shown only where the desktop has a system tray. The reminder is a fixed, gentle sentence: it
never contains anything written in the journal (notifications can appear on a locked screen or
in a shared room). The reminder time comes from the journal's settings at unlock and is kept
while the window is locked, so the reminder still comes.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

if TYPE_CHECKING:
    from journal.ui.main_window import MainWindow

REMINDER_TITLE = "Refill"
REMINDER_TEXT = "A few minutes for yourself: how was today? Your check-in is waiting."
_CHECK_EVERY_MS = 30_000


def reminder_due(now: dt.datetime, reminder: str | None, last_shown: dt.date | None) -> bool:
    """Whether the daily reminder should be shown now (once a day, at or after its time)."""
    if reminder is None or last_shown == now.date():
        return False
    hours, minutes = (int(part) for part in reminder.split(":"))
    return (now.hour, now.minute) >= (hours, minutes)


class ReminderTray(QSystemTrayIcon):
    """Tray icon with Show / Lock / Quit and the once-a-day reminder."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window.windowIcon(), window)
        self.window = window
        self.reminder: str | None = None
        self.last_shown: dt.date | None = dt.date.today()  # not on the first minute of a launch
        self.setToolTip("Refill")
        menu = QMenu(window)
        menu.addAction("Show Refill", self._show_window)
        self.lock_action = menu.addAction("Lock", window.lock)
        menu.addSeparator()
        menu.addAction("Quit", window.close)
        self.setContextMenu(menu)
        self.activated.connect(self._activated)
        self.messageClicked.connect(self._show_window)
        window.reminder_changed.connect(self.set_reminder)
        window.locked_changed.connect(lambda locked: self.lock_action.setEnabled(not locked))
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(_CHECK_EVERY_MS)
        self.show()

    def set_reminder(self, reminder: str | None) -> None:
        if reminder != self.reminder:
            self.reminder = reminder
            now = dt.datetime.now()
            # A time set for later today should still fire today.
            self.last_shown = now.date() if reminder_due(now, reminder, None) else None

    def check(self) -> None:
        now = dt.datetime.now()
        if reminder_due(now, self.reminder, self.last_shown):
            self.last_shown = now.date()
            self.showMessage(REMINDER_TITLE, REMINDER_TEXT, self.icon(), 15_000)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self._show_window()

    def _show_window(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()
