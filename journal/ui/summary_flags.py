"""The flags offered for a summary, each with a check box to leave it out."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex

FlagIdRole = Qt.ItemDataRole.UserRole + 1
LevelRole = Qt.ItemDataRole.UserRole + 2


class FlagListModel(QAbstractListModel):
    """Flags as of the period's last day; unchecked ones are left out of the PDF.

    A flag the user unchecked stays unchecked when the period changes and it is still there.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._flags: list[Any] = []
        self._left_out: set[str] = set()

    def set_flags(self, flags: list[Any]) -> None:
        self.beginResetModel()
        self._flags = list(flags)
        self.endResetModel()

    def left_out(self) -> frozenset[str]:
        present = {f.id for f in self._flags}
        return frozenset(self._left_out & present)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._flags)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        flag = self._flags[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            level = "warning" if flag.level == "warning" else "watch"
            return f"{flag.title} ({level})"
        if role == Qt.ItemDataRole.CheckStateRole:
            left_out = flag.id in self._left_out
            return Qt.CheckState.Unchecked if left_out else Qt.CheckState.Checked
        if role == Qt.ItemDataRole.ToolTipRole:
            return flag.explanation
        if role == FlagIdRole:
            return flag.id
        if role == LevelRole:
            return flag.level
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        flag_id = self._flags[index.row()].id
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        if checked:
            self._left_out.discard(flag_id)
        else:
            self._left_out.add(flag_id)
        self.dataChanged.emit(index, index, [role])
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.isValid() else base
