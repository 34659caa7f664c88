"""On-device text checks: the client-identifier guard and crisis language.

Refill never asks for client identifiers, but people type them by habit. ``find_identifiers``
points at text that *looks like* a client's phone number, e-mail, date of birth, record number
or street address so the editor can underline it with a short reason. False alarms erode trust
in the hint, so the patterns are deliberately narrow: an ordinary date ("on 2026-03-02"), a time
or a count of minutes is never flagged unless it is labelled (``DOB``, ``born``, ``MRN``).

``crisis_language`` looks for first-person words about wanting to die or to self-harm, so the
editor can show a gentle pointer to support. Clinicians write about *clients'* risk all the
time; those notes are work, so third-person mentions ("client disclosed suicidal ideation") do
not trigger it. Everything runs locally; nothing is sent anywhere. No Qt here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["IdentifierHit", "crisis_language", "find_identifiers", "hint_for"]


@dataclass(frozen=True, slots=True)
class IdentifierHit:
    """A span of text that looks like a client identifier, with a short reason."""

    start: int
    end: int
    kind: str  # phone, email, date_of_birth, record_number, address
    why: str


_WHY = {
    "phone": "This looks like a phone number",
    "email": "This looks like an e-mail address",
    "date_of_birth": "This looks like a date of birth",
    "record_number": "This looks like a record or ID number",
    "address": "This looks like a street address",
}

# A date in any usual written form, used after a DOB/born label.
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = (
    r"(?:\d{4}-\d{1,2}-\d{1,2}"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\.?,?\s+\d{{4}}"
    rf"|{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|(?:19|20)\d{2})"
)

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")

_DOB = re.compile(
    rf"\b(?:d\.?o\.?b\.?|date\s+of\s+birth|birth\s*date)\s*(?:is|was|[:#=-])?\s*(?:{_DATE})?"
    rf"|\b(?:born|birthday)\s+(?:is\s+|was\s+)?(?:on\s+|in\s+)?(?:{_DATE})",
    re.IGNORECASE,
)

_LABELLED_ID = re.compile(
    r"\b(?:mrn|nhs(?:\s+(?:no|number))?|ssn|sin|medicare(?:\s+(?:no|number))?"
    r"|(?:medical\s+)?record\s+(?:no|number|#)|(?:case|file|chart|client|patient|hospital)"
    r"\s*(?:id|no|number|#)|id\s*(?:no|number|#))\.?\s*[:#=-]?\s*"
    r"(?:[A-Z]{0,3}[\s-]?\d[\d\s-]{2,14}\d[A-Z]?|\d{3,})",
    re.IGNORECASE,
)
_BARE_LABEL = re.compile(r"\b(?:MRN|DOB|D\.O\.B\.|SSN)\b")
_SSN = re.compile(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])")
_NI_NUMBER = re.compile(r"\b[A-CEGHJ-PR-TW-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b")
_LONG_DIGITS = re.compile(r"(?<![\w.,:/-])\d{7,}(?![\w.,:/-])")

_PHONE = re.compile(
    r"(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,6}){1,4}(?!\w)"
    r"|(?<![\w+])\+\d{8,15}(?!\w)"
    r"|(?<![\w+])0\d{9,10}(?!\w)"
)
_ISO_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
_NUMERIC_DATE = re.compile(r"^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$")
_YEAR_RANGE = re.compile(r"^(?:19|20)\d{2}\s?[-.]\s?(?:19|20)?\d{2}$")

_STREET_WORDS = (
    r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Close|Way"
    r"|Place|Pl|Crescent|Terrace|Gardens|Square|Sq|Parkway|Highway|Hwy|Row|Mews|Walk|Hill)"
)
_ADDRESS = re.compile(
    rf"\b\d{{1,5}}[A-Za-z]?,?\s+(?:[A-Z][\w'-]*\s+){{1,3}}{_STREET_WORDS}\b\.?"
    r"|\b(?:flat|apt\.?|apartment|unit)\s+\d+[A-Za-z]?,?\s+\d{1,5}\s+(?:[A-Z][\w'-]*\s+){1,3}"
    rf"{_STREET_WORDS}\b\.?"
    r"|\b(?:GIR\s?0AA|[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2})\b"
)

_PHONE_LABEL = re.compile(r"(?:phone|tel|mobile|cell|number|call|ring|text)\W{0,3}$", re.I)


def _phone_hits(text: str) -> list[tuple[int, int, str]]:
    hits = []
    for match in _PHONE.finditer(text):
        value = match.group().strip()
        digits = sum(ch.isdigit() for ch in value)
        if _ISO_DATE.match(value) or _NUMERIC_DATE.match(value) or _YEAR_RANGE.match(value):
            continue
        labelled = bool(_PHONE_LABEL.search(text[max(0, match.start() - 12) : match.start()]))
        if digits >= 9 or (labelled and digits >= 6):
            hits.append((match.start(), match.start() + len(value), "phone"))
    return hits


def find_identifiers(text: str) -> list[IdentifierHit]:
    """Spans that look like a client's identity, in order, never overlapping."""
    candidates: list[tuple[int, int, str]] = []
    # Order sets priority when spans overlap: the most specific reading wins.
    for pattern, kind in (
        (_EMAIL, "email"),
        (_DOB, "date_of_birth"),
        (_LABELLED_ID, "record_number"),
        (_SSN, "record_number"),
        (_NI_NUMBER, "record_number"),
        (_ADDRESS, "address"),
    ):
        candidates += [(m.start(), m.end(), kind) for m in pattern.finditer(text)]
    candidates += _phone_hits(text)
    candidates += [(m.start(), m.end(), "record_number") for m in _LONG_DIGITS.finditer(text)]
    candidates += [
        (m.start(), m.end(), "date_of_birth" if "d" in m.group().lower() else "record_number")
        for m in _BARE_LABEL.finditer(text)
    ]
    taken: list[tuple[int, int, str]] = []
    for start, end, kind in candidates:
        end = _trim(text, start, end)
        if end > start and all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, kind))
    return [IdentifierHit(s, e, k, _WHY[k]) for s, e, k in sorted(taken)]


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\n,;:-":
        end -= 1
    return end


def hint_for(hit: IdentifierHit) -> str:
    """The one-line hint shown under the editor for a hit."""
    return f"{hit.why} — Refill never needs client identifiers."


# ------------------------------------------------------------------ crisis language

_I = r"(?:i|i'm|i am|im|i've|i have|i'd|i feel|i'm feeling|i keep|i've been|i was)"
_NOT_NEGATED = r"(?<!n't )(?<!not )(?<!never )"
_CRISIS = re.compile(
    "|".join(
        [
            r"\bkill(?:ing)?\s+myself\b",
            r"\bend(?:ing)?\s+(?:my\s+(?:own\s+)?life|it\s+all)\b",
            r"\btake\s+my\s+(?:own\s+)?life\b",
            rf"\b{_NOT_NEGATED}(?:want|wanted|wanting|wish)\s+(?:to\s+)?(?:die|be\s+dead)\b",
            r"\b(?:don't|do\s+not|didn't)\s+want\s+to\s+(?:live|be\s+alive|be\s+here|wake\s+up)\b",
            r"\bno\s+(?:reason|point)\s+(?:to|in)\s+(?:live|living|going\s+on|being\s+alive)\b",
            r"\bbetter\s+off\s+(?:dead|without\s+me)\b",
            rf"\b{_I}\s+(?:\w+\s+)?(?:suicidal|thinking\s+about\s+suicide)\b",
            r"\bmy\s+(?:own\s+)?suicidal\s+(?:thoughts|feelings|urges)\b",
            r"\b(?:hurt|hurting|harm|harming|cut|cutting|burn|burning)\s+myself\b",
            rf"\b{_I}\s+(?:\w+\s+)?self[-\s]?harm(?:ed|ing)?\b",
            r"\bcan't\s+(?:go\s+on|keep\s+going|do\s+this\s+anymore)\s+(?:living|like\s+this)\b",
        ]
    ),
    re.IGNORECASE,
)


def crisis_language(text: str) -> bool:
    """Whether the text speaks, in the first person, of wanting to die or to self-harm."""
    return bool(_CRISIS.search(text.replace("’", "'")))
