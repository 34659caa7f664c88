"""Settings: changes persist, bad values are refused, passphrase change and backup restore."""

from __future__ import annotations

import pytest

from journal import keychain
from journal.store import Journal, WrongPassphrase
from journal.store.backups import list_backups
from journal.ui import theme
from journal.ui.change_passphrase_dialog import CURRENT_WRONG, ChangePassphraseDialog
from journal.ui.restore_flow import restore_backup
from journal.ui.settings_dialog import SettingsDialog
from journal.ui.tasks import wait_for_tasks


def test_settings_change_persists(qtbot, journal, journal_path, passphrase, monkeypatch):
    """Saved settings are in the journal after reopening it, and the theme is applied."""
    monkeypatch.delenv(theme.ENV_OVERRIDE, raising=False)
    dialog = SettingsDialog(journal, remembered=False)
    qtbot.addWidget(dialog)
    saved = []
    dialog.settings_saved.connect(saved.append)
    dialog.sleep.setValue(7.5)
    dialog.cap.setValue(22)
    dialog.auto_lock.setValue(12)
    dialog.reminder_on.setChecked(False)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.save()
    assert saved and saved[0].auto_lock_minutes == 12
    journal.close(backup_if_changed=False)
    with Journal.open(journal_path, passphrase=passphrase) as reopened:
        stored = reopened.settings.load()
    assert (stored.sleep_target_hours, stored.weekly_session_hours_cap) == (7.5, 22)
    assert stored.auto_lock_minutes == 12 and stored.reminder_time is None
    assert stored.theme == "dark"


def test_window_applies_saved_settings(qtbot, make_window, existing_journal, stub_views, unlock):
    """The window's idle timer and theme follow the settings when they are saved."""
    window = make_window(existing_journal)
    unlock(window)
    assert window.idle.interval_ms == 5 * 60_000
    window.apply_settings(window.journal.settings.update(auto_lock_minutes=2, theme="dark"))
    assert window.idle.interval_ms == 2 * 60_000
    assert theme.is_dark()
    window.apply_settings(window.journal.settings.update(theme="light"))
    assert not theme.is_dark()


def test_change_passphrase(qtbot, journal, journal_path, passphrase, memory_keyring):
    """The new passphrase opens the journal, the old one no longer does, and a remembered key
    is replaced by the new one."""
    keychain.store_key(journal_path, journal.db.raw_key)
    dialog = ChangePassphraseDialog(journal, remembered=True)
    qtbot.addWidget(dialog)
    dialog.current.edit.setText("wrong current one")
    dialog.first.edit.setText("a brand new passphrase")
    dialog.second.edit.setText("a brand new passphrase")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog), timeout=10_000)
    assert dialog.error.text() == CURRENT_WRONG
    dialog.current.edit.setText(passphrase)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.submit()
    assert keychain.load_key(journal_path) == journal.db.raw_key
    journal.close(backup_if_changed=False)
    with pytest.raises(WrongPassphrase):
        Journal.open(journal_path, passphrase=passphrase)
    Journal.open(journal_path, passphrase="a brand new passphrase").close()


def test_restore_backup_replaces_and_keeps_the_old(journal_path, passphrase):
    """Restoring puts the backup's content in place and sets the current journal aside."""
    journal = Journal.create(journal_path, passphrase)
    journal.settings.update(sleep_target_hours=8)
    backup = journal.backup()
    journal.settings.update(sleep_target_hours=5)
    key = journal.db.raw_key
    journal.close(backup_if_changed=False)
    opened, aside = restore_backup(journal_path, backup, key=key)
    try:
        assert opened.journal.settings.load().sleep_target_hours == 8
    finally:
        opened.journal.close(backup_if_changed=False)
    assert aside is not None and aside.exists()
    assert backup in list_backups(journal_path)


def test_restore_from_the_window(
    qtbot, make_window, existing_journal, stub_views, unlock, monkeypatch
):
    """File ▸ Restore: pick, confirm, the journal is closed, replaced and reopened with views."""
    from PySide6.QtWidgets import QMessageBox

    from journal.ui import restore_dialog

    window = make_window(existing_journal)
    unlock(window)
    window.journal.settings.update(crisis_country="IE")
    backup = window.journal.backup()
    window.journal.settings.update(crisis_country="NZ")
    old_journal = window.journal
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    window.restore_backup()
    dialog = window.findChild(restore_dialog.RestoreDialog)
    assert dialog.model.rowCount() == 1
    dialog.view.setCurrentIndex(dialog.model.index(0, 0))
    assert dialog.chosen() == backup
    dialog.accept()
    assert window.journal is None and not window.unlock_screen.passphrase.isEnabled()
    qtbot.waitUntil(
        lambda: window.journal is not None and window.journal is not old_journal, timeout=10_000
    )
    assert not old_journal.db.is_open
    assert window.journal.settings.load().crisis_country == "IE"
    assert window.tabs is not None
    assert wait_for_tasks(5000)
