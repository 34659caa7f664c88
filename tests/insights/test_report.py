"""The report: DESIGN.md §3 JSON shape, snoozing, evidence and actions on every flag."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from personas import START, make

from journal.insights import FLAG_KINDS, FLAGS, LEVELS, analyse
from journal.insights.model import Evidence
from journal.store.models import SelfCheck

AS_OF = START + dt.timedelta(139)
NUMBER = (int, float)


def check_shape(doc: dict[str, Any]) -> None:
    """A small schema check of DESIGN.md §3: required keys and their types."""
    assert {"as_of", "days_with_data", "flags", "insufficient_data", "what_helps"} <= set(doc)
    dt.date.fromisoformat(doc["as_of"])
    assert isinstance(doc["days_with_data"], int)
    for flag in doc["flags"]:
        assert {
            "id",
            "kind",
            "level",
            "since",
            "title",
            "explanation",
            "evidence",
            "actions",
        } <= set(flag)
        assert flag["id"] in FLAGS and flag["kind"] in FLAG_KINDS and flag["level"] in LEVELS
        dt.date.fromisoformat(flag["since"])
        assert isinstance(flag["title"], str) and isinstance(flag["explanation"], str)
        for ev in flag["evidence"]:
            assert {"metric", "window_days", "recent", "baseline", "target"} <= set(ev)
            assert isinstance(ev["metric"], str) and isinstance(ev["window_days"], int)
            for key in ("recent", "baseline", "target"):
                assert ev[key] is None or isinstance(ev[key], NUMBER)
        for action in flag["actions"]:
            assert {"id", "title", "why"} <= set(action)
            assert all(isinstance(action[k], str) and action[k] for k in ("id", "title", "why"))
    for item in doc["insufficient_data"]:
        assert set(item) == {"id", "needs"} and item["id"] in FLAGS and item["needs"]
    for helps in doc["what_helps"]:
        assert {"action", "n_done", "n_not", "metric", "next_day_diff", "ci90"} <= set(helps)
        assert isinstance(helps["n_done"], int) and isinstance(helps["n_not"], int)
        assert helps["metric"] in ("mood", "energy", "stress")
        low, high = helps["ci90"]
        assert isinstance(low, NUMBER) and low <= high


def test_json_matches_the_design_shape() -> None:
    """A burnout report serialises to JSON that passes the DESIGN.md §3 shape check."""
    doc = json.loads(json.dumps(analyse(make("burnout", 2).data, AS_OF).to_dict()))
    check_shape(doc)
    assert doc["flags"] and doc["what_helps"]


def test_every_flag_has_evidence_numbers_and_two_to_four_actions() -> None:
    """Each flag carries evidence with a number and a note, 2–4 actions, and what it is not."""
    report = analyse(make("recovery", 3).data, START + dt.timedelta(115))
    assert len(report.flags) >= 3
    for flag in report.flags:
        assert flag.evidence and all(e.recent is not None and e.note for e in flag.evidence)
        assert 2 <= len(flag.actions) <= 4
        assert flag.is_not


def test_load_flags_put_a_control_action_first() -> None:
    """For load flags the first suggestion is a `control` action (change the work first)."""
    report = analyse(make("recovery", 3).data, START + dt.timedelta(115))
    load = [f for f in report.flags if FLAGS[f.id].load]
    assert load
    assert all(f.actions[0].category == "control" for f in load)


def test_snoozed_flag_moves_aside_until_its_date() -> None:
    """A snoozed flag leaves `flags`, appears under `snoozed`, and returns after the date."""
    data = make("burnout", 2).data
    shown = analyse(data, AS_OF)
    flag_id = shown.flags[0].id
    until = (AS_OF + dt.timedelta(6)).isoformat()
    hidden = analyse(data, AS_OF, snoozed={flag_id: until})
    assert flag_id not in {f.id for f in hidden.flags}
    assert [(f.id, f.snoozed_until) for f in hidden.snoozed] == [(flag_id, until)]
    expired = analyse(data, AS_OF, snoozed={flag_id: (AS_OF - dt.timedelta(1)).isoformat()})
    assert flag_id in {f.id for f in expired.flags}


def test_self_check_adds_evidence_to_a_raised_flag_only() -> None:
    """A recent self-check joins the exhaustion flag's evidence but raises no flag itself."""
    base = make("burnout", 2).data
    checks = [
        SelfCheck(
            (AS_OF - dt.timedelta(30)).isoformat(),
            exhaustion=40.0,
            detachment=20.0,
            secondary_trauma=10.0,
            satisfaction=70.0,
        ),
        SelfCheck(
            (AS_OF - dt.timedelta(2)).isoformat(),
            exhaustion=80.0,
            detachment=50.0,
            secondary_trauma=10.0,
            satisfaction=50.0,
        ),
    ]
    data = type(base)(**{**base.__dict__, "self_checks": checks})
    report = analyse(data, AS_OF)
    exhaustion = next(f for f in report.flags if f.id == "exhaustion")
    extra = [e for e in exhaustion.evidence if e.metric == "selfcheck_exhaustion"]
    assert extra == [Evidence("selfcheck_exhaustion", 28, 80.0, 40.0, None, extra[0].note)]
    steady = make("steady", 2).data
    quiet = analyse(type(steady)(**{**steady.__dict__, "self_checks": checks}), AS_OF)
    assert {f.id for f in quiet.flags} == {f.id for f in analyse(steady, AS_OF).flags}


def test_suggestions_vary_by_day_but_not_within_a_day() -> None:
    """The same day always shows the same actions; across a fortnight they change."""
    data = make("recovery", 3).data
    day = START + dt.timedelta(115)
    seen = set()
    for n in range(14):
        report = analyse(data, day + dt.timedelta(n))
        flag = next((f for f in report.flags if f.id == "sleep_debt"), None)
        if flag:
            seen.add(tuple(a.id for a in flag.actions))
    again = analyse(data, day)
    assert [f.actions for f in again.flags] == [f.actions for f in analyse(data, day).flags]
    assert len(seen) >= 2
