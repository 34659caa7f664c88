"""``refill search``: ranked full-text search with highlighted snippets.

Its whole-process time is benchmarked, so this module imports only what the search needs.
"""

from __future__ import annotations

import argparse
import sys

from journal.cli.context import journal_session
from journal.cli.errors import CliError
from journal.cli.inputs import positive_int
from journal.cli.output import clean, highlight, tag_list, title_or_untitled, use_color
from journal.store.repositories import normalise_tags


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "search",
        parents=[common],
        help="search your entries",
        description="Search entry titles, text and tags, best matches first. Words must all "
        'appear; "quoted words" match a phrase; word* matches a prefix; AND/OR/NOT combine.',
    )
    parser.add_argument("query", nargs="+", metavar="QUERY", help="words to look for")
    parser.add_argument("--limit", metavar="N", default="20", help="at most N results (20)")
    parser.add_argument("--tag", metavar="T", help="only entries with this tag")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    limit = positive_int(args.limit, "limit")
    if args.tag is not None and not normalise_tags([args.tag]):
        raise CliError(f"tag: {args.tag!r} is not a tag name")
    with journal_session(args) as journal:
        hits = journal.entries.search(query, limit=limit, tag=args.tag)
    if not hits:
        where = f" with tag #{clean(args.tag, one_line=True)}" if args.tag else ""
        print(f"No entries match {clean(query, one_line=True)!r}{where}.")
        return 0
    color = use_color(sys.stdout)
    lines = []
    for hit in hits:
        tags = f"  {tag_list(hit.tags)}" if hit.tags else ""
        lines.append(f"{hit.date}  id {hit.entry_id}  {title_or_untitled(hit.title)}{tags}")
        lines.append(f"    {highlight(hit.snippet, color=color)}")
    sys.stdout.write("\n".join(lines) + "\n")
    return 0
