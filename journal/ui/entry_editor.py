"""One journal entry: title, text with the day's reflection prompt, tags, supervisor flag.

The client-identifier guard underlines what looks like a client's identity and says why under
the editor; crisis language raises a calm banner. Both checks run on this device only.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QHelpEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from journal.prompts import Prompt, load_prompts, prompt_by_id
from journal.store.models import Entry
from journal.text_checks import crisis_language, hint_for
from journal.ui.crisis_banner import CrisisBanner
from journal.ui.fields import ErrorLabel, warning_colour
from journal.ui.identifier_highlighter import IdentifierHighlighter

CHECK_DELAY_MS = 300


class EntryEditor(QWidget):
    """Edits one entry; ``entry(date)`` builds the record to save (``None`` if still empty)."""

    edited = Signal()
    support_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entry: Entry | None = None
        self._prompt: Prompt | None = None
        self._loading = False

        self.prompt_label = QLabel(self)
        self.prompt_label.setWordWrap(True)
        self.prompt_label.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt_label.setAccessibleName("Reflection prompt")
        font = self.prompt_label.font()
        font.setItalic(True)
        self.prompt_label.setFont(font)
        self.other_prompt = QPushButton("Another prompt", self)
        self.other_prompt.setAccessibleName("Pick another reflection prompt")
        self.other_prompt.setMenu(self._prompt_menu())

        self.title = QLineEdit(self)
        self.title.setPlaceholderText("Title (optional)")
        self.title.setMaxLength(300)
        self.title.setAccessibleName("Entry title")
        self.body = QPlainTextEdit(self)
        self.body.setPlaceholderText(
            "Write freely. Plain text; *light Markdown* is fine. No client names or details needed."
        )
        self.body.setAccessibleName("Entry text")
        self.body.setTabChangesFocus(True)
        self.highlighter = IdentifierHighlighter(self.body.document(), self)
        self.body.viewport().installEventFilter(self)
        self.identifier_hint = QLabel(self)
        self.identifier_hint.setWordWrap(True)
        self.identifier_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.identifier_hint.setAccessibleName("Client identifier hint")
        self.identifier_hint.hide()
        self.banner = CrisisBanner(self)
        self.banner.support_requested.connect(self.support_requested)
        self.tags = QLineEdit(self)
        self.tags.setPlaceholderText("Tags, comma-separated")
        self.tags.setAccessibleName("Entry tags")
        self.include = QCheckBox("Include in supervisor summary", self)
        self.include.setToolTip(
            "Only entries you tick here ever appear, in full, in a supervisor summary you export."
        )
        self.error = ErrorLabel(self)

        prompt_row = QHBoxLayout()
        prompt_row.addWidget(self.prompt_label, 1)
        top_right = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight
        prompt_row.addWidget(self.other_prompt, 0, top_right)
        bottom = QHBoxLayout()
        bottom.addWidget(self.tags, 1)
        bottom.addWidget(self.include)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(prompt_row)
        layout.addWidget(self.banner)
        layout.addWidget(self.title)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.identifier_hint)
        layout.addLayout(bottom)
        layout.addWidget(self.error)

        self._checks = QTimer(self)
        self._checks.setSingleShot(True)
        self._checks.setInterval(CHECK_DELAY_MS)
        self._checks.timeout.connect(self.run_checks)
        for signal in (self.title.textChanged, self.body.textChanged, self.tags.textChanged):
            signal.connect(self._changed)
        self.include.toggled.connect(self._changed)
        self.body.textChanged.connect(self._checks.start)

    # ------------------------------------------------------------------ prompts
    def _prompt_menu(self) -> QMenu:
        menu = QMenu(self)
        themes: dict[str, QMenu] = {}
        for prompt in load_prompts():
            if prompt.theme not in themes:
                themes[prompt.theme] = menu.addMenu(prompt.theme_title)
            action = QAction(prompt.text, themes[prompt.theme])
            action.triggered.connect(lambda _=False, p=prompt: self.set_prompt(p, edited=True))
            themes[prompt.theme].addAction(action)
        return menu

    def set_prompt(self, prompt: Prompt | None, *, edited: bool = False) -> None:
        self._prompt = prompt
        self.prompt_label.setText(prompt.text if prompt else "")
        self.prompt_label.setVisible(prompt is not None)
        if edited:
            self._changed()

    @property
    def prompt(self) -> Prompt | None:
        return self._prompt

    # ------------------------------------------------------------------ content
    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self.edited.emit()

    def load(self, entry: Entry | None, default_prompt: Prompt | None) -> None:
        """Show an entry (or a blank new one with the day's prompt) without marking it edited."""
        self._loading = True
        try:
            self._entry = entry
            self.title.setText(entry.title if entry else "")
            self.body.setPlainText(entry.body if entry else "")
            self.tags.setText(", ".join(entry.tags) if entry else "")
            self.include.setChecked(bool(entry and entry.include_in_summary))
            # A saved entry keeps the prompt it was written to (or none); only a new entry is
            # offered the day's prompt, so editing never re-labels what was written.
            self.set_prompt(prompt_by_id(entry.prompt_id) if entry else default_prompt)
            self.error.show_error(None)
            self.banner.reset()
        finally:
            self._loading = False
        self.run_checks()

    @property
    def current(self) -> Entry | None:
        return self._entry

    def remember_saved(self, entry: Entry) -> None:
        """After a save: later edits update this entry instead of adding another."""
        self._entry = entry

    def entry(self, date: str) -> Entry | None:
        """The record to save; ``None`` when a new entry is still blank."""
        title = self.title.text().strip()
        body = self.body.toPlainText()
        tags = tuple(t.strip() for t in self.tags.text().split(",") if t.strip())
        if self._entry is None and not (title or body.strip() or tags):
            return None
        values = {
            "title": title,
            "body": body,
            "tags": tags,
            "include_in_summary": self.include.isChecked(),
            "prompt_id": self._prompt.id if self._prompt else None,
        }
        if self._entry is None:
            return Entry(date=date, **values)  # type: ignore[arg-type]
        return dataclasses.replace(self._entry, **values)  # type: ignore[arg-type]

    # ------------------------------------------------------------------ checks
    def run_checks(self) -> None:
        """Refresh the identifier hint and the crisis banner for the current text."""
        text = self.body.toPlainText()
        hint = self.highlighter.hint(self.highlighter.all_hits())
        self.identifier_hint.setStyleSheet(f"color: {warning_colour(self)};")
        self.identifier_hint.setText(hint)
        self.identifier_hint.setVisible(bool(hint))
        self.banner.update_for(crisis_language(self.title.text() + "\n" + text))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tooltips over underlined text say why it was underlined."""
        if watched is self.body.viewport() and event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            position = self.body.cursorForPosition(event.pos()).position()
            hit = self.highlighter.hit_at(position)
            if hit is not None:
                QToolTip.showText(event.globalPos(), hint_for(hit))
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)
