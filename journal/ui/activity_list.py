"""The day's movement: add bouts (kind, minutes, intensity), see them listed, remove one."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QSpinBox, QWidget

from journal.store import Journal
from journal.store.models import ACTIVITY_KINDS, INTENSITIES, Activity
from journal.ui.day_items import DayItems


def describe_activity(activity: Activity) -> str:
    minutes = f"{activity.minutes} min" if activity.minutes is not None else "minutes not given"
    intensity = f", {activity.intensity}" if activity.intensity else ""
    return f"{activity.kind.capitalize()} — {minutes}{intensity}"


class ActivityList(DayItems[Activity]):
    """Each bout is saved the moment it is added or removed."""

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(journal.activities, describe_activity, "activity", parent)
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
        row = QHBoxLayout()
        for widget in (self.kind, self.minutes, self.intensity, self.add_button):
            row.addWidget(widget)
        self.finish_layout(row)
        self.add_button.clicked.connect(self.add)

    def add(self) -> None:
        record = Activity(
            date=self._date,
            kind=ACTIVITY_KINDS[self.kind.currentIndex()],
            minutes=self.minutes.value(),
            intensity=INTENSITIES[self.intensity.currentIndex()],
        )
        self.add_record(record, f"Added {describe_activity(record).lower()}")
