"""The Trends view: range switching, hover read-outs, gaps, saving charts, dark mode."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import numpy as np
import pytest
from matplotlib.backend_bases import MouseEvent
from matplotlib.colors import to_hex

sys.path.insert(0, str(Path(__file__).parent.parent / "charts"))
from synthetic_journal import fill_journal

from journal.charts import DARK, LIGHT
from journal.ui.trends_view import TrendsView

END = dt.date(2026, 3, 1)
GAP = END - dt.timedelta(days=5)


@pytest.fixture
def view(qtbot, journal):
    fill_journal(journal, END, 120, gaps=frozenset({119 - 5}))
    trends = TrendsView(journal, today=lambda: END)
    qtbot.addWidget(trends)
    trends.resize(900, 700)
    with qtbot.waitSignal(trends.redrawn, timeout=10_000):
        trends.show()
    return trends


def _card(view, chart_id):
    card = next(card for card in view.cards if card.spec.id == chart_id)
    card.ensure_drawn()
    return card


def _hover(card, day: dt.date, y: float) -> str:
    ax = card.readout.axes[0]
    x = float((day - dt.date(1970, 1, 1)).days)
    px, py = ax.transData.transform((x, y))
    MouseEvent("motion_notify_event", card.canvas, px, py)._process()
    return card.value_label.text()


def test_range_switch_reloads_and_redraws(qtbot, view):
    """Choosing '1 year' loads 365 days and redraws every chart; 'All' starts at the first log."""
    assert view.data.days == 28
    with qtbot.waitSignal(view.redrawn, timeout=10_000):
        view.set_range("1y")
    assert view.data.days == 365 and view.range_key == "1y"
    with qtbot.waitSignal(view.redrawn, timeout=10_000):
        view.set_range("all")
    assert view.data.start == END - dt.timedelta(days=119)
    with qtbot.waitSignal(view.redrawn, timeout=10_000):
        view.set_custom_range(dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    assert (view.data.start, view.data.end) == (dt.date(2026, 1, 1), dt.date(2026, 1, 31))


def test_range_switch_reuses_the_chart_axes(qtbot, view):
    """A range switch redraws into the same axes (cheaper than new ones) with the new data."""
    card = _card(view, "mood")
    before = list(card.figure.axes)
    with qtbot.waitSignal(view.redrawn, timeout=10_000):
        view.set_range("3m")
    card.ensure_drawn()
    assert card.figure.axes == before
    line = next(ln for ln in card.figure.axes[0].get_lines() if ln.get_label() == "Mood")
    assert len(line.get_xdata()) == 91
    # The 4-week lines are gone: one line per rating.
    assert [ln.get_label() for ln in card.figure.axes[0].get_lines()] == [
        "Mood",
        "Energy",
        "Stress",
    ]


def test_hover_reads_the_exact_value(view):
    """Pointing at a logged night shows its date and hours."""
    card = _card(view, "sleep")
    hours = view._journal.sleep.get(END.isoformat()).hours
    text = _hover(card, END, hours)
    assert "Sun 1 Mar 2026" in text and f"slept {hours:g} h" in text


def test_missing_day_is_a_gap_and_reads_no_entry(view):
    """A day without a check-in is NaN in the drawn mood line and reads 'no entry'."""
    card = _card(view, "mood")
    line = next(ln for ln in card.figure.axes[0].get_lines() if ln.get_label() == "Mood")
    x = float((GAP - dt.date(1970, 1, 1)).days)
    i = int(np.where(line.get_xdata() == x)[0][0])
    assert np.isnan(line.get_ydata()[i])
    assert "mood no entry" in _hover(card, GAP, 5)


def test_save_png_and_svg(view, tmp_path, monkeypatch):
    """Saving writes the format asked for: PNG by default, SVG when chosen."""
    card = _card(view, "load")
    png = card.save_to(tmp_path / "load")
    assert png.name == "load.png" and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    chosen = tmp_path / "chart.svg"
    monkeypatch.setattr(
        "journal.ui.trends_chart.QFileDialog.getSaveFileName",
        lambda *a, **k: (str(chosen), "SVG image (*.svg)"),
    )
    card.save_button.click()
    assert b"<svg" in chosen.read_bytes()[:400]


def test_charts_out_of_sight_wait_for_a_scroll(qtbot, view):
    """Only charts in sight are built; scrolling to the last one builds it."""
    last = view.cards[-1]
    assert last.stale and last.readout is None
    view._scroll.ensureWidgetVisible(last)
    qtbot.waitUntil(lambda: not last.stale, timeout=5_000)
    assert last.readout is not None


def test_failed_save_is_reported(view, tmp_path):
    """Saving into a missing folder reports the problem instead of failing silently."""
    card = _card(view, "sleep")
    messages: list[str] = []
    card.failed.connect(messages.append)
    assert card.save_to(tmp_path / "missing" / "x.png") is None
    assert messages and "Could not save" in messages[0]


def test_charts_follow_the_theme(qtbot, qapp, view):
    """Switching to dark restyles the charts with the dark palette, and back."""
    from journal.ui.theme import apply_theme

    try:
        with qtbot.waitSignal(view.redrawn, timeout=10_000):
            apply_theme(qapp, "dark")
        assert to_hex(_card(view, "mood").figure.get_facecolor()) == DARK.background.lower()
    finally:
        with qtbot.waitSignal(view.redrawn, timeout=10_000):
            apply_theme(qapp, "light")
    assert to_hex(_card(view, "mood").figure.get_facecolor()) == LIGHT.background.lower()


def test_chart_canvas_renders_text_from_the_cache(view):
    """The window's chart canvases render through the caching Agg renderer."""
    from journal.charts.canvas import TextCacheRenderer

    card = _card(view, "mood")
    card.canvas.draw()
    assert isinstance(card.canvas.get_renderer(), TextCacheRenderer)


def test_wheel_over_a_chart_is_left_to_the_view(qtbot, view):
    """A chart does not take the mouse wheel: Qt hands a wheel event nobody accepted to the
    parents, so the list of charts scrolls under the pointer (a synthetic event is not passed
    on, so the test checks that the chart leaves it, and that the view scrolls with it)."""
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    def wheel(widget):
        where = QPointF(widget.width() / 2, widget.height() / 2)
        return QWheelEvent(
            where,
            QPointF(widget.mapToGlobal(where.toPoint())),
            QPoint(),
            QPoint(0, -120),  # one notch towards the user: scroll down
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )

    canvas = _card(view, "sleep").canvas
    on_chart = wheel(canvas)
    QApplication.sendEvent(canvas, on_chart)
    assert not on_chart.isAccepted()
    bar = view._scroll.verticalScrollBar()
    assert bar.value() == 0
    QApplication.sendEvent(view._scroll.viewport(), wheel(view._scroll.viewport()))
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=2_000)
