"""Child process for ``bench_ui``: one measurement of the real window, printed as JSON.

    python benchmarks/ui_probe.py bare                 # a bare PySide6 window: exits on first paint
    python benchmarks/ui_probe.py unlock JOURNAL       # ms from "key in hand" to Today painted
    python benchmarks/ui_probe.py unlock-cold JOURNAL  # the same without the preloaded imports
    python benchmarks/ui_probe.py charts JOURNAL       # unlock, show Trends, wait for it to paint

The key is derived before the clock starts (``REFILL_PASSPHRASE``), so "unlock" measures what
Refill adds beyond the KDF: opening and checking the file, reading settings, building the Today
view and painting it. As in real use, the unlock screen has been up while the passphrase was
being typed, so the Today view's modules were imported in the background meanwhile
(``unlock-cold`` switches that off, for comparison). Runs offscreen.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _exit_on_paint(widget, app, then, quit_after: bool = True) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Hook(QObject):
        def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                then()
                if quit_after:
                    QTimer.singleShot(0, app.quit)
            return False

    hook = Hook(widget)
    widget.installEventFilter(hook)


def bare() -> None:
    """The reference: what any PySide6 window costs to appear, launched the same way."""
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Refill"))
    window.resize(1000, 720)
    _exit_on_paint(window, app, lambda: print("shown", flush=True))
    window.show()
    app.exec()


def unlocked_window(path: Path, tab: int, cold: bool = False):  # type: ignore[no-untyped-def]
    from journal.store.database import inspect_file
    from journal.store.keys import derive_key
    from journal.ui.app import create_application
    from journal.ui.main_window import MainWindow
    from journal.ui.unlock_screen import Opened

    key = derive_key(os.environ["REFILL_PASSPHRASE"], inspect_file(path))
    app = create_application()
    if cold:
        import journal.ui.main_window as main_window

        main_window.preload_next = lambda _done: False  # type: ignore[assignment]
    window = MainWindow(path)
    window.show()
    from journal.ui.tasks import wait_for_tasks

    while not window.preloaded:  # the person is typing: the start-up work finishes meanwhile
        app.processEvents()
    wait_for_tasks(30_000)
    result: dict[str, float] = {}

    def unlock() -> None:
        from journal.store import Journal

        start = time.perf_counter()

        def painted() -> None:
            result["ms"] = (time.perf_counter() - start) * 1000
            result["trends_view"] = float(type(window.tabs.view(tab)).__name__ == "TrendsView")
            if tab != 0:
                QTimer.singleShot(0, charts_drawn)

        def charts_drawn() -> None:
            """Charts may be computed in a worker: wait until they are drawn, then quit."""
            from journal.ui.tasks import wait_for_tasks

            wait_for_tasks(60_000)
            for _ in range(3):
                app.processEvents()
                window.tabs.view(tab).repaint()
            result["charts_ms"] = (time.perf_counter() - start) * 1000
            app.quit()

        window._place = (tab, None)
        opened = Opened(Journal.open(path, raw_key=key), False)
        window._enter(opened)  # the demo journal never went through onboarding
        assert window.tabs is not None
        window.tabs.setCurrentIndex(tab)
        _exit_on_paint(window.tabs.view(tab), app, painted, quit_after=tab == 0)

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, unlock)
    return app, window, result


def main() -> None:
    mode = sys.argv[1]
    if mode == "bare":
        bare()
        return
    path = Path(sys.argv[2])
    tab = 2 if mode == "charts" else 0  # Trends (charts), or Today
    app, _window, result = unlocked_window(path, tab, cold=mode == "unlock-cold")
    app.exec()  # quitting closes the window: drafts flushed, journal closed
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
