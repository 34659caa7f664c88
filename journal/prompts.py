"""Reflection prompts for the entry editor (``resources/prompts.json``), worded by the project.

Today's prompt is chosen deterministically from the date, so the same day always shows the same
prompt on every device and after every restart; the person can pick another. Ids are stable:
entries store ``prompt_id``. No Qt here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from functools import cache

from journal.resources import resource_path


@dataclass(frozen=True, slots=True)
class Prompt:
    id: str
    theme: str
    theme_title: str
    text: str


@cache
def load_prompts() -> tuple[Prompt, ...]:
    """All prompts in file order (empty if the file is missing or unreadable)."""
    try:
        data = json.loads(resource_path("prompts.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ()
    return tuple(
        Prompt(p["id"], theme["id"], theme["title"], p["text"])
        for theme in data.get("themes", [])
        for p in theme.get("prompts", [])
    )


def prompt_for(day: dt.date | str) -> Prompt | None:
    """The prompt of the day: a stable hash of the date picks one (same day, same prompt)."""
    prompts = load_prompts()
    if not prompts:
        return None
    digest = hashlib.sha256(str(day).encode()).digest()
    return prompts[int.from_bytes(digest[:4], "big") % len(prompts)]


def prompt_by_id(prompt_id: str | None) -> Prompt | None:
    return next((p for p in load_prompts() if p.id == prompt_id), None)
