"""The Trends tab: the person's own charts over a chosen range, light or dark.

Nothing of matplotlib is imported until the tab is first shown (it costs about half a second
of launch). Series are read from the journal on the thread pool; the UI thread only draws
what is already loaded and, for long ranges, already summarised per week, so even ten years
keep the window responsive. Each canvas renders when Qt paints it, so charts scrolled out of
view cost nothing until they are seen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from journal.store import Journal
from journal.ui import theme
from journal.ui.tasks import run_task

#: Range id → (button text, days back from today; None = everything / custom)
RANGES: dict[str, tuple[str, int | None]] = {
    "4w": ("4 weeks", 28),
    "3m": ("3 months", 91),
    "1y": ("1 year", 365),
    "all": ("All", None),
    "custom": ("Custom", None),
}


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class TrendsView(QWidget):
    """Charts of mood/energy/stress, sleep, load, activity, the mood calendar, days off and cup
    actions, and self-checks, for 4 weeks, 3 months, a year, everything, or a custom range."""

    status = Signal(str)
    redrawn = Signal()  # after the charts were drawn with new data (tests, screenshots)

    def __init__(
        self,
        journal: Journal,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("trendsView")
        self._journal = journal
        self._today = today
        self._range = "4w"
        self._cards: list[Any] = []
        self._data: Any = None
        self._loading = 0
        self._built = False

        self._buttons = QButtonGroup(self)
        self._buttons.setExclusive(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Show:"))
        for key, (text, _days) in RANGES.items():
            button = QPushButton(text)
            button.setCheckable(True)
            button.setProperty("range", True)
            button.setAccessibleName(f"Show {text.lower()}")
            button.setChecked(key == self._range)
            button.clicked.connect(lambda _=False, k=key: self.set_range(k))
            self._buttons.addButton(button)
            bar.addWidget(button)
            setattr(self, f"_button_{key}", button)
        end = today()
        self._from = QDateEdit(_qdate(end - dt.timedelta(days=90)))
        self._to = QDateEdit(_qdate(end))
        for edit, name in ((self._from, "From"), (self._to, "To")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setAccessibleName(f"{name} date of the custom range")
            edit.dateChanged.connect(self._custom_changed)
            edit.setVisible(False)
        self._from_label, self._to_label = QLabel("from"), QLabel("to")
        for widget in (self._from_label, self._from, self._to_label, self._to):
            widget.setVisible(False)
            bar.addWidget(widget)
        bar.addStretch(1)
        self._state = QLabel("")
        self._state.setAccessibleName("Trends status")
        bar.addWidget(self._state)

        self._charts = QWidget()
        self._charts_box = QVBoxLayout(self._charts)
        self._charts_box.setContentsMargins(12, 4, 12, 12)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._charts)
        scroll.setAccessibleName("Trend charts")
        scroll.verticalScrollBar().valueChanged.connect(self._draw_visible)
        self._scroll = scroll

        box = QVBoxLayout(self)
        box.addLayout(bar)
        box.addWidget(scroll, 1)
        theme.theme_changed.connect(self._restyle)
        # The chosen range must be obvious in both themes, not only by a slightly darker fill.
        self.setStyleSheet(
            'QPushButton[range="true"]:checked {'
            " border: 2px solid palette(highlight); border-radius: 4px; }"
        )

    # ------------------------------------------------------------------ public
    def flush(self) -> None:
        """Nothing to save: the Trends view only reads."""

    @property
    def range_key(self) -> str:
        return self._range

    @property
    def cards(self) -> list[Any]:
        return list(self._cards)

    @property
    def data(self) -> Any:
        """The series drawn last (``journal.service.trends.TrendData``), or None."""
        return self._data

    def set_range(self, key: str) -> None:
        """Show a preset range (``4w``, ``3m``, ``1y``, ``all``) or the custom from/to dates."""
        if key not in RANGES:
            raise ValueError(f"unknown range {key!r}")
        self._range = key
        getattr(self, f"_button_{key}").setChecked(True)
        custom = key == "custom"
        for widget in (self._from_label, self._from, self._to_label, self._to):
            widget.setVisible(custom)
        if self._built:
            self.reload()

    def set_custom_range(self, start: dt.date, end: dt.date) -> None:
        self._from.blockSignals(True)
        self._from.setDate(_qdate(start))
        self._from.blockSignals(False)
        self._to.setDate(_qdate(end))
        self.set_range("custom")

    def reload(self) -> None:
        """Read the series for the chosen range on the thread pool, then redraw."""
        from journal.service.trends import all_time_range, load_trends

        journal, today, key = self._journal, self._today(), self._range
        days = RANGES[key][1]
        custom = (_pydate(self._from.date()), _pydate(self._to.date()))
        if key == "custom" and custom[1] < custom[0]:
            self._state.setText("The range ends before it starts: pick a later 'to' date.")
            return

        def load() -> Any:
            if key == "all":
                start, end = all_time_range(journal, today)
            elif key == "custom":
                start, end = custom
            else:
                start, end = today - dt.timedelta(days=days - 1), today  # type: ignore[operator]
            return load_trends(journal, start, end)

        self._loading += 1
        self._state.setText("Loading…")
        run_task(load, self._loaded, self._failed, context=self)

    # ------------------------------------------------------------------ internals
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._built:
            self._build()
            self.reload()

    def _build(self) -> None:
        from journal.charts import CHARTS
        from journal.ui.trends_chart import ChartCard

        for spec in CHARTS:
            card = ChartCard(spec, self._charts)
            card.saved.connect(lambda path: self.status.emit(f"Chart saved to {path}"))
            card.failed.connect(self.status.emit)
            self._charts_box.addWidget(card)
            self._cards.append(card)
        self._charts_box.addStretch(1)
        self._built = True

    def _custom_changed(self) -> None:
        if self._range == "custom" and self._built:
            self.reload()

    def _loaded(self, data: Any) -> None:
        self._loading -= 1
        if self._loading:
            return  # a newer range is on its way; draw that one
        self._data = data
        self._draw()
        span = f"{data.start.day} {data.start:%b %Y} – {data.end.day} {data.end:%b %Y}"
        weekly = " (weekly means)" if data.is_long else ""
        self._state.setText(f"{span}{weekly}")
        self.status.emit(f"Trends: {span}, {data.logged_days()} days logged")

    def _failed(self, error: BaseException) -> None:
        self._loading -= 1
        self._state.setText("Could not read the journal for the charts.")
        self.status.emit(f"Trends could not be loaded ({type(error).__name__}).")

    def _draw(self) -> None:
        from journal.charts import theme_for

        chart_theme = theme_for(theme.is_dark())
        for card in self._cards:
            card.set_data(self._data, chart_theme)
        self._draw_visible()
        self.redrawn.emit()

    def _draw_visible(self) -> None:
        """Build the charts that are (at least partly) in sight; the rest wait for a scroll.

        Positions come from the cards' own fixed heights rather than their current geometry,
        which is not laid out yet when the first data arrives.
        """
        first = self._scroll.verticalScrollBar().value()
        last = first + max(self._scroll.viewport().height(), 1)
        margins = self._charts_box.contentsMargins()
        top = margins.top()
        for card in self._cards:
            bottom = top + card.sizeHint().height()
            if card.stale and bottom > first and top < last:
                card.ensure_drawn()
            top = bottom + self._charts_box.spacing()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._built:
            self._draw_visible()

    def _restyle(self, _dark: bool = False) -> None:
        if self._data is not None:
            self._draw()
