"""The "What helps me" table: each action's next-day difference, honestly labelled."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

HelpsRole = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("Action", "Next day", "90 % interval", "Days done / not", "How sure")
_Index = QModelIndex | QPersistentModelIndex


def observation(helps: Any) -> str:
    """E.g. "mood 0.8 points higher the day after"."""
    diff = helps.next_day_diff
    direction = "higher" if diff > 0 else "lower"
    return f"{helps.metric} {abs(diff):.1f} points {direction} the day after"


def certainty(helps: Any) -> str:
    label = "suggestive — few days yet" if helps.suggestive else "an observation"
    return f"{label}, not proof"


class WhatHelpsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        helps = self._rows[index.row()]
        if role == HelpsRole:
            return helps
        if role == Qt.ItemDataRole.ToolTipRole:
            return helps.note
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        low, high = helps.ci90
        return (
            helps.title,
            observation(helps),
            f"{low:+.1f} to {high:+.1f}",
            f"{helps.n_done} / {helps.n_not}",
            certainty(helps),
        )[index.column()]

    def roleNames(self) -> dict[int, QByteArray]:
        names = super().roleNames()
        names[HelpsRole] = QByteArray(b"helps")
        return names
