"""Light and dark themes: palettes, the style sheet and the change signal views listen to."""

from __future__ import annotations

import re

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from journal.ui import theme


def test_dark_and_light_switch_and_signal(qtbot, monkeypatch) -> None:
    """apply_theme switches the palette and emits theme_changed with is_dark()."""
    monkeypatch.delenv(theme.ENV_OVERRIDE, raising=False)
    app = QApplication.instance()
    theme.apply_theme(app, "light")
    with qtbot.waitSignal(theme.theme_changed, timeout=1000) as blocker:
        theme.apply_theme(app, "dark")
    assert blocker.args == [True] and theme.is_dark()
    window = app.palette().color(QPalette.ColorRole.Window)
    assert window.lightness() < 80
    theme.apply_theme(app, "light")
    assert not theme.is_dark()
    assert app.palette().color(QPalette.ColorRole.Window).lightness() > 200


def test_environment_override_wins(monkeypatch) -> None:
    """REFILL_THEME (screenshots, tests) overrides the saved choice; junk is ignored."""
    monkeypatch.setenv(theme.ENV_OVERRIDE, "dark")
    assert theme.effective_mode("light") == "dark"
    monkeypatch.setenv(theme.ENV_OVERRIDE, "purple")
    assert theme.effective_mode("light") == "light"
    assert theme.effective_mode("nonsense") == "system"


def test_style_sheet_has_every_colour_filled_in() -> None:
    """No @name placeholder survives in either style sheet; every colour is a #rrggbb value."""
    for colours in (theme.LIGHT, theme.DARK):
        sheet = theme.style_sheet(colours)
        assert "@" not in sheet
        assert all(len(c) == 7 for c in re.findall(r"#[0-9a-fA-F]+", sheet))


def test_launch_follows_the_platform_palette_then_the_desktop_scheme(monkeypatch) -> None:
    """Before the first paint the platform's palette decides (dark text on light, or light on
    dark); once shown, the desktop's colour scheme itself does, repainting only if it differs."""
    monkeypatch.delenv(theme.ENV_OVERRIDE, raising=False)
    app = QApplication.instance()
    dark_scheme = [True]
    monkeypatch.setattr(theme, "_system_is_dark", lambda: dark_scheme[0])
    app.setPalette(theme.palette_for(theme.DARK))
    theme.apply_launch_theme(app)
    assert theme.is_dark()
    app.setPalette(theme.palette_for(theme.LIGHT))
    theme.apply_launch_theme(app)
    assert not theme.is_dark()
    theme.confirm_system_scheme(app)
    assert theme.is_dark()
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 80
    dark_scheme[0] = False
    theme.confirm_system_scheme(app)
    assert not theme.is_dark()
    theme.apply_theme(app, "dark")  # a chosen theme is not the desktop's to change
    dark_scheme[0] = False
    theme.confirm_system_scheme(app)
    assert theme.is_dark()
    theme.apply_theme(app, "light")


def test_launch_theme_honours_the_environment_override(monkeypatch) -> None:
    """REFILL_THEME decides the launch's colours too, whatever the platform's palette."""
    monkeypatch.setenv(theme.ENV_OVERRIDE, "dark")
    app = QApplication.instance()
    app.setPalette(theme.palette_for(theme.LIGHT))
    theme.apply_launch_theme(app)
    assert theme.is_dark()
    monkeypatch.delenv(theme.ENV_OVERRIDE)
    theme.apply_theme(app, "light")
