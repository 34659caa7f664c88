"""First run: create the journal, then (optionally) set targets and a reminder.

Three short pages. The first creates the encrypted journal (passphrase twice, a strength hint,
at least 8 characters; the key is derived in a worker). The other two can be skipped: the
defaults from DESIGN.md stay in place. A journal that exists but never finished onboarding (made
with ``refill init``) starts at the targets page.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from journal import keychain
from journal.store.errors import JournalError, ValidationError
from journal.ui.tasks import run_task
from journal.ui.unlock_screen import REMEMBER_TEXT, REMEMBER_WHY, Opened, journal_class, sentence
from journal.ui.unlock_widgets import (
    BusyRow,
    PassphraseField,
    card,
    centre_in,
    hbox,
    strength_hint,
    styled_label,
)

if TYPE_CHECKING:
    from journal.store.journal import Journal

NO_RECOVERY = (
    "Nobody, including Refill, can recover a forgotten passphrase: write it down somewhere safe."
)


def create_journal(
    journal_cls: type[Journal], path: Path, passphrase: str, remember: bool
) -> Opened:
    """Worker: create the encrypted journal and optionally remember its key."""
    journal = journal_cls.create(path, passphrase)
    stored = remember and keychain.store_key(path, journal.db.raw_key)
    return Opened(journal, bool(stored))


def _page(title: str, intro: str) -> tuple[QFrame, QVBoxLayout]:
    panel, layout = card(560)
    layout.addWidget(styled_label(title, "heading"))
    layout.addWidget(styled_label(intro, "muted"))
    return panel, layout


class OnboardingScreen(QWidget):
    """Emits ``finished(Opened)`` with the open journal once the user is through."""

    finished = Signal(object)

    def __init__(
        self, journal_path: Path, *, opened: Opened | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.journal_path = journal_path
        self.opened = opened
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._passphrase_page())
        self.pages.addWidget(self._targets_page())
        self.pages.addWidget(self._reminder_page())
        centre_in(self, self.pages, below=2)
        if opened is not None:
            self._load_settings()
            self.pages.setCurrentIndex(1)

    def probe_keychain(self) -> None:
        """Offer "Remember on this device" if a keychain works. Called by the window once it is
        on screen; the answer comes from a worker, since finding the keyring backend takes a
        noticeable moment (``keyring`` uses no Qt, so a worker may import it)."""
        run_task(keychain.available, self._offer_remember, lambda _e: None, context=self)

    # ---------------------------------------------------------------- page 1
    def _passphrase_page(self) -> QWidget:
        card, layout = _page(
            "Welcome to Refill",
            "A private place to notice how your work is treating you. Everything stays on this "
            "computer, encrypted with a passphrase you choose now.",
        )
        layout.addWidget(styled_label(NO_RECOVERY, "notice"))
        where = styled_label(f"Your journal will be kept at {self.journal_path}", "muted")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(where)
        self.first = PassphraseField("New passphrase", card)
        self.second = PassphraseField("Passphrase again", card)
        self.hint = styled_label("", "muted")
        self.hint.setAccessibleName("Passphrase strength")
        self.mismatch = styled_label("", "error")
        self.mismatch.hide()
        self.remember = QCheckBox(REMEMBER_TEXT)
        self.remember.setAccessibleDescription(REMEMBER_WHY)
        self.remember_why = styled_label(REMEMBER_WHY, "muted")
        self.remember.hide()
        self.remember_why.hide()
        self.busy = BusyRow("Creating your encrypted journal…", card)
        self.create_button = QPushButton("Create journal")
        self.create_button.setProperty("role", "primary")
        self.create_button.setAccessibleName("Create journal")
        self.create_button.setEnabled(False)
        self.create_button.clicked.connect(self.create)
        for field in (self.first, self.second):
            field.textChanged.connect(self._check_passphrases)
        self.first.returnPressed.connect(self.second.setFocus)
        self.second.returnPressed.connect(self.create)
        for widget in (self.first, self.hint, self.second, self.mismatch, self.remember):
            layout.addWidget(widget)
        layout.addWidget(self.remember_why)
        layout.addWidget(self.busy)
        layout.addLayout(hbox(self.create_button, stretch_first=True))
        self._check_passphrases()
        return card

    def _offer_remember(self, available: bool) -> None:
        self.remember.setVisible(available)
        self.remember_why.setVisible(available)

    def _check_passphrases(self, _text: str = "") -> bool:
        first, second = self.first.text(), self.second.text()
        ok, hint = strength_hint(first)
        self.hint.setText(hint)
        same = first == second
        self.mismatch.setText("" if same or not second else "The two passphrases differ.")
        self.mismatch.setVisible(bool(second) and not same)
        ready = ok and same and not self.busy.isVisibleTo(self)
        self.create_button.setEnabled(ready)
        return ready

    def create(self) -> None:
        if not self._check_passphrases():
            return
        remember = self.remember.isVisibleTo(self) and self.remember.isChecked()
        passphrase = self.first.text()
        self.busy.start()
        self.create_button.setEnabled(False)
        for field in (self.first, self.second):
            field.setEnabled(False)
        journal = journal_class()  # imported here: workers must not import
        run_task(
            lambda: create_journal(journal, self.journal_path, passphrase, remember),
            self._created,
            self._create_failed,
            context=self,
        )

    def _created(self, opened: Opened) -> None:
        self.busy.stop()
        self.first.clear()
        self.second.clear()
        self.opened = opened
        self._load_settings()
        self.pages.setCurrentIndex(1)
        self.sleep.setFocus()

    def _create_failed(self, error: BaseException) -> None:
        self.busy.stop()
        for field in (self.first, self.second):
            field.setEnabled(True)
        text = sentence(str(error)) if isinstance(error, JournalError) else type(error).__name__
        self.mismatch.setText(f"The journal could not be created: {text}")
        self.mismatch.show()
        self._check_passphrases()

    # ---------------------------------------------------------------- page 2
    def _targets_page(self) -> QWidget:
        card, layout = _page(
            "Your own targets",
            "Refill compares your days with these. They are yours to choose, and you can "
            "change them any time in Settings.",
        )
        self.sleep = QDoubleSpinBox()
        self.sleep.setRange(3, 12)
        self.sleep.setSingleStep(0.5)
        self.sleep.setSuffix(" hours a night")
        self.sleep.setAccessibleName("Sleep target in hours")
        self.cap = QDoubleSpinBox()
        self.cap.setRange(1, 80)
        self.cap.setDecimals(0)
        self.cap.setSuffix(" client hours a week")
        self.cap.setAccessibleName("Weekly session-hours cap")
        self.days_off = QSpinBox()
        self.days_off.setRange(1, 60)
        self.days_off.setSuffix(" days")
        self.days_off.setAccessibleName("Most days in a row without a day off")
        form = QFormLayout()
        form.addRow("Sleep target", self.sleep)
        form.addRow("Session-hours cap", self.cap)
        form.addRow("Most days without a day off", self.days_off)
        layout.addLayout(form)
        layout.addWidget(
            styled_label(
                "Adults need 7 hours or more of sleep regularly. There is no validated limit "
                "for client hours: 25 a week is only a starting point.",
                "muted",
            )
        )
        skip, next_ = QPushButton("Skip, use defaults"), QPushButton("Next")
        next_.setProperty("role", "primary")
        skip.clicked.connect(self.skip)
        next_.clicked.connect(lambda: self.pages.setCurrentIndex(2))
        layout.addLayout(hbox(skip, next_, stretch_first=True))
        return card

    # ---------------------------------------------------------------- page 3
    def _reminder_page(self) -> QWidget:
        card, layout = _page(
            "A daily reminder",
            "A gentle notification at a time you choose to take two minutes for a check-in. "
            "It never shows anything you wrote.",
        )
        self.reminder_on = QCheckBox("Remind me every day at")
        self.reminder_on.setChecked(True)
        self.reminder_time = QTimeEdit()
        self.reminder_time.setDisplayFormat("HH:mm")
        self.reminder_time.setAccessibleName("Reminder time")
        self.reminder_on.toggled.connect(self.reminder_time.setEnabled)
        layout.addLayout(hbox(self.reminder_on, self.reminder_time))
        self.settings_error = styled_label("", "error")
        self.settings_error.hide()
        layout.addWidget(self.settings_error)
        back, skip, done = QPushButton("Back"), QPushButton("Skip"), QPushButton("Start")
        done.setProperty("role", "primary")
        done.setAccessibleName("Start using Refill")
        back.clicked.connect(lambda: self.pages.setCurrentIndex(1))
        skip.clicked.connect(self.skip)
        done.clicked.connect(self.finish)
        layout.addLayout(hbox(back, skip, done, stretch_first=True))
        return card

    # ------------------------------------------------------------- finishing
    def _load_settings(self) -> None:
        assert self.opened is not None
        current = self.opened.journal.settings.load()
        self.sleep.setValue(current.sleep_target_hours)
        self.cap.setValue(current.weekly_session_hours_cap)
        self.days_off.setValue(current.max_days_without_day_off)
        self.reminder_on.setChecked(current.reminder_time is not None)
        when = QTime.fromString(current.reminder_time or "18:30", "HH:mm")
        self.reminder_time.setTime(when)

    def skip(self) -> None:
        """Keep the defaults for whatever was not confirmed and start."""
        self._save(onboarding_done=True)

    def finish(self) -> None:
        reminder = (
            self.reminder_time.time().toString("HH:mm") if self.reminder_on.isChecked() else None
        )
        self._save(
            sleep_target_hours=self.sleep.value(),
            weekly_session_hours_cap=self.cap.value(),
            max_days_without_day_off=self.days_off.value(),
            reminder_time=reminder,
            onboarding_done=True,
        )

    def _save(self, **changes: object) -> None:
        assert self.opened is not None
        try:
            self.opened.journal.settings.update(**changes)
        except ValidationError as exc:
            self.settings_error.setText(f"{exc.field.replace('_', ' ')} {exc.reason}")
            self.settings_error.show()
            return
        self.finished.emit(self.opened)

    def focus_first(self) -> None:
        page = self.pages.currentIndex()
        (self.first if page == 0 else self.sleep).setFocus(Qt.FocusReason.OtherFocusReason)
