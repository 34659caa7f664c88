"""One insight flag as a card: what was noticed, the numbers, what it is not, what might help."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

LEVEL_TEXT = {"watch": "Watch", "warning": "Warning"}
_LEVEL_COLOURS = {  # (light, dark): the strip beside the level word, never the only cue
    "watch": ("#b08900", "#e3c567"),
    "warning": ("#c2410c", "#ff9b6b"),
}


def evidence_line(evidence: Any) -> str:
    """The note the engine wrote, or the numbers themselves when there is none."""
    if getattr(evidence, "note", ""):
        return str(evidence.note)
    parts = [f"{evidence.metric.replace('_', ' ')} over {evidence.window_days} days:"]
    if evidence.recent is not None:
        parts.append(f"recent {evidence.recent:.1f}")
    if evidence.baseline is not None:
        parts.append(f"usual {evidence.baseline:.1f}")
    if evidence.target is not None:
        parts.append(f"target {evidence.target:.1f}")
    return " ".join(parts)


def _label(text: str, parent: QWidget, *, muted: bool = False, bold: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if muted:
        label.setEnabled(False)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


class FlagCard(QFrame):
    """Emits ``did_action(action_id, title)`` for "I did this" and ``snooze(flag_id)``."""

    did_action = Signal(str, str)
    snooze = Signal(str)

    def __init__(self, flag: Any, dark: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flag = flag
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("flagCard")
        colour = _LEVEL_COLOURS.get(flag.level, _LEVEL_COLOURS["watch"])[1 if dark else 0]
        self.setStyleSheet(
            f"#flagCard {{ border: 1px solid palette(mid); border-left: 5px solid {colour};"
            " border-radius: 4px; }"
        )
        level = LEVEL_TEXT.get(flag.level, flag.level.capitalize())
        self.setAccessibleName(f"{level}: {flag.title}")

        head = QHBoxLayout()
        head.addWidget(_label(flag.title, self, bold=True), 1)
        self.level_label = _label(f"{level} · since {flag.since:%d %b %Y}", self)
        self.level_label.setStyleSheet(f"color: {colour}; font-weight: 600;")
        self.level_label.setWordWrap(False)
        head.addWidget(self.level_label, 0, Qt.AlignmentFlag.AlignTop)
        self.snooze_button = QPushButton("Snooze 7 days", self)
        self.snooze_button.setAccessibleName(f"Snooze “{flag.title}” for 7 days")
        self.snooze_button.clicked.connect(lambda: self.snooze.emit(flag.id))
        head.addWidget(self.snooze_button, 0, Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(_label(flag.explanation, self))
        for evidence in flag.evidence:
            layout.addWidget(_label("• " + evidence_line(evidence), self))
        if flag.is_not:
            layout.addWidget(_label("What this is not: " + flag.is_not, self, muted=True))
        if flag.actions:
            layout.addWidget(_label("What might help", self, bold=True))
        self.action_buttons: dict[str, QPushButton] = {}
        for action in flag.actions:
            row = QHBoxLayout()
            minutes = f" ({action.minutes} min)" if action.minutes else ""
            text = _label(f"{action.title}{minutes} — {action.why}", self)
            row.addWidget(text, 1)
            button = QPushButton("I did this", self)
            button.setAccessibleName(f"I did this: {action.title}")
            button.clicked.connect(lambda _=False, a=action, b=button: self._did(a, b))
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            layout.addLayout(row)
            self.action_buttons[action.id] = button

    def _did(self, action: Any, button: QPushButton) -> None:
        self.mark_logged(action.id)
        self.did_action.emit(action.id, action.title)

    def mark_logged(self, action_id: str) -> None:
        """Once a day is enough; the Today tab lists what was logged."""
        button = self.action_buttons.get(action_id)
        if button is not None:
            button.setText("Logged ✓")
            button.setEnabled(False)
