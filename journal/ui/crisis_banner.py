"""A calm, dismissible banner pointing to Help ▸ Need support now? (DESIGN.md §7)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from journal.ui import theme


class CrisisBanner(QFrame):
    """Shown when an entry contains crisis language. Matching happened on this device and
    nothing is sent anywhere; dismissing hides it until the text changes to a new entry."""

    support_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Support banner")
        self.setObjectName("crisisBanner")
        self.message = QLabel(
            "It sounds like things may be very hard right now. You don't have to carry this "
            "alone — support is available, and reaching out is a strong step. (Noticed on this "
            "device only; nothing is sent anywhere.)",
            self,
        )
        self.message.setWordWrap(True)
        self.support = QPushButton("Need support now?", self)
        self.support.setAccessibleName("Need support now? Show crisis resources")
        self.dismiss = QPushButton("Dismiss", self)
        self.dismiss.setAccessibleName("Dismiss support banner")
        layout = QHBoxLayout(self)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.support, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignVCenter)
        self.support.clicked.connect(self.support_requested)
        self.dismiss.clicked.connect(self._dismiss)
        self.dismissed = False
        self._restyle()
        theme.theme_changed.connect(self._restyle)
        self.hide()

    def _restyle(self, *_dark: object) -> None:
        """A warm, quiet panel: noticeable without alarm, in light and dark."""
        c = theme.colours()
        self.setStyleSheet(
            f"#crisisBanner {{ background: {c.warning_bg}; border: 1px solid {c.border};"
            f" border-radius: 6px; }} #crisisBanner QLabel {{ color: {c.warning_text}; }}"
        )

    def _dismiss(self) -> None:
        self.dismissed = True
        self.hide()

    def update_for(self, has_crisis_language: bool) -> None:
        """Show or hide for the current text; stays hidden once dismissed."""
        self.setVisible(has_crisis_language and not self.dismissed)

    def reset(self) -> None:
        """A different entry: a dismissal no longer applies."""
        self.dismissed = False
        self.hide()
