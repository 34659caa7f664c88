"""Journal entries and their full-text search (FTS5, kept in step by triggers)."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from journal.store.database import Database
from journal.store.models import Entry
from journal.store.repositories import ItemRepository, normalise_tags, range_clause, utc_now
from journal.store.validation import parse_date

#: Markers around matched words in snippets; callers turn them into bold, ANSI or HTML.
HIT_START = "\x02"
HIT_END = "\x03"

_TOKEN_RE = re.compile(r'"[^"]*"?|\S+')
_OPERATORS = {"AND", "OR", "NOT"}
# Title matches weigh most, then tags, then body.
_RANK = "bm25(entry_fts, 5.0, 1.0, 2.0)"


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One ranked search result."""

    entry_id: int
    date: str
    title: str
    tags: tuple[str, ...]
    snippet: str


def fts_query(text: str) -> str:
    """Turn what a person types into a safe FTS5 query.

    Words are matched as terms (all must appear), ``"quoted words"`` as a phrase, a trailing
    ``*`` as a prefix, and upper-case AND/OR/NOT as operators; any other punctuation is literal,
    so ``don't`` or ``C++`` never raise a syntax error.
    """
    parts: list[str] = []
    for token in _TOKEN_RE.findall(text):
        if token in _OPERATORS:
            if parts and parts[-1] not in _OPERATORS:
                parts.append(token)
            continue
        prefix = token.endswith("*") and not token.startswith('"')
        inner = token.strip('"').rstrip("*") if not token.startswith('"') else token.strip('"')
        words = re.findall(r"\w+", inner)
        if not words:
            continue
        phrase = " ".join(words)
        parts.append(f'"{phrase}"' + ("*" if prefix else ""))
    while parts and parts[-1] in _OPERATORS:
        parts.pop()
    return " ".join(parts)


def _tag_needle(tag: str) -> str | None:
    """``,tag,`` to find a whole tag in the stored list; ``None`` when nothing is left of it
    after normalising (``#``, spaces), which no entry can carry."""
    normal = normalise_tags([tag])
    return f",{normal[0]}," if normal else None


class EntryRepository(ItemRepository[Entry]):
    """Entries with timestamps, tags and ranked search."""

    def __init__(self, db: Database) -> None:
        super().__init__(db, Entry, "entry")

    def apply_rules(self, record: Entry) -> Entry:
        tags = normalise_tags(record.tags)
        return record if tags == record.tags else dataclasses.replace(record, tags=tags)

    def add(self, record: Entry) -> Entry:
        now = utc_now()
        return super().add(dataclasses.replace(record, created_at=record.created_at or now))

    def add_all(self, records: Iterable[Entry], *, prepared: bool = False) -> int:
        """Insert many entries (see :meth:`ItemRepository.add_all`), indexing them for search
        in one pass.

        The insert trigger would index them one row at a time, interleaving index and table
        writes: several times slower for thousands of entries (a 10-year import). So within
        the one transaction the trigger is set aside, the rows inserted, the new ones (ids above
        the previous highest: ids are never reused) indexed with one ``INSERT … SELECT``, and
        the trigger put back exactly as it was; a failure rolls all of that back.
        """
        ready = list(records) if prepared else [self.prepare(r) for r in records]
        if not ready:
            return 0
        with self.db.transaction():
            trigger = self.db.query(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'entry_ai'"
            )[0][0]
            newest = self.db.query("SELECT coalesce(max(id), 0) FROM entry")[0][0]
            self.db.execute("DROP TRIGGER entry_ai")
            added = super().add_all(ready, prepared=True)
            self.db.execute(
                "INSERT INTO entry_fts(rowid, title, body, tags) "
                "SELECT id, title, body, tags FROM entry WHERE id > ?",
                (newest,),
            )
            self.db.execute(trigger)
        return added

    def update(self, record: Entry) -> Entry:
        if record.created_at is None and record.id is not None:
            stored = self.get(record.id)
            if stored is not None:
                record = dataclasses.replace(record, created_at=stored.created_at)
        return super().update(record)

    def _row(self, record: Entry) -> dict[str, object]:
        row = super()._row(record)
        if record.updated_at and record.created_at and record.updated_at >= record.created_at:
            # Imports keep their original timestamps.
            row["updated_at"] = record.updated_at
        row["created_at"] = record.created_at or row["updated_at"]
        return row

    def delete(self, item_id: int) -> bool:
        """Delete and fold the WAL so the text does not linger on disk."""
        deleted = super().delete(item_id)
        if deleted:
            self.db.checkpoint()
        return deleted

    def search(self, text: str, limit: int = 20, tag: str | None = None) -> list[SearchHit]:
        """Best matches first, each with a highlighted snippet of the best-matching column."""
        query = fts_query(text)
        if not query:
            return []
        params: list[object] = [query]
        tag_clause = ""
        if tag:
            needle = _tag_needle(tag)
            if needle is None:
                return []
            tag_clause = " AND instr(',' || e.tags || ',', ?) > 0"
            params.append(needle)
        params.append(limit)
        rows = self.db.query(
            f"""SELECT e.id, e.date, e.title, e.tags,
                       snippet(entry_fts, -1, '{HIT_START}', '{HIT_END}', '…', 16)
                FROM entry_fts JOIN entry e ON e.id = entry_fts.rowid
                WHERE entry_fts MATCH ?{tag_clause}
                ORDER BY {_RANK}
                LIMIT ?""",
            params,
        )
        return [
            SearchHit(row[0], row[1], row[2], tuple(t for t in row[3].split(",") if t), row[4])
            for row in rows
        ]

    def tag_counts(self) -> Counter[str]:
        """How many entries carry each tag."""
        counts: Counter[str] = Counter()
        for (tags,) in self.db.query("SELECT tags FROM entry WHERE tags != ''"):
            counts.update(tags.split(","))
        return counts

    def with_tag(self, tag: str) -> list[Entry]:
        needle = _tag_needle(tag)
        if needle is None:
            return []
        rows = self.db.query(
            f"SELECT {self._map.columns} FROM entry "
            "WHERE instr(',' || tags || ',', ?) > 0 ORDER BY date, id",
            (needle,),
        )
        return [self._map.from_row(row) for row in rows]

    def marked_for_summary(self, start: str, end: str) -> list[Entry]:
        """Entries the user chose to share with their supervisor in a period."""
        rows = self.db.query(
            f"SELECT {self._map.columns} FROM entry "
            "WHERE include_in_summary = 1 AND date BETWEEN ? AND ? ORDER BY date, id",
            (parse_date(start), parse_date(end)),
        )
        return [self._map.from_row(row) for row in rows]

    def dates_with_entries(self, start: str | None = None, end: str | None = None) -> set[str]:
        where, params = range_clause(start, end)
        return {row[0] for row in self.db.query(f"SELECT DISTINCT date FROM entry{where}", params)}
