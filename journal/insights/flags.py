"""The flag catalogue: stable ids, kinds, and the words each flag is shown with.

Explanations say what the pattern is, in plain words, and ``is_not`` what it is not: a flag
is a pattern worth noticing in the person's own numbers, never a diagnosis or a risk score.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FlagInfo:
    id: str
    kind: str
    title: str
    explanation: str
    is_not: str
    #: custom actions in these categories are offered with the flag
    categories: tuple[str, ...]
    #: load flags put a `control` action (caseload, admin, breaks) first
    load: bool = False


_NOT_DIAGNOSIS = "It is not a diagnosis and says nothing about your worth as a clinician."

_FLAGS = (
    FlagInfo(
        "sleep_debt",
        "burnout",
        "Short on sleep lately",
        "Your recent nights have been shorter than the 7 hours or more most adults need. Run "
        "short for a while, sleep is one of the first things to wear down how the work feels.",
        "It is not insomnia or a sleep disorder; a few weeks of short nights is common and "
        "usually recoverable. " + _NOT_DIAGNOSIS,
        ("foundation", "detach"),
    ),
    FlagInfo(
        "high_session_load",
        "burnout",
        "A heavy run of client hours",
        "Your client hours have been above your own weekly cap, or well above your usual "
        "week, for more than a few days. Load is a work pattern: changes to caseload and "
        "schedule tend to help more than anything done alone.",
        "It is not a sign that you are coping badly; it is a measure of the work, not of you.",
        ("control", "detach", "peer_support"),
        load=True,
    ),
    FlagInfo(
        "admin_overload",
        "burnout",
        "Admin is taking more of your week",
        "Admin hours have climbed well above your usual, or now match your client hours. "
        "Paperwork that keeps growing is worth raising where it can be changed.",
        "It is not a judgement on how organised you are; admin load is set mostly by the job.",
        ("control", "detach"),
        load=True,
    ),
    FlagInfo(
        "no_recovery",
        "burnout",
        "Little room to recover",
        "You have gone longer than your own limit without a day off, or most workdays lately "
        "had no real break. Regular short pauses and days off help more than one long break.",
        "It is not laziness to need rest; recovery time is part of doing this work well.",
        ("control", "detach", "joy"),
        load=True,
    ),
    FlagInfo(
        "exhaustion",
        "burnout",
        "Running lower on energy",
        "Your energy or mood has been lower than your usual for several days, or has been "
        "sliding over the past weeks. Feeling drained is often the first thing people notice "
        "when work keeps asking more than it gives back.",
        "It is not depression or burnout in any clinical sense; it is a change in your own "
        "day-to-day ratings. " + _NOT_DIAGNOSIS,
        ("foundation", "detach", "joy", "connect"),
    ),
    FlagInfo(
        "dread_cynicism",
        "burnout",
        "More dread or distance than usual",
        "Dread before sessions, going through the motions, or irritation at the work has been "
        "higher than your usual. This kind of distance is an early, common response to "
        "sustained demands.",
        "It is not a flaw in your care for clients; noticing it early is part of looking after "
        "yourself. " + _NOT_DIAGNOSIS,
        ("peer_support", "why", "detach", "control"),
    ),
    FlagInfo(
        "activity_drop",
        "burnout",
        "Moving less than you were",
        "Your active minutes fell below the 150 minutes a week health bodies suggest and well "
        "below your own usual week. Movement can ease tiredness, though it is no cure-all "
        "once you are already depleted.",
        "It is not a fitness judgement; weeks vary, and any movement counts.",
        ("foundation", "joy"),
    ),
    FlagInfo(
        "social_withdrawal",
        "burnout",
        "Less time with people close to you",
        "Time with friends and family has dropped to half your usual or less. Support from "
        "people close to you is one of the things that buffers this work the most.",
        "It is not a sign that something is wrong with your relationships; busy weeks squeeze "
        "time with others first.",
        ("connect", "joy"),
    ),
    FlagInfo(
        "trauma_exposure",
        "compassion_fatigue",
        "A trauma-heavy stretch of sessions",
        "More of your sessions than usual have carried trauma content, or over half of them "
        "for two weeks running. Secondary traumatic stress rises with how much of a caseload "
        "is trauma work; support and a more mixed caseload can help.",
        "It is not a measure of how well you cope; hearing many trauma stories affects even "
        "very experienced clinicians.",
        ("control", "peer_support", "detach"),
        load=True,
    ),
    FlagInfo(
        "intrusive_thoughts",
        "compassion_fatigue",
        "Clients' stories staying with you",
        "Thoughts or images of clients' trauma have come up outside work more than usual, or "
        "often. This is a common response to hearing trauma stories, and supervision and peer "
        "support are known to help.",
        "It is not post-traumatic stress disorder or any diagnosis; it is your own rating of "
        "how often work followed you home.",
        ("peer_support", "detach", "foundation"),
    ),
    FlagInfo(
        "trauma_sleep_link",
        "compassion_fatigue",
        "Sleep suffers after trauma-heavy days",
        "Over the past six weeks, nights after trauma-heavy workdays were shorter or worse "
        "than nights after other workdays. Losing sleep over clients' stories is one of the "
        "signs of secondary traumatic stress worth attending to.",
        "It is not proof that one causes the other; other things may differ on those days. "
        + _NOT_DIAGNOSIS,
        ("detach", "foundation", "peer_support"),
    ),
    FlagInfo(
        "meaning_decline",
        "compassion_fatigue",
        "The work feels less meaningful lately",
        "Your sense of purpose in the work has been lower than your usual. The satisfaction "
        "of helping is what sustains many clinicians, and it can be reconnected with.",
        "It is not a sign you are in the wrong job; meaning ebbs and flows with load.",
        ("why", "growth", "peer_support"),
    ),
    FlagInfo(
        "checkin_gap",
        "general",
        "A pause in your check-ins",
        "You were checking in regularly and have not for five days or more. That is fine; "
        "insights simply have less to go on, and a quick check-in picks things up again.",
        "It is not a problem in itself; busy or good weeks often mean fewer check-ins.",
        ("joy", "foundation"),
    ),
)

FLAGS: dict[str, FlagInfo] = {f.id: f for f in _FLAGS}

#: agreement for a `warning` (DESIGN.md §4)
BURNOUT_LOAD = frozenset({"high_session_load", "admin_overload", "no_recovery", "sleep_debt"})
BURNOUT_STRAIN = frozenset({"exhaustion", "dread_cynicism"})
CF_EXPOSURE = frozenset({"trauma_exposure"})
CF_RESPONSE = frozenset({"intrusive_thoughts", "dread_cynicism", "trauma_sleep_link", "sleep_debt"})
