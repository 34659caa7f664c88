"""The client-identifier guard and the crisis-language check (no Qt)."""

from __future__ import annotations

import itertools
import subprocess
import sys

import pytest

from journal.text_checks import crisis_language, find_identifiers, hint_for


def kinds(text: str) -> list[tuple[str, str]]:
    return [(text[h.start : h.end], h.kind) for h in find_identifiers(text)]


@pytest.mark.parametrize(
    ("text", "span", "kind"),
    [
        ("Her mobile is 07700 900123, call back", "07700 900123", "phone"),
        ("ring him on +44 20 7946 0958 tomorrow", "+44 20 7946 0958", "phone"),
        ("left a message at (555) 123-4567.", "(555) 123-4567", "phone"),
        ("number 555-123-4567", "555-123-4567", "phone"),
        ("phone 07700900123", "07700900123", "phone"),
        ("wrote to jane.doe+work@example.co.uk about it", "jane.doe+work@example.co.uk", "email"),
        ("DOB 12/04/2011 per the referral", "DOB 12/04/2011", "date_of_birth"),
        ("d.o.b.: 2011-04-12", "d.o.b.: 2011-04-12", "date_of_birth"),
        ("born on 3 March 2009 in Leeds", "born on 3 March 2009", "date_of_birth"),
        ("date of birth was May 5, 2010", "date of birth was May 5, 2010", "date_of_birth"),
        ("MRN: 00453321 came up", "MRN: 00453321", "record_number"),
        ("NHS number 943 476 5919", "NHS number 943 476 5919", "record_number"),
        ("case no. 2231-77 closed", "case no. 2231-77", "record_number"),
        ("SSN 123-45-6789", "SSN 123-45-6789", "record_number"),
        ("his 123-45-6789 card", "123-45-6789", "record_number"),
        ("NI AB 12 34 56 C on the form", "AB 12 34 56 C", "record_number"),
        ("reference 88123456 on the letter", "88123456", "record_number"),
        ("visited 221B Baker Street again", "221B Baker Street", "address"),
        ("lives at 14 Elm Park Road with", "14 Elm Park Road", "address"),
        ("postcode SW1A 1AA", "SW1A 1AA", "address"),
    ],
)
def test_identifiers_found(text: str, span: str, kind: str) -> None:
    """Each typical client identifier is found with its kind and exact span."""
    assert (span, kind) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Saw 6 clients on 2026-03-02, felt tired.",
        "Supervision on 03/02/2026 at 14:30 went well.",
        "Walked 45 minutes, slept 7.5 hours, 10000 steps.",
        "Between 2019-2021 I worked in a hospital.",
        "Back-to-back from 09:00-12:30 then 13:00-17:00.",
        "Felt 8/10 today, stress 3 of 10.",
        "3 long sessions and 2 short ones.",
        "I was born to do this work, honestly.",
        "Read chapter 12 of the book, pages 200-245.",
        "Budget of 1,500,000 for the service was cut.",
        "The team met in room 2.14 on level 3.",
        "Version 3.11.4 of the software crashed.",
        "My birthday is coming up and I feel old.",
        "",
    ],
)
def test_ordinary_text_not_flagged(text: str) -> None:
    """Ordinary dates, times, counts and numbers are not taken for identifiers."""
    assert find_identifiers(text) == []


def test_bare_labels_are_flagged() -> None:
    """A DOB or MRN label alone is pointed at: the value probably follows elsewhere."""
    assert [k for _, k in kinds("Need to check the DOB and MRN later")] == [
        "date_of_birth",
        "record_number",
    ]


def test_hits_are_ordered_and_do_not_overlap() -> None:
    """Several identifiers come back in order, never overlapping."""
    text = "DOB 01/02/2010, phone 07700 900123, mail a@b.org, MRN 12345"
    hits = find_identifiers(text)
    assert [h.kind for h in hits] == ["date_of_birth", "phone", "email", "record_number"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(hits))


def test_hint_wording() -> None:
    """The hint names what was seen and says why it matters."""
    (hit,) = find_identifiers("call 07700 900123")
    assert hint_for(hit) == (
        "This looks like a phone number — Refill never needs client identifiers."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Some days I want to die.",
        "I've been thinking about killing myself",
        "I feel like ending it all.",
        "they would be better off without me",
        "I don't want to wake up tomorrow",
        "I'm feeling suicidal again",
        "I keep hurting myself when it gets bad",
        "I've been self-harming",
        "I wish I was dead. Wish to be dead",
        "I want to END MY LIFE",
        "I don’t want to be here anymore",
    ],
)
def test_crisis_language_found(text: str) -> None:
    """First-person words about dying or self-harm are noticed."""
    assert crisis_language(text)


@pytest.mark.parametrize(
    "text",
    [
        "Client disclosed suicidal ideation; completed a safety plan.",
        "Long day of risk assessments for self-harm referrals.",
        "I don't want to die on this hill about the rota.",
        "Training on suicide prevention was useful.",
        "The deadline is killing me, ha.",
        "I want to end the day with a walk.",
        "",
    ],
)
def test_crisis_language_not_triggered_by_work_notes(text: str) -> None:
    """Work notes about clients' risk and everyday idioms do not raise the banner."""
    assert not crisis_language(text)


def test_no_qt_imported() -> None:
    """The checks stay free of Qt so the CLI and the summary export can use them."""
    code = "import sys, journal.text_checks; sys.exit('PySide6' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
