"""Insights: patterns worth noticing in your own logs, what seems to help, and the self-check.

The report is computed on the thread pool (``tasks.run_task``); the UI thread only lays out the
result. Every flag says what it is *not*; the page says plainly that this is reflection, not
diagnosis, and where to find support.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from journal.service import insights as service
from journal.store import Journal
from journal.ui import theme
from journal.ui.flag_card import FlagCard
from journal.ui.tasks import run_task
from journal.ui.what_helps_model import WhatHelpsModel

KIND_TITLES = {
    "burnout": "Burnout signs",
    "compassion_fatigue": "Compassion fatigue signs",
    "general": "General",
}
REFLECTION_LINE = "Refill helps you notice patterns. It is reflection, not diagnosis."


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    return label


def _summary(report: Any) -> str:
    """One line a first-time reader sees before the cards."""
    if not report.flags:
        return "Nothing stands out in your recent logs. Keep noticing."
    counts = [
        f"{n} {KIND_TITLES[kind].lower().removesuffix(' signs')}"
        for kind in KIND_TITLES
        if (n := sum(f.kind == kind for f in report.flags))
    ]
    total = len(report.flags)
    noun = "pattern" if total == 1 else "patterns"
    return (
        f"{total} {noun} worth noticing ({', '.join(counts)}). Each card says what was seen, "
        "the numbers behind it, what it is not, and small things that might help."
    )


def _is_dark(widget: QWidget) -> bool:
    return widget.palette().window().color().lightness() < 128


class InsightsView(QWidget):
    """Flags grouped by kind, "what helps me", and the self-check."""

    status = Signal(str)
    support_requested = Signal()
    report_shown = Signal()

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self._report: Any = None
        self._computing = False
        self.cards: list[FlagCard] = []

        line = QLabel(
            f"{REFLECTION_LINE} If things feel too much, "
            '<a href="support">Help ▸ Need support now?</a>',
            self,
        )
        line.setWordWrap(True)
        line.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        line.linkActivated.connect(lambda _link: self.support_requested.emit())
        self.refresh_button = QPushButton("Refresh", self)
        self.refresh_button.setToolTip("Look at the latest data again")
        self.state = QLabel(self)
        self.state.setAccessibleName("Insights state")

        self.flags_page = QWidget(self)
        self.flags_layout = QVBoxLayout(self.flags_page)
        flags_scroll = QScrollArea(self)
        flags_scroll.setWidget(self.flags_page)
        flags_scroll.setWidgetResizable(True)

        self.helps_model = WhatHelpsModel(self)
        helps_page = QWidget(self)
        helps_table = QTableView(helps_page)
        helps_table.setModel(self.helps_model)
        helps_table.verticalHeader().hide()
        helps_table.setWordWrap(True)
        header = helps_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        helps_table.setAccessibleName("What helps me")
        self.helps_empty = QLabel(helps_page)
        self.helps_empty.setWordWrap(True)
        helps_note = QLabel(
            "For each action you logged on at least 10 days (and skipped on at least 10), how the "
            "next day compared. An observation, not proof: good days invite the action, lighter "
            "days leave room for it, and unusual days tend to be followed by ordinary ones.",
            helps_page,
        )
        helps_note.setWordWrap(True)
        helps_note.setEnabled(False)
        helps_layout = QVBoxLayout(helps_page)
        helps_layout.addWidget(helps_note)
        helps_layout.addWidget(self.helps_empty)
        helps_layout.addWidget(helps_table, 1)
        self.helps_table = helps_table

        self.selfcheck_page = self._selfcheck_page()
        self.pages = QTabWidget(self)
        self.pages.addTab(flags_scroll, "Patterns")
        self.pages.addTab(helps_page, "What helps me")
        self.pages.addTab(self.selfcheck_page, "Self-check")

        top = QHBoxLayout()
        top.addWidget(line, 1)
        top.addWidget(self.state)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        self.refresh_button.clicked.connect(self.refresh)
        theme.theme_changed.connect(self._restyle)
        self.state.setText("")

    def _selfcheck_page(self) -> QWidget:
        try:
            from journal.insights import selfcheck
            from journal.ui.selfcheck_form import SelfCheckForm
        except (ImportError, OSError, ValueError) as exc:
            return QLabel(f"The self-check questions could not be loaded ({exc}).", self)

        def save(answers: list[int], day: dt.date) -> Any:
            return service.save_self_check(self._journal, answers, day)

        form = SelfCheckForm(self._journal, selfcheck, save, self)
        form.saved.connect(self.status)
        form.saved.connect(self.refresh)
        scroll = QScrollArea(self)
        scroll.setWidget(form)
        scroll.setWidgetResizable(True)
        return scroll

    def showEvent(self, event: Any) -> None:
        """Compute when the tab is looked at, not at unlock (Today paints first), and again on
        every return, since Today may have logged something."""
        super().showEvent(event)
        self.refresh()

    def _restyle(self, _dark: bool) -> None:
        """The cards' level colours differ between light and dark: lay them out again."""
        if self._report is not None:
            self._fill_flags(self._report)

    def flush(self) -> None:
        """Nothing is pending: actions and snoozes are saved when clicked."""

    # ------------------------------------------------------------------ computing
    def refresh(self) -> None:
        """Compute the report off the UI thread; the old one stays visible meanwhile."""
        if self._computing:
            return
        self._computing = True
        self.state.setText("Looking at your data…")
        self.refresh_button.setEnabled(False)
        journal, today = self._journal, dt.date.today()
        run_task(lambda: service.report_for(journal, today), self._show, self._failed, context=self)

    def _failed(self, exc: BaseException) -> None:
        self._computing = False
        self.refresh_button.setEnabled(True)
        self.state.setText("Could not compute insights")
        self.status.emit(f"Insights could not be computed ({type(exc).__name__}).")

    def _show(self, report: Any) -> None:
        self._computing = False
        self.refresh_button.setEnabled(True)
        self._report = report
        self.state.setText(f"Based on {report.days_with_data} days with data")
        self._fill_flags(report)
        # Clear, favourable observations first; the engine's order within each group.
        helps = sorted(report.what_helps, key=lambda h: (not h.favourable, h.suggestive))
        self.helps_model.set_rows(helps)
        self.helps_empty.setText(
            ""
            if report.what_helps
            else "Nothing to show yet: an action needs at least 10 days done and 10 not done."
        )
        self.helps_empty.setVisible(not report.what_helps)
        self.report_shown.emit()

    def _fill_flags(self, report: Any) -> None:
        while self.flags_layout.count():
            item = self.flags_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.cards = []
        dark = _is_dark(self)
        summary = QLabel(_summary(report), self.flags_page)
        summary.setWordWrap(True)
        self.flags_layout.addWidget(summary)
        for kind, title in KIND_TITLES.items():
            flags = [f for f in report.flags if f.kind == kind]
            if not flags:
                continue
            self.flags_layout.addWidget(_heading(title, self.flags_page))
            for flag in flags:
                card = FlagCard(flag, dark, self.flags_page)
                card.did_action.connect(self.did_action)
                card.snooze.connect(self.snooze)
                self.flags_layout.addWidget(card)
                self.cards.append(card)
        if report.insufficient_data:
            self.flags_layout.addWidget(_heading("Not enough data yet", self.flags_page))
            for missing in report.insufficient_data:
                name = missing.id.replace("_", " ").capitalize()
                label = QLabel(f"{name}: {missing.needs}", self.flags_page)
                label.setWordWrap(True)
                label.setEnabled(False)
                self.flags_layout.addWidget(label)
        self.flags_layout.addStretch(1)

    # ------------------------------------------------------------------ actions
    def did_action(self, action_id: str, title: str) -> None:
        """Log a suggested action as done today."""
        service.record_action(self._journal, action_id, dt.date.today())
        for card in self.cards:  # the same action may be offered by several flags
            card.mark_logged(action_id)
        self.status.emit(f"Logged: {title} for today")

    def snooze(self, flag_id: str) -> None:
        service.snooze(self._journal, flag_id, dt.date.today())
        self.status.emit("Snoozed for 7 days; it comes back if the pattern is still there.")
        self.refresh()
