"""The day's movement: add bouts (kind, minutes, intensity), see them listed, remove one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListView,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journal.store import Journal
from journal.store.errors import ValidationError
from journal.store.models import ACTIVITY_KINDS, INTENSITIES, Activity
from journal.ui.fields import ErrorLabel, explain
from journal.ui.record_list_model import RecordListModel


def describe_activity(activity: Activity) -> str:
    minutes = f"{activity.minutes} min" if activity.minutes is not None else "minutes not given"
    intensity = f", {activity.intensity}" if activity.intensity else ""
    return f"{activity.kind.capitalize()} — {minutes}{intensity}"


class ActivityList(QWidget):
    """Each bout is saved the moment it is added or removed (items, not a draft)."""

    saved = Signal(str)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self._date = ""
        self.model: RecordListModel[Activity] = RecordListModel(describe_activity, self)
        self.kind = QComboBox(self)
        self.kind.addItems([k.capitalize() for k in ACTIVITY_KINDS])
        self.kind.setAccessibleName("Activity kind")
        self.minutes = QSpinBox(self)
        self.minutes.setRange(1, 1440)
        self.minutes.setValue(30)
        self.minutes.setSuffix(" min")
        self.minutes.setAccessibleName("Activity minutes")
        self.intensity = QComboBox(self)
        self.intensity.addItems([i.capitalize() for i in INTENSITIES])
        self.intensity.setCurrentIndex(1)
        self.intensity.setAccessibleName("Activity intensity")
        self.add_button = QPushButton("Add", self)
        self.add_button.setAccessibleName("Add activity")
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName("Activities today")
        self.view.setMaximumHeight(90)
        self.remove_button = QPushButton("Remove selected", self)
        self.remove_button.setAccessibleName("Remove selected activity")
        self.error = ErrorLabel(self)

        row = QHBoxLayout()
        for widget in (self.kind, self.minutes, self.intensity, self.add_button):
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.view)
        layout.addWidget(self.remove_button)
        layout.addWidget(self.error)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)

    def set_date(self, date: str) -> None:
        self._date = date
        self.model.set_records(self._journal.activities.on(date))
        self.error.show_error(None)

    def add(self) -> None:
        record = Activity(
            date=self._date,
            kind=ACTIVITY_KINDS[self.kind.currentIndex()],
            minutes=self.minutes.value(),
            intensity=INTENSITIES[self.intensity.currentIndex()],
        )
        try:
            self._journal.activities.add(record)
        except ValidationError as exc:
            self.error.show_error(explain(exc))
            return
        self.set_date(self._date)
        self.saved.emit(f"Added {describe_activity(record).lower()}")

    def remove_selected(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        record = self.model.record_at(index.row())
        if record.id is not None:
            self._journal.activities.delete(record.id)
        self.set_date(self._date)
        self.saved.emit("Removed an activity")
