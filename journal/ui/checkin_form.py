"""The daily check-in: every DESIGN.md scale, time with people, and a short note."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from journal.store.models import CHECKIN_SCALES, CheckIn
from journal.ui.fields import FIELD_LABELS, OptionalSpinBox, SectionForm, anchored

#: Short anchors so 0 and 10 mean the same thing every day.
ANCHORS = {
    "mood": "0 very low – 10 very good",
    "energy": "0 drained – 10 full of energy",
    "stress": "0 none – 10 overwhelming",
    "effective": "0 not at all – 10 fully",
    "dread": "0 none – 10 constant",
    "detachment": "0 fully present – 10 going through the motions",
    "irritability": "0 none – 10 constant",
    "intrusive": "0 none – 10 constant",
    "meaning": "0 none – 10 deeply meaningful",
}


class CheckinForm(SectionForm):
    """Edits one day's :class:`CheckIn`; each scale can stay empty ("–" = not rated)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout()
        self.scales: dict[str, OptionalSpinBox] = {}
        for name in CHECKIN_SCALES:
            box = OptionalSpinBox(0, 10, self)
            box.setAccessibleName(FIELD_LABELS[name])
            box.setToolTip(f"{FIELD_LABELS[name]}: {ANCHORS[name]}. “–” means not rated today.")
            form.addRow(FIELD_LABELS[name], anchored(box, ANCHORS[name], self))
            self.scales[name] = box
        self.social = OptionalSpinBox(0, 1440, self)
        self.social.setSuffix(" min")
        self.social.setSingleStep(15)
        self.social.setAccessibleName(FIELD_LABELS["social_minutes"])
        form.addRow(FIELD_LABELS["social_minutes"], self.social)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText("A line about today (optional)")
        self.note.setMaxLength(2000)
        self.note.setAccessibleName("Check-in note")
        form.addRow("Note", self.note)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        hint = QLabel("Rate only what you want to: “–” is not rated, never 0.", self)
        hint.setWordWrap(True)
        hint.setEnabled(False)
        outer.addWidget(hint)
        outer.addLayout(form)
        outer.addWidget(self.error)
        self.connect_edits(*self.scales.values(), self.social, self.note)

    def load(self, record: CheckIn | None) -> None:
        """Show a stored check-in (or an empty form) without counting it as an edit."""
        self._loading = True
        try:
            for name, box in self.scales.items():
                box.set_number(getattr(record, name) if record else None)
            self.social.set_number(record.social_minutes if record else None)
            self.note.setText((record.note or "") if record else "")
            self.error.show_error(None)
        finally:
            self._loading = False

    def record(self, date: str) -> CheckIn:
        values = {name: box.number() for name, box in self.scales.items()}
        note = self.note.text().strip() or None
        return CheckIn(date=date, social_minutes=self.social.number(), note=note, **values)
