"""The day's entries: a short list, "New entry", and the editor for the selected one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from journal.prompts import prompt_for
from journal.store import Journal
from journal.store.models import Entry
from journal.ui.entry_editor import EntryEditor
from journal.ui.record_list_model import RecordListModel


def entry_label(entry: Entry) -> str:
    title = entry.title or (entry.body.strip().splitlines() or ["Untitled"])[0][:60]
    return title or "Untitled"


class EntryPanel(QWidget):
    """Several entries per day; saving is driven by the Today view's autosave."""

    edited = Signal()

    def __init__(
        self,
        journal: Journal,
        save_pending: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        """``save_pending`` saves the view's drafts before another entry is shown; when it
        returns False (a value was refused) the current entry stays on screen."""
        super().__init__(parent)
        self._journal = journal
        self._save_pending = save_pending
        self._date = ""
        self.model: RecordListModel[Entry] = RecordListModel(entry_label, self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setAccessibleName("Entries of the day")
        self.list.setMaximumHeight(72)
        self.new_button = QPushButton("New entry", self)
        self.new_button.setAccessibleName("Start a new entry for this day")
        self.editor = EntryEditor(self)
        self.count_label = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(self.count_label, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list)
        layout.addWidget(self.editor, 1)
        self.editor.edited.connect(self.edited)
        self.new_button.clicked.connect(self.new_entry)
        self.list.clicked.connect(lambda index: self.select(self.model.record_at(index.row()).id))

    def set_date(self, date: str, select_id: int | None = None) -> None:
        """Load the day's entries and show ``select_id`` (else the latest, else a blank one)."""
        self._date = date
        entries = self._journal.entries.on(date)
        self._refresh(entries)
        chosen = next((e for e in entries if e.id == select_id), entries[-1] if entries else None)
        self._show(chosen)

    def _refresh(self, entries: list[Entry]) -> None:
        self.model.set_records(entries)
        count = len(entries)
        self.count_label.setText(
            "No entry yet for this day"
            if not count
            else f"{count} entr{'y' if count == 1 else 'ies'}"
        )
        self.list.setVisible(count > 1)

    def _show(self, entry: Entry | None) -> None:
        self.editor.load(entry, prompt_for(self._date))
        rows = [e.id for e in self.model.records()]
        if entry is not None and entry.id in rows:
            index = self.model.index(rows.index(entry.id))
            self.list.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        else:
            self.list.clearSelection()

    def select(self, entry_id: int | None) -> None:
        """Show one of the day's entries (ignored if it is not one of them)."""
        entry = next((e for e in self.model.records() if e.id == entry_id), None)
        if entry is not None and self._save_pending():
            self._show(entry)

    def new_entry(self) -> None:
        if self._save_pending():
            self._show(None)
            self.editor.title.setFocus()

    def save(self) -> Entry | None:
        """Add or update the shown entry; raises ``ValidationError`` for a refused value."""
        record = self.editor.entry(self._date)
        if record is None:
            return None
        repo = self._journal.entries
        saved = repo.update(record) if record.id is not None else repo.add(record)
        self.editor.remember_saved(saved)
        self._refresh(repo.on(self._date))
        rows = [e.id for e in self.model.records()]
        if saved.id in rows:
            self.list.selectionModel().setCurrentIndex(
                self.model.index(rows.index(saved.id)),
                QItemSelectionModel.SelectionFlag.ClearAndSelect,
            )
        return saved
