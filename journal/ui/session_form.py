"""The day's work: client sessions and their weight, admin, breaks — or a day off."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QCheckBox, QFormLayout, QVBoxLayout, QWidget

from journal.store.models import SessionLoad
from journal.ui.fields import FIELD_LABELS, OptionalDoubleSpinBox, OptionalSpinBox, SectionForm

_HOURS = ("session_hours", "admin_hours")
#: The work fields in the order of the record (DESIGN.md §1), day off apart.
_ORDER = tuple(f.name for f in dataclasses.fields(SessionLoad) if f.name not in ("date", "day_off"))


class SessionForm(SectionForm):
    """Edits one day's :class:`SessionLoad`. Ticking "Day off" disables the work fields (their
    values are kept on screen but saved as missing) so a rest day is one click."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day_off = QCheckBox("Day off (no client work today)", self)
        self.day_off.setAccessibleName("Day off")
        self.fields: dict[str, OptionalSpinBox | OptionalDoubleSpinBox] = {}
        form = QFormLayout()
        form.addRow(self.day_off)
        for name in _ORDER:
            box: OptionalSpinBox | OptionalDoubleSpinBox
            if name in _HOURS:
                box = OptionalDoubleSpinBox(0, 24, self)
                box.setSuffix(" h")
            else:
                box = OptionalSpinBox(0, 999 if name == "caseload" else 40, self)
            box.setAccessibleName(FIELD_LABELS[name])
            form.addRow(FIELD_LABELS[name], box)
            self.fields[name] = box
        self.fields["trauma_sessions"].setToolTip(
            "Sessions with trauma content, of today's sessions."
        )
        self.fields["breaks"].setToolTip("Breaks of ten minutes or more between sessions.")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(form)
        outer.addWidget(self.error)
        self.connect_edits(self.day_off, *self.fields.values())
        self.day_off.toggled.connect(self._enable_work_fields)

    def _enable_work_fields(self, day_off: bool) -> None:
        for name, box in self.fields.items():
            box.setEnabled(not day_off or name == "caseload")

    def load(self, record: SessionLoad | None) -> None:
        self._loading = True
        try:
            self.day_off.setChecked(bool(record and record.day_off))
            for name, box in self.fields.items():
                box.set_number(getattr(record, name) if record else None)
            self.error.show_error(None)
        finally:
            self._loading = False
        self._enable_work_fields(self.day_off.isChecked())

    def record(self, date: str) -> SessionLoad:
        off = self.day_off.isChecked()
        values = {
            name: (None if off and name != "caseload" else box.number())
            for name, box in self.fields.items()
        }
        worked = any(v is not None for k, v in values.items() if k != "caseload")
        day_off = True if off else (False if worked else None)
        return SessionLoad(date=date, day_off=day_off, **values)  # type: ignore[arg-type]
