"""Settings: targets, locking and the passphrase, reminder and theme, backups.

Values are validated by the store (``settings.update`` raises ``ValidationError``); a refused
value is named inline and nothing is saved. Making a backup runs in a worker. Restoring needs the
journal closed, so the dialog hands it to the window (``restore_requested``).
"""

from __future__ import annotations

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from journal import keychain
from journal.store import Journal, ValidationError
from journal.store.backups import backup_dir, list_backups
from journal.store.settings import Settings
from journal.ui.tasks import run_task
from journal.ui.unlock_widgets import hbox, styled_label

THEMES = (("system", "Follow the system"), ("light", "Light"), ("dark", "Dark"))


def _spin(low: float, high: float, suffix: str, name: str, *, step: float = 1, decimals: int = 0):
    box = QDoubleSpinBox() if decimals else QSpinBox()
    box.setRange(low, high)  # type: ignore[arg-type]
    box.setSingleStep(step)  # type: ignore[arg-type]
    if decimals:
        box.setDecimals(decimals)  # type: ignore[union-attr]
    box.setSuffix(suffix)
    box.setAccessibleName(name)
    return box


class SettingsDialog(QDialog):
    """Edits the journal's settings; emits ``settings_saved(Settings)`` after a save."""

    settings_saved = Signal(object)
    restore_requested = Signal()
    remembered_changed = Signal(bool)

    def __init__(self, journal: Journal, *, remembered: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.journal = journal
        self.remembered = remembered
        current = journal.settings.load()
        tabs = QTabWidget(self)
        tabs.addTab(self._targets_tab(), "Targets")
        tabs.addTab(self._privacy_tab(), "Privacy")
        tabs.addTab(self._reminder_tab(), "Reminder and look")
        tabs.addTab(self._backups_tab(), "Backups")
        self.error = styled_label("", "error")
        self.error.setAccessibleName("Problem")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.show_settings(current)

    # ------------------------------------------------------------------ tabs
    def _targets_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.sleep = _spin(3, 12, " hours", "Sleep target", step=0.5, decimals=1)
        self.activity = _spin(0, 2000, " minutes", "Weekly activity target", step=10)
        self.cap = _spin(1, 80, " hours", "Weekly session-hours cap", decimals=1)
        self.days_off = _spin(1, 60, " days", "Most days without a day off")
        form.addRow("Sleep a night", self.sleep)
        form.addRow("Activity a week", self.activity)
        form.addRow("Client session hours a week, at most", self.cap)
        form.addRow("Days in a row without a day off, at most", self.days_off)
        form.addRow(
            styled_label(
                "Refill compares your days with these targets and your own usual pattern. "
                "WHO suggests 150–300 minutes of moderate activity a week; there is no "
                "validated limit for client hours, so the cap is yours to set.",
                "muted",
            )
        )
        return page

    def _privacy_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.auto_lock = _spin(1, 240, " minutes", "Lock after this many idle minutes")
        form.addRow("Lock when idle for", self.auto_lock)
        self.change_passphrase = QPushButton("Change passphrase…")
        self.change_passphrase.clicked.connect(self._change_passphrase)
        form.addRow("Passphrase", self.change_passphrase)
        self.key_state = QLabel()
        self.forget_button = QPushButton("Forget the remembered key")
        self.forget_button.clicked.connect(self.forget_key)
        form.addRow("On this device", self.key_state)
        form.addRow("", self.forget_button)
        self._show_key_state()
        return page

    def _reminder_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.reminder_on = QCheckBox("Remind me every day at")
        self.reminder_time = QTimeEdit()
        self.reminder_time.setDisplayFormat("HH:mm")
        self.reminder_time.setAccessibleName("Reminder time")
        self.reminder_on.toggled.connect(self.reminder_time.setEnabled)
        form.addRow("Reminder", hbox(self.reminder_on, self.reminder_time))
        self.theme = QComboBox()
        self.theme.setAccessibleName("Theme")
        for value, label in THEMES:
            self.theme.addItem(label, value)
        form.addRow("Theme", self.theme)
        form.addRow(
            styled_label(
                "The reminder appears in the system tray's notifications, where there is a "
                "tray. It never shows anything you wrote.",
                "muted",
            )
        )
        return page

    def _backups_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.keep = _spin(1, 100, " backups", "Backups to keep")
        form.addRow("Keep the newest", self.keep)
        self.backup_state = styled_label("", "muted")
        form.addRow(self.backup_state)
        self.backup_now = QPushButton("Make a backup now")
        self.backup_now.clicked.connect(self.make_backup)
        restore = QPushButton("Restore from a backup…")
        restore.clicked.connect(self._restore)
        form.addRow(hbox(self.backup_now, restore))
        self._show_backup_state()
        return page

    # ----------------------------------------------------------------- state
    def show_settings(self, s: Settings) -> None:
        self.sleep.setValue(s.sleep_target_hours)
        self.activity.setValue(s.weekly_activity_target_minutes)
        self.cap.setValue(s.weekly_session_hours_cap)
        self.days_off.setValue(s.max_days_without_day_off)
        self.auto_lock.setValue(s.auto_lock_minutes)
        self.reminder_on.setChecked(s.reminder_time is not None)
        self.reminder_time.setEnabled(s.reminder_time is not None)
        self.reminder_time.setTime(QTime.fromString(s.reminder_time or "18:30", "HH:mm"))
        self.theme.setCurrentIndex(max(0, self.theme.findData(s.theme)))
        self.keep.setValue(s.backups_to_keep)

    def _show_key_state(self) -> None:
        if self.remembered:
            self.key_state.setText("A key is remembered: the journal opens without a passphrase.")
        else:
            self.key_state.setText("No key is remembered: the passphrase is always asked for.")
        self.forget_button.setEnabled(self.remembered)

    def _show_backup_state(self, extra: str = "") -> None:
        found = list_backups(self.journal.path)
        where = backup_dir(self.journal.path)
        text = f"{len(found)} backup(s) in {where}." if found else "No backups yet."
        self.backup_state.setText(f"{extra}{text}")

    # --------------------------------------------------------------- actions
    def save(self) -> None:
        reminder = (
            self.reminder_time.time().toString("HH:mm") if self.reminder_on.isChecked() else None
        )
        try:
            saved = self.journal.settings.update(
                sleep_target_hours=self.sleep.value(),
                weekly_activity_target_minutes=self.activity.value(),
                weekly_session_hours_cap=self.cap.value(),
                max_days_without_day_off=self.days_off.value(),
                auto_lock_minutes=self.auto_lock.value(),
                reminder_time=reminder,
                theme=self.theme.currentData(),
                backups_to_keep=self.keep.value(),
            )
        except ValidationError as exc:
            self.error.setText(f"Not saved: {exc.field.replace('_', ' ')} {exc.reason}.")
            self.error.show()
            return
        self.settings_saved.emit(saved)
        self.accept()

    def forget_key(self) -> None:
        keychain.forget(self.journal.path)
        self.remembered = keychain.load_key(self.journal.path) is not None
        self._show_key_state()
        self.remembered_changed.emit(self.remembered)

    def make_backup(self) -> None:
        self.backup_now.setEnabled(False)
        self.backup_state.setText("Making a backup…")
        run_task(self.journal.backup, self._backup_done, self._backup_failed, context=self)

    def _backup_done(self, path: object) -> None:
        self.backup_now.setEnabled(True)
        self._show_backup_state(f"Saved {getattr(path, 'name', path)}. ")

    def _backup_failed(self, error: BaseException) -> None:
        self.backup_now.setEnabled(True)
        self.backup_state.setText(
            f"The backup failed ({type(error).__name__}); the journal itself is unchanged."
        )

    def _restore(self) -> None:
        self.reject()
        self.restore_requested.emit()

    def _change_passphrase(self) -> None:
        from journal.ui.change_passphrase_dialog import ChangePassphraseDialog

        dialog = ChangePassphraseDialog(self.journal, remembered=self.remembered, parent=self)
        dialog.accepted.connect(lambda: self._passphrase_changed(dialog.remembered))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _passphrase_changed(self, remembered: bool) -> None:
        self.remembered = remembered
        self._show_key_state()
        self.remembered_changed.emit(remembered)
