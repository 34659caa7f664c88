"""Trend charts for 10 years (≤ 300 ms) and the supervisor summary PDF for 90 days (≤ 1.5 s).

In-process, on the 10-year demo journal, with matplotlib already imported (the window imports
it once, when the Trends tab is first shown). "Trend charts": read every series from the
encrypted journal, then build and render all seven charts with Agg at the window's size, into
new figures (the Trends tab shown for the first time). Rendering goes through the window's own
Agg renderer (``journal.charts.canvas``), which keeps each distinct label's pixels: the first
drawing fills that cache (and matplotlib's font caches) as the window's earlier drawings would,
and is shown on a row of its own (once, no target). After that the window keeps one figure per
chart and redraws it for another range, reusing its axes; a range switch from one year to ten
is measured that way, for all seven charts and for the charts in sight (the view builds the
others when they are scrolled to). Every chart is rendered to pixels each time. The summary is
the whole export: gather the period (insights included), draw the pages and write the PDF into
memory.
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
from collections.abc import Callable

from matplotlib.figure import Figure

from benchmarks.common import BenchContext, Row, ms, time_calls
from journal.charts import CHARTS, LIGHT, ChartSpec, layout
from journal.charts.canvas import ChartCanvasAgg
from journal.service.trends import load_trends
from journal.store import Journal
from journal.summary import SummaryOptions, build_pdf, gather

CHARTS_TARGET_MS = 300.0
VIEWPORT_PX = 680  # the scroll area of a 1280×800 window below the menus, tabs and range bar
CARD_CHROME_PX = 40  # a card's read-out line and margins
SUMMARY_TARGET_MS = 1500.0
WIDTH_IN = 10.0


def _last_day(journal: Journal) -> dt.date:
    return dt.date.fromisoformat(journal.checkins.dates()[-1])


def first_screen() -> tuple[ChartSpec, ...]:
    """The charts the Trends view shows without scrolling in a 1280×800 window."""
    shown, top = [], 0
    for spec in CHARTS:
        if top >= VIEWPORT_PX:
            break
        shown.append(spec)
        top += int(spec.height_in * 100) + CARD_CHROME_PX
    return tuple(shown)


def draw_all(data: object, charts: tuple[ChartSpec, ...] = CHARTS) -> None:
    """Build and render charts in new figures with Agg (the Trends tab's first showing)."""
    for spec in charts:
        fig = Figure(figsize=(WIDTH_IN, spec.height_in), dpi=100)
        ChartCanvasAgg(fig)
        spec.draw(fig, data, LIGHT, layout.WHOLE)
        fig.canvas.draw()


class Cards:
    """One figure per chart that lives on, like the Trends view's chart cards."""

    def __init__(self) -> None:
        self.figures: dict[str, Figure] = {}
        for spec in CHARTS:
            fig = Figure(figsize=(WIDTH_IN, spec.height_in), dpi=100)
            ChartCanvasAgg(fig)
            self.figures[spec.id] = fig

    def redraw(self, data: object, charts: tuple[ChartSpec, ...] = CHARTS) -> None:
        """Draw new data into the same figures, as a range switch does, and render them."""
        for spec in charts:
            fig = self.figures[spec.id]
            with layout.redrawing(fig):
                spec.draw(fig, data, LIGHT, layout.WHOLE)
            fig.canvas.draw()


def switch_ms(
    cards: Cards, before: object, load: Callable[[], object], charts: tuple[ChartSpec, ...]
) -> float:
    """Median time of a switch to ``load()``'s range from ``before`` (drawn untimed each time)."""
    samples = []
    for _ in range(5):
        cards.redraw(before, charts)
        start = time.perf_counter()
        cards.redraw(load(), charts)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def run(ctx: BenchContext) -> list[Row]:
    journal = Journal.open(ctx.journal_path, passphrase=ctx.passphrase)
    try:
        end = _last_day(journal)
        start = end - dt.timedelta(days=ctx.days - 1)
        # The first drawing in the process warms the caches (font files, glyphs, the text
        # cache); timed once to show what the very first showing of ten years costs.
        (cold_ms,) = time_calls(lambda: draw_all(load_trends(journal, start, end)), repeat=1)
        loads = time_calls(lambda: load_trends(journal, start, end), repeat=5)
        data = load_trends(journal, start, end)
        draws = time_calls(lambda: draw_all(data), repeat=5)
        both = time_calls(lambda: draw_all(load_trends(journal, start, end)), repeat=5)
        charts_ms = statistics.median(both)
        seen = first_screen()
        first_seen = time_calls(lambda: draw_all(load_trends(journal, start, end), seen), repeat=5)
        first_seen_ms = statistics.median(first_seen)
        cards = Cards()
        year = load_trends(journal, end - dt.timedelta(days=364), end)
        cards.redraw(data)  # warm: every figure has drawn its chart once
        switch_all_ms = switch_ms(cards, year, lambda: load_trends(journal, start, end), CHARTS)
        switch_seen_ms = switch_ms(cards, year, lambda: load_trends(journal, start, end), seen)

        options = SummaryOptions(start=end - dt.timedelta(days=89), end=end, note="A note.")
        summaries = time_calls(lambda: build_pdf(gather(journal, options)), repeat=3)
        summary_ms = statistics.median(summaries)
    finally:
        journal.close(backup_if_changed=False)
    years = ctx.days / 365.25
    return [
        Row(
            f"trend charts for {years:.0f} years: load + draw all {len(CHARTS)} in new figures "
            "(Trends first shown; median of 5)",
            ms(charts_ms),
            f"≤ {CHARTS_TARGET_MS:.0f} ms",
            charts_ms <= CHARTS_TARGET_MS,
        ),
        Row(
            "  the same as the process's first drawing (font files and text cache cold; once)",
            ms(cold_ms),
        ),
        Row(
            f"  Trends first shown: load + the {len(seen)} charts in sight, in new figures",
            ms(first_seen_ms),
            f"≤ {CHARTS_TARGET_MS:.0f} ms",
            first_seen_ms <= CHARTS_TARGET_MS,
        ),
        Row(
            f"  a range switch in the window, 1 year → {years:.0f} years: load + redraw all "
            f"{len(CHARTS)} in their figures",
            ms(switch_all_ms),
            f"≤ {CHARTS_TARGET_MS:.0f} ms",
            switch_all_ms <= CHARTS_TARGET_MS,
        ),
        Row(
            f"  the same switch, load + the {len(seen)} charts in sight "
            "(others draw when scrolled to)",
            ms(switch_seen_ms),
            f"≤ {CHARTS_TARGET_MS:.0f} ms",
            switch_seen_ms <= CHARTS_TARGET_MS,
        ),
        Row("  of which: reading the series from the journal", ms(statistics.median(loads))),
        Row(
            "  of which: building and rendering the charts in new figures (Agg)",
            ms(statistics.median(draws)),
        ),
        Row(
            "supervisor summary PDF, 90 days (gather + pages, in memory; median of 3)",
            ms(summary_ms),
            f"≤ {SUMMARY_TARGET_MS / 1000:.1f} s",
            summary_ms <= SUMMARY_TARGET_MS,
        ),
    ]
