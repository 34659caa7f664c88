"""A list model over a day's records (activities, cup actions, entries) with named roles."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractListModel, QByteArray, QModelIndex, QPersistentModelIndex, Qt

R = TypeVar("R")

RecordRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class RecordListModel(QAbstractListModel, Generic[R]):
    """Shows each record as one line of text from ``describe``; ``record`` and ``id`` roles
    hand the record itself to views and tests."""

    def __init__(self, describe: Callable[[R], str], parent: Any = None) -> None:
        super().__init__(parent)
        self._describe = describe
        self._records: list[R] = []

    def set_records(self, records: Sequence[R]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def records(self) -> list[R]:
        return list(self._records)

    def record_at(self, row: int) -> R:
        return self._records[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._describe(record)
        if role == RecordRole:
            return record
        if role == IdRole:
            return getattr(record, "id", None)
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        names = super().roleNames()
        names[RecordRole] = QByteArray(b"record")
        names[IdRole] = QByteArray(b"id")
        return names
