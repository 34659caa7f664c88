"""“Remember on this device”: absent without a keyring, opt-in and revocable with one."""

from __future__ import annotations

import threading

import pytest

from journal import keychain
from journal.store import Journal
from journal.ui.settings_dialog import SettingsDialog
from journal.ui.tasks import wait_for_tasks
from journal.ui.unlock_screen import REMEMBER_WHY, STALE_KEY


def test_option_absent_with_the_fail_backend(qtbot, make_window, existing_journal, stub_views):
    """With the fail backend the checkbox never appears and unlocking stores nothing."""
    window = make_window(existing_journal)
    screen = window.unlock_screen
    assert wait_for_tasks(5000)
    assert not screen.remember.isVisibleTo(screen)
    assert keychain.load_key(existing_journal) is None


def test_remember_then_open_without_passphrase_then_forget(
    qtbot, make_window, existing_journal, memory_keyring, stub_views, unlock
):
    """Opt in: the key is stored (not the passphrase), the next launch opens without typing,
    and Settings ▸ Forget removes it."""
    window = make_window(existing_journal)
    screen = window.unlock_screen
    qtbot.waitUntil(lambda: screen.remember.isVisibleTo(screen), timeout=5000)
    assert wait_for_tasks(5000)
    assert not screen.remember.isChecked()  # opt-in
    assert screen.remember_why.text() == REMEMBER_WHY
    assert "without the passphrase on this device" in REMEMBER_WHY
    screen.remember.setChecked(True)
    unlock(window)
    stored = list(memory_keyring.items.values())
    assert stored == [window.journal.db.raw_key.hex()]
    assert "correct horse" not in stored[0]
    window.close()

    again = make_window(existing_journal)
    qtbot.waitUntil(lambda: again.tabs is not None, timeout=10_000)
    assert again.remembered

    dialog = SettingsDialog(again.journal, remembered=True, parent=again)
    assert dialog.forget_button.isEnabled()
    dialog.forget_button.click()
    assert memory_keyring.items == {}
    assert not dialog.forget_button.isEnabled()
    dialog.reject()


def test_stale_remembered_key_is_removed(
    qtbot, make_window, existing_journal, memory_keyring, passphrase, stub_views
):
    """A remembered key that no longer opens the journal is deleted and the passphrase asked."""
    keychain.store_key(existing_journal, bytes(32))
    window = make_window(existing_journal)
    screen = window.unlock_screen
    qtbot.waitUntil(lambda: screen.error.isVisible(), timeout=10_000)
    assert screen.error.text() == STALE_KEY
    assert memory_keyring.items == {}
    assert window.tabs is None and screen.passphrase.isEnabled()
    with Journal.open(existing_journal, passphrase=passphrase):
        pass  # the journal itself is fine


@pytest.mark.parametrize("first_run", [False, True], ids=["unlock", "onboarding"])
def test_keychain_is_found_off_the_ui_thread(
    first_run, qtbot, make_window, journal_path, request, memory_keyring, stub_views
):
    """Finding the keychain (keyring's backend discovery takes 0.1 s or more) never blocks the
    window, on the unlock screen or on a first run: a worker asks, and "Remember on this device"
    appears when the answer arrives."""
    asked_on: list[threading.Thread] = []

    def priority(_backend: object) -> int:
        asked_on.append(threading.current_thread())
        return 1

    type(memory_keyring).priority = property(priority)
    path = journal_path if first_run else request.getfixturevalue("existing_journal")
    window = make_window(path)
    screen = window.onboarding if first_run else window.unlock_screen
    assert screen is not None
    qtbot.waitUntil(lambda: screen.remember.isVisibleTo(screen), timeout=5000)
    assert asked_on
    assert threading.main_thread() not in asked_on
