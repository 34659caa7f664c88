"""Underlines text that looks like a client identifier (``journal.text_checks``)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from journal.text_checks import IdentifierHit, find_identifiers, hint_for


class IdentifierHighlighter(QSyntaxHighlighter):
    """A wavy underline under each hit, block by block. ``hits_in`` answers "what is at this
    position?" so the editor can show the why as a tooltip and as a hint under the editor."""

    def __init__(self, document: QTextDocument, parent: QObject | None = None) -> None:
        super().__init__(document)
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self._format.setUnderlineColor(QColor("#e8590c"))
        tint = QColor("#e8590c")
        tint.setAlpha(60)  # a light wash as well: a thin underline alone is easy to miss
        self._format.setBackground(tint)

    def highlightBlock(self, text: str) -> None:
        for hit in find_identifiers(text):
            self.setFormat(hit.start, hit.end - hit.start, self._format)

    def all_hits(self) -> list[IdentifierHit]:
        """Hits in the whole document, positions relative to the document start."""
        document = self.document()
        return find_identifiers(document.toPlainText()) if document else []

    def hit_at(self, position: int) -> IdentifierHit | None:
        return next((h for h in self.all_hits() if h.start <= position < h.end), None)

    @staticmethod
    def hint(hits: list[IdentifierHit]) -> str:
        """One line for the hint under the editor: the first hit, and how many more."""
        if not hits:
            return ""
        more = f" ({len(hits) - 1} more underlined)" if len(hits) > 1 else ""
        return hint_for(hits[0]) + more
