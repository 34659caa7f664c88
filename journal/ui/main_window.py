"""The Refill window: unlock (or first-run onboarding), then the four tabs, and locking again.

The window owns the life cycle of one journal: it holds the per-journal instance lock for as
long as it is open (a second window is told the journal is busy), keeps the open
:class:`~journal.store.Journal` only while unlocked, and on lock saves drafts, deletes every
view, closes the journal (dropping the key) and shows the unlock screen. Unlock returns to the
same tab and date. Its title shows the journal's file name, never anything written in it.

Start-up is paced for the first paint: the constructor builds only the menus and the unlock
screen (neither loads the store, the views or ``keyring``) and touches no member of PySide6's
``Qt`` namespace, whose enums PySide6 builds all at once on first use (~25 ms; see
``unlock_widgets``): shortcuts are set as key sequences, the idle watcher is made when first
needed. Once the window has painted, a worker probes the keychain while the store and the Today
view's modules are imported on the UI thread, one per event-loop turn (:func:`preload_next`). A
demo journal is made in a worker only then, with the unlock form disabled until it is ready.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QStackedWidget,
)

from journal import __version__
from journal.paths import in_sync_folder
from journal.store.errors import JournalBusy
from journal.store.instance_lock import InstanceLock
from journal.ui import theme
from journal.ui.main_window_tabs import TABS, MainTabs, preload_next
from journal.ui.tasks import run_task
from journal.ui.unlock_screen import Opened, UnlockScreen, cup_icon

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from journal.store.journal import Journal
    from journal.store.settings import Settings
    from journal.ui.lock import IdleWatcher
    from journal.ui.onboarding import OnboardingScreen

#: Makes the journal file in a worker; built on the UI thread (which imports what it needs).
JournalMaker = Callable[[], Callable[[], object]]
MAKING_DEMO = "Making the demo journal with made-up data…"

log = logging.getLogger(__name__)

BUSY_TEXT = "This journal is open in another Refill window. Close it there first, then try again."
SYNC_WARNING = (
    "This journal is in a folder a sync service watches. Keep the live journal on this "
    "computer and sync only its backups, or copies may conflict."
)


def _open_deleting(dialog: QDialog) -> None:
    """Open ``dialog`` (window-modal); it deletes itself once closed."""
    from PySide6.QtCore import Qt  # not at import (see the module's docstring)

    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


class MainWindow(QMainWindow):
    """One window for one journal file."""

    locked_changed = Signal(bool)  # True when locked
    first_painted = Signal()  # once: start-up work that can wait for the window connects here
    reminder_changed = Signal(object)  # "HH:MM" or None, for the tray

    def __init__(
        self,
        journal_path: Path,
        *,
        demo_passphrase: str | None = None,
        window_settings: QSettings | None = None,
        make_journal: JournalMaker | None = None,
    ) -> None:
        """``make_journal`` (the demo) is called on the UI thread once the window has painted;
        the work it returns runs in a worker and creates the file, which is then unlocked as
        usual."""
        super().__init__()
        self.journal_path = journal_path
        self.demo = demo_passphrase is not None
        self.journal: Journal | None = None
        self.remembered = False
        self.tabs: MainTabs | None = None
        self._place: tuple[int, dt.date | None] = (0, None)
        self._window_settings = window_settings
        self._instance_lock = InstanceLock(journal_path)
        self._painted = False
        self.preloaded = False  # the Today view's modules are imported (start-up work done)
        self._probe_after_paint = False
        self._make_journal = make_journal
        self.setWindowIcon(cup_icon())
        self.setWindowTitle(
            "Refill — demo journal" if self.demo else f"Refill — {journal_path.name}"
        )
        self.setMinimumSize(720, 560)

        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.unlock_screen = UnlockScreen(journal_path, demo_passphrase=demo_passphrase)
        self.unlock_screen.unlocked.connect(self._unlocked)
        self.stack.addWidget(self.unlock_screen)
        self.onboarding: OnboardingScreen | None = None

        self.state_label = QLabel("Locked")
        self.state_label.setAccessibleName("Journal state")
        self.statusBar().addPermanentWidget(self.state_label)

        self._idle: IdleWatcher | None = None
        self._build_actions()
        self._restore_geometry()
        self._update_actions()
        self._take_instance_lock()

    # ---------------------------------------------------------------- actions
    def _action(
        self, text: str, slot: object, shortcut: str | QKeySequence | None = None
    ) -> QAction:
        action = QAction(text, self)  # the shortcut context is Qt's default, the window
        if shortcut is not None:
            action.setShortcuts([QKeySequence(shortcut)])  # setShortcut builds Qt's enums
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        self.export_action = self._action(
            "&Export supervisor summary…", self.export_summary, "Ctrl+E"
        )
        self.backup_action = self._action("&Back up now", self.back_up_now)
        self.restore_action = self._action("&Restore from a backup…", self.restore_backup)
        self.lock_action = self._action("&Lock", self.lock, "Ctrl+L")
        quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        for action in (self.export_action, self.backup_action, self.restore_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(quit_action)

        edit_menu = menu.addMenu("&Edit")
        self.find_action = self._action("&Find in journal…", self.find, "Ctrl+F")
        self.settings_action = self._action("&Settings…", self.open_settings, "Ctrl+,")
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        edit_menu.addAction(self.find_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.settings_action)

        view_menu = menu.addMenu("&View")
        self.tab_actions = []
        for index, spec in enumerate(TABS):
            action = self._action(
                spec.title, lambda _c=False, i=index: self.show_tab(i), spec.shortcut
            )
            view_menu.addAction(action)
            self.tab_actions.append(action)

        help_menu = menu.addMenu("&Help")
        support = self._action("Need &support now?", self.show_support, "F1")
        about_insights = self._action("About the &insights", self.show_about_insights)
        about = self._action("&About Refill", self.show_about)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        for action in (support, about_insights, about):
            help_menu.addAction(action)

    def _update_actions(self) -> None:
        unlocked = self.tabs is not None
        for action in (
            self.export_action,
            self.backup_action,
            self.restore_action,
            self.lock_action,
            self.find_action,
            self.settings_action,
            *self.tab_actions,
        ):
            action.setEnabled(unlocked)
        self.state_label.setText("Unlocked" if unlocked else "Locked")

    @property
    def idle(self) -> IdleWatcher:
        """Locks the window after the person has stepped away (made on first use: its module
        uses ``Qt``'s enums, which the first paint does without)."""
        if self._idle is None:
            from journal.ui.lock import IdleWatcher

            self._idle = IdleWatcher(self)
            self._idle.idle.connect(self.lock)
        return self._idle

    # ---------------------------------------------------------------- unlock
    def _take_instance_lock(self) -> None:
        try:
            self.journal_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            self._instance_lock.acquire()
        except JournalBusy:
            self._show_busy()
            return
        except OSError as exc:
            self.unlock_screen.show_problem(
                f"The journal's folder cannot be used ({exc.strerror}).", can_retry=False
            )
            return
        if self._make_journal is not None:
            self.unlock_screen.show_working(MAKING_DEMO)
        elif not self.journal_path.exists():
            self._show_onboarding(None)
        else:
            self.unlock_screen.reset(locked=False)
            self._probe_after_paint = True

    def event(self, event: QEvent) -> bool:
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            QTimer.singleShot(0, self._after_first_paint)
        return super().event(event)

    def _after_first_paint(self) -> None:
        """Slow start-up work, once the window is on screen and the passphrase is being typed:
        make the demo journal (a worker) or probe the keychain, then import the store and the
        Today view (UI thread, a step at a time)."""
        self.first_painted.emit()
        self.unlock_screen.finish_after_shown()
        if self.onboarding is not None:
            self.onboarding.probe_keychain()
        if self._make_journal is not None and self._instance_lock.held:
            run_task(self._make_journal(), self._journal_made, self._making_failed, context=self)
        elif self._probe_after_paint:
            self.unlock_screen.probe_keychain(auto_open=True)
        QTimer.singleShot(0, lambda: self._preload_step(0))

    def _journal_made(self, _result: object) -> None:
        self._make_journal = None
        self.unlock_screen.reset(locked=False)

    def _making_failed(self, error: BaseException) -> None:
        log.error("making the journal failed: %s", type(error).__name__)
        self.unlock_screen.show_problem(
            f"The demo journal could not be made ({type(error).__name__}).", can_retry=False
        )

    def _preload_step(self, done: int) -> None:
        if self.tabs is None and preload_next(done):
            QTimer.singleShot(0, lambda: self._preload_step(done + 1))
        else:
            self.preloaded = True

    def _show_busy(self) -> None:
        self.unlock_screen.show_problem(BUSY_TEXT, can_retry=False)
        QTimer.singleShot(3000, self._retry_instance_lock)

    def _retry_instance_lock(self) -> None:
        if not self._instance_lock.held and self.isVisible():
            try:
                self._instance_lock.acquire()
            except JournalBusy:
                QTimer.singleShot(3000, self._retry_instance_lock)
                return
            self.unlock_screen.reset(locked=False)
            self.unlock_screen.passphrase.setEnabled(True)

    def _show_onboarding(self, opened: Opened | None) -> None:
        from journal.ui.onboarding import OnboardingScreen

        self.onboarding = OnboardingScreen(self.journal_path, opened=opened)
        if self._painted:  # else the first paint probes (see _after_first_paint)
            QTimer.singleShot(0, self.onboarding.probe_keychain)
        self.onboarding.finished.connect(self._onboarded)
        self.stack.addWidget(self.onboarding)
        self.stack.setCurrentWidget(self.onboarding)
        self.onboarding.focus_first()
        self.state_label.setText("Setting up" if opened else "New journal")

    def _onboarded(self, opened: Opened) -> None:
        onboarding, self.onboarding = self.onboarding, None
        self._enter(opened)
        if onboarding is not None:
            self.stack.removeWidget(onboarding)
            onboarding.deleteLater()

    def _unlocked(self, opened: Opened) -> None:
        if not opened.journal.settings.load().onboarding_done:
            self._show_onboarding(opened)
        else:
            self._enter(opened)

    def _enter(self, opened: Opened) -> None:
        """Show the tabs for a freshly opened journal and go back to where the person was."""
        self.journal = opened.journal
        self.remembered = opened.remembered
        settings = opened.journal.settings.load()
        self.apply_settings(settings)
        self.tabs = MainTabs(opened.journal)
        self.tabs.status.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.tabs.support_requested.connect(self.show_support)
        self.stack.addWidget(self.tabs)
        self.stack.setCurrentWidget(self.tabs)
        self.tabs.restore_place(*self._place)
        self.tabs.currentWidget().setFocus()
        self.idle.arm()
        self._update_actions()
        self.locked_changed.emit(False)
        if in_sync_folder(self.journal_path):
            self.statusBar().showMessage(SYNC_WARNING, 15000)

    def apply_settings(self, settings: Settings) -> None:
        """Settings that change the window itself: theme, auto-lock, reminder."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, settings.theme)
        self.idle.set_minutes(settings.auto_lock_minutes)
        self.reminder_changed.emit(settings.reminder_time)

    # ------------------------------------------------------------------ lock
    @property
    def is_locked(self) -> bool:
        return self.tabs is None

    def lock(self) -> None:
        """Save drafts, delete the views, close the journal and ask for the passphrase."""
        if self.tabs is None:
            return
        from journal.ui.lock import close_dialogs

        close_dialogs()
        tabs, self.tabs = self.tabs, None
        failed = tabs.flush_all()
        self._place = (tabs.currentIndex(), tabs.current_date())
        tabs.discard()
        self.stack.removeWidget(tabs)
        tabs.deleteLater()
        self.idle.disarm()
        journal, self.journal = self.journal, None
        self.stack.setCurrentWidget(self.unlock_screen)
        self.unlock_screen.reset(locked=True)
        self._update_actions()
        self.locked_changed.emit(True)
        if failed:
            self.statusBar().showMessage(f"Could not save a draft in: {', '.join(failed)}", 15000)
        if journal is not None:
            # The rotating backup can take a moment on a large journal: close in a worker. The
            # journal object is no longer reachable from the UI, so nothing races with it.
            run_task(
                lambda: journal.close(backup_if_changed=True), lambda _p: None, self._close_failed
            )

    def _close_failed(self, error: BaseException) -> None:
        log.error("closing the journal failed: %s", type(error).__name__)
        self.statusBar().showMessage("The journal was locked, but its backup failed.", 15000)

    # --------------------------------------------------------------- commands
    def show_tab(self, index: int) -> None:
        if self.tabs is not None:
            self.tabs.setCurrentIndex(index)

    def find(self) -> None:
        if self.tabs is not None:
            self.tabs.focus_search()

    def export_summary(self) -> None:
        if self.journal is None:
            return
        try:
            from journal.ui.summary_dialog import SummaryDialog
        except ImportError as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self, "Refill", f"The summary export is not available ({exc}).")
            return
        dialog = SummaryDialog(self.journal, self)
        _open_deleting(dialog)

    def back_up_now(self) -> None:
        journal = self.journal
        if journal is None:
            return
        self.statusBar().showMessage("Making a backup…")
        run_task(
            journal.backup,
            lambda path: self.statusBar().showMessage(f"Backup saved: {path.name}", 8000),
            lambda exc: self.statusBar().showMessage(
                f"The backup failed ({type(exc).__name__}); the journal is unchanged.", 15000
            ),
            context=self,
        )

    def restore_backup(self) -> None:
        if self.journal is not None:
            from journal.ui.restore_flow import RestoreFlow

            RestoreFlow(self).start(self.journal)

    def replace_journal(self, opened: Opened) -> None:
        """After a restore: the journal was closed and reopened; rebuild the views."""
        self._enter(opened)

    def leave_for_restore(self) -> tuple[int, dt.date | None]:
        """Before a restore: save drafts and drop the views without showing the unlock screen."""
        if self.tabs is not None:
            tabs, self.tabs = self.tabs, None
            tabs.flush_all()
            self._place = (tabs.currentIndex(), tabs.current_date())
            tabs.discard()
            self.stack.removeWidget(tabs)
            tabs.deleteLater()
        self.journal = None
        self.idle.disarm()
        self._update_actions()
        self.stack.setCurrentWidget(self.unlock_screen)
        self.unlock_screen.show_working("Restoring the backup…")
        return self._place

    def open_settings(self) -> None:
        if self.journal is None:
            return
        from journal.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.journal, remembered=self.remembered, parent=self)
        dialog.settings_saved.connect(self.apply_settings)
        dialog.restore_requested.connect(self.restore_backup)
        dialog.remembered_changed.connect(self._set_remembered)
        _open_deleting(dialog)

    def _set_remembered(self, remembered: bool) -> None:
        self.remembered = remembered

    def show_support(self) -> None:
        from journal.ui.support_dialog import SupportDialog

        dialog = SupportDialog(self.journal, parent=self)
        _open_deleting(dialog)

    def show_about_insights(self) -> None:
        from journal.ui.about_insights_dialog import AboutInsightsDialog

        dialog = AboutInsightsDialog(self)
        _open_deleting(dialog)

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # not at start-up: its enums cost ~2 ms

        QMessageBox.about(
            self,
            "About Refill",
            f"<h3>Refill {__version__}</h3>"
            "<p>An offline, encrypted journal for clinicians to look after their own "
            "wellbeing: check-ins, workload, sleep, trends and patterns worth noticing.</p>"
            "<p>Everything stays on this computer, encrypted with your passphrase. Refill makes "
            "no network connections. It offers reflection, not diagnosis.</p>"
            "<p>Free software under the GNU GPL, version 3 or later.</p>",
        )

    # -------------------------------------------------------------- closing
    def _restore_geometry(self) -> None:
        if self._window_settings is None:
            self.resize(1000, 720)
            return
        geometry = self._window_settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            return
        self.resize(1000, 720)

    def closeEvent(self, event: QCloseEvent) -> None:
        from journal.ui.lock import close_dialogs

        close_dialogs()
        if self.tabs is not None:
            self.tabs.flush_all()
            self.tabs.discard()
            self.tabs = None
        if self._window_settings is not None:
            self._window_settings.setValue("window/geometry", self.saveGeometry())
            if not self.demo:
                self._window_settings.setValue("journal/last_path", str(self.journal_path))
        journal, self.journal = self.journal, None
        if journal is None and self.onboarding is not None:
            opened = getattr(self.onboarding, "opened", None)  # created, targets not yet set
            journal = opened.journal if opened is not None else None
        if journal is not None:
            try:
                journal.close(backup_if_changed=True)
            except Exception as exc:  # closing must not be blocked by a failed backup
                log.error("closing the journal failed: %s", type(exc).__name__)
                journal.close(backup_if_changed=False)
        self.idle.disarm()
        self._instance_lock.release()
        event.accept()
