"""Pieces shared by the unlock screen, onboarding and the change-passphrase dialog.

``PassphraseField``: a password line edit with a show/hide toggle and a Caps Lock warning.
Qt cannot ask the keyboard whether Caps Lock is on, so the field infers it from what is typed:
a letter whose case disagrees with the Shift key means Caps Lock is on (the approach password
fields in browsers use); pressing Caps Lock flips the guess.

``BusyRow``: an indeterminate progress bar with a sentence, shown while a key is derived.
``strength_hint``: a short, honest hint about a new passphrase (no fake entropy maths).

These widgets are on the unlock screen, which a launch paints first, so building them touches no
member of PySide6's ``Qt`` namespace: the first one makes PySide6 build every enum of that
namespace (about a hundred Python enums, ~25 ms). :func:`set_by_name` sets such properties
through Qt's property system instead, by their C++ names.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

CAPS_LOCK_TEXT = "Caps Lock seems to be on."


def set_by_name(widget: QObject, name: str, value: str) -> None:
    """Set the enum or flag property ``name`` from the names of its values, as Qt spells them
    (``set_by_name(label, "alignment", "AlignCenter")``), without building ``Qt``'s enums."""
    if not widget.setProperty(name, value):
        raise ValueError(f"{type(widget).__name__}.{name} cannot be set to {value!r}")


def styled_label(text: str, role: str, *, wrap: bool = True) -> QLabel:
    """A label that opts in to one of the style sheet's roles (title, heading, muted, error…)."""
    label = QLabel(text)
    label.setProperty("role", role)
    label.setWordWrap(wrap)
    return label


class PassphraseField(QWidget):
    """Password entry with show/hide and a Caps Lock warning underneath."""

    returnPressed = Signal()
    textChanged = Signal(str)

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setAccessibleName(accessible_name)
        self.edit.setPlaceholderText(accessible_name)
        self.edit.setMinimumWidth(280)
        self.edit.setMinimumHeight(30)
        set_by_name(
            self.edit, "inputMethodHints", "ImhHiddenText|ImhNoPredictiveText|ImhSensitiveData"
        )
        self._reveal = QToolButton(self)
        self._reveal.setText("Show")
        self._reveal.setCheckable(True)
        set_by_name(self._reveal, "focusPolicy", "TabFocus")
        self._reveal.setToolTip("Show or hide what you typed")
        self._reveal.setAccessibleName(f"Show {accessible_name.lower()}")
        self._reveal.toggled.connect(self._set_revealed)
        self.caps_warning = styled_label(CAPS_LOCK_TEXT, "notice")
        self.caps_warning.setAccessibleName("Caps Lock warning")
        self.caps_warning.hide()
        self.caps_lock_on: bool | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        row = QHBoxLayout()
        row.setSpacing(4)
        row.addWidget(self.edit, 1)
        row.addWidget(self._reveal)
        layout.addLayout(row)
        layout.addWidget(self.caps_warning)
        self.setFocusProxy(self.edit)
        self.edit.installEventFilter(self)
        self.edit.returnPressed.connect(self.returnPressed)
        self.edit.textChanged.connect(self.textChanged)

    def text(self) -> str:
        return self.edit.text()

    def clear(self) -> None:
        self.edit.clear()

    def _set_revealed(self, revealed: bool) -> None:
        self.edit.setEchoMode(
            QLineEdit.EchoMode.Normal if revealed else QLineEdit.EchoMode.Password
        )
        self._reveal.setText("Hide" if revealed else "Show")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            self._guess_caps_lock(event)  # type: ignore[arg-type]
        elif watched is self.edit and event.type() == QEvent.Type.FocusOut:
            self.caps_warning.hide()
        elif watched is self.edit and event.type() == QEvent.Type.FocusIn and self.caps_lock_on:
            self.caps_warning.show()
        return False

    def _guess_caps_lock(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt  # typing happens after the first paint

        if event.key() == Qt.Key.Key_CapsLock:
            if self.caps_lock_on is not None:
                self._set_caps(not self.caps_lock_on)
            return
        typed = event.text()
        if len(typed) != 1 or not typed.isalpha() or typed.lower() == typed.upper():
            return
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self._set_caps(typed.isupper() != shift)

    def _set_caps(self, on: bool) -> None:
        self.caps_lock_on = on
        self.caps_warning.setVisible(on)


class BusyRow(QWidget):
    """A moving bar and a sentence: shown while the key is derived or a file is written."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        self.bar.setAccessibleName("Working")
        self.label = styled_label(text, "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.label)
        self.hide()

    def start(self, text: str | None = None) -> None:
        if text:
            self.label.setText(text)
        self.show()

    def stop(self) -> None:
        self.hide()


def strength_hint(passphrase: str) -> tuple[bool, str]:
    """(acceptable, hint) for a new passphrase. Length matters most; say so plainly."""
    from journal.store.keys import MIN_PASSPHRASE_LENGTH, passphrase_problem  # not at launch

    problem = passphrase_problem(passphrase)
    if not passphrase:
        return (
            False,
            f"At least {MIN_PASSPHRASE_LENGTH} characters; several unrelated words work well.",
        )
    if problem:
        return False, f"Too short: {problem}."
    words = len(passphrase.split())
    if len(passphrase) >= 20 or words >= 4:
        return True, "Strong: long passphrases are the hardest to guess."
    if len(passphrase) >= 12 or words >= 3:
        return True, "Good. A few more words would make it stronger."
    return True, "Acceptable, but short. Longer is safer: try three or four unrelated words."


def hbox(*widgets: QWidget, stretch_first: bool = False) -> QHBoxLayout:
    """A row of widgets; with ``stretch_first`` they are pushed to the right."""
    row = QHBoxLayout()
    if stretch_first:
        row.addStretch(1)
    for widget in widgets:
        row.addWidget(widget)
    return row


def card(max_width: int) -> tuple[QFrame, QVBoxLayout]:
    """A rounded panel (the style sheet's "card") and the layout to fill it with."""
    frame = QFrame()
    frame.setProperty("role", "card")
    frame.setMaximumWidth(max_width)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(32, 28, 32, 28)
    layout.setSpacing(10)
    return frame, layout


def centre_in(parent: QWidget, widget: QWidget, *, below: int = 1) -> None:
    """Lay ``widget`` out in the middle of ``parent`` (a little above centre with ``below=2``)."""
    outer = QVBoxLayout(parent)
    outer.addStretch(1)
    row = hbox(widget, stretch_first=True)
    row.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(below)
