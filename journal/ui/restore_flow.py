"""Restoring a backup: choose, confirm, close the journal, replace it, reopen it.

The replacement itself is ``journal.store.backups.restore`` (the current file is set aside, never
deleted). It runs in a worker; the window shows no views meanwhile. If the backup was made under
an earlier passphrase, the key of the open journal does not open it, so that passphrase is asked
for. If anything fails before the swap, the original journal is reopened unchanged.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from journal import keychain, messages
from journal.store import Journal, JournalError, WrongPassphrase
from journal.store.backups import restore
from journal.store.database import Database
from journal.ui.restore_dialog import RestoreDialog, describe_backup
from journal.ui.tasks import run_task
from journal.ui.unlock_screen import Opened, sentence

if TYPE_CHECKING:
    from journal.ui.main_window import MainWindow


def restore_backup(
    journal_path: Path, backup: Path, *, key: bytes | None, passphrase: str | None = None
) -> tuple[Opened, Path | None]:
    """Worker: open the backup, put it in place of the journal, reopen the journal."""
    db = (
        Database.open(backup, raw_key=key)
        if passphrase is None
        else Database.open(backup, passphrase=passphrase)
    )
    try:
        new_key = db.raw_key
        aside = restore(db, journal_path)
    finally:
        db.close()
    journal = Journal.open(journal_path, raw_key=new_key)
    remembered = keychain.load_key(journal_path)
    if remembered is not None and remembered != new_key:
        keychain.forget(journal_path)
        remembered = None
    return Opened(journal, remembered is not None), aside


class RestoreFlow(QObject):
    """Drives one restore at a time for the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def start(self, journal: Journal) -> None:
        dialog = RestoreDialog(journal.path, self.window)
        dialog.accepted.connect(lambda: self._confirm(journal, dialog.chosen()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _confirm(self, journal: Journal, backup: Path | None) -> None:
        if backup is None or self.window.journal is not journal:
            return
        answer = QMessageBox.question(
            self.window,
            "Restore this backup?",
            f"Replace your journal with the backup from {describe_backup(backup)}?\n\n"
            "Anything written since then will not be in the restored journal. The current "
            "journal is kept beside it under a “.replaced-…” name, not deleted.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes or self.window.journal is not journal:
            return  # cancelled, or the window locked while the question was open
        key = journal.db.raw_key
        self.window.leave_for_restore()
        journal.close(backup_if_changed=False)
        self.window.statusBar().showMessage("Restoring the backup…")
        self._run(backup, key, None)

    def _run(self, backup: Path, key: bytes, passphrase: str | None) -> None:
        path = self.window.journal_path
        run_task(
            lambda: restore_backup(path, backup, key=key, passphrase=passphrase),
            self._restored,
            lambda error: self._failed(error, backup, key, asked=passphrase is not None),
            context=self,
        )

    def _restored(self, result: tuple[Opened, Path | None]) -> None:
        opened, aside = result
        self.window.replace_journal(opened)
        kept = f" The previous journal was kept as {aside.name}." if aside else ""
        self.window.statusBar().showMessage(f"Backup restored.{kept}", 15000)

    def _failed(self, error: BaseException, backup: Path, key: bytes, *, asked: bool) -> None:
        if isinstance(error, WrongPassphrase):
            prompt = (
                "That passphrase does not open the backup either. "
                if asked
                else "This backup was made under an earlier passphrase. "
            )
            passphrase, ok = QInputDialog.getText(
                self.window,
                "Passphrase of the backup",
                prompt + "Type the passphrase it was made with:",
                QLineEdit.EchoMode.Password,
            )
            if ok and passphrase:
                self._run(backup, key, passphrase)
                return
            text = "Restore cancelled; your journal is unchanged."
        elif isinstance(error, JournalError):
            text = f"The backup could not be restored: {sentence(messages.describe(error))}"
        else:
            text = f"The backup could not be restored ({type(error).__name__})."
        self._reopen(key, text)

    def _reopen(self, key: bytes, text: str) -> None:
        path = self.window.journal_path
        run_task(
            lambda: Journal.open(path, raw_key=key),
            lambda journal: self._reopened(journal, text),
            lambda _e: self.window.unlock_screen.show_problem(text),
            context=self,
        )

    def _reopened(self, journal: Journal, text: str) -> None:
        self.window.replace_journal(Opened(journal, self.window.remembered))
        self.window.statusBar().showMessage(text, 15000)
