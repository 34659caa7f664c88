"""A realistic synthetic journal: the demo for new users and the data for the benchmarks.

A clinician's weekly rhythm with story arcs the insights can find (creeping load → burnout,
trauma-heavy stretches → compassion fatigue, recovery after time off), skipped days, and about
three entries a day of varied text free of anything that looks like a client's identity.
No Qt here.
"""

from journal.demo.generator import (
    MAX_DAYS,
    DemoSummary,
    Progress,
    create_demo_journal,
    generate_demo,
    simulate,
)
from journal.demo.text import (
    COMMON_WORD,
    COMMON_WORD_SHARE,
    PHRASE,
    PHRASE_SHARE,
    RARE_WORD,
    RARE_WORD_SHARE,
)

__all__ = [
    "COMMON_WORD",
    "COMMON_WORD_SHARE",
    "MAX_DAYS",
    "PHRASE",
    "PHRASE_SHARE",
    "RARE_WORD",
    "RARE_WORD_SHARE",
    "DemoSummary",
    "Progress",
    "create_demo_journal",
    "generate_demo",
    "simulate",
]
