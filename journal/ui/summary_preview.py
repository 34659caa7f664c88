"""The page preview of the supervisor summary: the PDF's own page figures as images."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget


class PreviewPane(QScrollArea):
    """Pages one under the other, each with a thin frame; a message when there is none yet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAccessibleName("Preview of the summary pages")
        self.setMinimumWidth(420)
        self._pages: list[QLabel] = []
        self._message = QLabel()
        self._message.setWordWrap(True)
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.show_message("Choose what to include, then press Preview to see the pages.")

    @property
    def page_count(self) -> int:
        return len(self._pages)

    def show_message(self, text: str) -> None:
        self._pages = []
        self._message = QLabel(text)
        self._message.setWordWrap(True)
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message.setProperty("role", "muted")
        self.setWidget(self._message)

    def show_pages(self, pngs: list[bytes]) -> None:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setSpacing(12)
        self._pages = []
        for number, png in enumerate(pngs, start=1):
            pixmap = QPixmap()
            pixmap.loadFromData(png, "PNG")
            label = QLabel()
            label.setPixmap(pixmap)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setAccessibleName(f"Page {number} of {len(pngs)}")
            label.setStyleSheet("border: 1px solid palette(mid);")
            box.addWidget(label)
            self._pages.append(label)
        box.addStretch(1)
        self.setWidget(holder)
