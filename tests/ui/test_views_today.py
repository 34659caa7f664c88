"""The Today view: check-in, sleep, work, entries, autosave and date switching."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from PySide6.QtCore import Qt

from journal.store import Journal
from journal.store.models import CheckIn, Entry
from journal.ui import today_view
from journal.ui.today_view import TodayView

TODAY = dt.date.today().isoformat()
YESTERDAY = (dt.date.today() - dt.timedelta(days=1)).isoformat()


@pytest.fixture
def view(qtbot, journal: Journal) -> TodayView:
    widget = TodayView(journal)
    qtbot.addWidget(widget)
    return widget


def test_checkin_saved_and_shown_after_reopening(
    qtbot, journal_path: Path, passphrase: str
) -> None:
    """A check-in typed in the view is on disk and shown again after close and reopen."""
    journal = Journal.create(journal_path, passphrase)
    view = TodayView(journal)
    qtbot.addWidget(view)
    view.checkin.scales["mood"].setValue(7)
    view.checkin.scales["stress"].setValue(0)
    view.checkin.note.setText("steady day")
    view.sleep.bedtime.setText("23:00")
    view.sleep.wake_time.setText("06:30")
    assert view.flush()
    view.close()
    journal.close(backup_if_changed=False)

    reopened = Journal.open(journal_path, passphrase=passphrase)
    try:
        again = TodayView(reopened)
        qtbot.addWidget(again)
        assert again.checkin.scales["mood"].number() == 7
        assert again.checkin.scales["stress"].number() == 0
        assert again.checkin.note.text() == "steady day"
        assert reopened.sleep.get(TODAY).hours == 7.5
        assert "7.5 h" in again.sleep.derived.text()
    finally:
        reopened.close(backup_if_changed=False)


def test_empty_scale_stays_missing(view: TodayView, journal: Journal) -> None:
    """A scale left at "–" is stored as missing, never as zero."""
    view.checkin.scales["energy"].setValue(4)
    assert view.checkin.scales["mood"].text() == "–"
    assert view.flush()
    stored = journal.checkins.get(TODAY)
    assert stored.energy == 4
    assert stored.mood is None and stored.dread is None


def test_invalid_time_shows_message_and_keeps_text(view: TodayView, journal: Journal) -> None:
    """A mistyped bedtime is explained inline and stays on screen; nothing is stored."""
    view.sleep.bedtime.setText("25:99")
    assert not view.flush()
    assert view.sleep.error.isVisibleTo(view)
    assert "Bedtime" in view.sleep.error.text() and "HH:MM" in view.sleep.error.text()
    assert view.sleep.bedtime.text() == "25:99"
    assert journal.sleep.get(TODAY) is None
    assert "Not saved" in view.save_state.text()
    view.sleep.bedtime.setText("23:10")
    assert view.flush()
    assert not view.sleep.error.isVisibleTo(view)


def test_more_trauma_than_sessions_is_refused(view: TodayView, journal: Journal) -> None:
    """The store's cross-field rule reaches the form as a readable message."""
    view.work.fields["sessions"].setValue(2)
    view.work.fields["trauma_sessions"].setValue(3)
    assert not view.flush()
    assert "Trauma-heavy sessions cannot be more than" in view.work.error.text()
    assert view.work.fields["trauma_sessions"].number() == 3


def test_day_off_disables_work_fields(view: TodayView, journal: Journal) -> None:
    """Ticking "Day off" greys the work fields and saves the day as a day off."""
    view.work.fields["sessions"].setValue(5)
    view.work.day_off.setChecked(True)
    assert not view.work.fields["sessions"].isEnabled()
    assert view.flush()
    stored = journal.sessions.get(TODAY)
    assert stored.day_off is True and stored.sessions is None


def test_autosave_fires_after_typing_stops(
    qtbot, view: TodayView, journal: Journal, monkeypatch
) -> None:
    """Edits are saved by the autosave timer without any explicit flush."""
    view._timer.setInterval(50)
    view.checkin.scales["meaning"].setValue(8)
    assert view.save_state.text() == "Unsaved…"
    qtbot.waitUntil(lambda: journal.checkins.get(TODAY) is not None, timeout=3000)
    assert journal.checkins.get(TODAY).meaning == 8
    assert view.save_state.text().startswith("Saved ✓")
    assert today_view.AUTOSAVE_MS >= 1000


def test_entry_saved_by_flush_and_updated_not_duplicated(view: TodayView, journal: Journal) -> None:
    """flush() saves the entry; later edits update it rather than adding a second one."""
    editor = view.entries.editor
    editor.title.setText("Long Tuesday")
    editor.body.setPlainText("Back to back, no lunch.")
    editor.tags.setText("load, Supervision")
    assert view.flush()
    editor.body.setPlainText("Back to back, no lunch. Walked home.")
    assert view.flush()
    (stored,) = journal.entries.on(TODAY)
    assert stored.body.endswith("Walked home.")
    assert stored.tags == ("load", "supervision")
    assert stored.prompt_id == editor.prompt.id


def test_new_entry_keeps_several_per_day(view: TodayView, journal: Journal) -> None:
    """ "New entry" saves the current one and starts another for the same day."""
    view.entries.editor.title.setText("Morning")
    view.entries.new_button.click()
    view.entries.editor.title.setText("Evening")
    assert view.flush()
    assert [e.title for e in journal.entries.on(TODAY)] == ["Morning", "Evening"]
    assert view.entries.model.rowCount() == 2


def test_switching_date_flushes_and_loads_that_day(
    qtbot, view: TodayView, journal: Journal
) -> None:
    """Alt+Left saves today's draft and shows yesterday's records."""
    journal.checkins.save(CheckIn(date=YESTERDAY, mood=3))
    journal.entries.add(Entry(date=YESTERDAY, title="Yesterday's note"))
    view.checkin.scales["mood"].setValue(9)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.checkin.scales["mood"].setFocus()
    qtbot.keyClick(view.checkin.scales["mood"], Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert view.date == YESTERDAY
    assert journal.checkins.get(TODAY).mood == 9
    assert view.checkin.scales["mood"].number() == 3
    assert view.entries.editor.title.text() == "Yesterday's note"
    view.next_button.click()
    assert view.date == TODAY and view.checkin.scales["mood"].number() == 9
    assert not view.next_button.isEnabled()


def test_date_switch_refused_while_a_value_is_invalid(view: TodayView) -> None:
    """An unsaveable value keeps the view on its day so the typed text is not lost."""
    view.sleep.wake_time.setText("7am")
    assert not view.set_date(YESTERDAY)
    assert view.date == TODAY and view.sleep.wake_time.text() == "7am"


def test_identifier_hint_and_crisis_banner(qtbot, view: TodayView) -> None:
    """A phone number gets the hint under the editor; crisis words raise a dismissible banner."""
    editor = view.entries.editor
    view.show()
    editor.body.setPlainText("Client called from 07700 900123 again.")
    qtbot.waitUntil(editor.identifier_hint.isVisible, timeout=2000)
    assert "phone number" in editor.identifier_hint.text()
    assert "never needs client identifiers" in editor.identifier_hint.text()
    assert not editor.banner.isVisible()

    editor.body.setPlainText("Some nights I want to die.")
    qtbot.waitUntil(editor.banner.isVisible, timeout=2000)
    assert not editor.identifier_hint.isVisible()
    with qtbot.waitSignal(view.support_requested, timeout=1000):
        editor.banner.support.click()
    editor.banner.dismiss.click()
    assert not editor.banner.isVisible()
    editor.body.setPlainText("Some nights I want to die. Still.")
    editor.run_checks()
    assert not editor.banner.isVisible()


def test_activity_and_cup_action_added_and_removed(view: TodayView, journal: Journal) -> None:
    """Activities and own cup actions are saved on Add and removed on Remove."""
    view.activities.kind.setCurrentIndex(0)
    view.activities.minutes.setValue(40)
    view.activities.add_button.click()
    assert [(a.kind, a.minutes) for a in journal.activities.on(TODAY)] == [("walk", 40)]
    view.cup.action.setCurrentIndex(0)  # "My own…"
    view.cup.add_button.click()
    assert "Choose an action" in view.cup.error.text()
    view.cup.custom.setText("Sat in the garden")
    view.cup.felt_after.setValue(7)
    view.cup.add_button.click()
    (done,) = journal.cup_actions.on(TODAY)
    assert done.custom_title == "Sat in the garden" and done.felt_after == 7
    view.activities.view.setCurrentIndex(view.activities.model.index(0))
    view.activities.remove_button.click()
    assert journal.activities.on(TODAY) == []


def test_prompt_of_the_day_only_for_new_entries(view: TodayView, journal: Journal) -> None:
    """A new entry is offered today's prompt; an old entry without one is not re-labelled."""
    from journal.prompts import load_prompts, prompt_for

    assert len(load_prompts()) >= 30
    assert view.entries.editor.prompt == prompt_for(TODAY)
    journal.entries.add(Entry(date=YESTERDAY, title="No prompt"))
    view.set_date(YESTERDAY)
    assert view.entries.editor.prompt is None
    view.entries.editor.body.setPlainText("more")
    assert view.flush()
    assert journal.entries.on(YESTERDAY)[0].prompt_id is None
    other = load_prompts()[5]
    view.entries.editor.set_prompt(other, edited=True)
    assert view.flush()
    assert journal.entries.on(YESTERDAY)[0].prompt_id == other.id


def test_support_request_reaches_the_window_tabs(qtbot, journal: Journal) -> None:
    """The banner's "Need support now?" travels up to the tabs, which the window connects."""
    from journal.ui.main_window_tabs import TODAY as TODAY_TAB
    from journal.ui.main_window_tabs import MainTabs

    tabs = MainTabs(journal)
    qtbot.addWidget(tabs)
    with qtbot.waitSignal(tabs.support_requested, timeout=1000):
        tabs.views[TODAY_TAB].entries.editor.banner.support.click()
    for view in tabs.views:
        view.flush()


def test_catalogue_actions_offered_and_named(qtbot, view: TodayView, journal: Journal) -> None:
    """Catalogue actions are offered; a picked one is stored by id and shown by its title."""
    assert view.cup.action.count() > 30
    action_id = view.cup.action.currentData()
    title = view.cup.action.currentText()
    view.cup.add_button.click()
    assert journal.cup_actions.on(TODAY)[0].action_id == action_id
    assert view.cup.model.index(0).data().startswith(title)


def test_leaving_the_tab_saves_at_once(view: TodayView, journal: Journal) -> None:
    """Hiding the view (another tab, window closing) saves pending edits without waiting."""
    view.show()
    view.checkin.scales["stress"].setValue(6)
    view.hide()
    assert journal.checkins.get(TODAY).stress == 6
    assert not view.has_pending()


def _underlined(editor, text: str) -> list[str]:
    """The stretches of ``text`` the highlighter formats, read back from the laid-out block."""
    editor.body.setPlainText(text)
    block = editor.body.document().firstBlock()
    return [
        block.text()[r.start : r.start + r.length]
        for r in block.layout().formats()
        if r.format.underlineStyle() != r.format.underlineStyle().NoUnderline
    ]


def test_highlighter_underlines_identifiers_not_ordinary_dates(view: TodayView) -> None:
    """Phone, e-mail and DOB get the wavy underline; a plain date and time do not."""
    editor = view.entries.editor
    assert _underlined(editor, "Call 07700 900123 or jo@example.org, DOB 01/02/2010.") == [
        "07700 900123",
        "jo@example.org",
        "DOB 01/02/2010",
    ]
    assert _underlined(editor, "Supervision on 2026-03-02 at 14:30, 6 sessions.") == []


def test_new_entry_refused_while_a_value_is_invalid(view: TodayView, journal: Journal) -> None:
    """ "New entry" keeps the current text on screen when something cannot be saved yet."""
    view.entries.editor.body.setPlainText("half a thought")
    view.sleep.bedtime.setText("late")
    view.entries.new_button.click()
    assert view.entries.editor.body.toPlainText() == "half a thought"
    assert journal.entries.on(TODAY)[0].body == "half a thought"  # the entry itself was saved
