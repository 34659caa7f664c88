"""The export dialog: identifier findings gate saving, preview pages, saving with a password."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from summary_support import END, MARKED_TEXT, pdf_text

from journal.store.models import Entry
from journal.ui.summary_dialog import SummaryDialog
from journal.ui.tasks import wait_for_tasks


@pytest.fixture(autouse=True)
def _tasks_finish(qapp):
    """Every background task a test started has delivered before the next test."""
    yield
    assert wait_for_tasks(20_000)


@pytest.fixture
def dialog(qtbot, filled):
    dlg = SummaryDialog(filled, today=lambda: END)
    qtbot.addWidget(dlg)
    return dlg


def _scanned(qtbot, dlg) -> None:
    qtbot.waitUntil(lambda: dlg._flag_state.text() != "Looking for flags…", timeout=20_000)


def test_unencrypted_statement_and_password_mismatch(qtbot, dialog):
    """The dialog says the PDF is not encrypted; differing passwords block saving."""
    _scanned(qtbot, dialog)
    assert "not be encrypted" in dialog._protection.text()
    dialog._protect.setChecked(True)
    dialog._password.setText("one")
    dialog._confirm.setText("two")
    assert not dialog.save_button.isEnabled()
    assert "differ" in dialog._message.text()
    dialog._confirm.setText("one")
    assert dialog.save_button.isEnabled()
    assert "AES-256" in dialog._protection.text()


def test_identifier_findings_are_shown_and_must_be_acknowledged(qtbot, filled):
    """A phone number in a marked entry is shown, and saving waits for the user's check."""
    filled.entries.add(
        Entry(
            END.isoformat(), title="Call", body="rang 020 7946 0958 twice", include_in_summary=True
        )
    )
    dlg = SummaryDialog(filled, today=lambda: END)
    qtbot.addWidget(dlg)
    _scanned(qtbot, dlg)
    assert "020 7946 0958" in dlg._entries_state.text()
    assert not dlg.save_button.isEnabled()
    dlg._hits_ok.setChecked(True)
    assert dlg.save_button.isEnabled()
    dlg.set_section("entries", False)
    dlg._hits_ok.setChecked(False)
    assert dlg.save_button.isEnabled()


def test_preview_then_save_with_password(qtbot, dialog, tmp_path):
    """Preview shows the pages; Save writes an encrypted PDF with the marked entry."""
    _scanned(qtbot, dialog)
    dialog.set_section("overview", False)
    for chart in ("mood", "sleep", "load", "activity"):
        dialog.set_section(chart, False)
    with qtbot.waitSignal(dialog.previewed, timeout=30_000) as shown:
        dialog.preview()
    assert shown.args[0] == dialog.preview_pane.page_count >= 2
    dialog.set_password("pencil case")
    out = tmp_path / "summary"
    with qtbot.waitSignal(dialog.saved, timeout=30_000):
        dialog.save_to(out)
    written = tmp_path / "summary.pdf"
    assert PdfReader(io.BytesIO(written.read_bytes())).is_encrypted
    assert MARKED_TEXT in pdf_text(written.read_bytes(), "pencil case")
    assert "protected with your password" in dialog._message.text()


def test_failed_save_says_so_and_leaves_nothing(qtbot, dialog, tmp_path):
    """Saving into a missing folder reports the problem and writes no file."""
    _scanned(qtbot, dialog)
    target = tmp_path / "missing" / "s.pdf"
    dialog.set_section("overview", False)
    for chart in ("mood", "sleep", "load", "activity"):
        dialog.set_section(chart, False)
    dialog.save_to(target)
    qtbot.waitUntil(lambda: "Nothing was saved" in dialog._message.text(), timeout=30_000)
    assert not target.parent.exists()
