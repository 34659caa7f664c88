"""Locking: notice when the person has stepped away, and clear the screen of dialogs.

``IdleWatcher`` is an application-wide event filter: any keyboard, mouse, wheel or touch input
restarts a single-shot timer; when it runs out, ``idle`` is emitted and the window locks. It
only looks at event *types*, never at what was typed.

``close_dialogs`` makes sure a lock is never blocked by an open dialog: every visible dialog and
message box is rejected (dialogs that hold a draft save it in their ``reject``/``closeEvent``, or
the views' ``flush()`` has already done so).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QWidget

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.InputMethod,
    }
)


class IdleWatcher(QObject):
    """Emits ``idle`` after ``minutes`` without input while armed."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.idle)
        self._interval_ms = 5 * 60_000
        self._armed = False

    @property
    def interval_ms(self) -> int:
        return self._interval_ms

    def set_minutes(self, minutes: float) -> None:
        """Idle time before locking (fractions allowed, for tests)."""
        self.set_interval_ms(max(1, round(minutes * 60_000)))

    def set_interval_ms(self, interval_ms: int) -> None:
        self._interval_ms = interval_ms
        if self._armed:
            self._timer.start(self._interval_ms)

    def arm(self) -> None:
        """Start counting (the journal is open). The application-wide filter is installed only
        while armed: it sees every event of every widget, which made the locked window's first
        paint take ~40 ms instead of ~2 ms."""
        if not self._armed:
            app = QCoreApplication.instance()
            if app is not None:
                app.installEventFilter(self)
        self._armed = True
        self._timer.start(self._interval_ms)

    def disarm(self) -> None:
        """Stop counting (the journal is locked)."""
        if self._armed:
            app = QCoreApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
        self._armed = False
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._armed and event.type() in _INPUT_EVENTS:
            self._timer.start(self._interval_ms)
        return False


def close_dialogs(keep: QWidget | None = None) -> int:
    """Reject every visible dialog except ``keep``; returns how many were closed.

    Nested dialogs close innermost first so each parent sees its child gone.
    """
    app = QApplication.instance()
    if app is None:
        return 0
    closed = 0
    for _round in range(10):  # a dialog may open another as it closes; never loop forever
        open_dialogs = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QDialog) and w.isVisible() and w is not keep
        ]
        if not open_dialogs:
            break
        for dialog in reversed(open_dialogs):
            dialog.reject()
            dialog.close()
            closed += 1
    return closed
