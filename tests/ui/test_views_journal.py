"""The Journal view: list, instant search with highlights, tags, calendar, open and delete."""

from __future__ import annotations

import datetime as dt

import pytest

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from journal.store import Journal
from journal.store.models import CheckIn, Entry
from journal.ui.entries_model import HtmlRole, IncludeRole, SnippetRole, TitleRole, snippet_html
from journal.ui.journal_view import JournalView

TODAY = dt.date.today()
DAY = TODAY.replace(day=1).isoformat()


@pytest.fixture
def filled(journal: Journal) -> Journal:
    body = "Talked about the waitlist."
    journal.entries.add(Entry(date=DAY, title="Supervision", body=body, tags=("supervision",)))
    body = "Three trauma sessions & no lunch"
    tags = ("load", "supervision")
    journal.entries.add(Entry(date=DAY, title="Heavy <day>", body=body, tags=tags))
    journal.checkins.save(CheckIn(date=DAY, mood=2))
    return journal


@pytest.fixture
def view(qtbot, filled: Journal) -> JournalView:
    widget = JournalView(filled)
    qtbot.addWidget(widget)
    return widget


def titles(view: JournalView) -> list[str]:
    return [view.model.index(r).data(TitleRole) for r in range(view.model.rowCount())]


def test_month_listed_newest_first_with_tags(view: JournalView) -> None:
    """Without a search the list shows the calendar month's entries with their tags."""
    assert titles(view) == ["Heavy <day>", "Supervision"]
    assert "#load" in view.model.index(0).data(HtmlRole)
    assert "&lt;day&gt;" in view.model.index(0).data(HtmlRole)  # user text escaped


def test_search_as_you_type_finds_and_highlights(qtbot, view: JournalView) -> None:
    """Typing runs a debounced search whose snippet marks the matched word."""
    qtbot.keyClicks(view.search, "waitlist")
    qtbot.waitUntil(lambda: titles(view) == ["Supervision"], timeout=2000)
    assert "<b" in view.model.index(0).data(SnippetRole)
    assert ">waitlist</b>" in view.model.index(0).data(SnippetRole)
    assert "1 match" in view.scope.text()


def test_snippet_escapes_user_text() -> None:
    """Markup typed by the person is shown as text, only the hit markers become tags."""
    assert snippet_html("<script>\x02x\x03</script>") == "&lt;script&gt;<b>x</b>&lt;/script&gt;"


def test_tag_filter_with_counts(view: JournalView) -> None:
    """The tag combo lists counts and filters the list."""
    labels = [view.tag_filter.itemText(i) for i in range(view.tag_filter.count())]
    assert labels == ["All tags", "load (1)", "supervision (2)"]
    view.tag_filter.setCurrentIndex(1)
    assert titles(view) == ["Heavy <day>"]


def test_calendar_marks_entry_days_and_mood(view: JournalView) -> None:
    """Days with entries are marked and carry the day's mood."""
    assert view.calendar.marks(DAY) == (True, 2)


def test_enter_opens_the_entry(qtbot, view: JournalView) -> None:
    """Enter on a row asks the window to open that entry on its day."""
    view.show()
    view.list.setFocus()
    view.list.setCurrentIndex(view.model.index(1))
    with qtbot.waitSignal(view.open_entry, timeout=1000) as signal:
        qtbot.keyClick(view.list, Qt.Key.Key_Return)
    assert signal.args[1] == DAY
    assert view._journal.entries.get(signal.args[0]).title == "Supervision"


def _answer_next_dialog(button_text: str) -> None:
    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        assert DAY in box.text()
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(0, click)


def test_delete_asks_and_cancel_keeps(view: JournalView, filled: Journal) -> None:
    """Cancelling the confirmation keeps the entry."""
    _answer_next_dialog("Cancel")
    view.delete_button.click()
    assert len(filled.entries.on(DAY)) == 2


def test_delete_confirmed_removes(view: JournalView, filled: Journal) -> None:
    """Confirming deletes the entry from the journal and the list and updates tag counts."""
    _answer_next_dialog("Delete")
    view.delete_button.click()
    assert [e.title for e in filled.entries.on(DAY)] == ["Supervision"]
    assert titles(view) == ["Supervision"]
    assert view.tag_filter.itemText(1) == "supervision (1)"


def test_include_in_summary_persists(view: JournalView, filled: Journal) -> None:
    """Ticking "Include in supervisor summary" is saved on the entry."""
    view.list.setCurrentIndex(view.model.index(1))
    view.include.setChecked(True)
    assert [e.title for e in filled.entries.marked_for_summary(DAY, DAY)] == ["Supervision"]
    assert view.model.index(1).data(IncludeRole) is True
    view.include.setChecked(False)
    assert filled.entries.marked_for_summary(DAY, DAY) == []


def test_keyboard_ctrl_f_and_delete(qtbot, view: JournalView, filled: Journal) -> None:
    """Ctrl+F focuses the search field; Delete on the list asks before deleting."""
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(view.search.hasFocus, timeout=1000)
    view.list.setFocus()
    _answer_next_dialog("Delete")
    qtbot.keyClick(view.list, Qt.Key.Key_Delete)
    assert len(filled.entries.on(DAY)) == 1


def test_theme_change_after_view_deleted_is_harmless(qtbot, filled: Journal) -> None:
    """A view deleted on lock no longer listens to theme changes."""
    from journal.ui import theme

    widget = JournalView(filled)
    widget.deleteLater()
    qtbot.waitUntil(lambda: not _alive(widget), timeout=2000)
    theme.theme_changed.emit(True)


def _alive(widget: object) -> bool:
    from shiboken6 import isValid

    return isValid(widget)
