"""Today: the check-in, sleep, work, movement, cup actions and the journal entry for one date.

Drafts save themselves a few seconds after typing stops and whenever ``flush()`` is called (on
lock, close and date switch). A refused value is explained inline and kept on screen; nothing
typed is thrown away.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from journal.store import Journal
from journal.store.errors import ValidationError
from journal.ui.activity_list import ActivityList
from journal.ui.checkin_form import CheckinForm
from journal.ui.cup_form import CupForm
from journal.ui.entry_panel import EntryPanel
from journal.ui.fields import SectionForm, explain
from journal.ui.session_form import SessionForm
from journal.ui.sleep_form import SleepForm

AUTOSAVE_MS = 2500


def _group(title: str, content: QWidget, parent: QWidget) -> QGroupBox:
    box = QGroupBox(title, parent)
    layout = QVBoxLayout(box)
    layout.addWidget(content)
    return box


def _is_blank(record: Any) -> bool:
    return all(
        getattr(record, f.name) is None for f in dataclasses.fields(record) if f.name != "date"
    )


class TodayView(QWidget):
    """Everything recorded for one date, edited in place."""

    status = Signal(str)
    support_requested = Signal()

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self._date = dt.date.today().isoformat()
        self._dirty: set[str] = set()

        self.checkin = CheckinForm(self)
        self.sleep = SleepForm(self)
        self.work = SessionForm(self)
        self.activities = ActivityList(journal, self)
        self.cup = CupForm(journal, self)
        self.entries = EntryPanel(journal, self.flush, self)
        self._daily: dict[str, tuple[SectionForm, Any]] = {
            "checkin": (self.checkin, journal.checkins),
            "sleep": (self.sleep, journal.sleep),
            "work": (self.work, journal.sessions),
        }

        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dddd d MMMM yyyy")
        self.date_edit.setAccessibleName("Day shown")
        self.prev_button = QPushButton("◀ Previous day", self)
        self.prev_button.setToolTip("Previous day (Alt+Left)")
        self.next_button = QPushButton("Next day ▶", self)
        self.next_button.setToolTip("Next day (Alt+Right)")
        self.today_button = QPushButton("Today", self)
        self.save_state = QLabel(self)
        self.save_state.setAccessibleName("Save state")
        self.save_state.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._layout()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)
        for name, (form, _repo) in self._daily.items():
            form.edited.connect(lambda name=name: self._mark_dirty(name))
        self.entries.edited.connect(lambda: self._mark_dirty("entry"))
        self.entries.editor.support_requested.connect(self.support_requested)
        self.activities.saved.connect(self._item_saved)
        self.cup.saved.connect(self._item_saved)
        self.date_edit.dateChanged.connect(self._date_picked)
        self.prev_button.clicked.connect(lambda: self.step_day(-1))
        self.next_button.clicked.connect(lambda: self.step_day(1))
        self.today_button.clicked.connect(lambda: self.set_date(dt.date.today()))
        for keys, step in (("Alt+Left", -1), ("Alt+Right", 1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.step_day(step))
        self._load()

    def _layout(self) -> None:
        bar = QHBoxLayout()
        for widget in (self.prev_button, self.date_edit, self.next_button, self.today_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.save_state)

        forms = QWidget(self)
        column = QVBoxLayout(forms)
        column.addWidget(_group("Check-in", self.checkin, forms))
        column.addWidget(_group("Last night's sleep", self.sleep, forms))
        column.addWidget(_group("Work", self.work, forms))
        column.addWidget(_group("Movement", self.activities, forms))
        column.addWidget(_group("Filled my cup", self.cup, forms))
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(forms)
        scroll.setWidgetResizable(True)
        # The forms need about 80 characters; the entry editor gets the rest of the window.
        # Anchors wrap when the column is narrower, so no sideways scrolling.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(self.fontMetrics().averageCharWidth() * 50)
        scroll.setMaximumWidth(self.fontMetrics().averageCharWidth() * 82)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(scroll)
        splitter.addWidget(_group("Journal", self.entries, splitter))
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

    def hideEvent(self, event: Any) -> None:
        """Leaving the tab (or the window closing) saves what is pending right away."""
        self.flush()
        super().hideEvent(event)

    # ------------------------------------------------------------------ dates
    @property
    def date(self) -> str:
        return self._date

    def set_date(self, date: dt.date | str, entry_id: int | None = None) -> bool:
        """Save what is pending, then show ``date`` (and ``entry_id`` among its entries).

        Returns False, staying on the current day, if a value there cannot be saved yet.
        """
        iso = date if isinstance(date, str) else date.isoformat()
        if not self.flush():
            self._show_date_in_edit()
            self.status.emit("Not switched: fix the value marked in red first, so nothing is lost.")
            return False
        self._date = iso
        self._load(entry_id)
        return True

    def open_entry(self, entry_id: int) -> None:
        """Show one of the day's entries in the editor (the Journal tab's "Open")."""
        self.entries.select(entry_id)

    def step_day(self, days: int) -> None:
        target = dt.date.fromisoformat(self._date) + dt.timedelta(days=days)
        if target <= dt.date.today():
            self.set_date(target)

    def _date_picked(self, qdate: QDate) -> None:
        iso = qdate.toString(Qt.DateFormat.ISODate)
        if iso != self._date:
            self.set_date(iso)

    def _show_date_in_edit(self) -> None:
        self.date_edit.blockSignals(True)
        self.date_edit.setMaximumDate(QDate.currentDate())
        self.date_edit.setDate(QDate.fromString(self._date, Qt.DateFormat.ISODate))
        self.date_edit.blockSignals(False)
        self.next_button.setEnabled(self._date < dt.date.today().isoformat())

    def _load(self, entry_id: int | None = None) -> None:
        self._show_date_in_edit()
        for form, repo in self._daily.values():
            form.load(repo.get(self._date))  # type: ignore[attr-defined]
        self.activities.set_date(self._date)
        self.cup.set_date(self._date)
        self.entries.set_date(self._date, entry_id)
        self._dirty.clear()
        self._show_state("Nothing to save yet" if not self._has_data() else "Saved ✓")

    def _has_data(self) -> bool:
        return any(repo.get(self._date) for _form, repo in self._daily.values()) or bool(
            self.entries.model.rowCount()
        )

    # ------------------------------------------------------------------ saving
    def _mark_dirty(self, section: str) -> None:
        self._dirty.add(section)
        self._show_state("Unsaved…")
        self._timer.start()

    def _item_saved(self, message: str) -> None:
        self._show_state(f"Saved ✓ {dt.datetime.now():%H:%M}")
        self.status.emit(message)

    def has_pending(self) -> bool:
        return bool(self._dirty)

    def flush(self) -> bool:
        """Save every edited section now. Returns False if a value was refused (it stays on
        screen with its message; the other sections are saved)."""
        self._timer.stop()
        if not self._dirty:
            return True
        if not self._journal.db.is_open:  # closed under us: the lock flushes before closing
            return False
        failed = False
        for section in sorted(self._dirty):
            try:
                self._save_section(section)
            except ValidationError as exc:
                failed = True
                self._error_label(section).show_error(explain(exc))
            else:
                self._error_label(section).show_error(None)
                self._dirty.discard(section)
        if failed:
            self._show_state("Not saved — see the message in red")
        else:
            self._show_state(f"Saved ✓ {dt.datetime.now():%H:%M}")
        return not failed

    def _save_section(self, section: str) -> None:
        if section == "entry":
            self.entries.save()
            return
        form, repo = self._daily[section]
        record = form.record(self._date)  # type: ignore[attr-defined]
        if _is_blank(record):
            repo.delete(self._date)
        else:
            repo.save(record)

    def _error_label(self, section: str) -> Any:
        return self.entries.editor.error if section == "entry" else self._daily[section][0].error

    def _show_state(self, text: str) -> None:
        self.save_state.setText(text)
