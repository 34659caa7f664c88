"""Journal entries: timestamps, tags, the FTS5 index kept in step, and search that never breaks."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.store import Journal
from journal.store.entries import HIT_END, HIT_START, SearchHit, fts_query
from journal.store.models import Entry
from journal.store.repositories import normalise_tags


def _ids(hits: list[SearchHit]) -> list[int]:
    return [hit.entry_id for hit in hits]


# ------------------------------------------------------------------ storing entries


def test_add_sets_id_and_timestamps(journal: Journal) -> None:
    """A new entry gets an id and equal created/updated UTC timestamps."""
    entry = journal.entries.add(Entry("2026-03-01", title="Hard day", body="text"))
    assert entry.id is not None
    assert entry.created_at == entry.updated_at
    assert entry.created_at is not None and entry.created_at.endswith("Z")
    assert journal.entries.get(entry.id) == entry


def test_update_keeps_created_at(journal: Journal) -> None:
    """Updating an entry without its created_at keeps the stored one."""
    entry = journal.entries.add(Entry("2026-03-01", title="Draft"))
    journal.entries.update(Entry("2026-03-01", title="Final", id=entry.id))
    stored = journal.entries.get(entry.id or 0)
    assert stored is not None
    assert (stored.title, stored.created_at) == ("Final", entry.created_at)


def test_imported_timestamps_are_kept(journal: Journal) -> None:
    """An entry that arrives with its own created/updated times keeps them."""
    entry = journal.entries.add(
        Entry(
            "2020-01-01",
            title="old",
            created_at="2020-01-01T08:00:00Z",
            updated_at="2020-01-02T09:00:00Z",
        )
    )
    assert (entry.created_at, entry.updated_at) == ("2020-01-01T08:00:00Z", "2020-01-02T09:00:00Z")


@pytest.mark.parametrize(
    ("given_tags", "stored"),
    [
        (("Work", "#work", " WORK "), ("work",)),
        (("Self Care", "self   care"), ("self-care",)),
        (("a,b", "#"), ("a-b",)),
        (("Ärger", "sleep"), ("ärger", "sleep")),
        ((), ()),
    ],
)
def test_tags_are_normalised(
    journal: Journal, given_tags: tuple[str, ...], stored: tuple[str, ...]
) -> None:
    """Tags are lower-case, without #, hyphenated, unique and never contain the separator."""
    assert normalise_tags(given_tags) == stored
    entry = journal.entries.add(Entry("2026-03-01", tags=given_tags))
    assert entry.tags == stored
    assert journal.entries.get(entry.id or 0) == entry


def test_tag_filter_and_counts(journal: Journal) -> None:
    """with_tag, tag_counts and search(tag=…) match whole tags only."""
    a = journal.entries.add(Entry("2026-03-01", body="tired", tags=("work", "sleep")))
    b = journal.entries.add(Entry("2026-03-02", body="tired", tags=("work-life",)))
    journal.entries.add(Entry("2026-03-03", body="fine"))
    assert [e.id for e in journal.entries.with_tag("#Work")] == [a.id]
    assert journal.entries.tag_counts() == {"work": 1, "sleep": 1, "work-life": 1}
    assert _ids(journal.entries.search("tired", tag="work")) == [a.id]
    assert _ids(journal.entries.search("tired", tag="work-life")) == [b.id]


def test_marked_for_summary(journal: Journal) -> None:
    """Only entries marked for the summary, inside the period, are returned."""
    inside = journal.entries.add(Entry("2026-03-05", title="share", include_in_summary=True))
    journal.entries.add(Entry("2026-03-06", title="private"))
    journal.entries.add(Entry("2026-04-01", title="later", include_in_summary=True))
    assert journal.entries.marked_for_summary("2026-03-01", "2026-03-31") == [inside]
    assert inside.include_in_summary is True


def test_dates_with_entries(journal: Journal) -> None:
    """dates_with_entries lists each day once, optionally within a range."""
    for date in ("2026-03-01", "2026-03-01", "2026-03-04"):
        journal.entries.add(Entry(date))
    assert journal.entries.dates_with_entries() == {"2026-03-01", "2026-03-04"}
    assert journal.entries.dates_with_entries("2026-03-02", "2026-03-31") == {"2026-03-04"}


# ------------------------------------------------------------------ the index in step


def test_new_entry_is_searchable_in_title_body_and_tags(journal: Journal) -> None:
    """Words from title, body and tags all match right after add."""
    entry = journal.entries.add(
        Entry("2026-03-01", title="Supervision", body="boundaries again", tags=("caseload",))
    )
    for word in ("supervision", "BOUNDARIES", "caseload"):
        assert _ids(journal.entries.search(word)) == [entry.id]


def test_deleted_entry_no_longer_matches(journal: Journal) -> None:
    """After delete, the entry's words find nothing."""
    entry = journal.entries.add(Entry("2026-03-01", title="Grief", body="a heavy session"))
    assert journal.entries.delete(entry.id or 0)
    assert journal.entries.search("grief") == []
    assert journal.entries.search("heavy") == []


def test_updated_entry_matches_new_words_not_old(journal: Journal) -> None:
    """After an update the new title matches and the old one does not."""
    entry = journal.entries.add(Entry("2026-03-01", title="Exhausted", body="body"))
    journal.entries.update(Entry("2026-03-01", title="Rested", body="body", id=entry.id))
    assert journal.entries.search("exhausted") == []
    assert _ids(journal.entries.search("rested")) == [entry.id]
    assert _ids(journal.entries.search("body")) == [entry.id]


def test_index_integrity_after_changes(journal: Journal) -> None:
    """FTS5's own integrity check agrees with the table after adds, updates and deletes."""
    entries = [
        journal.entries.add(Entry("2026-03-01", title=f"t{i}", body="x y")) for i in range(5)
    ]
    journal.entries.update(Entry("2026-03-01", title="changed", id=entries[0].id))
    journal.entries.delete(entries[1].id or 0)
    journal.db.execute("INSERT INTO entry_fts(entry_fts, rank) VALUES ('integrity-check', 1)")


# ------------------------------------------------------------------ search semantics


@pytest.fixture
def corpus(journal: Journal) -> dict[str, int]:
    texts = {
        "grief": ("After the session", "So much grief in the room today."),
        "joy": ("Walk", "Joy at the river, the café was open."),
        "both": ("Mixed", "grief and joy together, don't ask"),
        "title": ("Grief", "nothing else here"),
        "cpp": ("Code", "learning C++ at night; exhausting"),
    }
    return {
        name: journal.entries.add(Entry("2026-03-01", title=t, body=b)).id or 0
        for name, (t, b) in texts.items()
    }


def test_all_words_must_match(journal: Journal, corpus: dict[str, int]) -> None:
    """Several words find only entries with every one of them."""
    assert _ids(journal.entries.search("grief joy")) == [corpus["both"]]


def test_or_and_not(journal: Journal, corpus: dict[str, int]) -> None:
    """Upper-case OR widens, NOT excludes."""
    assert set(_ids(journal.entries.search("river OR exhausting"))) == {
        corpus["joy"],
        corpus["cpp"],
    }
    assert corpus["both"] not in _ids(journal.entries.search("grief NOT joy"))


def test_phrase_prefix_and_diacritics(journal: Journal, corpus: dict[str, int]) -> None:
    """Quoted words match as a phrase, a trailing * as a prefix, and accents are optional."""
    assert _ids(journal.entries.search('"grief and joy"')) == [corpus["both"]]
    assert journal.entries.search('"joy and grief"') == []
    assert _ids(journal.entries.search("exhaust*")) == [corpus["cpp"]]
    assert _ids(journal.entries.search("cafe")) == [corpus["joy"]]


def test_title_hits_rank_first_with_marked_snippets(
    journal: Journal, corpus: dict[str, int]
) -> None:
    """An entry with the word in its title ranks first; snippets mark the hits."""
    hits = journal.entries.search("grief")
    assert hits[0].entry_id == corpus["title"]
    assert set(_ids(hits)) == {corpus["grief"], corpus["both"], corpus["title"]}
    assert all(HIT_START in hit.snippet and HIT_END in hit.snippet for hit in hits)


def test_limit(journal: Journal, corpus: dict[str, int]) -> None:
    """limit caps the number of hits."""
    assert len(journal.entries.search("grief", limit=2)) == 2


@pytest.mark.parametrize(
    "text",
    [
        "don't",
        "C++",
        '"unclosed phrase',
        '"',
        '""',
        "AND",
        "OR grief",
        "grief NOT",
        "NOT NOT NOT",
        "grief AND OR joy",
        "*",
        "grief*",
        "(grief",
        "grief)",
        "title:grief",
        "NEAR(grief joy)",
        "-grief",
        "^grief",
        "grief + joy",
        "{title}: grief",
        "'; DROP TABLE entry; --",
        "\x00",
        "é",
        "😀 grief",
        "中文",
        "",
        "   ",
    ],
)
def test_odd_queries_never_raise(journal: Journal, corpus: dict[str, int], text: str) -> None:
    """Punctuation, quotes, operators at the edges and unicode give results, never errors."""
    hits = journal.entries.search(text)
    assert isinstance(hits, list)
    assert journal.entries.count() == len(corpus)


def test_fts_query_quotes_every_term() -> None:
    """Terms reach FTS5 only as quoted phrases, so none can act as syntax."""
    assert fts_query("don't C++ grief*") == '"don t" "C" "grief"*'
    assert fts_query("NOT grief AND") == '"grief"'
    assert fts_query('"one two" OR three') == '"one two" OR "three"'
    assert fts_query(":;!?") == ""


# ------------------------------------------------------------------ property: search never raises


@pytest.fixture(scope="module")
def shared_journal(
    tmp_path_factory: pytest.TempPathFactory,
    journal_template: Callable[[str], tuple[Path, bytes]],
) -> Iterator[Journal]:
    """One journal with a few entries for the property tests (they only read)."""
    template, key = journal_template("property passphrase")
    path = Path(tmp_path_factory.mktemp("property")) / "j.refill"
    shutil.copyfile(template, path)
    journal = Journal.open(path, raw_key=key)
    for text in ("grief and joy", "don't stop", "café ünïcödé 中文", "C++ AND OR NOT"):
        journal.entries.add(Entry("2026-03-01", title=text, body=text, tags=("t",)))
    yield journal
    journal.close(backup_if_changed=False)


QUERY_PIECES = st.sampled_from(
    ["AND", "OR", "NOT", "NEAR", '"', "*", "(", ")", "-", "+", ":", "^", "'", "grief", "joy",
     "é", "中", "\u0301", "_", " ", "  ", "title", "{", "}", ",", ".", "\\"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=40))
def test_any_text_searches_without_error(shared_journal: Journal, text: str) -> None:
    """Any unicode text at all gives a list of hits, never an exception."""
    assert isinstance(shared_journal.entries.search(text), list)


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(QUERY_PIECES, max_size=12))
def test_any_mix_of_operators_searches_without_error(
    shared_journal: Journal, pieces: list[str]
) -> None:
    """Operators, quotes and punctuation in any order give a list of hits, never an exception."""
    for joiner in ("", " "):
        assert isinstance(shared_journal.entries.search(joiner.join(pieces)), list)


def test_delete_inside_a_larger_transaction(journal: Journal) -> None:
    """Deletes inside an outer transaction work, fold the WAL after commit, and roll back."""
    wal = journal.path.with_name(journal.path.name + "-wal")
    keep = journal.entries.add(Entry("2026-03-01", title="keep"))
    with pytest.raises(RuntimeError), journal.db.transaction():
        journal.entries.delete(keep.id or 0)
        raise RuntimeError("changed my mind")
    assert journal.entries.get(keep.id or 0) == keep
    gone = journal.entries.add(Entry("2026-03-01", title="gone"))
    with journal.db.transaction():
        assert journal.entries.delete(gone.id or 0)
        assert wal.stat().st_size > 0
    assert journal.entries.get(gone.id or 0) is None
    assert wal.stat().st_size == 0


@pytest.mark.parametrize("tag", ["#", "   ", ",", "#,#"])
def test_tag_that_normalises_to_nothing_matches_nothing(journal: Journal, tag: str) -> None:
    """A tag filter with nothing left after normalising finds nothing instead of raising."""
    journal.entries.add(Entry("2026-03-01", body="grief", tags=("work",)))
    assert journal.entries.search("grief", tag=tag) == []
    assert journal.entries.with_tag(tag) == []


def test_dates_with_entries_accepts_one_open_end(journal: Journal) -> None:
    """dates_with_entries honours a start or an end given alone."""
    for date in ("2026-03-01", "2026-03-04", "2026-03-09"):
        journal.entries.add(Entry(date))
    assert journal.entries.dates_with_entries(start="2026-03-04") == {"2026-03-04", "2026-03-09"}
    assert journal.entries.dates_with_entries(end="2026-03-04") == {"2026-03-01", "2026-03-04"}
