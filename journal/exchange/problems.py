"""What went wrong in an import file, located the way a person would look for it.

An import collects *every* problem before it writes anything, so the user can fix the whole
file in one pass instead of meeting the errors one by one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One problem at a place in a file.

    ``line`` counts as a text editor does (the CSV header is line 1); ``0`` means the line is
    not known, as for a record inside a JSON document, whose ``column`` is then its path
    (``checkins[3].mood``). An empty ``column`` means the problem is about the line or the file.
    """

    line: int
    column: str
    reason: str

    def __str__(self) -> str:
        place = []
        if self.line > 0:
            place.append(f"line {self.line}")
        if self.column:
            place.append(f"column {self.column}" if self.line > 0 else self.column)
        return f"{', '.join(place)}: {self.reason}" if place else self.reason


class ImportProblems(Exception):
    """The file was not imported; ``problems`` lists everything that needs fixing."""

    def __init__(self, problems: Iterable[Problem], path: Path | str | None = None) -> None:
        self.problems: list[Problem] = sorted(problems, key=lambda p: p.line)
        self.path = Path(path) if path is not None else None
        where = f"{self.path}: " if self.path is not None else ""
        count = len(self.problems)
        super().__init__(f"{where}{count} problem{'s' if count != 1 else ''}, nothing imported")

    @classmethod
    def single(
        cls, path: Path | str | None, reason: str, line: int = 0, column: str = ""
    ) -> ImportProblems:
        """A file-level problem: unreadable, wrong type, not what it claims to be."""
        return cls([Problem(line, column, reason)], path)

    def describe(self, limit: int | None = None) -> str:
        """The problems one per line (the first ``limit`` of them, with a count of the rest)."""
        shown = self.problems if limit is None else self.problems[:limit]
        lines = [str(problem) for problem in shown]
        hidden = len(self.problems) - len(shown)
        if hidden:
            lines.append(f"… and {hidden} more")
        return "\n".join(lines)


def read_text(path: Path | str) -> str:
    """The file as text (UTF-8, with or without a byte-order mark), or :class:`ImportProblems`
    saying why it cannot be read."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise ImportProblems.single(path, "there is no such file") from None
    except IsADirectoryError:
        raise ImportProblems.single(path, "it is a folder, not a file") from None
    except OSError as exc:
        raise ImportProblems.single(path, f"cannot be read ({exc.strerror})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        reason = "is not UTF-8 text (save the file as UTF-8 and try again)"
        raise ImportProblems.single(path, reason, line=line) from None
