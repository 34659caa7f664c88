"""Cup actions done today: pick one from the catalogue or type your own, minutes, felt-after."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from journal.insights import load_catalogue
from journal.store import Journal
from journal.store.errors import ValidationError
from journal.store.models import CupActionDone
from journal.ui.day_items import DayItems
from journal.ui.fields import OptionalSpinBox

CUSTOM = "__custom__"


def catalogue_titles() -> dict[str, str]:
    """Catalogue action id → title (empty if the catalogue cannot be read).

    The insights package is imported with this module, on the UI thread (the window preloads
    it while the unlock screen waits); imports never happen in workers, whose import hook
    PySide6 does not make thread-safe.
    """
    try:
        catalogue: Any = load_catalogue()
    except (OSError, ValueError):
        return {}
    return {a.id: a.title for a in catalogue.actions}


class CupForm(DayItems[CupActionDone]):
    """Each action done is saved as soon as it is added."""

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        own = {a.id: a.title for a in journal.custom_actions.all()}
        self._titles = {**catalogue_titles(), **own}  # the user's own actions win on a clash
        super().__init__(journal.cup_actions, self.describe, "cup action", parent)
        self.action = QComboBox(self)
        self.action.setAccessibleName("Cup action")
        self.action.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.action.setMinimumContentsLength(18)
        self.custom = QLineEdit(self)
        self.custom.setPlaceholderText("What did you do for yourself?")
        self.custom.setMaxLength(200)
        self.custom.setAccessibleName("Own action title")
        self._fill_actions()
        self.minutes = OptionalSpinBox(0, 1440, self)
        self.minutes.setSuffix(" min")
        self.minutes.setAccessibleName("Action minutes")
        self.felt_after = OptionalSpinBox(0, 10, self)
        self.felt_after.setPrefix("felt ")
        self.felt_after.setAccessibleName("Felt after, 0 worse – 10 much better")
        self.felt_after.setToolTip("How you felt afterwards: 0 worse – 10 much better.")
        self.add_button = QPushButton("Add", self)
        self.add_button.setAccessibleName("Add cup action")
        pick = QHBoxLayout()
        pick.addWidget(self.action, 1)
        pick.addWidget(self.custom, 1)
        details = QHBoxLayout()
        details.addWidget(self.minutes)
        details.addWidget(self.felt_after)
        details.addStretch(1)
        details.addWidget(self.add_button)
        self.finish_layout(pick, details)
        self.action.currentIndexChanged.connect(self._custom_visible)
        self._custom_visible()
        self.add_button.clicked.connect(self.add)

    def _fill_actions(self) -> None:
        """ "My own…" first, then every known action by title; keeps the current choice."""
        current = self.action.currentData()
        self.action.blockSignals(True)
        self.action.clear()
        self.action.addItem("My own…", CUSTOM)
        for action_id, title in sorted(self._titles.items(), key=lambda kv: kv[1].lower()):
            self.action.addItem(title, action_id)
        index = self.action.findData(current) if current not in (None, CUSTOM) else -1
        self.action.setCurrentIndex(index if index >= 0 else (1 if self._titles else 0))
        self.action.blockSignals(False)
        self._custom_visible()

    def describe(self, done: CupActionDone) -> str:
        title = done.custom_title or self._titles.get(done.action_id or "", done.action_id or "")
        parts = [title]
        if done.minutes is not None:
            parts.append(f"{done.minutes} min")
        if done.felt_after is not None:
            parts.append(f"felt {done.felt_after}/10 after")
        return " — ".join(parts)

    def _custom_visible(self, *_args: object) -> None:
        self.custom.setVisible(self.action.currentData() == CUSTOM)

    def message_for(self, error: ValidationError) -> str:
        if error.field == "action_id":
            return "Choose an action or type what you did."
        return super().message_for(error)

    def add(self) -> None:
        action_id = self.action.currentData()
        custom = action_id == CUSTOM
        record = CupActionDone(
            date=self._date,
            action_id=None if custom else action_id,
            custom_title=(self.custom.text().strip() or None) if custom else None,
            minutes=self.minutes.number(),
            felt_after=self.felt_after.number(),
        )
        if self.add_record(record, f"Logged: {self.describe(record)}"):
            self.custom.clear()
