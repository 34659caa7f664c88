"""Files in and out (DESIGN.md §3): the daily CSV, the JSON document and a Markdown copy.

The CLI and the window call :func:`import_file` and :func:`export_file`. Imports are
all-or-nothing and raise :class:`ImportProblems` listing every problem; exports are plaintext
by the user's request, written atomically and privately (0600), or to stdout.
No Qt and no SQL here: records go through the journal's repositories.
"""

from __future__ import annotations

from pathlib import Path

from journal.exchange.daily_csv import export_csv, import_csv
from journal.exchange.json_document import export_json, import_json
from journal.exchange.markdown import export_markdown
from journal.exchange.problems import ImportProblems, Problem
from journal.exchange.summary import ImportSummary
from journal.store import Journal

EXPORT_FORMATS = ("json", "csv", "markdown")
IMPORT_SUFFIXES = (".csv", ".json")


def import_file(journal: Journal, path: Path | str, *, replace: bool = False) -> ImportSummary:
    """Import a ``.csv`` or ``.json`` file, chosen by its suffix (any case)."""
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        return import_csv(journal, path, replace=replace)
    if suffix == ".json":
        return import_json(journal, path, replace=replace)
    shown = f'"{suffix}" files' if suffix else "files without a suffix"
    raise ImportProblems.single(
        path, f"Refill imports .csv (daily data) and .json (a Refill export), not {shown}"
    )


def export_file(journal: Journal, fmt: str, out: Path | str | None = None) -> int:
    """Export in ``fmt`` (json, csv or markdown) to ``out``, or stdout when it is None;
    returns the number of records (CSV: rows) written."""
    exporters = {"json": export_json, "csv": export_csv, "markdown": export_markdown}
    exporter = exporters.get(fmt.lower())
    if exporter is None:
        raise ValueError(f"unknown export format {fmt!r} (choose {', '.join(EXPORT_FORMATS)})")
    return exporter(journal, out)


__all__ = [
    "EXPORT_FORMATS",
    "IMPORT_SUFFIXES",
    "ImportProblems",
    "ImportSummary",
    "Problem",
    "export_csv",
    "export_file",
    "export_json",
    "export_markdown",
    "import_csv",
    "import_file",
    "import_json",
]
