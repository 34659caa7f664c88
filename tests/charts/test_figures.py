"""Figure functions: gaps are NaN in the plotted data, themes apply, read-outs tell values."""

from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
import pytest
from chart_support import END, gap_days
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import QuadMesh
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from journal.charts import CHARTS, DARK, LIGHT, draw_chart
from journal.charts.key import Key
from journal.charts.readout import NO_ENTRY
from journal.service.trends import load_trends


def _draw(data, chart_id, theme=LIGHT):
    fig = Figure(figsize=(8, 3), dpi=80)
    FigureCanvasAgg(fig)
    readout = draw_chart(fig, chart_id, data, theme)
    fig.canvas.draw()
    return fig, readout


@pytest.fixture
def data(filled):
    return load_trends(filled, END - dt.timedelta(days=34), END)


def test_missing_days_are_gaps_in_the_mood_line(data):
    """The plotted mood line holds NaN (a gap) on days without a check-in, not 0."""
    fig, _ = _draw(data, "mood")
    mood_line = next(line for line in fig.axes[0].get_lines() if line.get_label() == "Mood")
    x, y = mood_line.get_xdata(), mood_line.get_ydata()
    for day in gap_days():
        i = int(np.where(x == (day - dt.date(1970, 1, 1)).days)[0][0])
        assert np.isnan(y[i])
    assert not np.any(y == 0)


def test_missing_day_reads_no_entry(data):
    """Hovering a missing day says "no entry" instead of a number."""
    _fig, readout = _draw(data, "sleep")
    x = float((gap_days()[0] - dt.date(1970, 1, 1)).days)
    assert NO_ENTRY in readout.text_at(x)
    logged = float((END - dt.date(1970, 1, 1)).days)
    hours = data.daily.values["sleep_hours"][-1]
    assert f"slept {hours:g} h" in readout.text_at(logged)


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_theme_colours_are_applied(data, theme):
    """Backgrounds and the mood colour come from the theme."""
    fig, _ = _draw(data, "mood", theme)
    assert to_hex(fig.get_facecolor()) == theme.background.lower()
    assert to_hex(fig.axes[0].get_facecolor()) == theme.background.lower()
    mood_line = next(line for line in fig.axes[0].get_lines() if line.get_label() == "Mood")
    assert to_hex(mood_line.get_color()) == theme.style("mood").color.lower()


def test_dark_and_light_differ_and_series_differ_by_more_than_colour():
    """Dark mode changes the background; every line series has its own style or marker."""
    assert LIGHT.background != DARK.background
    cues = {(LIGHT.style(n).linestyle, LIGHT.style(n).marker) for n in ("mood", "energy", "stress")}
    assert len(cues) == 3


#: What each chart's values are called beside the plot (y axis labels, rows, colour scale).
VALUE_LABELS = {
    "mood": ("mood", "energy", "stress"),
    "sleep": ("sleep (hours)",),
    "load": ("hours per week",),
    "activity": ("minutes per week",),
    "calendar": ("mood (0–10)\nblank: no entry",),
    "events": (),  # markers on two rows named by the key
    "selfcheck": ("score (0–100)",),
}


@pytest.mark.parametrize("spec", CHARTS, ids=[c.id for c in CHARTS])
def test_every_chart_draws_with_units_and_no_data(journal, spec):
    """Each chart draws on an empty journal (no crash) and names its values and units."""
    empty = load_trends(journal, END - dt.timedelta(days=27), END)
    fig, readout = _draw(empty, spec.id)
    assert fig.axes
    labels = {ax.get_ylabel() for ax in fig.axes} | {t.get_text() for t in fig.texts}
    assert set(VALUE_LABELS[spec.id]) <= labels
    assert readout is not None


def test_heatmap_missing_cells_are_masked(data):
    """The mood calendar leaves days without a check-in empty (masked), not coloured as 0."""
    fig, readout = _draw(data, "calendar")
    (cells,) = [c for c in fig.axes[0].collections if isinstance(c, QuadMesh)]
    array = cells.get_array()
    assert np.ma.count_masked(array) >= len(gap_days())
    day = gap_days()[0]
    col = (day - (data.start - dt.timedelta(days=data.start.weekday()))).days // 7
    x = readout.x0 + 7 * col + 3
    assert NO_ENTRY in readout.text_at(x, day.weekday(), fig.axes[0])


def test_session_load_draws_the_weekly_cap(data):
    """The session-load chart draws the user's weekly cap as a horizontal line."""
    fig, _ = _draw(data, "load")
    cap = data.targets.weekly_session_hours_cap
    assert any(list(line.get_ydata()) == [cap, cap] for line in fig.axes[0].get_lines())


def test_charts_do_not_import_qt_or_pyplot():
    """Figure functions use Figure objects only: no pyplot state, no Qt."""
    import subprocess
    import sys

    code = (
        "import sys, journal.charts, journal.summary; "
        "assert 'matplotlib.pyplot' not in sys.modules; assert 'PySide6' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_value_ticks_label_round_values_beside_their_grid_lines(data):
    """Sleep's y ticks read 0–10 h in 2-hour steps, each label left of the plot beside its grid
    line; the dates are labelled under the plot; matplotlib's own tick objects are not used."""
    fig, _ = _draw(data, "sleep")
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    plot = ax.get_window_extent(renderer)
    labels = {t.get_text(): t for t in fig.texts}
    assert {"0", "2", "4", "6", "8", "10"} <= set(labels) and "12" not in labels
    (grid,) = [c for c in ax.collections if c.get_zorder() < 1]
    grid_y = sorted(float(segment[0][1]) for segment in grid.get_segments())
    assert grid_y == [0.0, 2.0, 4.0, 6.0, 8.0, 10.0]
    for value in ("0", "10"):
        box = labels[value].get_window_extent(renderer)
        assert box.x1 < plot.x0
        y = ax.transData.transform((0, float(value)))[1]
        assert box.y0 - 2 <= y <= box.y1 + 2
    months = [t for t in fig.texts if t.get_text().endswith(("Feb", "Mar"))]
    assert months and all(t.get_window_extent(renderer).y1 < plot.y0 for t in months)
    assert ax.get_xticks().size == 0 and ax.get_yticks().size == 0


def _key(fig):
    (key,) = [a for a in fig.artists if isinstance(a, Key)]
    return key


def test_key_names_each_series_beside_a_sample_drawn_like_it(data):
    """Above the self-check plot each score's name follows a sample in the series' colour, line
    style and marker; the entries do not overlap and end at the plot's right edge."""
    fig, _ = _draw(data, "selfcheck")
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    plot = ax.get_window_extent(renderer)
    entries = {name.get_text(): (name, sample) for name, sample in _key(fig).entries}
    boxes = []
    for line in ax.get_lines():
        name, sample = entries[line.get_label()]
        assert (sample.get_color(), sample.get_linestyle(), sample.get_marker()) == (
            line.get_color(),
            line.get_linestyle(),
            line.get_marker(),
        )
        drawn = sample.get_window_extent(renderer)
        text = name.get_window_extent(renderer)
        assert drawn.x1 < text.x0 < drawn.x1 + 15
        assert min(drawn.y0, text.y0) > plot.y1
        boxes += [drawn, text]
    assert len(boxes) == 8
    boxes.sort(key=lambda b: b.x0)
    assert all(a.x1 < b.x0 for a, b in itertools.pairwise(boxes))
    assert abs(boxes[-1].x1 - plot.x1) < 2


def test_session_key_shows_trauma_heavy_as_the_chart_does(data, filled):
    """The session chart's key has a plain swatch for other sessions and one for trauma-heavy
    sessions in the bars' colours, hatched as the bars are; on long ranges (weekly steps too
    narrow for a hatch) neither the steps nor the key are hatched."""
    other, trauma = LIGHT.style("other_hours").color.lower(), LIGHT.style("trauma_hours").color
    fig, _ = _draw(data, "load")
    swatches = {to_hex(p.get_facecolor()): p.get_hatch() for _name, p in _key(fig).entries}
    assert swatches == {other: None, trauma.lower(): "///"}
    assert {p.get_hatch() for p in fig.axes[0].patches if to_hex(p.get_facecolor()) != other} == {
        "///"
    }
    long = load_trends(filled, END - dt.timedelta(days=999), END)
    fig, _ = _draw(long, "load")
    assert {p.get_hatch() for _name, p in _key(fig).entries} == {None}
    assert {p.get_hatch() for p in fig.axes[0].patches} == {None}
