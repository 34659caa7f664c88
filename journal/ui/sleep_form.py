"""Last night's sleep: bed and wake time or hours, quality, awakenings."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from journal.store.models import Sleep
from journal.store.repositories import hours_between
from journal.store.validation import clock_time
from journal.ui.fields import (
    FIELD_LABELS,
    OptionalDoubleSpinBox,
    OptionalSpinBox,
    SectionForm,
    anchored,
)


def _time_edit(name: str, parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setPlaceholderText("HH:MM")
    edit.setMaxLength(5)
    edit.setMaximumWidth(80)
    edit.setAccessibleName(FIELD_LABELS[name])
    return edit


class SleepForm(SectionForm):
    """Edits the night ending on the day's morning. Times are typed as text (``23:15``) so an
    empty time is possible and a mistyped one is kept and explained, never silently dropped."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bedtime = _time_edit("bedtime", self)
        self.wake_time = _time_edit("wake_time", self)
        self.hours = OptionalDoubleSpinBox(0, 24, self)
        self.hours.setSuffix(" h")
        self.hours.setAccessibleName(FIELD_LABELS["hours"])
        self.hours.setToolTip("Typed hours, or leave “–” and give bed and wake time.")
        self.derived = QLabel(self)
        self.derived.setEnabled(False)
        self.quality = OptionalSpinBox(0, 10, self)
        self.quality.setAccessibleName(FIELD_LABELS["quality"])
        self.quality.setToolTip("0 very poor – 10 excellent; “–” means not rated.")
        self.awakenings = OptionalSpinBox(0, 30, self)
        self.awakenings.setAccessibleName(FIELD_LABELS["awakenings"])

        times = QHBoxLayout()
        times.addWidget(self.bedtime)
        times.addWidget(QLabel("to", self))
        times.addWidget(self.wake_time)
        times.addStretch(1)
        hours = QHBoxLayout()
        hours.addWidget(self.hours)
        hours.addWidget(self.derived, 1)
        form = QFormLayout()
        form.addRow("Bed – wake", times)
        form.addRow(FIELD_LABELS["hours"], hours)
        form.addRow(
            FIELD_LABELS["quality"], anchored(self.quality, "0 very poor – 10 excellent", self)
        )
        form.addRow(FIELD_LABELS["awakenings"], self.awakenings)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(form)
        outer.addWidget(self.error)
        self.connect_edits(self.bedtime, self.wake_time, self.hours, self.quality, self.awakenings)
        self.bedtime.textChanged.connect(self._show_derived)
        self.wake_time.textChanged.connect(self._show_derived)
        self.hours.valueChanged.connect(self._show_derived)

    def _show_derived(self, *_args: object) -> None:
        """Say how many hours bed and wake time make, when hours were not typed."""
        text = ""
        if self.hours.number() is None:
            try:
                bed = clock_time(self.bedtime.text())
                wake = clock_time(self.wake_time.text())
            except ValueError:
                pass
            else:
                text = f"= {hours_between(bed, wake):g} h from bed and wake time"
        self.derived.setText(text)

    def load(self, record: Sleep | None) -> None:
        self._loading = True
        try:
            self.bedtime.setText((record.bedtime or "") if record else "")
            self.wake_time.setText((record.wake_time or "") if record else "")
            derived = None
            if record and record.bedtime and record.wake_time:
                derived = hours_between(record.bedtime, record.wake_time)
            self.hours.set_number(record.hours if record and record.hours != derived else None)
            self.quality.set_number(record.quality if record else None)
            self.awakenings.set_number(record.awakenings if record else None)
            self.error.show_error(None)
        finally:
            self._loading = False
        self._show_derived()

    def record(self, date: str) -> Sleep:
        return Sleep(
            date=date,
            bedtime=self.bedtime.text().strip() or None,
            wake_time=self.wake_time.text().strip() or None,
            hours=self.hours.number(),
            quality=self.quality.number(),
            awakenings=self.awakenings.number(),
        )
