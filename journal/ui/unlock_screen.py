"""The unlock screen: passphrase (or a remembered key) in, an open Journal out.

The key is derived in a worker (``tasks.run_task``) while a busy bar moves, so the window never
freezes. A wrong passphrase gets an inline message and the file is never touched (the store
refuses before writing anything). "Remember on this device" is offered only when a recommended
keychain backend exists.

This screen is what a launch paints first, so building it loads neither the store (SQLCipher,
the repositories) nor the keychain (``keyring``'s backend discovery takes 0.1 s or more), and
touches no member of PySide6's ``Qt`` namespace (see ``unlock_widgets``): until Unlock is
pressed it only needs the file's path. Once the window is on screen, a worker finds the keychain
(:meth:`UnlockScreen.probe_keychain`; ``keyring`` uses no Qt, so a worker may import it) and
"Remember on this device" appears when the answer arrives, while the window's preloading imports
the store on the UI thread. :meth:`UnlockScreen.prepare` makes sure of the store just before a
worker opens the file: modules that use Qt must not be imported by workers (see ``tasks.py``).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QWidget

from journal import APP_ID, messages
from journal.resources import resource_path
from journal.store.errors import JournalError, WrongPassphrase
from journal.ui.tasks import run_task
from journal.ui.unlock_widgets import (
    BusyRow,
    PassphraseField,
    card,
    centre_in,
    hbox,
    set_by_name,
    styled_label,
)

if TYPE_CHECKING:
    from journal.store.journal import Journal

REMEMBER_TEXT = "Remember on this device"
REMEMBER_WHY = (
    "A remembered key opens the journal without the passphrase on this device. It is kept in "
    "your system keychain, never the passphrase itself. You can forget it in Settings."
)
WRONG_PASSPHRASE = (
    "That passphrase does not open this journal. Check Caps Lock and try again. "
    "The journal was not changed."
)
STALE_KEY = (
    "The remembered key no longer opens this journal (was the passphrase changed?), so it has "
    "been removed from this device. Please type your passphrase."
)


class Opened(NamedTuple):  # not a dataclass: see theme.Colours
    """What a successful unlock hands on."""

    journal: Journal
    remembered: bool  # a key for this journal is now in the keychain


def journal_class() -> type[Journal]:
    """The store's :class:`Journal`, imported now (UI thread only; cheap once imported)."""
    from journal.store.journal import Journal

    return Journal


def open_with_passphrase(
    journal_cls: type[Journal], path: Path, passphrase: str, remember: bool | None
) -> Opened:
    """Worker: derive the key and open. ``remember`` True puts the derived key in the keychain,
    False removes any remembered key, None (option not offered) leaves the keychain alone."""
    from journal import keychain  # no Qt in it (see keychain_state)

    journal = journal_cls.open(path, passphrase=passphrase)
    if remember:
        return Opened(journal, keychain.store_key(path, journal.db.raw_key))
    if remember is False:
        keychain.forget(path)
        return Opened(journal, False)
    return Opened(journal, keychain.load_key(path) is not None)


def open_with_remembered_key(journal_cls: type[Journal], path: Path) -> Opened | None:
    """Worker: open with the keychain's key; ``None`` when there is none. A key that no longer
    opens the journal is removed and :class:`WrongPassphrase` raised."""
    from journal import keychain  # no Qt in it (see keychain_state)

    key = keychain.load_key(path)
    if key is None:
        return None
    try:
        return Opened(journal_cls.open(path, raw_key=key), True)
    except WrongPassphrase:
        keychain.forget(path)
        raise


def keychain_state(path: Path) -> tuple[bool, bool]:
    """Worker: whether a recommended keychain works here, and whether it holds this journal's
    key. Finding the backend imports ``keyring`` and its backends, none of which uses Qt."""
    from journal import keychain

    if not keychain.available():
        return False, False
    return True, keychain.load_key(path) is not None


def cup_icon() -> QIcon:
    """The app icon from its pre-rendered PNGs (rendering the SVG would load QtSvg at start-up,
    about 0.1 s); the SVG itself when the PNGs are missing."""
    pngs = sorted(resource_path("icons", "png").glob(f"{APP_ID}-*.png"))
    if not pngs:
        return QIcon(str(resource_path("icons", f"{APP_ID}.svg")))
    icon = QIcon()
    for png in pngs:
        icon.addFile(str(png))
    return icon


class UnlockScreen(QWidget):
    """Asks for the passphrase of one journal; emits ``unlocked(Opened)``."""

    unlocked = Signal(object)

    def __init__(
        self,
        journal_path: Path,
        *,
        demo_passphrase: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.journal_path = journal_path
        self._busy = False
        self._has_remembered_key = False

        icon = QLabel()
        icon.setPixmap(cup_icon().pixmap(72, 72))
        icon.setAccessibleName("Refill")
        title = styled_label("Refill", "title")
        self.subtitle = styled_label("Your journal is locked.", "muted")
        where = styled_label(f"{journal_path.name} — in {journal_path.parent}", "muted")
        where.setAccessibleName("Journal file")
        for label in (icon, title, self.subtitle, where):
            set_by_name(label, "alignment", "AlignCenter")
        self._selectable: tuple[QLabel, ...] = (where,)

        self.demo_notice = styled_label("", "notice")
        self.demo_notice.setAccessibleName("Demo passphrase")
        if demo_passphrase:
            from html import escape  # only the demo's notice is rich text (~4 ms to import)

            self._selectable = (where, self.demo_notice)
            set_by_name(self.demo_notice, "textFormat", "RichText")
            self.demo_notice.setText(
                "This is a demo journal with made-up data, deleted when you quit.<br>"
                f"Its passphrase is <b>{escape(demo_passphrase)}</b>"
            )
        else:
            self.demo_notice.hide()

        self.passphrase = PassphraseField("Passphrase", self)
        self.passphrase.returnPressed.connect(self.submit)
        self.passphrase.textChanged.connect(self._typing)
        self.remember = QCheckBox(REMEMBER_TEXT)
        self.remember.setAccessibleName(REMEMBER_TEXT)
        self.remember.setAccessibleDescription(REMEMBER_WHY)
        self.remember_why = styled_label(REMEMBER_WHY, "muted")
        self.remember.hide()
        self.remember_why.hide()

        self.error = styled_label("", "error")
        self.error.setAccessibleName("Problem")
        self.error.hide()
        self.busy = BusyRow("Opening your journal…", self)

        self.use_key_button = QPushButton("Open with the remembered key")
        self.use_key_button.setAccessibleName("Open with the remembered key")
        self.use_key_button.clicked.connect(self.try_remembered_key)
        self.use_key_button.hide()
        self.unlock_button = QPushButton("Unlock")
        self.unlock_button.setProperty("role", "primary")
        self.unlock_button.setAccessibleName("Unlock")
        self.unlock_button.setDefault(True)
        self.unlock_button.setEnabled(False)
        self.unlock_button.clicked.connect(self.submit)

        panel, inner = card(480)
        for widget in (icon, title, self.subtitle, where, self.demo_notice, self.passphrase):
            inner.addWidget(widget)
        inner.addWidget(self.remember)
        inner.addWidget(self.remember_why)
        inner.addWidget(self.error)
        inner.addWidget(self.busy)
        inner.addLayout(hbox(self.use_key_button, self.unlock_button, stretch_first=True))

        centre_in(self, panel)
        self.setTabOrder(self.passphrase.edit, self.remember)
        self.setTabOrder(self.remember, self.use_key_button)
        self.setTabOrder(self.use_key_button, self.unlock_button)
        self._auto_open = False

    def finish_after_shown(self) -> None:
        """What painting does not need, set once the window is on screen: selectable text (the
        file's place, the demo passphrase). The first selectable label builds Qt's text-document
        machinery, ~7 ms that would otherwise delay the first paint."""
        from PySide6.QtCore import Qt

        for label in self._selectable:
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    # ------------------------------------------------------------------ state
    def reset(self, *, locked: bool) -> None:
        """Ready for a passphrase again (after a lock, nothing typed before survives)."""
        self.passphrase.clear()
        self.error.hide()
        self._set_busy(False)
        self.subtitle.setText(
            "Locked. Type your passphrase to continue where you were."
            if locked
            else "Your journal is locked."
        )
        # Focus once the screen is really showing (setFocus on a hidden widget is lost).
        QTimer.singleShot(0, self.passphrase.setFocus)

    def show_working(self, text: str) -> None:
        """Keep the form disabled while the window does something to the file (a restore)."""
        self._set_busy(True)
        self.busy.start(text)

    def show_problem(self, text: str, *, can_retry: bool = True) -> None:
        self.error.setText(text)
        self.error.show()
        self._set_busy(False)
        self.passphrase.setEnabled(can_retry)
        self.passphrase.edit.selectAll()
        self.passphrase.setFocus()

    def probe_keychain(self, *, auto_open: bool) -> None:
        """Find out, in a worker, whether a keychain works and holds this journal's key (called
        once the window is on screen); "Remember on this device" appears with the answer. With
        ``auto_open`` a remembered key then opens the journal, unless unlocking began meanwhile."""
        self._auto_open = auto_open and not self._busy
        run_task(
            partial(keychain_state, self.journal_path),
            self._offer_remember,
            lambda _e: None,
            context=self,
        )

    def _offer_remember(self, state: tuple[bool, bool]) -> None:
        available, has_key = state
        self.remember.setVisible(available)
        self.remember_why.setVisible(available)
        if available:
            self._note_remembered(has_key)

    def _note_remembered(self, has_key: bool) -> None:
        self._has_remembered_key = has_key
        self.use_key_button.setVisible(has_key and not self._busy)
        self.remember.setChecked(has_key)
        if has_key and self._auto_open and not self._busy:
            self._auto_open = False
            self.try_remembered_key()

    def prepare(self) -> type[Journal]:
        """Load the store, here on the UI thread (instant when already preloaded)."""
        return journal_class()

    def _typing(self, text: str) -> None:
        self.unlock_button.setEnabled(bool(text) and not self._busy)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.passphrase.setEnabled(not busy)
        self.remember.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy and bool(self.passphrase.text()))
        self.use_key_button.setVisible(self._has_remembered_key and not busy)
        if busy:
            self._auto_open = False  # opening began: a keychain answer after it must not reopen
            self.error.hide()
            self.busy.start()
        else:
            self.busy.stop()

    # ---------------------------------------------------------------- actions
    def submit(self) -> None:
        """Open with the typed passphrase (in a worker)."""
        passphrase = self.passphrase.text()
        if self._busy or not passphrase:
            return
        remember = self.remember.isChecked() if self.remember.isVisibleTo(self) else None
        self._set_busy(True)
        self.busy.start("Opening your journal… (deriving the key takes a moment on purpose)")
        journal = self.prepare()
        run_task(
            lambda: open_with_passphrase(journal, self.journal_path, passphrase, remember),
            self._opened,
            self._failed,
            context=self,
        )

    def try_remembered_key(self) -> None:
        """Open with the keychain's key, if there is one (at start and on request)."""
        if self._busy:
            return
        self._set_busy(True)
        self.busy.start("Opening with the remembered key…")
        journal = self.prepare()
        run_task(
            lambda: open_with_remembered_key(journal, self.journal_path),
            self._opened_with_key,
            self._key_failed,
            context=self,
        )

    def _opened(self, opened: Opened) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self._has_remembered_key = opened.remembered
        self.unlocked.emit(opened)

    def _opened_with_key(self, opened: Opened | None) -> None:
        if opened is None:
            self._has_remembered_key = False
            self._set_busy(False)
            self.passphrase.setFocus()
            return
        self._opened(opened)

    def _key_failed(self, error: BaseException) -> None:
        if isinstance(error, WrongPassphrase):
            self._has_remembered_key = False
            self.remember.setChecked(False)
            self.show_problem(STALE_KEY)
        else:
            self._failed(error)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, WrongPassphrase):
            self.show_problem(WRONG_PASSPHRASE)
        elif isinstance(error, JournalError):
            self.show_problem(sentence(messages.describe(error)))
        else:
            self.show_problem(f"The journal could not be opened ({type(error).__name__}).")


def sentence(text: str) -> str:
    """The shared CLI wording, made into a sentence for the window."""
    text = text.replace("`refill restore FILE`", "File ▸ Restore…")
    text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else text + "."
