"""The plain data the insights read: records as the store returns them, nothing else.

The service layer fills a :class:`JournalData` from an open journal; tests build one directly.
Only the store's record dataclasses are imported here (they hold no SQL).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from journal.store.models import (
    Activity,
    CheckIn,
    CupActionDone,
    CustomAction,
    SelfCheck,
    SessionLoad,
    Sleep,
)
from journal.store.settings import Settings


@dataclass(frozen=True)
class JournalData:
    """Everything one analysis may look at; records may arrive in any order."""

    checkins: list[CheckIn] = field(default_factory=list)
    sleep: list[Sleep] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    sessions: list[SessionLoad] = field(default_factory=list)
    cup_actions: list[CupActionDone] = field(default_factory=list)
    self_checks: list[SelfCheck] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)
    custom_actions: list[CustomAction] = field(default_factory=list)
