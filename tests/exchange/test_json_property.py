"""Property: a JSON export imported into an empty journal reproduces every record exactly."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from exchange_helpers import BlankJournal, fill, journal_snapshot, journals, open_blank_copy
from hypothesis import given, settings

from journal.exchange import export_json, import_json


@settings(max_examples=50, deadline=None)
@given(content=journals)
def test_json_round_trip_restores_every_record(
    blank_journal: BlankJournal, content: dict[str, Any]
) -> None:
    """Random journals (every record type, any script, missing values) survive export → import."""
    with tempfile.TemporaryDirectory() as folder:
        source = open_blank_copy(blank_journal, Path(folder, "source.refill"))
        target = open_blank_copy(blank_journal, Path(folder, "target.refill"))
        try:
            with source.db.transaction():  # one fsync, not one per record
                fill(source, content)
            export = Path(folder, "export.json")
            written = export_json(source, export)
            summary = import_json(target, export)
            assert journal_snapshot(target) == journal_snapshot(source)
            assert summary.total - summary.settings == written
        finally:
            source.close(backup_if_changed=False)
            target.close(backup_if_changed=False)
