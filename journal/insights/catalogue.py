"""The "fill your cup" catalogue: a data file, validated once, with clear errors.

A catalogue that loads half-broken would show empty titles or match nothing, so every entry is
checked and the first problem is reported with the entry's position and id.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from journal.insights.flags import FLAGS
from journal.resources import resource_path
from journal.store.models import CUP_CATEGORIES

_ID = re.compile(r"^[a-z][a-z0-9_]{1,63}$")
FIELDS = ("id", "title", "category", "minutes", "flags", "why")


class CatalogueError(ValueError):
    """The catalogue file is missing, not JSON, or has a malformed entry."""


@dataclass(frozen=True)
class Action:
    id: str
    title: str
    category: str
    minutes: int | None
    flags: tuple[str, ...]
    why: str


@dataclass(frozen=True)
class Catalogue:
    actions: tuple[Action, ...]

    def get(self, action_id: str) -> Action | None:
        return next((a for a in self.actions if a.id == action_id), None)

    def for_flag(self, flag_id: str) -> list[Action]:
        return [a for a in self.actions if flag_id in a.flags]


def _check(entry: Any, where: str) -> Action:
    def bad(problem: str) -> CatalogueError:
        return CatalogueError(f"{where}: {problem}")

    if not isinstance(entry, dict):
        raise bad("is not an object")
    missing = [f for f in FIELDS if f not in entry]
    if missing:
        raise bad(f"missing field(s) {', '.join(missing)}")
    unknown = sorted(set(entry) - set(FIELDS))
    if unknown:
        raise bad(f"unknown field(s) {', '.join(unknown)}")
    if not isinstance(entry["id"], str) or not _ID.match(entry["id"]):
        raise bad("id must be lower-case letters, digits and underscores")
    for name in ("title", "why"):
        if not isinstance(entry[name], str) or not entry[name].strip():
            raise bad(f"{name} must be non-empty text")
        if len(entry[name]) > 200:
            raise bad(f"{name} is longer than 200 characters")
    if entry["category"] not in CUP_CATEGORIES:
        raise bad(f"category {entry['category']!r} is not one of {', '.join(CUP_CATEGORIES)}")
    minutes = entry["minutes"]
    if minutes is not None and (
        not isinstance(minutes, int) or isinstance(minutes, bool) or not 0 <= minutes <= 600
    ):
        raise bad("minutes must be a whole number from 0 to 600, or null")
    flags = entry["flags"]
    if not isinstance(flags, list) or not flags:
        raise bad("flags must be a non-empty list of flag ids")
    for flag in flags:
        if flag not in FLAGS:
            raise bad(f"flag {flag!r} is not a known flag id")
    return Action(
        entry["id"], entry["title"].strip(), entry["category"], minutes, tuple(flags), entry["why"]
    )


def parse_catalogue(document: Any, name: str = "catalogue") -> Catalogue:
    """Validate a decoded catalogue document (``{"version": 1, "actions": [...]}``)."""
    if not isinstance(document, dict) or not isinstance(document.get("actions"), list):
        raise CatalogueError(f"{name}: expected an object with an 'actions' list")
    actions: list[Action] = []
    seen: set[str] = set()
    for n, entry in enumerate(document["actions"], start=1):
        label = entry.get("id") if isinstance(entry, dict) else None
        where = f"{name}: action {n}" + (f" ({label!r})" if isinstance(label, str) else "")
        action = _check(entry, where)
        if action.id in seen:
            raise CatalogueError(f"{where}: duplicate id")
        seen.add(action.id)
        actions.append(action)
    if not actions:
        raise CatalogueError(f"{name}: has no actions")
    return Catalogue(tuple(actions))


def load_catalogue(path: Path | None = None) -> Catalogue:
    """Load and validate the catalogue (default: ``resources/cup_actions.json``)."""
    path = path or resource_path("cup_actions.json")
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CatalogueError(f"{path.name}: cannot be read ({exc.strerror})") from None
    except json.JSONDecodeError as exc:
        problem = f"not valid JSON (line {exc.lineno}: {exc.msg})"
        raise CatalogueError(f"{path.name}: {problem}") from None
    return parse_catalogue(document, path.name)
