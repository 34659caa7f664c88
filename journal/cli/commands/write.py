"""``refill write``: a journal entry from stdin, or from the user's editor.

The journal is opened (and the passphrase checked) before the editor starts, so a mistyped
passphrase never costs a written entry. The body is never printed back.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from journal.cli.context import journal_session
from journal.cli.errors import CliError
from journal.cli.inputs import invalid, parse_day
from journal.cli.output import tag_list, title_or_untitled
from journal.store.errors import ValidationError
from journal.store.models import Entry
from journal.store.validation import validate_record


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "write",
        parents=[common],
        help="write a journal entry (from stdin or your editor)",
        description="Write a journal entry. Text piped in is used as the body; in a terminal "
        "your $EDITOR (or $VISUAL) opens on a private temporary file that is overwritten and "
        "deleted afterwards. Without --title, a first line '# Title' becomes the title.",
    )
    parser.add_argument("--date", metavar="D", help="YYYY-MM-DD, today (default) or yesterday")
    parser.add_argument("--title", metavar="T", help="the entry's title")
    parser.add_argument(
        "--tag", metavar="X", action="append", default=[], help="a tag (repeat for several)"
    )
    parser.add_argument("--prompt", metavar="ID", help="the id of the prompt this answers")
    parser.add_argument(
        "--include-in-summary",
        action="store_true",
        help="let this entry's text appear in the supervisor summary (off by default)",
    )
    parser.add_argument(
        "--edit",
        action="store_true",
        help="open the editor even when stdin is not a terminal",
    )
    parser.set_defaults(run=run)


def read_stdin() -> str:
    try:
        return sys.stdin.buffer.read().decode("utf-8")
    except UnicodeDecodeError:
        raise CliError("the text on stdin is not UTF-8; nothing was saved") from None


def split_title(body: str) -> tuple[str, str]:
    """A Markdown heading on the first line (``# Title``) as the title, the rest as the body."""
    first, _, rest = body.lstrip("\n").partition("\n")
    if first.startswith("# ") and first[2:].strip():
        return first[2:].strip(), rest.strip("\n")
    return "", body


def run(args: argparse.Namespace) -> int:
    draft = Entry(
        date=parse_day(args.date),
        title=args.title or "",
        tags=tuple(args.tag),
        prompt_id=args.prompt,
        include_in_summary=args.include_in_summary,
    )
    try:
        validate_record(draft)
    except ValidationError as exc:
        raise invalid(exc) from None
    use_editor = args.edit or sys.stdin is None or sys.stdin.isatty()
    with journal_session(args) as journal:
        if use_editor:
            from journal.cli.editor import edit_text

            body = edit_text()
        else:
            body = read_stdin()
        if not body.strip():
            raise CliError("the entry is empty; nothing was saved")
        title = draft.title
        if not title:
            title, body = split_title(body)
        try:
            saved = journal.entries.add(replace(draft, title=title, body=body))
        except ValidationError as exc:
            raise invalid(exc) from None
    tags = f" {tag_list(saved.tags)}" if saved.tags else ""
    print(f"Saved entry {saved.id} for {saved.date}: {title_or_untitled(saved.title)}{tags}")
    return 0
