"""Start the window: ``refill`` (a journal) or ``refill --demo`` (a throwaway demo journal).

QSettings keeps only the window geometry and the last journal path; everything else, including
the theme, lives inside the encrypted journal. Before unlocking, the window follows the desktop's
colour scheme (or ``REFILL_THEME``).

``refill --demo`` makes a fresh demo journal in a private temporary folder (0700) with a generated
passphrase shown on the unlock screen, and removes the folder when the window closes. The journal
is made in a worker once the window shows (unlocking waits for it), not before: making it takes
longer than everything else at start-up together.

Only what the unlock screen needs is imported before the first paint; see ``main_window`` for
what is loaded afterwards, while the passphrase is typed.

``REFILL_EXIT_WHEN_SHOWN=1`` (used only by ``benchmarks/bench_ui.py``) prints ``shown`` and quits
as soon as the first window has painted, so launch time can be measured from outside.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from journal import APP_ID, APP_NAME, __version__
from journal.paths import default_journal_path
from journal.ui import theme
from journal.ui.main_window import MainWindow
from journal.ui.tasks import wait_for_tasks

EXIT_WHEN_SHOWN = "REFILL_EXIT_WHEN_SHOWN"
DEMO_DAYS = 120
DEMO_FILE = "demo.refill"
_DEMO_WORDS = (
    "amber", "birch", "cedar", "dune", "ember", "fern", "harbour", "iris", "juniper", "kelp",
    "linen", "maple", "nectar", "olive", "pebble", "quartz", "river", "sage", "tide", "willow",
)  # fmt: skip


def window_settings() -> QSettings:
    """Geometry and the last journal path only (nothing written in the journal)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)


def choose_journal_path(given: str | None, settings: QSettings) -> Path:
    """``--journal``, else ``REFILL_JOURNAL``, else the last journal opened, else the default."""
    if given:
        return Path(given).expanduser().resolve()
    if os.environ.get("REFILL_JOURNAL"):
        return default_journal_path()
    last = settings.value("journal/last_path")
    if isinstance(last, str) and last and Path(last).exists():
        return Path(last)
    return default_journal_path()


def demo_passphrase() -> str:
    """Four easy words: it is shown on screen, so it only needs to be typeable."""
    import secrets  # only the demo needs it: not imported before the first paint

    return "-".join(secrets.choice(_DEMO_WORDS) for _ in range(4))


def demo_maker(path: Path, passphrase: str, days: int = DEMO_DAYS) -> Callable[[], Path]:
    """The work that makes a fresh demo journal at ``path`` (onboarding already done), for a
    worker. What it needs is imported here, by the caller's thread: workers must not import."""
    from journal.demo import generate_demo
    from journal.store.journal import Journal

    def make() -> Path:
        journal = Journal.create(path, passphrase)
        try:
            generate_demo(journal, days=days)
            journal.settings.update(onboarding_done=True)
        finally:
            journal.close(backup_if_changed=False)
        return path

    return make


class _ExitWhenShown(QObject):
    """Benchmark hook: quit once the watched window has painted for the first time."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            print("shown", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


def create_application(argv: list[str] | None = None) -> QApplication:
    """The application, in Refill's style and the desktop's colour scheme.

    A new application gets the Fusion style through QApplication's documented ``-style``
    argument: ``setStyle()`` would hand Python a QStyle, and PySide6 builds the Python enums of
    QStyle (some 600 members) the first time it sees one, ~12 ms before the first paint. For the
    same reason its colours follow the platform's palette until the window has painted
    (:func:`theme.apply_launch_theme`; :func:`run_app` then confirms the desktop's scheme).
    """
    app = QApplication.instance()
    new = not isinstance(app, QApplication)
    if not isinstance(app, QApplication):
        args = argv if argv is not None else sys.argv[:1]
        app = QApplication([*args, "-style", theme.STYLE])
    else:
        app.setStyle(theme.STYLE)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    app.setQuitOnLastWindowClosed(True)
    if new:
        theme.apply_launch_theme(app)
    else:
        theme.apply_theme(app, "system")
    return app


def run_app(journal: str | None, demo: bool) -> int:
    """Open the window and run until it closes; returns the exit status."""
    app = create_application()
    settings = window_settings()
    demo_folder: Path | None = None
    passphrase: str | None = None
    make_journal = None
    try:
        if demo:
            demo_folder = Path(tempfile.mkdtemp(prefix="refill-demo-"))
            os.chmod(demo_folder, 0o700)
            passphrase = demo_passphrase()
            path = demo_folder / DEMO_FILE
            make_journal = partial(demo_maker, path, passphrase)
        else:
            path = choose_journal_path(journal, settings)
        window = MainWindow(
            path, demo_passphrase=passphrase, window_settings=settings, make_journal=make_journal
        )
        if demo:
            app.setWindowIcon(window.windowIcon())
        window.first_painted.connect(lambda: theme.confirm_system_scheme(app))
        window.first_painted.connect(lambda: _add_tray(window))
        if os.environ.get(EXIT_WHEN_SHOWN) == "1":
            hook = _ExitWhenShown(window)
            window.installEventFilter(hook)
        window.show()
        _quit_on_signals(app)
        status = app.exec()
        window.close()
        _remove_tray(window)
        wait_for_tasks(30_000)
        return int(status)
    finally:
        if demo_folder is not None:
            shutil.rmtree(demo_folder, ignore_errors=True)


def _quit_on_signals(app: QApplication) -> None:
    """SIGTERM/SIGINT close the window properly (drafts saved, journal closed, demo removed).

    Python runs signal handlers only between bytecodes, so a slow timer gives it the chance
    while Qt's event loop is waiting.
    """
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_args: app.closeAllWindows())
    ticker = QTimer(app)
    ticker.timeout.connect(lambda: None)
    ticker.start(300)


def _add_tray(window: MainWindow) -> None:
    """The tray icon and daily reminder, only where the desktop has a tray. Added once the
    window has painted: registering a tray icon with the desktop can take a moment."""
    from PySide6.QtWidgets import QSystemTrayIcon

    if QSystemTrayIcon.isSystemTrayAvailable():
        from journal.ui.tray import ReminderTray

        ReminderTray(window)


def _remove_tray(window: MainWindow) -> None:
    """Take the tray icon off the desktop as the app quits."""
    from PySide6.QtWidgets import QSystemTrayIcon

    for tray in window.findChildren(QSystemTrayIcon):
        tray.hide()
