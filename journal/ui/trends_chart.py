"""One chart of the Trends view: a matplotlib canvas, its hover read-out and "Save…".

Imported only when the Trends tab is first shown, because importing matplotlib costs about
half a second; everything here runs on the UI thread with data already loaded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from matplotlib.backend_bases import MouseEvent
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from journal.charts import ChartSpec, ChartTheme
from journal.charts import layout as chart_layout
from journal.charts.canvas import TextCacheMixin
from journal.service.trends import TrendData

HINT = "Point at the chart to read exact values"
FORMATS = {"PNG image (*.png)": ".png", "SVG image (*.svg)": ".svg"}


class ChartCanvas(TextCacheMixin, FigureCanvasQTAgg):
    """The Qt canvas of a chart, rendering text from the cache shared by all charts."""

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Leave the wheel to the Trends view, which scrolls (the charts do not zoom)."""
        event.ignore()


class ChartCard(QWidget):
    """A titled chart with its own read-out line and a button to save it as PNG or SVG."""

    saved = Signal(str)  # the path written
    failed = Signal(str)  # a message for the status bar

    def __init__(self, spec: ChartSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.readout: Any = None
        self._data: TrendData | None = None
        self._theme: ChartTheme | None = None
        self._stale = False
        self.figure = Figure(dpi=100)
        self.canvas = ChartCanvas(self.figure)
        self.canvas.setAccessibleName(f"{spec.title} chart")
        self.canvas.setMinimumHeight(int(spec.height_in * 100))
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.canvas.setFixedHeight(int(spec.height_in * 100))
        self.canvas.mpl_connect("motion_notify_event", self._hover)
        self.canvas.mpl_connect("figure_leave_event", lambda _e: self.value_label.setText(HINT))
        self.canvas.mpl_connect("resize_event", lambda _e: chart_layout.relayout(self.figure))

        self.value_label = QLabel(HINT)
        self.value_label.setAccessibleName(f"{spec.title}: value under the pointer")
        self.value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = QPushButton("Save…")
        self.save_button.setToolTip(f"Save the {spec.title.lower()} chart as a PNG or SVG file")
        self.save_button.setAccessibleName(f"Save the {spec.title.lower()} chart")
        self.save_button.clicked.connect(self.ask_and_save)

        header = QHBoxLayout()
        header.addWidget(self.value_label, 1)
        header.addWidget(self.save_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 6, 0, 6)
        box.addLayout(header)
        box.addWidget(self.canvas)

    def set_data(self, data: TrendData, theme: ChartTheme) -> None:
        """Take new data or colours; the figure is rebuilt by :meth:`ensure_drawn`."""
        self._data = data
        self._theme = theme
        self._stale = True

    @property
    def stale(self) -> bool:
        return self._stale

    def ensure_drawn(self) -> None:
        """Redraw the chart if its data or colours changed (Qt renders it on the next paint).

        The figure keeps its axes from one drawing to the next (making axes is the largest
        part of a new chart); only what they show is replaced.

        The view calls this only for cards in sight, so charts scrolled out of view cost
        nothing until they are scrolled to.
        """
        if not self._stale or self._data is None:
            return
        self._stale = False
        with chart_layout.redrawing(self.figure):  # reuses the axes drawn before
            self.readout = self.spec.draw(self.figure, self._data, self._theme, chart_layout.WHOLE)
        self.canvas.draw_idle()

    def _hover(self, event: MouseEvent) -> None:
        if self.readout is None:
            return
        text = self.readout.text_at(event.xdata, event.ydata, event.inaxes)
        self.value_label.setText(text or HINT)

    def ask_and_save(self) -> None:
        day = self._data.end.isoformat() if self._data else "chart"
        path, chosen = QFileDialog.getSaveFileName(
            self,
            f"Save the {self.spec.title.lower()} chart",
            f"refill-{self.spec.id}-{day}.png",
            ";;".join(FORMATS),
        )
        if path:
            self.save_to(Path(path), FORMATS.get(chosen, ".png"))

    def save_to(self, path: Path, default_suffix: str = ".png") -> Path | None:
        """Write the chart as PNG or SVG (by the file's suffix, else ``default_suffix``)."""
        self.ensure_drawn()
        if path.suffix.lower() not in (".png", ".svg"):
            path = path.with_name(path.name + default_suffix)
        try:
            self.figure.savefig(
                path, format=path.suffix[1:].lower(), facecolor=self.figure.get_facecolor(), dpi=150
            )
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            self.failed.emit(f"Could not save the chart to {path}: {reason}")
            return None
        self.saved.emit(str(path))
        return path
