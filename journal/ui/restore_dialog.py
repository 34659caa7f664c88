"""Pick one of the journal's rotating backups to restore."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListView, QVBoxLayout, QWidget

from journal.store.backups import list_backups
from journal.ui.unlock_widgets import styled_label

PathRole = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


def describe_backup(path: Path) -> str:
    """ "Monday 3 March 2026, 18:04 — 2.1 MB" from the file's time and size."""
    stat = path.stat()
    when = dt.datetime.fromtimestamp(stat.st_mtime)
    size = stat.st_size / 1_048_576
    return f"{when:%A %-d %B %Y, %H:%M} — {size:.1f} MB"


class BackupListModel(QAbstractListModel):
    """The backups beside one journal, newest first; ``PathRole`` gives the file."""

    def __init__(self, journal_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._paths = list(reversed(list_backups(journal_path)))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._paths)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        path = self._paths[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return describe_backup(path)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(path)
        if role == PathRole:
            return path
        return None


class RestoreDialog(QDialog):
    """Lists the backups; ``chosen()`` is the selected file after ``accepted``."""

    def __init__(self, journal_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from a backup")
        self.model = BackupListModel(journal_path, self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName("Backups")
        self.view.setAlternatingRowColors(True)
        self.view.doubleClicked.connect(lambda _i: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Ok
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Restore…")
        self.ok.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.view.selectionModel().selectionChanged.connect(
            lambda *_: self.ok.setEnabled(self.chosen() is not None)
        )
        layout = QVBoxLayout(self)
        if self.model.rowCount():
            intro = (
                "Refill keeps encrypted backups beside your journal, made when a session that "
                "changed something ends. Restoring puts the chosen one in place of the journal; "
                "the current journal is kept aside under a “.replaced-…” name, not deleted."
            )
        else:
            intro = "There are no backups of this journal yet. File ▸ Back up now makes one."
        layout.addWidget(styled_label(intro, "muted"))
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(520, 380)

    def chosen(self) -> Path | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.data(rows[0], PathRole) if rows else None  # type: ignore[return-value]
