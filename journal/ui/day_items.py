"""The shared shape of the day's item lists (movement, cup actions): inputs, a list, remove.

Items are saved the moment they are added or removed, so there is never a draft to lose.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLayout, QListView, QPushButton, QVBoxLayout, QWidget

from journal.store.errors import ValidationError
from journal.ui.fields import ErrorLabel, explain
from journal.ui.record_list_model import RecordListModel

R = TypeVar("R")


class DayItems(QWidget, Generic[R]):
    """Subclasses build their input row(s), then call :meth:`finish_layout`; ``add_record``
    stores one item and ``saved`` reports what happened for the status bar."""

    saved = Signal(str)

    def __init__(
        self, repository: Any, describe: Callable[[R], str], noun: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self._repository = repository
        self._noun = noun
        self._date = ""
        self.model: RecordListModel[R] = RecordListModel(describe, self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(f"{noun.capitalize()}s of the day")
        self.view.setMaximumHeight(90)
        self.remove_button = QPushButton("Remove selected", self)
        self.remove_button.setAccessibleName(f"Remove the selected {noun}")
        self.remove_button.clicked.connect(self.remove_selected)
        self.error = ErrorLabel(self)

    def finish_layout(self, *inputs: QLayout) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for row in inputs:
            layout.addLayout(row)
        layout.addWidget(self.view)
        layout.addWidget(self.remove_button)
        layout.addWidget(self.error)

    def set_date(self, date: str) -> None:
        self._date = date
        self.model.set_records(self._repository.on(date))
        self.remove_button.setEnabled(self.model.rowCount() > 0)
        self.error.show_error(None)

    def message_for(self, error: ValidationError) -> str:
        """The inline message for a refused item (subclasses may word it better)."""
        return explain(error)

    def add_record(self, record: R, done: str) -> bool:
        """Store ``record``; on a refused value explain it and keep the inputs as typed."""
        try:
            self._repository.add(record)
        except ValidationError as exc:
            self.error.show_error(self.message_for(exc))
            return False
        self.set_date(self._date)
        self.saved.emit(done)
        return True

    def remove_selected(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        record = self.model.record_at(index.row())
        item_id = getattr(record, "id", None)
        if item_id is not None:
            self._repository.delete(item_id)
        self.set_date(self._date)
        self.saved.emit(f"Removed a {self._noun}")
