"""The "fill your cup" catalogue: complete, covering every flag, and strict about bad entries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from journal.insights import FLAG_KINDS, FLAGS, CatalogueError, load_catalogue
from journal.insights.matching import suggest
from journal.insights.rules import RULES
from journal.resources import resource_path
from journal.store.models import CUP_CATEGORIES, CustomAction


def test_catalogue_has_30_actions_in_every_category() -> None:
    """At least 30 actions, unique ids, and all eight categories present."""
    catalogue = load_catalogue()
    assert len(catalogue.actions) >= 30
    assert len({a.id for a in catalogue.actions}) == len(catalogue.actions)
    assert {a.category for a in catalogue.actions} == set(CUP_CATEGORIES)


def test_flag_catalogue_has_13_stable_ids_with_valid_kinds() -> None:
    """The 13 DESIGN.md flag ids are all present, each with a known kind and its wording."""
    assert set(FLAGS) == set(RULES) and len(FLAGS) == 13
    for info in FLAGS.values():
        assert info.kind in FLAG_KINDS
        assert info.title and info.explanation and info.is_not
        assert set(info.categories) <= set(CUP_CATEGORIES)


def test_every_flag_has_at_least_two_actions() -> None:
    """Each of the 13 flags is addressed by two or more catalogue actions."""
    catalogue = load_catalogue()
    for flag_id in FLAGS:
        assert len(catalogue.for_flag(flag_id)) >= 2, flag_id


def _write(tmp_path: Path, mutate: dict[str, object], index: int = 3) -> Path:
    doc = json.loads(resource_path("cup_actions.json").read_text(encoding="utf-8"))
    doc["actions"][index] = {**doc["actions"][index], **mutate}
    path = tmp_path / "cup_actions.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("mutate", "problem"),
    [
        ({"category": "fun"}, "category 'fun'"),
        ({"flags": ["no_such_flag"]}, "'no_such_flag' is not a known flag"),
        ({"title": " "}, "title must be non-empty"),
        ({"minutes": -5}, "minutes must be"),
        ({"why": 7}, "why must be non-empty"),
    ],
)
def test_malformed_entry_is_named(tmp_path: Path, mutate: dict[str, object], problem: str) -> None:
    """A bad entry raises CatalogueError naming its position, its id and the problem."""
    path = _write(tmp_path, mutate)
    entry_id = json.loads(path.read_text())["actions"][3]["id"]
    with pytest.raises(CatalogueError) as err:
        load_catalogue(path)
    assert f"action 4 ('{entry_id}')" in str(err.value)
    assert problem in str(err.value)


def test_duplicate_ids_and_broken_json_are_refused(tmp_path: Path) -> None:
    """A duplicate id and a file that is not JSON are both reported clearly."""
    doc = json.loads(resource_path("cup_actions.json").read_text(encoding="utf-8"))
    doc["actions"].append(doc["actions"][0])
    dup = tmp_path / "dup.json"
    dup.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(CatalogueError, match="duplicate id"):
        load_catalogue(dup)
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(CatalogueError, match="not valid JSON"):
        load_catalogue(broken)


def test_custom_actions_are_matched_by_category() -> None:
    """A user's own `connect` action can be offered for social withdrawal, marked custom."""
    mine = CustomAction("board_games", "Board games with my sister", "connect")
    catalogue = load_catalogue()
    import datetime as dt

    offered = set()
    for n in range(30):
        day = dt.date(2026, 1, 1) + dt.timedelta(n)
        for s in suggest("social_withdrawal", day, catalogue, [mine]):
            if s.custom:
                offered.add(s.id)
    assert offered == {"board_games"}
    unrelated = suggest("admin_overload", dt.date(2026, 1, 1), catalogue, [mine])
    assert all(not s.custom for s in unrelated)


def test_helpful_actions_rank_first() -> None:
    """An action the person's data marks as helpful is offered first on every day."""
    import datetime as dt

    catalogue = load_catalogue()
    for n in range(10):
        day = dt.date(2026, 1, 1) + dt.timedelta(n)
        chosen = suggest("meaning_decline", day, catalogue, scores={"thank_you_file": 2})
        assert chosen[0].id == "thank_you_file"
