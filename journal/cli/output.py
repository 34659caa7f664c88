"""Printing journal text to a terminal safely and readably.

Entry text can come from anywhere (an import, a paste), so control characters are neutralised
before printing: an escape sequence hidden in an entry must not be able to drive the terminal.
"""

from __future__ import annotations

import os
import re
import sys
from typing import TextIO

from journal.store.entries import HIT_END, HIT_START

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")
_SPACES_RE = re.compile(r"\s+")
BOLD = "\x1b[1m"
RESET = "\x1b[0m"


def clean(text: str, *, one_line: bool = False) -> str:
    """``text`` without control characters (tabs and newlines kept unless ``one_line``)."""
    if one_line:
        text = _SPACES_RE.sub(" ", text).strip()
    return _CONTROL_RE.sub("\N{REPLACEMENT CHARACTER}", text)


def use_color(stream: TextIO = sys.stdout) -> bool:
    """Bold only on a terminal, and never when ``NO_COLOR`` is set (https://no-color.org)."""
    return stream.isatty() and "NO_COLOR" not in os.environ


def highlight(snippet: str, *, color: bool) -> str:
    """A search snippet on one line with its matches in bold, or in [brackets] without colour."""
    start, end = (BOLD, RESET) if color else ("[", "]")
    flat = _SPACES_RE.sub(" ", snippet).strip()
    pieces = re.split(f"([{HIT_START}{HIT_END}])", flat)
    return "".join(
        start if piece == HIT_START else end if piece == HIT_END else clean(piece)
        for piece in pieces
    )


def title_or_untitled(title: str) -> str:
    return clean(title, one_line=True) or "(untitled)"


def tag_list(tags: tuple[str, ...]) -> str:
    return " ".join(f"#{tag}" for tag in tags)
