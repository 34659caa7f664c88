"""The Journal tab's entry list: one row per entry or search hit, with named roles.

Rows carry an HTML rendering for the delegate. Everything the person wrote is escaped before it
becomes HTML; only the search-hit markers from the store turn into highlight tags.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from journal.store.entries import HIT_END, HIT_START, SearchHit
from journal.store.models import Entry

EntryIdRole = Qt.ItemDataRole.UserRole + 1
DateRole = Qt.ItemDataRole.UserRole + 2
TitleRole = Qt.ItemDataRole.UserRole + 3
TagsRole = Qt.ItemDataRole.UserRole + 4
SnippetRole = Qt.ItemDataRole.UserRole + 5  # HTML, user text escaped, matches in <mark>
IncludeRole = Qt.ItemDataRole.UserRole + 6
HtmlRole = Qt.ItemDataRole.UserRole + 7

_ROLE_NAMES = {
    EntryIdRole: b"entryId",
    DateRole: b"date",
    TitleRole: b"title",
    TagsRole: b"tags",
    SnippetRole: b"snippet",
    IncludeRole: b"includeInSummary",
    HtmlRole: b"html",
}
_PREVIEW_CHARS = 140
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class EntryRow:
    entry_id: int
    date: str
    title: str
    tags: tuple[str, ...]
    snippet_html: str
    include: bool


def snippet_html(snippet: str, mark_style: str = "") -> str:
    """Escape a store snippet and turn its hit markers into highlight tags."""
    style = f' style="{mark_style}"' if mark_style else ""
    escaped = html.escape(snippet.replace("\n", " "))
    return escaped.replace(HIT_START, f"<b{style}>").replace(HIT_END, "</b>")


def row_from_entry(entry: Entry) -> EntryRow:
    body = " ".join(entry.body.split())
    preview = body[:_PREVIEW_CHARS] + ("…" if len(body) > _PREVIEW_CHARS else "")
    assert entry.id is not None
    return EntryRow(
        entry.id,
        entry.date,
        entry.title,
        entry.tags,
        html.escape(preview),
        entry.include_in_summary,
    )


def row_from_hit(hit: SearchHit, include: bool, mark_style: str) -> EntryRow:
    return EntryRow(
        hit.entry_id, hit.date, hit.title, hit.tags, snippet_html(hit.snippet, mark_style), include
    )


class EntriesModel(QAbstractListModel):
    """Rows for the list; ``rows_changed`` lets the view update counts and empty states."""

    rows_changed = Signal(int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[EntryRow] = []

    def set_rows(self, rows: list[EntryRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()
        self.rows_changed.emit(len(self._rows))

    def row(self, index: int) -> EntryRow:
        return self._rows[index]

    def find(self, entry_id: int) -> int:
        """Row number of an entry, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.entry_id == entry_id), -1)

    def set_include(self, entry_id: int, include: bool) -> None:
        row = self.find(entry_id)
        if row >= 0:
            self._rows[row] = replace(self._rows[row], include=include)
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def remove(self, entry_id: int) -> None:
        row = self.find(entry_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
            self.rows_changed.emit(len(self._rows))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        title = row.title or "Untitled"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            tags = f" — tags: {', '.join(row.tags)}" if row.tags else ""
            summary = " — in supervisor summary" if row.include else ""
            return f"{row.date} · {title}{tags}{summary}"
        values = {
            EntryIdRole: row.entry_id,
            DateRole: row.date,
            TitleRole: title,
            TagsRole: row.tags,
            SnippetRole: row.snippet_html,
            IncludeRole: row.include,
            HtmlRole: self._html(row, title),
        }
        return values.get(role)

    @staticmethod
    def _html(row: EntryRow, title: str) -> str:
        tags = "".join(f" <small>#{html.escape(t)}</small>" for t in row.tags)
        star = " <small>· in summary</small>" if row.include else ""
        snippet = f"<br>{row.snippet_html}" if row.snippet_html else ""
        return f"<b>{row.date}</b> · {html.escape(title)}{tags}{star}{snippet}"

    def roleNames(self) -> dict[int, QByteArray]:
        names = super().roleNames()
        names.update({role: QByteArray(name) for role, name in _ROLE_NAMES.items()})
        return names
