"""Crisis lines: the static per-country files in ``resources/crisis/`` and the person's own edits.

Each file is ``<country>.json`` with ``name``, ``last_checked``, ``emergency`` and ``lines``
(``name``, ``number``, ``how``). Wrong numbers in wellbeing apps are a known harm, so each file
carries the date it was last checked and the person can correct or add numbers; their version
is kept in the journal's settings (``crisis_lines``, JSON) and shown instead of the file's.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from journal.resources import resource_path

_Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Who", "Number", "How")


@dataclass(frozen=True)
class Line:
    name: str
    number: str
    how: str = ""


@dataclass(frozen=True)
class CountryLines:
    code: str
    name: str
    last_checked: str
    emergency: str
    lines: tuple[Line, ...] = field(default_factory=tuple)


def load_countries() -> dict[str, CountryLines]:
    """Every country file, by code (a broken file is skipped, never a crash)."""
    found: dict[str, CountryLines] = {}
    for path in sorted(resource_path("crisis").glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            lines = tuple(
                Line(str(x["name"]), str(x["number"]), str(x.get("how", ""))) for x in data["lines"]
            )
            found[path.stem.upper()] = CountryLines(
                path.stem.upper(),
                str(data["name"]),
                str(data["last_checked"]),
                str(data["emergency"]),
                lines,
            )
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return found


def parse_edits(stored: str) -> dict[str, list[Line]]:
    """The person's edited lines per country from the settings value ('' when none)."""
    if not stored:
        return {}
    try:
        data = json.loads(stored)
        return {
            str(code): [Line(str(x["name"]), str(x["number"]), str(x.get("how", ""))) for x in rows]
            for code, rows in data.items()
        }
    except (ValueError, KeyError, TypeError, AttributeError):
        return {}


def dump_edits(edits: dict[str, list[Line]]) -> str:
    return json.dumps(
        {
            code: [{"name": x.name, "number": x.number, "how": x.how} for x in rows]
            for code, rows in edits.items()
        },
        ensure_ascii=False,
    )


class CrisisLinesModel(QAbstractTableModel):
    """The lines shown for one country, editable in place (Who / Number / How)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lines: list[Line] = []
        self.editable = False

    def set_lines(self, lines: list[Line] | tuple[Line, ...]) -> None:
        self.beginResetModel()
        self.lines = list(lines)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (line.name, line.number, line.how)[index.column()]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{line.name}: {line.number}. {line.how}"
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if self.editable else base

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or not self.editable:
            return False
        line = self.lines[index.row()]
        parts = [line.name, line.number, line.how]
        parts[index.column()] = str(value).strip()
        self.lines[index.row()] = Line(*parts)
        self.dataChanged.emit(index, index)
        return True

    def add_line(self, name: str = "", number: str = "") -> QModelIndex:
        row = len(self.lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self.lines.append(Line(name, number, ""))
        self.endInsertRows()
        return self.index(row, 0)

    def remove_line(self, row: int) -> None:
        if 0 <= row < len(self.lines):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.lines[row]
            self.endRemoveRows()
