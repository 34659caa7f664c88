"""A month calendar that marks days with entries and tints each day by its check-in mood."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QDate, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QCalendarWidget, QWidget

# Low mood → warm, high mood → cool; chosen to stay distinct for common colour-vision deficits
# and readable under the day number in light and dark palettes (drawn translucent).
_MOOD_STOPS = ((0, QColor("#d9480f")), (5, QColor("#e6b800")), (10, QColor("#2f9e94")))


def mood_colour(mood: int) -> QColor:
    """Interpolate between the stops for a 0–10 mood."""
    for (lo, c0), (hi, c1) in itertools.pairwise(_MOOD_STOPS):
        if lo <= mood <= hi:
            t = (mood - lo) / (hi - lo)
            return QColor(
                round(c0.red() + (c1.red() - c0.red()) * t),
                round(c0.green() + (c1.green() - c0.green()) * t),
                round(c0.blue() + (c1.blue() - c0.blue()) * t),
            )
    return QColor(_MOOD_STOPS[-1][1])


class MoodCalendar(QCalendarWidget):
    """``set_marks(entry_days, moods)`` for the shown month; painting never touches the store."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setGridVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setAccessibleName("Calendar: days with entries are dotted, tinted by mood")
        self.setMaximumDate(QDate.currentDate())
        self.setMinimumHeight(280)  # room for the day number and the entry dot
        self._entry_days: set[str] = set()
        self._moods: dict[str, int] = {}

    def set_marks(self, entry_days: set[str], moods: dict[str, int]) -> None:
        self._entry_days = set(entry_days)
        self._moods = dict(moods)
        self.updateCells()

    def marks(self, day: str) -> tuple[bool, int | None]:
        """Whether ``day`` has entries, and its mood (tests and accessibility)."""
        return day in self._entry_days, self._moods.get(day)

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:
        iso = date.toString(Qt.DateFormat.ISODate)
        mood = self._moods.get(iso)
        if mood is not None:
            tint = mood_colour(mood)
            tint.setAlpha(110)
            painter.fillRect(rect.adjusted(1, 1, -1, -1), tint)
            self._paint_number(painter, rect, date)
        else:
            super().paintCell(painter, rect, date)
        if iso in self._entry_days:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.palette().text())
            radius = max(2, min(rect.height(), rect.width()) // 14)
            centre = QPoint(rect.right() - radius - 3, rect.top() + radius + 3)
            painter.drawEllipse(centre, radius, radius)
            painter.restore()

    def _paint_number(self, painter: QPainter, rect: QRect, date: QDate) -> None:
        """The day number over the mood tint (the default painter would cover the tint)."""
        painter.save()
        if date == self.selectedDate():
            painter.setPen(self.palette().highlight().color())
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.setPen(self.palette().text().color())
        if date.month() != self.monthShown():
            painter.setPen(self.palette().placeholderText().color())
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(date.day()))
        painter.restore()
