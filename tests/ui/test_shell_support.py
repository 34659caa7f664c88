"""Help ▸ Need support now?: crisis lines from the data files, editable, saved in the journal."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QTextBrowser

from journal.resources import resource_path
from journal.ui.about_insights_dialog import AboutInsightsDialog
from journal.ui.crisis_lines_model import Line, load_countries, parse_edits
from journal.ui.support_dialog import SupportDialog


def test_every_country_file_is_complete() -> None:
    """Each crisis file has a name, a last-checked date, an emergency number and lines."""
    files = sorted(resource_path("crisis").glob("*.json"))
    countries = load_countries()
    assert len(countries) == len(files) >= 7
    for info in countries.values():
        assert info.name and info.emergency and info.lines
        assert len(info.last_checked) == 10 and info.last_checked.startswith("20")
        assert all(line.name and line.number for line in info.lines)


def test_dialog_shows_the_chosen_country(qtbot) -> None:
    """Without an open journal the dialog still shows lines (US: 988), read-only."""
    dialog = SupportDialog(None)
    qtbot.addWidget(dialog)
    dialog.country.setCurrentIndex(dialog.country.findData("US"))
    numbers = [line.number for line in dialog.model.lines]
    assert "988" in numbers
    assert dialog.emergency.text() == "Emergency: 911"
    assert "last checked" in dialog.checked.text()
    assert not dialog.edit_button.isEnabled()
    dialog.country.setCurrentIndex(dialog.country.findData("UK"))
    assert "116 123" in [line.number for line in dialog.model.lines]


def test_no_country_guessed_shows_no_foreign_numbers(qtbot, monkeypatch) -> None:
    """With no saved country and an unknown locale nothing country-specific is shown."""
    from journal.ui import support_dialog

    monkeypatch.setattr(support_dialog, "locale_country", lambda: "")
    dialog = SupportDialog(None)
    qtbot.addWidget(dialog)
    assert dialog.code() == "" and dialog.model.rowCount() == 0
    assert "local emergency number" in dialog.emergency.text()


def test_country_and_own_numbers_are_saved(qtbot, journal) -> None:
    """Choosing a country and adding one's own supervisor's number is kept in the journal."""
    dialog = SupportDialog(journal)
    qtbot.addWidget(dialog)
    dialog.country.setCurrentIndex(dialog.country.findData("IE"))
    assert journal.settings.load().crisis_country == "IE"
    dialog.edit_button.setChecked(True)
    row = dialog.model.add_line().row()
    dialog.model.setData(dialog.model.index(row, 0), "My supervisor")
    dialog.model.setData(dialog.model.index(row, 1), "01 234 5678")
    dialog.edit_button.setChecked(False)
    edits = parse_edits(journal.settings.load().crisis_lines)
    assert Line("My supervisor", "01 234 5678", "") in edits["IE"]
    again = SupportDialog(journal)
    qtbot.addWidget(again)
    assert "01 234 5678" in [line.number for line in again.model.lines]
    assert "your own numbers" in again.checked.text()
    again._reset()
    assert json.loads(journal.settings.load().crisis_lines) == {}


def test_about_the_insights_says_reflection_not_diagnosis(qtbot) -> None:
    """The About page states what flags are not and names its sources."""
    dialog = AboutInsightsDialog()
    qtbot.addWidget(dialog)
    shown = dialog.findChild(QTextBrowser).toPlainText()
    assert "Reflection, not diagnosis" in shown
    assert "ICD-11" in shown and "Panagioti" in shown
