"""Writing an import: conflicts, --replace and all-or-nothing, shared by the CSV and JSON readers.

A reader turns a file into records and adds them to an :class:`ImportBatch` with the place each
came from. :meth:`ImportBatch.commit` then, inside ONE transaction, looks for dates that already
hold data, and writes only if the whole file is clean: a single problem anywhere, or a crash
half-way, leaves the journal exactly as it was.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from journal.exchange.problems import ImportProblems, Problem
from journal.exchange.summary import ImportSummary
from journal.store import Journal, ValidationError
from journal.store.models import CustomAction, FlagSnooze
from journal.store.settings import Settings

#: Dated record kinds: the Journal attribute (also the ImportSummary and JSON key) → one per date?
DATED_KINDS: dict[str, bool] = {
    "checkins": True,
    "sleep": True,
    "sessions": True,
    "activities": False,
    "cup_actions": False,
    "entries": False,
    "self_checks": False,
}

REPLACE_HINT = "(use --replace to overwrite)"


def _same_name(field: str) -> str:
    return field


@dataclass(frozen=True)
class Incoming:
    """One dated record from a file and where it came from.

    ``column_of`` names a record field as the file does (``sleep_hours`` in a CSV,
    ``sleep[2].hours`` in JSON). ``given`` lists the fields the file actually has a column for:
    with ``replace``, only those overwrite what is stored (None: the record is complete).
    ``fields_checked``: the reader ran every field through its validator already
    (``clean_fields``), so only the rules across fields are left to check.
    """

    kind: str
    record: Any
    line: int = 0
    column_of: Callable[[str], str] = _same_name
    given: frozenset[str] | None = None
    fields_checked: bool = False


class ImportBatch:
    """Collects records and problems from one file, then writes all of it or nothing."""

    def __init__(self, journal: Journal, path: Path | str | None, *, replace: bool) -> None:
        self.journal = journal
        self.path = path
        self.replace = replace
        self.problems: list[Problem] = []
        self._records: list[Incoming] = []
        self._daily_seen: dict[tuple[str, str], Incoming] = {}
        self._custom_actions: list[tuple[CustomAction, str]] = []
        self._snoozes: list[tuple[FlagSnooze, str]] = []
        self._settings: tuple[dict[str, Any], str] | None = None

    # ------------------------------------------------------------------ collecting
    def problem(self, line: int, column: str, reason: str) -> None:
        self.problems.append(Problem(line, column, reason))

    def add(self, item: Incoming) -> None:
        """Check one record against its repository's rules (no write) and keep it."""
        repo = getattr(self.journal, item.kind)
        check = repo.apply_rules if item.fields_checked else repo.prepare
        try:
            record = check(item.record)
        except ValidationError as exc:
            self.problem(item.line, item.column_of(exc.field), exc.reason)
            return
        if DATED_KINDS[item.kind]:
            first = self._daily_seen.setdefault((item.kind, record.date), item)
            if first is not item:
                where = f"line {first.line}" if first.line else first.column_of("date")
                self.problem(
                    item.line, item.column_of("date"), f"{record.date} appears twice (also {where})"
                )
                return
        self._records.append(
            item if record is item.record else dataclasses.replace(item, record=record)
        )

    def add_custom_action(self, action: CustomAction, column: str) -> None:
        self._custom_actions.append((action, column))

    def add_snooze(self, snooze: FlagSnooze, column: str) -> None:
        self._snoozes.append((snooze, column))

    def set_settings(self, values: dict[str, Any], column: str = "settings") -> None:
        self._settings = (values, column)

    # ------------------------------------------------------------------ writing
    def commit(self) -> ImportSummary:
        """Write everything in one transaction, or raise :class:`ImportProblems` with every
        problem collected so far and every conflict, having written nothing."""
        summary = ImportSummary()
        with self.journal.db.transaction():
            replace_dates = self._find_conflicts()
            merged = self._merge_with_stored(replace_dates)
            if self.problems:
                raise ImportProblems(self.problems, self.path)
            with self._backstop():
                self._write_records(merged, replace_dates, summary)
                self._write_keyed(summary)
        if replace_dates.get("entries"):
            self.journal.db.checkpoint()  # replaced entry text must not linger in the WAL
        summary.replaced_dates = len(set().union(*replace_dates.values()))
        return summary

    def _existing_dates(self, kind: str, dates: set[str]) -> set[str]:
        if not dates:
            return set()
        repo = getattr(self.journal, kind)
        if DATED_KINDS[kind]:
            return set(repo.dates()) & dates
        low, high = min(dates), max(dates)
        if kind == "entries":
            return repo.dates_with_entries(low, high) & dates  # type: ignore[no-any-return]
        return {record.date for record in repo.between(low, high)} & dates

    def _find_conflicts(self) -> dict[str, set[str]]:
        """Report what would overwrite data already in the journal; with ``replace``, return
        instead the dates per kind whose stored records give way."""
        wanted: dict[str, set[str]] = {kind: set() for kind in DATED_KINDS}
        for item in self._records:
            wanted[item.kind].add(item.record.date)
        existing = {kind: self._existing_dates(kind, dates) for kind, dates in wanted.items()}
        if self.replace:
            return existing
        self._report_dated_conflicts(existing)
        self._report_keyed_conflicts()
        if self._settings is not None:
            self._check_settings(*self._settings)
        return {kind: set() for kind in DATED_KINDS}

    def _report_dated_conflicts(self, existing: dict[str, set[str]]) -> None:
        """One problem per CSV row, or per kind and date in a JSON document."""
        reported: set[tuple[str | int, str]] = set()
        for item in self._records:
            date = item.record.date
            column = item.column_of("date")
            place = (item.line, column) if item.line else (item.kind, date)
            if date in existing[item.kind] and place not in reported:
                reported.add(place)
                self.problem(item.line, column, f"{date} already has data {REPLACE_HINT}")

    def _report_keyed_conflicts(self) -> None:
        """Custom actions and snoozes are keyed by id: a different one under the same id."""
        stored_actions = {action.id: action for action in self.journal.custom_actions.all()}
        for action, column in self._custom_actions:
            if stored_actions.get(action.id, action) != action:
                reason = f"a different custom action {action.id!r} exists {REPLACE_HINT}"
                self.problem(0, column, reason)
        stored_snoozes = {snooze.flag_id: snooze.until for snooze in self.journal.snoozes.all()}
        for snooze, column in self._snoozes:
            until = stored_snoozes.get(snooze.flag_id, snooze.until)
            if until != snooze.until:
                reason = f"{snooze.flag_id} is already snoozed until {until} {REPLACE_HINT}"
                self.problem(0, column, reason)

    def _check_settings(self, values: dict[str, Any], column: str) -> None:
        """Settings the user changed from the defaults are theirs: never overwrite them
        silently with a file's."""
        current, defaults = self.journal.settings.load(), Settings()
        own = [
            name
            for name, value in values.items()
            if getattr(current, name) != value and getattr(current, name) != getattr(defaults, name)
        ]
        if own:
            self.problem(0, column, f"this journal has its own {', '.join(own)} {REPLACE_HINT}")

    def _merge_with_stored(self, replace_dates: dict[str, set[str]]) -> list[Any]:
        """Records to write: with ``replace``, a daily record that names only some fields
        keeps the stored values of the others."""
        merged = []
        for item in self._records:
            record = item.record
            if item.given is not None and record.date in replace_dates[item.kind]:
                repo = getattr(self.journal, item.kind)
                stored = repo.get(record.date)
                if stored is not None:
                    changes = {name: getattr(record, name) for name in item.given}
                    try:
                        record = repo.prepare(dataclasses.replace(stored, **changes))
                    except ValidationError as exc:
                        self.problem(
                            item.line,
                            item.column_of(exc.field),
                            f"{exc.reason} (with what is already stored for {record.date})",
                        )
            merged.append(record)
        return merged

    def _write_records(
        self, records: list[Any], replace_dates: dict[str, set[str]], summary: ImportSummary
    ) -> None:
        for kind, dates in replace_dates.items():
            if not DATED_KINDS[kind]:
                repo = getattr(self.journal, kind)
                for date in sorted(dates):
                    repo.delete_on(date)
        # Every record was prepared (checked) when it was added or merged: written in bulk, one
        # statement per kind, in file order within each kind.
        by_kind: dict[str, list[Any]] = {}
        for item, record in zip(self._records, records, strict=True):
            by_kind.setdefault(item.kind, []).append(record)
        for kind, ready in by_kind.items():
            repo = getattr(self.journal, kind)
            write = repo.save_all if DATED_KINDS[kind] else repo.add_all
            written = write(ready, prepared=True)
            setattr(summary, kind, getattr(summary, kind) + written)

    def _write_keyed(self, summary: ImportSummary) -> None:
        for action, _column in self._custom_actions:
            self.journal.custom_actions.save(action)
            summary.custom_actions += 1
        for snooze, _column in self._snoozes:
            self.journal.snoozes.snooze(snooze.flag_id, snooze.until, days=0)
            summary.snoozes += 1
        if self._settings is not None and self._settings[0]:
            self.journal.settings.update(**self._settings[0])
            summary.settings = len(self._settings[0])

    @contextmanager
    def _backstop(self) -> Iterator[None]:
        """A rule the readers did not check in advance still rolls the whole import back and
        is reported like any other problem."""
        try:
            yield
        except ValidationError as exc:
            raise ImportProblems([Problem(0, exc.field, exc.reason)], self.path) from None
