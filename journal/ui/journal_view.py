"""The Journal tab: every entry, instant search, tag filter, mood calendar, open and delete.

The list shows the calendar's month (or one day, or a tag, or search results); it never loads
ten years of text at once. Search runs in the store (FTS5, milliseconds) after a short pause in
typing, so no worker thread is needed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.store import Journal
from journal.store.entries import SearchHit
from journal.store.models import Entry
from journal.ui import theme
from journal.ui.calendar_widget import MoodCalendar
from journal.ui.entries_model import (
    DateRole,
    EntriesModel,
    EntryIdRole,
    EntryRow,
    row_from_entry,
    row_from_hit,
)
from journal.ui.entry_delegate import EntryDelegate

SEARCH_DELAY_MS = 150
SEARCH_LIMIT = 50
TAG_LIMIT = 500


def _month_bounds(year: int, month: int) -> tuple[str, str]:
    first = dt.date(year, month, 1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return first.isoformat(), last.isoformat()


class JournalView(QWidget):
    """Browse and search entries; ``open_entry(id, date)`` asks the window to edit one."""

    open_entry = Signal(int, str)
    status = Signal(str)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self._day: str | None = None
        self._shown_before = False

        self.search = QLineEdit(self)
        self.search.setPlaceholderText('Search entries (Ctrl+F) — words, "a phrase", prefix*')
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search entries")
        self.tag_filter = QComboBox(self)
        self.tag_filter.setAccessibleName("Filter by tag")
        self.tag_filter.setMinimumContentsLength(14)
        self.model = EntriesModel(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setItemDelegate(EntryDelegate(self.list))
        self.list.setAccessibleName("Entries")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setUniformItemSizes(False)
        self.list.setAlternatingRowColors(True)
        self.scope = QLabel(self)
        self.scope.setAccessibleName("What the list shows")
        self.show_month = QPushButton("Show whole month", self)
        self.open_button = QPushButton("Open in Today", self)
        self.open_button.setToolTip("Edit this entry on its day (Enter)")
        self.delete_button = QPushButton("Delete…", self)
        self.delete_button.setToolTip("Delete this entry (Delete)")
        self.include = QCheckBox("Include in supervisor summary", self)
        self.include.setToolTip(
            "Only ticked entries ever appear, in full, in a summary you export."
        )
        self.calendar = MoodCalendar(self)
        legend = QLabel(
            "Dot: a day with entries. Tint: that day's mood, orange (low) → yellow → teal (high).",
            self,
        )
        legend.setWordWrap(True)
        legend.setEnabled(False)
        self._layout(legend)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._open_first)
        self.tag_filter.currentIndexChanged.connect(self.refresh)
        self.calendar.currentPageChanged.connect(self._month_changed)
        self.calendar.clicked.connect(self._day_clicked)
        self.show_month.clicked.connect(self._clear_day)
        self.list.activated.connect(self._open_index)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.model.rows_changed.connect(lambda _n: self._current_changed(self.list.currentIndex()))
        self.open_button.clicked.connect(lambda: self._open_index(self.list.currentIndex()))
        self.delete_button.clicked.connect(self.delete_current)
        self.include.toggled.connect(self._include_toggled)
        theme.theme_changed.connect(self._theme_changed)
        self._shortcut("Ctrl+F", self.focus_search, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._shortcut("Delete", self.delete_current, Qt.ShortcutContext.WidgetShortcut, self.list)
        self.reload()

    def _layout(self, legend: QLabel) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.tag_filter)
        scope = QHBoxLayout()
        scope.addWidget(self.scope, 1)
        scope.addWidget(self.show_month)
        actions = QHBoxLayout()
        actions.addWidget(self.open_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        actions.addWidget(self.include)
        left = QVBoxLayout()
        left.addLayout(filters)
        left.addLayout(scope)
        left.addWidget(self.list, 1)
        left.addLayout(actions)
        right = QVBoxLayout()
        right.addWidget(self.calendar)
        right.addWidget(legend)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

    def _shortcut(
        self, keys: str, slot: object, context: Qt.ShortcutContext, owner: QWidget | None = None
    ) -> None:
        shortcut = QShortcut(QKeySequence(keys), owner or self)
        shortcut.setContext(context)
        shortcut.activated.connect(slot)

    # ------------------------------------------------------------------ loading
    def flush(self) -> None:
        """Nothing is ever pending here: every change is saved when it is made."""

    def _theme_changed(self, _dark: bool) -> None:
        """Search highlights are coloured for the palette: render them again."""
        self.refresh()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def reload(self) -> None:
        """Re-read tags, calendar marks and the list (after edits made in another tab)."""
        self._fill_tags()
        self._mark_calendar()
        self.refresh()

    def showEvent(self, event: object) -> None:
        """Back on this tab: the Today tab may have changed entries (the first show is fresh)."""
        super().showEvent(event)  # type: ignore[arg-type]
        if self._shown_before:
            self.reload()
        self._shown_before = True

    def _fill_tags(self) -> None:
        current = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem("All tags", None)
        for tag, count in sorted(self._journal.entries.tag_counts().items()):
            self.tag_filter.addItem(f"{tag} ({count})", tag)
        index = self.tag_filter.findData(current)
        self.tag_filter.setCurrentIndex(max(0, index))
        self.tag_filter.blockSignals(False)

    def _mark_calendar(self) -> None:
        start, end = _month_bounds(self.calendar.yearShown(), self.calendar.monthShown())
        moods = {
            c.date: c.mood for c in self._journal.checkins.between(start, end) if c.mood is not None
        }
        self.calendar.set_marks(self._journal.entries.dates_with_entries(start, end), moods)

    def _month_changed(self, _year: int, _month: int) -> None:
        self._mark_calendar()
        self._day = None
        self.refresh()

    def _day_clicked(self, qdate: QDate) -> None:
        self._day = qdate.toString(Qt.DateFormat.ISODate)
        self.refresh()

    def _clear_day(self) -> None:
        self._day = None
        self.refresh()

    def refresh(self) -> None:
        """Fill the list for the current search text, tag, day or month."""
        self._search_timer.stop()
        if not self._journal.db.is_open:
            return
        text = self.search.text().strip()
        tag = self.tag_filter.currentData()
        if text:
            hits = self._journal.entries.search(text, limit=SEARCH_LIMIT, tag=tag)
            mark = self._mark_style()
            included = self._included(hits)
            rows = [row_from_hit(h, h.entry_id in included, mark) for h in hits]
            scope = f"{len(rows)} match{'es' if len(rows) != 1 else ''} for “{text}”"
            if len(rows) == SEARCH_LIMIT:
                scope += f" (best {SEARCH_LIMIT} shown)"
        else:
            entries, scope = self._browse(tag)
            rows = [row_from_entry(e) for e in entries]
        if tag:
            scope += f", tagged {tag}"
        self.model.set_rows(rows)
        self.scope.setText(scope if rows else f"{scope} — nothing here yet")
        self.show_month.setVisible(self._day is not None and not text)
        if rows:
            self.list.setCurrentIndex(self.model.index(0))

    def _browse(self, tag: str | None) -> tuple[list[Entry], str]:
        entries_repo = self._journal.entries
        if self._day:
            entries = entries_repo.on(self._day)
            scope = f"Entries on {dt.date.fromisoformat(self._day):%A %d %B %Y}"
        elif tag:
            entries = entries_repo.with_tag(tag)[-TAG_LIMIT:]
            scope = "All entries"
        else:
            start, end = _month_bounds(self.calendar.yearShown(), self.calendar.monthShown())
            entries = entries_repo.between(start, end)
            scope = f"Entries in {dt.date.fromisoformat(start):%B %Y}"
        if tag:
            entries = [e for e in entries if tag in e.tags]
        return list(reversed(entries)), scope

    def _included(self, hits: list[SearchHit]) -> set[int]:
        """Ids of the hits marked for the supervisor summary: one primary-key lookup per hit
        (~2 ms for 50), which, unlike a date-range query, does not grow with the journal."""
        entries = (self._journal.entries.get(h.entry_id) for h in hits)
        return {e.id for e in entries if e is not None and e.include_in_summary and e.id}

    def _mark_style(self) -> str:
        dark = self.palette().window().color().lightness() < 128
        return "background-color:#7a6410;color:#ffffff" if dark else "background-color:#ffe38a"

    # ------------------------------------------------------------------ actions
    def current_row(self) -> EntryRow | None:
        index = self.list.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _current_changed(self, index: QModelIndex, _previous: object = None) -> None:
        row = self.model.row(index.row()) if index.isValid() else None
        for widget in (self.open_button, self.delete_button, self.include):
            widget.setEnabled(row is not None)
        self.include.blockSignals(True)
        self.include.setChecked(bool(row and row.include))
        self.include.blockSignals(False)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_entry.emit(int(index.data(EntryIdRole)), str(index.data(DateRole)))

    def _open_first(self) -> None:
        self.refresh()
        self._open_index(self.list.currentIndex())

    def _include_toggled(self, checked: bool) -> None:
        row = self.current_row()
        if row is None:
            return
        entry = self._journal.entries.get(row.entry_id)
        if entry is None:
            return
        self._journal.entries.update(replace(entry, include_in_summary=checked))
        self.model.set_include(row.entry_id, checked)
        word = "will" if checked else "will not"
        self.status.emit(f"The entry of {row.date} {word} appear in supervisor summaries.")

    def delete_current(self) -> None:
        """Delete the selected entry after a confirmation naming its date and title."""
        row = self.current_row()
        if row is None:
            return
        title = f"“{row.title}”" if row.title else "an untitled entry"
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Delete entry",
            f"Delete {title} of {row.date}?\n\nIt is removed from the journal for good; "
            "backups made earlier still hold it.",
            QMessageBox.StandardButton.Cancel,
            self,
        )
        delete = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not delete:
            return
        self._journal.entries.delete(row.entry_id)
        self.model.remove(row.entry_id)
        self._fill_tags()
        self._mark_calendar()
        self.status.emit(f"Deleted the entry of {row.date}.")
