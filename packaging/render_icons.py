"""Render the app icon SVG to PNGs at the sizes the window uses.

    QT_QPA_PLATFORM=offscreen python packaging/render_icons.py

The window loads these PNGs instead of the SVG: rendering an SVG first loads the QtSvg plugin,
which cost about 0.1 s at start-up. The SVG stays the source (and what the desktop entry uses).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from journal import APP_ID  # noqa: E402

SIZES = (32, 64, 72, 128, 144, 256)
ICONS = HERE.parent / "resources" / "icons"


def png_path(size: int) -> Path:
    return ICONS / "png" / f"{APP_ID}-{size}.png"


def main() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / f"{APP_ID}.svg"))
    png_path(0).parent.mkdir(exist_ok=True)
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        image.save(str(png_path(size)))
        print(f"wrote {png_path(size).relative_to(HERE.parent)}")
    del app


if __name__ == "__main__":
    main()
