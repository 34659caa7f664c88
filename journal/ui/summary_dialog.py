"""File ▸ Export supervisor summary…: choose, preview and save the supervision PDF.

Everything slow happens on the thread pool: reading the period and its flags when the dates
change, drawing the preview pages, building and writing the PDF. The dialog re-checks entries
marked for the summary with the client-identifier guard and shows what it found before saving,
and says plainly whether the file will be encrypted.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from journal.store import Journal
from journal.summary.options import (
    DEFAULT_SECTIONS,
    SECTION_TITLES,
    SECTIONS,
    SummaryError,
    SummaryOptions,
    default_period,
    paper_for_country,
)
from journal.ui.summary_flags import FlagListModel
from journal.ui.summary_preview import PreviewPane
from journal.ui.tasks import run_task, run_task_with_progress

NOT_ENCRYPTED = (
    "This PDF will <b>not be encrypted</b>: anyone who gets the file can read it. "
    "Set a password to protect it."
)
ENCRYPTED = (
    "The PDF will be encrypted with your password (AES-256). Keep the password: without it "
    "nobody, Refill included, can open the file."
)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class SummaryDialog(QDialog):
    """Period, sections, flags, note, password; Preview; Save PDF…"""

    status = Signal(str)
    scanned = Signal()  # flags and marked entries for the period are shown (tests)
    previewed = Signal(int)  # number of pages shown
    saved = Signal(str)  # path written

    def __init__(
        self,
        journal: Journal,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export supervisor summary")
        self._journal = journal
        self._hits: list[str] = []
        self._busy = 0
        start, end = default_period(today())

        self._from, self._to = QDateEdit(_qdate(start)), QDateEdit(_qdate(end))
        for edit, name in ((self._from, "First day"), (self._to, "Last day")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setAccessibleName(f"{name} of the period")
            edit.dateChanged.connect(self._period_changed)
        self._compare = QLabel()
        self._compare.setProperty("role", "muted")
        period = QGroupBox("Period")
        period_form = QFormLayout(period)
        period_form.addRow("From", self._from)
        period_form.addRow("To", self._to)
        period_form.addRow(self._compare)

        self._sections: dict[str, QCheckBox] = {}
        include = QGroupBox("Include")
        grid = QGridLayout(include)
        for i, section in enumerate(SECTIONS):
            box = QCheckBox(SECTION_TITLES[section])
            box.setChecked(section in DEFAULT_SECTIONS)
            box.toggled.connect(self._update_state)
            self._sections[section] = box
            grid.addWidget(box, i // 2, i % 2)

        self.flag_model = FlagListModel(self)
        self._flag_list = QListView()
        self._flag_list.setModel(self.flag_model)
        self._flag_list.setAccessibleName("Flags to include (uncheck to leave one out)")
        self._flag_list.setMaximumHeight(110)
        self._flag_state = QLabel("Looking for flags…")
        self._flag_state.setProperty("role", "muted")
        flags = QGroupBox("Flags (uncheck any you want to leave out)")
        flags_box = QVBoxLayout(flags)
        flags_box.addWidget(self._flag_state)
        flags_box.addWidget(self._flag_list)

        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("A note to your supervisor (optional)")
        self.note.setAccessibleName("Note to your supervisor")
        self.note.setMaximumHeight(80)

        self._entries_state = QLabel()
        self._entries_state.setWordWrap(True)
        self._entries_state.setTextFormat(Qt.TextFormat.RichText)
        self._hits_ok = QCheckBox("I have checked these entries; include them as they are")
        self._hits_ok.setVisible(False)
        self._hits_ok.toggled.connect(self._update_state)

        self._protect = QCheckBox("Protect the PDF with a password")
        self._password = QLineEdit()
        self._confirm = QLineEdit()
        for edit, name in ((self._password, "Password"), (self._confirm, "Password again")):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setPlaceholderText(name)
            edit.setAccessibleName(f"PDF {name.lower()}")
            edit.setEnabled(False)
            edit.textChanged.connect(self._update_state)
        self._protect.toggled.connect(self._password.setEnabled)
        self._protect.toggled.connect(self._confirm.setEnabled)
        self._protect.toggled.connect(self._update_state)
        self._protection = QLabel()
        self._protection.setWordWrap(True)
        self._protection.setTextFormat(Qt.TextFormat.RichText)
        self._paper = QComboBox()
        self._paper.addItem("A4", "a4")
        self._paper.addItem("US Letter", "letter")
        self._paper.setAccessibleName("Paper size")
        country = QLocale.territoryToCode(QLocale().territory())
        self._paper.setCurrentIndex(1 if paper_for_country(country) == "letter" else 0)
        protection = QGroupBox("File")
        protect_form = QFormLayout(protection)
        protect_form.addRow(self._protect)
        protect_form.addRow(self._password)
        protect_form.addRow(self._confirm)
        protect_form.addRow(self._protection)
        protect_form.addRow("Paper", self._paper)

        self._progress = QProgressBar()
        self._progress.setRange(0, 100)
        self._progress.setVisible(False)
        self._message = QLabel()
        self._message.setWordWrap(True)
        self._message.setAccessibleName("Export status")
        self.preview_button = QPushButton("Preview")
        self.preview_button.clicked.connect(self.preview)
        self.save_button = QPushButton("Save PDF…")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.ask_and_save)
        close = QPushButton("Close")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)

        form = QWidget()
        left = QVBoxLayout(form)
        left.setContentsMargins(0, 0, 6, 0)
        for widget in (period, include, flags):
            left.addWidget(widget)
        left.addWidget(QLabel("Note to your supervisor"))
        left.addWidget(self.note)
        left.addWidget(self._entries_state)
        left.addWidget(self._hits_ok)
        left.addWidget(protection)
        left.addStretch(1)
        scroll = QScrollArea()  # small screens: the choices scroll, the buttons stay
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(form)
        scroll.setMinimumWidth(form.sizeHint().width() + 24)
        column = QVBoxLayout()
        column.addWidget(scroll, 1)
        column.addWidget(self._progress)
        column.addWidget(self._message)
        column.addLayout(buttons)
        self.preview_pane = PreviewPane()
        body = QHBoxLayout(self)
        body.addLayout(column, 0)
        body.addWidget(self.preview_pane, 1)
        self.resize(1100, 720)

        self._rescan = QTimer(self)
        self._rescan.setSingleShot(True)
        self._rescan.setInterval(350)
        self._rescan.timeout.connect(self._scan)
        self._update_state()
        self._scan()

    # ------------------------------------------------------------------ options
    def options(self) -> SummaryOptions:
        """The summary the dialog describes now (raises SummaryError if it cannot be made)."""
        return SummaryOptions(
            start=_pydate(self._from.date()),
            end=_pydate(self._to.date()),
            sections=tuple(s for s in SECTIONS if self._sections[s].isChecked()),
            left_out_flags=self.flag_model.left_out(),
            note=self.note.toPlainText(),
            paper=self._paper.currentData(),
            password=self._password.text() if self._protect.isChecked() else None,
        )

    def set_section(self, section: str, included: bool) -> None:
        self._sections[section].setChecked(included)

    def set_password(self, password: str | None) -> None:
        self._protect.setChecked(password is not None)
        self._password.setText(password or "")
        self._confirm.setText(password or "")

    def _problem(self) -> str | None:
        try:
            options = self.options()
        except SummaryError as exc:
            return str(exc)[0].upper() + str(exc)[1:] + "."
        if not options.sections:
            return "Choose at least one section."
        if self._protect.isChecked():
            if not self._password.text():
                return "Type a password, or untick “Protect the PDF with a password”."
            if self._password.text() != self._confirm.text():
                return "The two passwords differ."
        if self._hits and options.has("entries") and not self._hits_ok.isChecked():
            return "Check the marked entries above before saving."
        return None

    def _update_state(self) -> None:
        protected = self._protect.isChecked()
        self._protection.setText(ENCRYPTED if protected else NOT_ENCRYPTED)
        problem = self._problem()
        idle = self._busy == 0
        self.save_button.setEnabled(problem is None and idle)
        self.preview_button.setEnabled(problem is None and idle)
        if problem:
            self._message.setText(problem)
        elif idle:
            self._message.setText("")

    # ------------------------------------------------------------------ scanning
    def _period_changed(self) -> None:
        start, end = _pydate(self._from.date()), _pydate(self._to.date())
        if end >= start:
            days = (end - start).days + 1
            self._compare.setText(f"{days} days, compared with the {days} days before.")
        self._update_state()
        self._rescan.start()

    def _scan(self) -> None:
        """Find the period's flags and marked entries (with identifier hits) off the UI thread."""
        try:
            options = self.options()
        except SummaryError:
            return
        self._period_changed_label(options)
        journal = self._journal
        # Imports happen here, on the UI thread: importing inside a worker can crash PySide6.
        from journal.summary.content import insights_report, marked_entries

        def scan() -> Any:
            flags = list(insights_report(journal, options.end).flags)
            return flags, marked_entries(journal, options.start, options.end)

        self._flag_state.setText("Looking for flags…")
        run_task(scan, self._scanned, self._failed, context=self)

    def _period_changed_label(self, options: SummaryOptions) -> None:
        self._compare.setText(f"{options.days} days, compared with the {options.days} days before.")

    def _scanned(self, result: Any) -> None:
        flags, entries = result
        self.flag_model.set_flags(flags)
        self._flag_state.setText(
            f"{len(flags)} flag(s) as of the last day." if flags else "No flags for this period."
        )
        self._show_entries(entries)
        self._update_state()
        self.scanned.emit()

    def _show_entries(self, entries: list[Any]) -> None:
        self._hits = []
        if not entries:
            self._entries_state.setText(
                "No journal entries in this period are marked for the summary."
            )
            self._hits_ok.setVisible(False)
            return
        lines = []
        for marked in entries:
            day = dt.date.fromisoformat(marked.entry.date)
            for found, why in marked.findings():
                lines.append(
                    f"{day.day} {day:%b %Y}: “{html.escape(found)}” — {html.escape(why.lower())}"
                )
        self._hits = lines
        count = (
            "1 journal entry is marked for the summary."
            if len(entries) == 1
            else f"{len(entries)} journal entries are marked for the summary."
        )
        if lines:
            found = "<br>".join(lines)
            self._entries_state.setText(
                f"{count}<br><b>Please check before sharing — the identifier check found:</b>"
                f"<br>{found}"
            )
        else:
            self._entries_state.setText(f"{count} Nothing in them looks like a client identifier.")
        self._hits_ok.setVisible(bool(lines))

    # ------------------------------------------------------------------ preview and save
    def _start(self, text: str) -> None:
        self._busy += 1
        self._progress.setValue(0)
        self._progress.setVisible(True)
        self._message.setText(text)
        self._update_state()

    def _finish(self, text: str) -> None:
        self._busy -= 1
        self._progress.setVisible(False)
        self._update_state()
        self._message.setText(text)

    def _failed(self, error: BaseException) -> None:
        if self._busy:
            self._busy -= 1
        self._progress.setVisible(False)
        self._update_state()
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        self._message.setText(f"That did not work: {reason}. Nothing was saved.")
        self.status.emit("The supervisor summary could not be made.")

    def _progressed(self, percent: int, text: str) -> None:
        self._progress.setValue(percent)
        self._message.setText(text)

    def preview(self) -> None:
        """Draw the pages as images (the very figures the PDF is made of)."""
        if self._problem():
            return
        options, journal = self.options(), self._journal
        from journal.summary.content import gather
        from journal.summary.render import preview_pngs

        def work(report: Callable[[int, str], None]) -> list[bytes]:
            report(10, "Reading the period…")
            content = gather(journal, options)
            report(50, "Drawing the pages…")
            return preview_pngs(content, dpi=55)

        self._start("Preparing the preview…")
        run_task_with_progress(work, self._previewed, self._failed, self._progressed, context=self)

    def _previewed(self, pages: list[bytes]) -> None:
        self.preview_pane.show_pages(pages)
        self._finish(f"Preview: {len(pages)} page(s). Nothing has been saved yet.")
        self.previewed.emit(len(pages))

    def ask_and_save(self) -> None:
        if self._problem():
            return
        options = self.options()
        suggested = f"refill-summary-{options.start.isoformat()}-to-{options.end.isoformat()}.pdf"
        path, _filter = QFileDialog.getSaveFileName(
            self, "Save the supervisor summary", suggested, "PDF document (*.pdf)"
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        """Build the PDF and write it to ``path`` atomically, on the thread pool."""
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        options, journal = self.options(), self._journal
        from journal.summary.content import gather
        from journal.summary.render import build_pdf, write_atomically

        def work(report: Callable[[int, str], None]) -> str:
            report(5, "Reading the period…")
            data = build_pdf(gather(journal, options), report)
            report(96, "Writing the file…")
            write_atomically(path, data)
            return str(path)

        self._start("Making the PDF…")
        run_task_with_progress(work, self._saved, self._failed, self._progressed, context=self)

    def _saved(self, path: str) -> None:
        protected = self._protect.isChecked()
        tail = "It is protected with your password." if protected else "It is not encrypted."
        self._finish(f"Saved to {path}. {tail}")
        self.status.emit(f"Supervisor summary saved to {Path(path).name}")
        self.saved.emit(path)
