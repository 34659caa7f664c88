"""The one helper that runs work off the UI thread.

Key derivation, backups, exports and long computations run on Qt's global thread pool. The
worker only ever calls the function it was given; its result (or exception) travels back to the
UI thread through a queued signal, so callbacks may touch widgets and workers never do.

    run_task(lambda: Journal.open(path, passphrase=p), self._opened, self._failed)
    run_task_with_progress(export, done, failed, on_progress=self._bar.update)

Workers must not import modules that use Qt (import them on the UI thread first): PySide6's
import hook is not thread-safe, and a view module imported in a worker while the UI thread was
busy crashed the process in testing.

Python's cyclic garbage collector is paused while any task runs and resumed once the last
result has been delivered. It runs in whichever thread happens to allocate, and a collection
in a worker can free cyclic garbage holding Qt objects (a closed dialog, a chart canvas) off the
UI thread, which crashed the test suite once (a segfault while "Garbage-collecting" in a summary
scan). Paused this way, collections happen on the UI thread only; reference counting still frees
everything that is not in a cycle at once.

A callback whose receiver has been destroyed is dropped silently: pass ``context=widget`` when a
callback is a lambda or a plain function that refers to a widget which may be deleted first (the
lock deletes every view while tasks may still be running).
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QObject,
    QRunnable,
    QThreadPool,
    Signal,
    Slot,
)

T = TypeVar("T")
Report = Callable[[int, str], None]

log = logging.getLogger(__name__)

_live: set[TaskHandle[Any]] = set()
_live_lock = threading.Lock()


class _Relay(QObject):
    """Lives on the UI thread. The worker emits its signals; because the receiving slots belong
    to this UI-thread object, Qt queues each call onto the UI thread."""

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, str)

    def __init__(
        self,
        on_finished: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
        on_progressed: Report,
    ) -> None:
        super().__init__()
        self._on_finished = on_finished
        self._on_failed = on_failed
        self._on_progressed = on_progressed
        self.finished.connect(self._finished)
        self.failed.connect(self._failed)
        self.progressed.connect(self._progressed)

    @Slot(object)
    def _finished(self, result: Any) -> None:
        self._on_finished(result)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self._on_failed(exc)

    @Slot(int, str)
    def _progressed(self, percent: int, text: str) -> None:
        self._on_progressed(percent, text)


class TaskHandle(Generic[T]):
    """A running task: ask whether it is done, or stop listening to it with ``cancel()``.

    Cancelling cannot interrupt the function (Python threads cannot be killed safely); it only
    guarantees that none of the callbacks runs afterwards.
    """

    def __init__(self) -> None:
        self.done = False
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


class _Runnable(QRunnable):
    def __init__(self, func: Callable[..., Any], relay: _Relay, with_report: bool) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._func = func
        self._relay = relay
        self._with_report = with_report

    def run(self) -> None:  # worker thread: never touches widgets
        try:
            args = (self._relay.progressed.emit,) if self._with_report else ()
            result = self._func(*args)
        except BaseException as exc:  # every failure goes back to the UI thread
            self._deliver(self._relay.failed, exc)
        else:
            self._deliver(self._relay.finished, result)

    @staticmethod
    def _deliver(signal: Any, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the application is shutting down: nobody is listening
            log.debug("task result dropped at shutdown")


def _start(
    func: Callable[..., Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None,
    on_progress: Report | None,
    context: QObject | None,
    with_report: bool,
) -> TaskHandle[Any]:
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("run_task needs a running QApplication")
    handle: TaskHandle[Any] = TaskHandle()
    receiver = context

    def alive() -> bool:
        if handle.cancelled:
            return False
        if receiver is None:
            return True
        try:
            from shiboken6 import isValid
        except ImportError:  # pragma: no cover - shiboken6 ships with PySide6
            return True
        return isValid(receiver)

    def finish() -> None:
        handle.done = True
        with _live_lock:
            _live.discard(handle)
            if not _live:
                gc.enable()  # no worker left: collections happen here, on the UI thread
        relay.deleteLater()

    def done(result: Any) -> None:
        try:
            if alive():
                on_done(result)
        finally:
            finish()

    def failed(exc: BaseException) -> None:
        try:
            if not alive():
                return
            if on_error is not None:
                on_error(exc)
            else:
                log.error("background task failed: %s", type(exc).__name__, exc_info=exc)
        finally:
            finish()

    def progressed(percent: int, text: str) -> None:
        if on_progress is not None and alive():
            on_progress(percent, text)

    relay = _Relay(done, failed, progressed)
    if relay.thread() is not app.thread():
        relay.moveToThread(app.thread())
    handle._relay = relay  # type: ignore[attr-defined]  # keep the QObject alive until done
    with _live_lock:
        _live.add(handle)
        gc.disable()  # until the last task's result is delivered (see the module docstring)
    QThreadPool.globalInstance().start(_Runnable(func, relay, with_report))
    return handle


def run_task(
    func: Callable[[], T],
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None] | None = None,
    *,
    context: QObject | None = None,
) -> TaskHandle[T]:
    """Run ``func()`` on the thread pool; call ``on_done(result)`` or ``on_error(exc)`` on the
    UI thread. Without ``on_error`` a failure is logged (type only, never its text)."""
    return _start(func, on_done, on_error, None, context, with_report=False)


def run_task_with_progress(
    func: Callable[[Report], T],
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Report | None = None,
    *,
    context: QObject | None = None,
) -> TaskHandle[T]:
    """Like :func:`run_task`, for a ``func(report)`` that calls ``report(percent, text)`` as it
    goes; each report reaches ``on_progress`` on the UI thread."""
    return _start(func, on_done, on_error, on_progress, context, with_report=True)


def pending_tasks() -> int:
    """How many tasks have not yet delivered their result to the UI thread."""
    with _live_lock:
        return len(_live)


def wait_for_tasks(timeout_ms: int = 5000) -> bool:
    """Block until every task has finished and its callback has run (tests, shutdown).

    Processes events while waiting so the queued results are delivered. Returns False on timeout.
    """
    deadline = QDeadlineTimer(timeout_ms)
    pool = QThreadPool.globalInstance()
    while True:
        pool.waitForDone(20)
        QCoreApplication.processEvents()
        if pending_tasks() == 0 and pool.activeThreadCount() == 0:
            return True
        if deadline.hasExpired():
            return False
