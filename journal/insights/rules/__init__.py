"""The 13 flag rules, by stable flag id (DESIGN.md §4), in the order they are reported."""

from __future__ import annotations

from journal.insights.rules.base import Finding, Needs, Outcome, Rule, RuleContext
from journal.insights.rules.exposure import trauma_exposure, trauma_sleep_link
from journal.insights.rules.general import checkin_gap
from journal.insights.rules.sleep_load import (
    admin_overload,
    high_session_load,
    no_recovery,
    sleep_debt,
)
from journal.insights.rules.strain import (
    activity_drop,
    dread_cynicism,
    exhaustion,
    intrusive_thoughts,
    meaning_decline,
    social_withdrawal,
)

RULES: dict[str, Rule] = {
    "sleep_debt": sleep_debt,
    "high_session_load": high_session_load,
    "admin_overload": admin_overload,
    "no_recovery": no_recovery,
    "exhaustion": exhaustion,
    "dread_cynicism": dread_cynicism,
    "activity_drop": activity_drop,
    "social_withdrawal": social_withdrawal,
    "trauma_exposure": trauma_exposure,
    "intrusive_thoughts": intrusive_thoughts,
    "trauma_sleep_link": trauma_sleep_link,
    "meaning_decline": meaning_decline,
    "checkin_gap": checkin_gap,
}

__all__ = ["RULES", "Finding", "Needs", "Outcome", "Rule", "RuleContext"]
