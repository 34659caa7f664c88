"""First run: create a journal through onboarding, with targets and reminder, or skip them."""

from __future__ import annotations

from journal.store import Journal


def _create(qtbot, window, passphrase: str) -> None:
    screen = window.onboarding
    screen.first.edit.setText(passphrase)
    screen.second.edit.setText(passphrase)
    assert screen.create_button.isEnabled()
    screen.create_button.click()
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 1, timeout=10_000)


def test_create_journal_through_onboarding(qtbot, make_window, journal_path, stub_views):
    """Passphrase twice, targets and reminder: the journal exists with them and the tabs show."""
    window = make_window(journal_path)
    assert window.onboarding is not None and not journal_path.exists()
    screen = window.onboarding
    _create(qtbot, window, "a long new passphrase")
    assert journal_path.exists()
    screen.sleep.setValue(8)
    screen.cap.setValue(20)
    screen.days_off.setValue(6)
    screen.pages.setCurrentIndex(2)
    screen.reminder_time.setTime(screen.reminder_time.time().fromString("07:45", "HH:mm"))
    screen.finish()
    qtbot.waitUntil(lambda: window.tabs is not None, timeout=5000)
    window.close()
    with Journal.open(journal_path, passphrase="a long new passphrase") as reopened:
        saved = reopened.settings.load()
    assert (saved.sleep_target_hours, saved.weekly_session_hours_cap) == (8, 20)
    assert saved.max_days_without_day_off == 6
    assert saved.reminder_time == "07:45" and saved.onboarding_done


def test_short_or_mismatched_passphrase_cannot_create(qtbot, make_window, journal_path):
    """Under 8 characters or two different passphrases: Create stays disabled, with a reason."""
    window = make_window(journal_path)
    screen = window.onboarding
    screen.first.edit.setText("short")
    screen.second.edit.setText("short")
    assert not screen.create_button.isEnabled()
    assert "Too short" in screen.hint.text()
    screen.first.edit.setText("long enough passphrase")
    screen.second.edit.setText("long enough passphrasE")
    assert not screen.create_button.isEnabled()
    assert screen.mismatch.isVisibleTo(screen) and "differ" in screen.mismatch.text()
    screen.create()
    assert not journal_path.exists()


def test_targets_can_be_skipped(qtbot, make_window, journal_path, stub_views):
    """After the passphrase, Skip keeps the defaults and opens the journal."""
    window = make_window(journal_path)
    _create(qtbot, window, "another passphrase")
    window.onboarding.skip()
    qtbot.waitUntil(lambda: window.tabs is not None, timeout=5000)
    saved = window.journal.settings.load()
    assert saved.onboarding_done and saved.sleep_target_hours == 7.0


def test_journal_made_elsewhere_starts_at_targets(
    qtbot, make_window, journal_path, passphrase, stub_views, unlock
):
    """A journal created by `refill init` (not onboarded) asks for targets after unlocking."""
    Journal.create(journal_path, passphrase).close(backup_if_changed=False)
    window = make_window(journal_path)
    window.unlock_screen.passphrase.edit.setText(passphrase)
    window.unlock_screen.submit()
    qtbot.waitUntil(lambda: window.onboarding is not None, timeout=10_000)
    assert window.onboarding.pages.currentIndex() == 1
    window.onboarding.skip()
    assert window.tabs is not None


def test_closing_during_onboarding_closes_the_journal(qtbot, make_window, journal_path):
    """Quitting on the targets page still closes the newly created journal."""
    window = make_window(journal_path)
    _create(qtbot, window, "yet another passphrase")
    journal = window.onboarding.opened.journal
    window.close()
    assert not journal.db.is_open
