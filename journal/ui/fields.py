"""Small input widgets shared by the daily forms.

A missing value is *missing*, never zero (DESIGN.md §1): every number box here has a special
"–" value below its minimum that reads back as ``None``. Field labels for validation messages
live here too, so a ``ValidationError`` from the store is shown in the words of the form.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from journal.store.errors import ValidationError

EMPTY = "–"
NUMBER_WIDTH = 96  # numbers are short: a full-width box hides them at the far right

#: What each DESIGN.md field is called on screen.
FIELD_LABELS = {
    "mood": "Mood",
    "energy": "Energy",
    "stress": "Stress",
    "effective": "Felt effective",
    "dread": "Dread before sessions",
    "detachment": "Detachment",
    "irritability": "Irritability",
    "intrusive": "Intrusive thoughts",
    "meaning": "Meaning",
    "social_minutes": "Time with friends/family",
    "note": "Note",
    "bedtime": "Bedtime",
    "wake_time": "Wake time",
    "hours": "Hours slept",
    "quality": "Sleep quality",
    "awakenings": "Awakenings",
    "sessions": "Client sessions",
    "session_hours": "Session hours",
    "trauma_sessions": "Trauma-heavy sessions",
    "crisis_sessions": "Crisis sessions",
    "admin_hours": "Admin hours",
    "breaks": "Breaks (10 min+)",
    "caseload": "Open cases",
    "minutes": "Minutes",
    "felt_after": "Felt after",
    "title": "Title",
    "body": "Text",
    "action_id": "Action",
    "custom_title": "Action",
}


def explain(error: ValidationError) -> str:
    """The inline message for a value the store refused."""
    return f"{FIELD_LABELS.get(error.field, error.field)} {error.reason}."


class OptionalSpinBox(QSpinBox):
    """A whole-number box whose lowest position shows "–" and means *missing*."""

    def __init__(self, low: int, high: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(low - 1, high)
        self.setSpecialValueText(EMPTY)
        self.setValue(low - 1)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setFixedWidth(NUMBER_WIDTH)

    def number(self) -> int | None:
        return None if self.value() == self.minimum() else self.value()

    def set_number(self, value: int | None) -> None:
        self.setValue(self.minimum() if value is None else int(value))

    def clear_number(self) -> None:
        self.setValue(self.minimum())


class OptionalDoubleSpinBox(QDoubleSpinBox):
    """A number box (one decimal) whose lowest position shows "–" and means *missing*."""

    def __init__(self, low: float, high: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(1)
        self.setSingleStep(0.5)
        self.setRange(low - 0.1, high)
        self.setSpecialValueText(EMPTY)
        self.setValue(low - 0.1)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setFixedWidth(NUMBER_WIDTH)

    def number(self) -> float | None:
        return None if self.value() <= self.minimum() else round(self.value(), 1)

    def set_number(self, value: float | None) -> None:
        self.setValue(self.minimum() if value is None else float(value))


def anchored(field: QWidget, anchor: str, parent: QWidget) -> QWidget:
    """A field with its scale's anchors in small dimmed text beside it."""
    row = QWidget(parent)
    column = QHBoxLayout(row)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(field)
    label = QLabel(anchor, row)
    label.setEnabled(False)  # dimmed by the palette: readable in light and dark
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    column.addWidget(label, 1)
    return row


class ErrorLabel(QLabel):
    """A one-line inline message under a form; hidden when there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName("Problem with a value")
        self.hide()

    def show_error(self, text: str | None) -> None:
        self.setStyleSheet(f"color: {warning_colour(self)};")
        self.setText(f"⚠ {text}" if text else "")
        self.setVisible(bool(text))


def warning_colour(widget: QWidget) -> str:
    """A red that keeps its contrast on both light and dark window backgrounds."""
    dark = widget.palette().window().color().lightness() < 128
    return "#ff9e94" if dark else "#a4161a"


class SectionForm(QWidget):
    """A form that edits one day's record; ``edited`` fires on every user change."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error = ErrorLabel(self)
        self._loading = False

    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self.edited.emit()

    def connect_edits(self, *widgets: QWidget) -> None:
        """Report user edits of these widgets through ``edited``."""
        for widget in widgets:
            for name in ("valueChanged", "textChanged", "toggled", "currentIndexChanged"):
                signal = getattr(widget, name, None)
                if signal is not None:
                    signal.connect(self._changed)
                    break
