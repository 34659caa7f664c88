"""Refill's own self-check: the questions, the four scores, and how they moved over time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal.store import Journal
from journal.store.models import SELF_CHECK_SCORES, SelfCheck
from journal.ui.fields import ErrorLabel
from journal.ui.sparkline import Sparkline

SCORE_TITLES = {
    "exhaustion": "Exhaustion",
    "detachment": "Detachment",
    "secondary_trauma": "Secondary trauma",
    "satisfaction": "Satisfaction",
}
SelfCheckRole = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class SelfCheckHistory(QAbstractTableModel):
    """Past self-checks, newest first, one column per score."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[SelfCheck] = []

    def set_rows(self, rows: list[SelfCheck]) -> None:
        self.beginResetModel()
        self._rows = sorted(rows, key=lambda c: (c.date, c.id or 0), reverse=True)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(SELF_CHECK_SCORES)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return "Date" if section == 0 else SCORE_TITLES[SELF_CHECK_SCORES[section - 1]]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        check = self._rows[index.row()]
        if role == SelfCheckRole:
            return check
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column():
            return Qt.AlignmentFlag.AlignCenter
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == 0:
            return check.date
        value = getattr(check, SELF_CHECK_SCORES[index.column() - 1])
        return "–" if value is None else f"{value:.0f}"

    def roleNames(self) -> dict[int, QByteArray]:
        names = super().roleNames()
        names[SelfCheckRole] = QByteArray(b"selfCheck")
        return names


class SelfCheckForm(QWidget):
    """``save_answers(answers, day)`` is the service call, passed in so the form stays dumb."""

    saved = Signal(str)

    def __init__(
        self,
        journal: Journal,
        questions: Any,
        save_answers: Callable[[list[int], dt.date], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._save_answers = save_answers
        self._score = questions.score
        self.setMaximumWidth(self.fontMetrics().averageCharWidth() * 130)  # keep answers in reach
        intro = QLabel(f"{questions.PERIOD}, how often…", self)
        intro.setWordWrap(True)
        note = QLabel(questions.DISCLAIMER, self)
        note.setWordWrap(True)
        note.setEnabled(False)
        form = QGridLayout()
        form.setColumnStretch(0, 1)
        self.answers: list[QComboBox] = []
        for n, question in enumerate(questions.QUESTIONS, start=1):
            combo = QComboBox(self)
            combo.addItem("– not answered", None)
            for value, anchor in enumerate(questions.ANCHORS):
                combo.addItem(anchor, value)
            combo.setAccessibleName(f"Question {n}: {question.text}")
            combo.setMinimumContentsLength(18)
            label = QLabel(f"{n}. {question.text}", self)
            label.setWordWrap(True)
            label.setBuddy(combo)
            form.addWidget(label, n, 0)
            form.addWidget(combo, n, 1)
            self.answers.append(combo)
        self.save_button = QPushButton("Save today's self-check", self)
        self.error = ErrorLabel(self)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.empty_history = QLabel(
            "None yet — a self-check every fortnight or so is plenty.", self
        )
        self.trend = QGridLayout()
        self.sparklines: dict[str, tuple[Sparkline, QLabel]] = {}
        for row, name in enumerate(SELF_CHECK_SCORES):
            line, latest = Sparkline(self), QLabel(self)
            line.setAccessibleName(f"{SCORE_TITLES[name]} over time")
            self.trend.addWidget(QLabel(SCORE_TITLES[name], self), row, 0)
            self.trend.addWidget(line, row, 1)
            self.trend.addWidget(latest, row, 2)
            self.sparklines[name] = (line, latest)
        self.trend.setColumnStretch(3, 1)
        self.history = SelfCheckHistory(self)
        table = QTableView(self)
        table.setModel(self.history)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setAccessibleName("Self-check history")
        table.setMinimumHeight(220)
        self.table = table

        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.error)
        layout.addWidget(self.result)
        layout.addWidget(QLabel("<b>Your self-checks so far</b> (0–100, oldest to newest)", self))
        layout.addWidget(self.empty_history)
        layout.addLayout(self.trend)
        layout.addWidget(table)
        self.save_button.clicked.connect(self.save)
        self.refresh_history()

    def refresh_history(self) -> None:
        checks = self._journal.self_checks.between()
        self.history.set_rows(checks)
        self.empty_history.setVisible(not checks)
        for name, (line, latest) in self.sparklines.items():
            values = [getattr(c, name) for c in checks[-26:]]
            line.set_values(values)
            line.setVisible(bool(checks))
            last = next((v for v in reversed(values) if v is not None), None)
            latest.setText("" if last is None else f"latest {last:.0f}")

    def save(self) -> None:
        values = [combo.currentData() for combo in self.answers]
        missing = [n for n, v in enumerate(values, start=1) if v is None]
        if missing:
            self.error.show_error(
                "Answer every question to get scores (still open: "
                + ", ".join(map(str, missing))
                + ")."
            )
            return
        answers = [int(v) for v in values]
        try:
            self._save_answers(answers, dt.date.today())
        except ValueError as exc:
            self.error.show_error(str(exc))
            return
        self.error.show_error(None)
        scores = ", ".join(
            f"{SCORE_TITLES[name].lower()} {value:.0f}/100"
            for name, value in self._score(answers).items()
        )
        self.result.setText(f"Saved. Today's scores: {scores}.")
        self.refresh_history()
        self.saved.emit("Self-check saved")
