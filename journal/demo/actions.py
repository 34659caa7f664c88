"""Which "fill your cup" actions the demo clinician does, how often, and which really help.

Ids come from the app's own validated catalogue (``resources/cup_actions.json``), so the demo
always matches what the app offers; a fixed list of core ids stands in if it cannot be loaded. A few
actions are given a real, small next-day effect so that "what helps me" has something to find.
"""

from __future__ import annotations

from dataclasses import dataclass

from journal.insights.catalogue import CatalogueError, load_catalogue

FALLBACK_IDS = (
    "walk_outside",
    "peer_consult",
    "talk_caseload",
    "lunch_away",
    "wind_down",
    "call_friend",
    "remember_why",
    "music",
    "supervision",
    "boundaries_end_of_day",
)

#: How often an action is done on an ordinary day: by id, else by catalogue category.
_DAILY_CHANCE = {
    "walk_outside": 0.32,
    "wind_down": 0.25,
    "call_friend": 0.14,
    "lunch_away": 0.22,
    "proper_lunch": 0.22,
    "music": 0.18,
    "music_break": 0.12,
    "boundaries_end_of_day": 0.12,
    "close_the_day": 0.12,
    "peer_consult": 0.08,
    "remember_why": 0.06,
}
_CATEGORY_CHANCE = {
    "foundation": 0.05,
    "detach": 0.05,
    "connect": 0.05,
    "joy": 0.05,
    "why": 0.03,
    "peer_support": 0.03,
    "growth": 0.015,
    "control": 0.012,
}
_OTHER_CHANCE = 0.025
#: Things done at work only.
_WORK_CATEGORIES = ("control", "detach", "peer_support", "growth")
_WORK_IDS = ("lunch_away", "proper_lunch", "boundaries_end_of_day", "talk_caseload")
#: Done in fortnightly supervision rather than on a whim.
SUPERVISION_IDS = ("supervision", "supervision_topic")

#: Real next-day effects (points on the 0–10 scales): mood, energy, stress.
_EFFECTS = {
    "walk_outside": (0.8, 0.5, -0.3),
    "call_friend": (0.7, 0.2, -0.3),
    "wind_down": (0.3, 0.6, -0.2),
    "supervision": (0.4, 0.0, -0.6),
    "supervision_topic": (0.4, 0.0, -0.6),
}


@dataclass(frozen=True, slots=True)
class CupAction:
    id: str
    daily_chance: float
    minutes: int
    workday_only: bool = False
    effect: tuple[float, float, float] = (0.0, 0.0, 0.0)  # next-day mood, energy, stress


def load_actions() -> list[CupAction]:
    """The actions the demo draws from, in catalogue order."""
    try:
        catalogue = [(a.id, a.category, a.minutes) for a in load_catalogue().actions]
    except CatalogueError:
        catalogue = [(action_id, None, None) for action_id in FALLBACK_IDS]
    actions = []
    for action_id, category, minutes in catalogue:
        actions.append(
            CupAction(
                id=action_id,
                daily_chance=_DAILY_CHANCE.get(
                    action_id, _CATEGORY_CHANCE.get(str(category), _OTHER_CHANCE)
                ),
                minutes=minutes if isinstance(minutes, int) and 0 < minutes <= 240 else 15,
                workday_only=action_id in _WORK_IDS or category in _WORK_CATEGORIES,
                effect=_EFFECTS.get(action_id, (0.0, 0.0, 0.0)),
            )
        )
    return actions
