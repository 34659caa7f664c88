"""The summary PDF: privacy, each section present or left out, the overview's figures."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from summary_support import CANARY, END, MARKED_TEXT, START, pdf_text

from journal.store.models import Entry, Sleep
from journal.summary import SummaryOptions, build_pdf, gather
from journal.summary.document import PURPOSE
from journal.summary.options import SECTIONS, SummaryError, parse_sections

NOTE = "Could we look at how my Thursdays are planned"


def _pdf(journal, **kw) -> tuple[bytes, object]:
    options = SummaryOptions(start=START, end=END, note=NOTE, **kw)
    content = gather(journal, options)
    return build_pdf(content), content


def test_unmarked_entries_never_appear_marked_do(filled):
    """An unmarked entry's text is absent from the PDF; a marked entry's text is there."""
    data, _ = _pdf(filled)
    text = pdf_text(data)
    assert CANARY not in text
    assert CANARY.encode() not in data
    assert MARKED_TEXT in text


def test_every_section_is_present_by_its_text(filled):
    """Cover line, overview, charts, flags, actions, note and entries are all in the text."""
    data, content = _pdf(filled, sections=SECTIONS)
    text = pdf_text(data)
    for expected in (
        PURPOSE,
        "Refill supervision summary",
        "Overview",
        "This period",
        "Mood, energy and stress",
        "Sleep",
        "Client session hours per week",
        "Patterns worth noticing",
        "Cup actions and what helped",
        NOTE,
        "Journal entries I chose to share",
        "Confidential",
        "Page 1 of",
    ):
        assert expected in text, expected
    for flag in content.flags:
        assert flag.title in text


def test_sections_left_out_are_absent(filled):
    """Leaving sections out removes their headings and content."""
    data, _ = _pdf(filled, sections=("overview",))
    text = pdf_text(data)
    assert "Overview" in text
    for absent in ("Patterns worth noticing", "Cup actions", NOTE, MARKED_TEXT, "Mood, energy"):
        assert absent not in text


def _short_nights(journal) -> None:
    for back in range(10):
        day = (END - dt.timedelta(days=back)).isoformat()
        journal.sleep.save(Sleep(day, hours=5.0))


def test_a_flag_can_be_left_out(filled):
    """A flag the user left out is not in the PDF; its title is there when kept."""
    _short_nights(filled)
    options = SummaryOptions(start=START, end=END, sections=("flags",))
    content = gather(filled, options)
    sleep_debt = next(f for f in content.all_flags if f.id == "sleep_debt")
    assert sleep_debt.title in pdf_text(build_pdf(content))
    without = gather(filled, dataclasses.replace(options, left_out_flags=frozenset({"sleep_debt"})))
    text = pdf_text(build_pdf(without))
    assert sleep_debt.title not in text
    assert all(f.title in text for f in without.flags)


def test_overview_compares_with_the_previous_period(filled):
    """The overview has this period's and the previous 28 days' averages."""
    _, content = _pdf(filled)
    mood = next(m for m in content.overview if m.label.startswith("Mood"))
    assert mood.now is not None and mood.before is not None
    assert content.options.previous == (START - dt.timedelta(days=28), START - dt.timedelta(days=1))
    logged = next(m for m in content.overview if m.label.startswith("Days with"))
    assert logged.now == 28


def test_metadata_has_no_personal_text(filled):
    """Title/Creator/Producer name the document only: no note, entry or period text."""
    from io import BytesIO

    from pypdf import PdfReader

    data, _ = _pdf(filled)
    meta = PdfReader(BytesIO(data)).metadata
    assert meta.title == "Refill supervision summary"
    assert meta.producer == "Refill" and meta.creator.startswith("Refill")
    joined = " ".join(str(v) for v in meta.values())
    for personal in (NOTE, MARKED_TEXT, CANARY, "Private"):
        assert personal not in joined


def test_marked_entry_identifiers_are_found(filled):
    """A marked entry with a phone number is reported by the identifier re-check."""
    filled.entries.add(
        Entry(
            END.isoformat(), title="Call", body="ring 020 7946 0958 later", include_in_summary=True
        )
    )
    _, content = _pdf(filled)
    assert content.identifier_hits >= 1
    assert any(hit.kind == "phone" for marked in content.entries for hit in marked.hits)


def test_bad_requests_are_refused_with_reasons():
    """An inverted period or an unknown section is refused with a clear message."""
    with pytest.raises(SummaryError, match="before it starts"):
        SummaryOptions(start=END, end=START)
    with pytest.raises(SummaryError, match="unknown section 'moods'"):
        parse_sections("overview,moods")
    assert parse_sections("flags, overview") == ("overview", "flags")


def test_text_beyond_latin_is_kept(filled):
    """A marked entry in Greek is set in the embedded font, so no character becomes '?'."""
    greek = "Σήμερα ήταν μια δύσκολη μέρα"
    filled.entries.add(
        Entry(END.isoformat(), title="Ελληνικά", body=greek, include_in_summary=True)
    )
    data, _ = _pdf(filled, sections=("entries",))
    assert greek in pdf_text(data)
