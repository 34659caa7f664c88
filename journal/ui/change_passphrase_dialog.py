"""Change the journal's passphrase (current one first, then the new one twice).

Re-encrypting every page takes time on a large journal, so it runs in a worker. A remembered
key is replaced by the new one, so "remember on this device" keeps working.
"""

from __future__ import annotations

import hmac

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from journal import keychain
from journal.store import Journal
from journal.store.keys import derive_key
from journal.ui.tasks import run_task
from journal.ui.unlock_widgets import BusyRow, PassphraseField, strength_hint, styled_label

CURRENT_WRONG = "The current passphrase is not right; nothing was changed."


class CurrentPassphraseWrong(Exception):
    """The passphrase typed as the current one does not derive the journal's key."""


def change_passphrase(journal: Journal, current: str, new: str, remembered: bool) -> bool:
    """Worker: check ``current``, re-key the journal, replace a remembered key.

    Returns whether a key is remembered afterwards.
    """
    if not hmac.compare_digest(derive_key(current, journal.db.salt), journal.db.raw_key):
        raise CurrentPassphraseWrong
    journal.db.change_passphrase(new)
    if remembered:
        return keychain.store_key(journal.path, journal.db.raw_key)
    return False


class ChangePassphraseDialog(QDialog):
    """Asks for the current and new passphrase; changes it in a worker."""

    def __init__(self, journal: Journal, *, remembered: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Change passphrase")
        self.journal = journal
        self.remembered = remembered
        self.current = PassphraseField("Current passphrase", self)
        self.first = PassphraseField("New passphrase", self)
        self.second = PassphraseField("New passphrase again", self)
        self.hint = styled_label("", "muted")
        self.error = styled_label("", "error")
        self.error.hide()
        self.busy = BusyRow("Re-encrypting the journal under the new passphrase…", self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Change passphrase")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Current", self.current)
        form.addRow("New", self.first)
        form.addRow("", self.hint)
        form.addRow("Again", self.second)
        layout = QVBoxLayout(self)
        layout.addWidget(
            styled_label(
                "Backups made before the change keep the old passphrase. A remembered key is "
                "replaced by the new one.",
                "muted",
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        for field in (self.current, self.first, self.second):
            field.textChanged.connect(self._check)
        self._check()

    def _check(self, _text: str = "") -> bool:
        ok, hint = strength_hint(self.first.text())
        self.hint.setText(hint)
        same = self.first.text() == self.second.text()
        ready = ok and same and bool(self.current.text()) and not self.busy.isVisibleTo(self)
        self.ok.setEnabled(ready)
        return ready

    def submit(self) -> None:
        if not self._check():
            if self.first.text() != self.second.text():
                self.error.setText("The two new passphrases differ.")
                self.error.show()
            return
        current, new = self.current.text(), self.first.text()
        self.busy.start()
        self.error.hide()
        self.ok.setEnabled(False)
        run_task(
            lambda: change_passphrase(self.journal, current, new, self.remembered),
            self._done,
            self._failed,
            context=self,
        )

    def _done(self, remembered: bool) -> None:
        self.busy.stop()
        self.remembered = remembered
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.busy.stop()
        if isinstance(error, CurrentPassphraseWrong):
            self.error.setText(CURRENT_WRONG)
        else:
            self.error.setText(f"The passphrase was not changed ({type(error).__name__}).")
        self.error.show()
        self._check()
