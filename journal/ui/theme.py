"""Light and dark appearance: the Fusion style with calm palettes and one small style sheet.

``apply_theme(app, mode)`` with mode ``"system"`` follows the desktop's colour scheme
(``QStyleHints.colorScheme()``) and keeps following it when the desktop switches. Views that paint
their own colours (charts, banners) connect to ``theme_changed`` and ask ``is_dark()``.

``REFILL_THEME=light|dark`` overrides the saved choice (screenshots and tests).

A launch paints with :func:`apply_launch_theme`, which does without ``colorScheme()`` until the
window is on screen (see there).

The palettes are made for the :data:`STYLE` widget style, which is chosen once, when the
application is created (``journal.ui.app.create_application``), not on every theme change.
"""

from __future__ import annotations

import os
from typing import NamedTuple

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from journal.resources import resource_path

MODES = ("system", "light", "dark")
STYLE = "Fusion"
ENV_OVERRIDE = "REFILL_THEME"


class Colours(NamedTuple):
    """The handful of colours everything else derives from. (Records that the unlock window
    needs are named tuples: importing ``dataclasses`` would cost the launch ~4 ms.)"""

    window: str
    base: str
    alt_base: str
    text: str
    muted: str
    button: str
    accent: str
    accent_text: str
    link: str
    warning_bg: str
    warning_text: str
    error_text: str
    border: str
    card: str


LIGHT = Colours(
    window="#f6f4ef",
    base="#ffffff",
    alt_base="#efece5",
    text="#24292e",
    muted="#5c6166",
    button="#ebe8e1",
    accent="#2f6f73",
    accent_text="#ffffff",
    link="#1f5f8b",
    warning_bg="#fff3d6",
    warning_text="#5a4300",
    error_text="#a4262c",
    border="#c4beb2",
    card="#ffffff",
)

DARK = Colours(
    window="#1f2326",
    base="#171a1c",
    alt_base="#262b2f",
    text="#e6e6e3",
    muted="#a7adb2",
    button="#2c3236",
    accent="#5fb3b3",
    accent_text="#0f1416",
    link="#8cc4e8",
    warning_bg="#3d3420",
    warning_text="#f3dca0",
    error_text="#ff9b94",
    border="#555e65",
    card="#262b2f",
)


class _ThemeNotifier(QObject):
    changed = Signal(bool)  # argument: is_dark()


_notifier = _ThemeNotifier()
#: Emitted with ``is_dark()`` after every change of the applied colours.
theme_changed = _notifier.changed
_state = {"mode": "system", "dark": False, "following": False}


def _system_is_dark() -> bool:
    """Whether the desktop's colour scheme is dark."""
    from PySide6.QtCore import Qt  # not at import: see apply_launch_theme

    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def palette_is_dark(palette: QPalette) -> bool:
    """Light text on a dark window: how Qt tells a dark palette from a light one."""
    text = palette.color(QPalette.ColorRole.WindowText).lightness()
    return text > palette.color(QPalette.ColorRole.Window).lightness()


def is_dark() -> bool:
    """Whether the colours currently applied are the dark ones."""
    return bool(_state["dark"])


def colours() -> Colours:
    """The colour set in use (for widgets that paint their own)."""
    return DARK if is_dark() else LIGHT


def effective_mode(saved: str) -> str:
    """The mode to apply: the environment override if set, else the saved choice."""
    override = os.environ.get(ENV_OVERRIDE, "").strip().lower()
    if override in MODES:
        return override
    return saved if saved in MODES else "system"


def palette_for(c: Colours) -> QPalette:
    """A full QPalette (active and disabled groups) built from ``c``."""
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: c.window,
        QPalette.ColorRole.WindowText: c.text,
        QPalette.ColorRole.Base: c.base,
        QPalette.ColorRole.AlternateBase: c.alt_base,
        QPalette.ColorRole.ToolTipBase: c.base,
        QPalette.ColorRole.ToolTipText: c.text,
        QPalette.ColorRole.PlaceholderText: c.muted,
        QPalette.ColorRole.Text: c.text,
        QPalette.ColorRole.Button: c.button,
        QPalette.ColorRole.ButtonText: c.text,
        QPalette.ColorRole.BrightText: c.error_text,
        QPalette.ColorRole.Highlight: c.accent,
        QPalette.ColorRole.HighlightedText: c.accent_text,
        QPalette.ColorRole.Link: c.link,
        QPalette.ColorRole.LinkVisited: c.link,
        QPalette.ColorRole.Mid: c.border,
        QPalette.ColorRole.Midlight: c.alt_base,
        QPalette.ColorRole.Dark: c.border,
        QPalette.ColorRole.Shadow: "#000000",
        QPalette.ColorRole.Light: c.base,
    }
    for role, value in roles.items():
        pal.setColor(role, QColor(value))
    disabled = QColor(c.muted)
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        pal.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return pal


def style_sheet(c: Colours) -> str:
    """The application style sheet with this palette's colours filled in."""
    template = resource_path("styles", "refill.qss").read_text(encoding="utf-8")
    # Longest names first, so "@accent" does not eat the start of "@accent_text".
    for name in sorted(c._fields, key=len, reverse=True):
        template = template.replace(f"@{name}", getattr(c, name))
    return template


def apply_theme(app: QApplication, mode: str) -> None:
    """Apply ``"system"``, ``"light"`` or ``"dark"`` to the whole application."""
    mode = effective_mode(mode)
    _state["mode"] = mode
    dark = _system_is_dark() if mode == "system" else mode == "dark"
    _start_following(app)
    _paint(app, dark)


def apply_launch_theme(app: QApplication) -> None:
    """:func:`apply_theme` with the ``"system"`` mode for a new application's first paint.

    ``QStyleHints.colorScheme()`` would cost ~25 ms before anything shows: PySide6 converts its
    answer by building every enum of the ``Qt`` namespace first. Until the window has painted,
    the palette the platform gave the new application stands in for it (a dark desktop gives a
    dark palette; Qt derives one from the other on most platforms); the window then calls
    :func:`confirm_system_scheme`, which asks the real question and repaints if they disagree.
    """
    mode = effective_mode("system")
    if mode != "system":
        apply_theme(app, mode)
        return
    _state["mode"] = mode
    _start_following(app)
    _paint(app, palette_is_dark(app.palette()))


def confirm_system_scheme(app: QApplication) -> None:
    """Once the window is on screen: follow the desktop's colour scheme itself (see
    :func:`apply_launch_theme`); nothing is repainted when the launch's colours were right."""
    if _state["mode"] == "system" and _system_is_dark() != is_dark():
        _paint(app, not is_dark())


def _start_following(app: QApplication) -> None:
    """Repaint when the desktop switches scheme (connected once; costs no ``Qt`` enum)."""
    if not _state["following"]:
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _s: _follow_system(app))
        _state["following"] = True


def _follow_system(app: QApplication) -> None:
    if _state["mode"] == "system":
        _paint(app, _system_is_dark())


def _paint(app: QApplication, dark: bool) -> None:
    c = DARK if dark else LIGHT
    app.setPalette(palette_for(c))
    app.setStyleSheet(style_sheet(c))
    changed = _state["dark"] != dark
    _state["dark"] = dark
    if changed or not _state.get("painted"):
        _state["painted"] = True
        theme_changed.emit(dark)
