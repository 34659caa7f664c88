"""The words and order of a supervisor summary: content in, blocks for the page flow out.

Only sections the user kept produce blocks, so a section left out leaves no trace in the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from journal import charts
from journal.summary.content import Measure, SummaryContent, format_value
from journal.summary.flow import Block, Chart, PageBreak, Row, Text
from journal.summary.options import CHART_SECTIONS, SECTION_TITLES

TITLE = "Refill supervision summary"
PURPOSE = "prepared by the clinician for reflective supervision — not a clinical assessment"
CONFIDENTIAL = "Confidential"
MAX_ACTIONS = 15
MAX_HELPS = 8


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def period_text(start: dt.date, end: dt.date) -> str:
    days = (end - start).days + 1
    return f"{long_date(start)} – {long_date(end)} ({days} days)"


def heading(text: str) -> Text:
    return Text(text, size=14, bold=True, before=0.22, after=0.08, keep_with_next=True)


def subheading(text: str) -> Text:
    return Text(text, size=11, bold=True, before=0.14, after=0.03, keep_with_next=True)


def para(text: str, **kw: object) -> Text:
    return Text(text, **kw)  # type: ignore[arg-type]


def cover(content: SummaryContent) -> Iterator[Block]:
    o = content.options
    yield Text(TITLE, size=24, bold=True, after=0.12)
    yield Text(f"Period: {period_text(o.start, o.end)}", size=12, after=0.02)
    yield Text(f"Generated on {long_date(content.generated)}", size=12, after=0.2)
    yield Text(PURPOSE[0].upper() + PURPOSE[1:] + ".", size=12, italic=True, after=0.3)
    yield Text("In this summary", size=12, bold=True, after=0.04)
    for section in o.sections:
        if section == "note" and not o.note.strip():
            continue
        yield Text(
            f"•  {SECTION_TITLES[section]}",
            size=10.5,
            indent=0.15,
            hanging=0.14,
            before=0.0,
            after=0.0,
        )
    yield Text(
        "Figures come from the clinician's own daily logs in Refill. Flags are patterns worth "
        "noticing in those logs, never a diagnosis or a risk assessment. Journal text appears "
        "only for entries the clinician chose to share.",
        size=9.5,
        muted=True,
        before=0.35,
    )
    yield PageBreak()


def _change(m: Measure) -> str:
    change = m.change
    if change is None:
        return "—"
    step = 10**-m.digits / 2
    if abs(change) < step:
        return "same"
    direction = "higher" if change > 0 else "lower"
    return f"{change:+.{m.digits}f}{m.unit} {direction}"


def overview(content: SummaryContent) -> Iterator[Block]:
    o = content.options
    before_start, before_end = o.previous
    yield heading("Overview")
    yield para(
        f"This period, {period_text(o.start, o.end)}, against the {o.days} days before it "
        f"({long_date(before_start)} – {long_date(before_end)}). Averages are over the days "
        "that were logged; a dash means nothing was logged.",
        size=9.5,
        muted=True,
        after=0.1,
    )
    aligns = ("left", "right", "right", "right")
    right_edges = (0.0, 3.95, 5.1, 6.45)  # numbers are right-aligned on these edges
    yield Row(("", "This period", "Previous", "Change"), right_edges, 9.5, True, True, aligns)
    for m in content.overview:
        yield Row(
            (
                m.label,
                format_value(m.now, m.unit, m.digits),
                format_value(m.before, m.unit, m.digits),
                _change(m),
            ),
            right_edges,
            size=10,
            aligns=aligns,
        )


def chart_blocks(content: SummaryContent) -> Iterator[Block]:
    chosen = [s for s in content.options.sections if s in CHART_SECTIONS]
    if not chosen:
        return
    yield heading("Charts")
    yield para(
        "Gaps are days with nothing logged (never counted as zero). Shaded bands show the "
        "clinician's usual range: the median of the 28 days ending a week earlier, ± its spread.",
        size=9.5,
        muted=True,
        after=0.06,
    )
    for chart_id in chosen:
        spec = charts.chart(chart_id)
        yield Chart(chart_id, spec.height_in * 0.95)


def _evidence(e: object) -> str:
    metric = str(getattr(e, "metric", "")).replace("_", " ")
    window = getattr(e, "window_days", None)
    parts = [f"{metric}, last {window} days: {format_value(getattr(e, 'recent', None))}"]
    baseline = getattr(e, "baseline", None)
    target = getattr(e, "target", None)
    if baseline is not None:
        parts.append(f"usual {format_value(baseline)}")
    if target is not None:
        parts.append(f"target {format_value(target)}")
    text = " · ".join(parts)
    note = getattr(e, "note", "")
    return f"{text} ({note})" if note else text


def flags(content: SummaryContent) -> Iterator[Block]:
    yield heading("Patterns worth noticing")
    left_out = len(content.all_flags) - len(content.flags)
    if not content.flags:
        text = "No patterns were flagged as of the last day of this period."
        if left_out:
            text = "No flags are included in this summary."
        yield para(text)
        return
    yield para(
        f"As of {long_date(content.options.end)}. 'Watch' means one signal; 'warning' means it "
        "persisted or several signals agree.",
        size=9.5,
        muted=True,
    )
    for flag in content.flags:
        level = "Warning" if flag.level == "warning" else "Watch"
        kind = flag.kind.replace("_", " ")
        yield subheading(f"{flag.title}")
        yield para(
            f"{level} · {kind} · since {long_date(flag.since)}", size=9, muted=True, before=0.0
        )
        yield para(flag.explanation, size=10)
        for e in flag.evidence:
            yield para(
                f"•  {_evidence(e)}", size=9.5, indent=0.15, hanging=0.14, before=0.0, after=0.0
            )
        if flag.is_not:
            yield para(
                f"What this is not: {flag.is_not}", size=9, muted=True, italic=True, before=0.05
            )


def actions(content: SummaryContent) -> Iterator[Block]:
    yield heading("Cup actions and what helped")
    if content.actions:
        aligns = ("left", "right", "right")
        shown, rest = content.actions[:MAX_ACTIONS], content.actions[MAX_ACTIONS:]
        edges = (0.0, 5.1, 6.45)
        yield Row(
            ("Action done in the period", "Times", "Minutes"),
            edges,
            size=9.5,
            bold=True,
            rule=True,
            aligns=aligns,
        )
        for a in shown:
            yield Row(
                (a.title, str(a.times), str(a.minutes) if a.minutes else "—"),
                edges,
                size=10,
                aligns=aligns,
            )
        if rest:
            more = sum(a.times for a in rest)
            yield para(f"…and {len(rest)} other actions, done {more} times.", size=9.5, muted=True)
    else:
        yield para("No cup actions were logged in this period.")
    yield subheading("What seemed to help (an observation, not proof)")
    helps = sorted((h for h in content.helps if h.favourable), key=lambda h: -abs(h.next_day_diff))
    if not content.helps:
        yield para(
            "Not enough days yet: an action needs at least 10 days done and 10 days not done.",
            size=10,
        )
        return
    if not helps:
        yield para("No action was followed by a clearly better next day in this data.", size=10)
    for h in helps[:MAX_HELPS]:
        low, high = h.ci90
        better = "lower" if h.metric == "stress" else "higher"
        tag = " — suggestive only" if h.suggestive else ""
        yield para(
            f"•  {h.title}: next-day {h.metric} {h.next_day_diff:+.1f} (90 % interval "
            f"{low:+.1f} to {high:+.1f}; {better} is better), {h.n_done} days with, "
            f"{h.n_not} without{tag}.",
            size=9.5,
            indent=0.15,
            hanging=0.14,
            before=0.0,
            after=0.02,
        )
    yield para(
        "Listed: actions whose whole 90 % interval lies on the good side, largest first. "
        + content.helps[0].note,
        size=9,
        muted=True,
        italic=True,
        before=0.06,
    )


def note(content: SummaryContent) -> Iterator[Block]:
    text = content.options.note.strip()
    if not text:
        return
    yield heading("Note to my supervisor")
    yield para(text, size=10.5)


def entries(content: SummaryContent) -> Iterator[Block]:
    yield heading("Journal entries I chose to share")
    if not content.entries:
        yield para("No entries in this period were marked for the summary.")
        return
    for marked in content.entries:
        e = marked.entry
        day = dt.date.fromisoformat(e.date)
        title = e.title.strip() or "Untitled entry"
        yield subheading(f"{long_date(day)} — {title}")
        if e.tags:
            yield para("Tags: " + ", ".join(e.tags), size=9, muted=True, before=0.0)
        yield para(e.body.strip(), size=10)


def blocks(content: SummaryContent) -> list[Block]:
    """All blocks of the summary, in page order."""
    o = content.options
    out: list[Block] = list(cover(content))
    if o.has("overview"):
        out.extend(overview(content))
    out.extend(chart_blocks(content))
    for section, make in (
        ("flags", flags),
        ("actions", actions),
        ("note", note),
        ("entries", entries),
    ):
        if o.has(section):
            out.extend(make(content))
    return out
