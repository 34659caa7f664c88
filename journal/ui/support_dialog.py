"""Help ▸ Need support now? — calm, static crisis resources, and the person's own supports.

Nothing here contacts anyone: the dialog only shows numbers. It works while the journal is
locked (someone who needs it may not be able to type a passphrase); the chosen country and any
corrected numbers are saved in the journal's settings when it is open.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal.store import Journal, ValidationError
from journal.ui.crisis_lines_model import (
    CountryLines,
    CrisisLinesModel,
    dump_edits,
    load_countries,
    parse_edits,
)
from journal.ui.unlock_widgets import hbox, styled_label

INTRO = (
    "If you are in danger or might act on thoughts of harming yourself, call your local "
    "emergency number now. If you need someone to talk to, these lines are free and "
    "confidential."
)
OWN_SUPPORT = (
    "Your own GP or doctor, your therapist, your clinical supervisor, or your employer's "
    "employee assistance programme (EAP) are there for you too: you can add their numbers "
    "here with “Edit numbers”."
)
NO_OUTREACH = "Refill never contacts anyone for you and sends nothing anywhere."


def locale_country() -> str:
    """The country code of the system locale, e.g. ``"GB"`` → ``"UK"``."""
    code = QLocale.system().name().partition("_")[2].upper()
    return "UK" if code == "GB" else code


def _friendly_date(iso: str) -> str:
    try:
        return f"{dt.date.fromisoformat(iso):%-d %B %Y}"
    except ValueError:
        return iso


class SupportDialog(QDialog):
    """Shows the crisis lines for a chosen country; editable when the journal is open."""

    def __init__(self, journal: Journal | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Need support now?")
        self.journal = journal
        self.countries = load_countries()
        settings = journal.settings.load() if journal is not None else None
        self.edits = parse_edits(settings.crisis_lines) if settings else {}

        self.country = QComboBox()
        self.country.setAccessibleName("Country")
        self.country.addItem("Choose your country…", "")
        for code, info in sorted(self.countries.items(), key=lambda item: item[1].name):
            self.country.addItem(info.name, code)
        wanted = (settings.crisis_country if settings else "") or locale_country()
        self.country.setCurrentIndex(max(0, self.country.findData(wanted) if wanted else 0))
        self.country.currentIndexChanged.connect(self._country_changed)

        self.emergency = styled_label("", "heading")
        self.emergency.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.emergency.setAccessibleName("Emergency number")
        self.model = CrisisLinesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Crisis lines")
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.checked = styled_label("", "muted")

        self.edit_button = QPushButton("Edit numbers")
        self.edit_button.setCheckable(True)
        self.edit_button.toggled.connect(self._set_editing)
        self.add_button = QPushButton("Add a number")
        self.add_button.clicked.connect(self._add)
        self.remove_button = QPushButton("Remove selected")
        self.remove_button.clicked.connect(self._remove)
        self.reset_button = QPushButton("Use Refill's list")
        self.reset_button.clicked.connect(self._reset)
        self.save_error = styled_label("", "error")
        self.save_error.hide()
        if journal is None:
            self.edit_button.setEnabled(False)
            self.edit_button.setToolTip("Unlock the journal to save your own numbers.")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(styled_label("Need support now?", "heading"))
        layout.addWidget(styled_label(INTRO, ""))
        country_row = hbox(styled_label("Country", "", wrap=False), self.country)
        country_row.addStretch(1)
        layout.addLayout(country_row)
        layout.addWidget(self.emergency)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.checked)
        edit_row = hbox(self.edit_button, self.add_button, self.remove_button, self.reset_button)
        edit_row.addStretch(1)
        layout.addLayout(edit_row)
        layout.addWidget(self.save_error)
        layout.addWidget(styled_label(OWN_SUPPORT, ""))
        layout.addWidget(styled_label(NO_OUTREACH, "muted"))
        layout.addWidget(buttons)
        self.resize(640, 560)
        self._set_editing(False)
        self._show_country()

    # ----------------------------------------------------------------- state
    def code(self) -> str:
        return str(self.country.currentData() or "")

    def _info(self) -> CountryLines | None:
        return self.countries.get(self.code())

    def _show_country(self) -> None:
        info = self._info()
        self.edit_button.setEnabled(self.journal is not None and info is not None)
        if info is None:
            self.emergency.setText("In an emergency, call your local emergency number.")
            self.model.set_lines([])
            self.checked.setText("Choose your country to see free, confidential helplines.")
            return
        self.emergency.setText(f"Emergency: {info.emergency}")
        custom = self.edits.get(info.code)
        self.model.set_lines(custom if custom is not None else info.lines)
        when = _friendly_date(info.last_checked)
        checked = f"Refill's list for {info.name} was last checked on {when}."
        if custom is not None:
            checked = "These are your own numbers. " + checked
        self.checked.setText(f"{checked} Numbers change: please confirm the ones you rely on.")
        self.table.resizeRowsToContents()

    def _country_changed(self) -> None:
        self._show_country()
        if self.journal is not None:
            self._save(crisis_country=self.code())

    def _set_editing(self, editing: bool) -> None:
        was_editing, self.model.editable = self.model.editable, editing
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            if editing
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        for button in (self.add_button, self.remove_button, self.reset_button):
            button.setVisible(editing)
        self.edit_button.setText("Done editing" if editing else "Edit numbers")
        if was_editing and not editing and self.journal is not None and self._edited():
            self.edits[self.code()] = [x for x in self.model.lines if x.name or x.number]
            self._save(crisis_lines=dump_edits(self.edits))
            self._show_country()

    def _edited(self) -> bool:
        info = self._info()
        current = [x for x in self.model.lines if x.name or x.number]
        stored = self.edits.get(self.code(), list(info.lines) if info else [])
        return current != list(stored)

    def _add(self) -> None:
        index = self.model.add_line()
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def _remove(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.model.remove_line(rows[0].row())

    def _reset(self) -> None:
        self.edits.pop(self.code(), None)
        if self.journal is not None:
            self._save(crisis_lines=dump_edits(self.edits))
        self.edit_button.setChecked(False)
        self._show_country()

    def _save(self, **changes: str) -> None:
        assert self.journal is not None
        try:
            self.journal.settings.update(**changes)
        except (ValidationError, RuntimeError) as exc:
            self.save_error.setText(f"Could not save your numbers ({exc}).")
            self.save_error.show()
        else:
            self.save_error.hide()

    def reject(self) -> None:
        """Closing (also on lock) keeps edits in progress: nothing typed is lost."""
        if self.edit_button.isChecked():
            self.edit_button.setChecked(False)
        super().reject()
