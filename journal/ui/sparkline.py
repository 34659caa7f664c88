"""A tiny line of 0–100 values, painted with the palette (no matplotlib for a few points)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget


class Sparkline(QWidget):
    """Oldest to newest, left to right; the newest point is drawn as a dot."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: list[float] = []
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(160, self.fontMetrics().height() + 6)

    def set_values(self, values: list[float | None]) -> None:
        self._values = [v for v in values if v is not None]
        self.setAccessibleDescription(", ".join(f"{v:.0f}" for v in self._values))
        self.update()

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.rect().adjusted(3, 3, -3, -3)
        painter.setPen(QPen(self.palette().mid().color(), 1, Qt.PenStyle.DotLine))
        painter.drawLine(rect.left(), rect.center().y(), rect.right(), rect.center().y())
        if not self._values:
            return
        step = rect.width() / max(1, len(self._values) - 1)
        points = [
            QPointF(rect.left() + i * step, rect.bottom() - v / 100 * rect.height())
            for i, v in enumerate(self._values)
        ]
        painter.setPen(QPen(self.palette().text().color(), 1.5))
        painter.drawPolyline(QPolygonF(points))
        painter.setBrush(self.palette().highlight())
        painter.drawEllipse(points[-1], 2.5, 2.5)
