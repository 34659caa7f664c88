"""The background-task helper: results and errors arrive on the UI thread."""

from __future__ import annotations

import gc
import threading

import pytest

from PySide6.QtCore import QObject

from journal.ui.tasks import pending_tasks, run_task, run_task_with_progress, wait_for_tasks


def test_result_is_delivered_on_the_ui_thread(qtbot: object) -> None:
    """on_done runs on the UI thread with the function's return value; the function does not."""
    seen: dict[str, object] = {}
    ui_thread = threading.get_ident()

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(value: int) -> None:
        seen["value"] = value
        seen["callback"] = threading.get_ident()

    run_task(work, done)
    assert wait_for_tasks(5000)
    assert seen["value"] == 42
    assert seen["callback"] == ui_thread
    assert seen["worker"] != ui_thread


def test_exception_goes_to_on_error(qtbot: object) -> None:
    """An exception raised in the worker reaches on_error, not on_done."""
    errors: list[BaseException] = []

    def boom() -> None:
        raise ValueError("nope")

    run_task(boom, lambda _r: pytest.fail("on_done must not run"), errors.append)
    assert wait_for_tasks(5000)
    assert len(errors) == 1 and isinstance(errors[0], ValueError)


def test_progress_reports_arrive_in_order(qtbot: object) -> None:
    """report(percent, text) calls in the worker reach on_progress in order."""
    steps: list[tuple[int, str]] = []

    def work(report: object) -> str:
        for p in (0, 50, 100):
            report(p, f"step {p}")  # type: ignore[operator]
        return "ok"

    results: list[str] = []
    run_task_with_progress(work, results.append, on_progress=lambda p, t: steps.append((p, t)))
    assert wait_for_tasks(5000)
    assert results == ["ok"]
    assert steps == [(0, "step 0"), (50, "step 50"), (100, "step 100")]


def test_cancel_and_deleted_context_drop_callbacks(qtbot: object) -> None:
    """A cancelled task, or one whose context object was deleted, never calls back."""
    calls: list[int] = []
    gate = threading.Event()
    handle = run_task(lambda: gate.wait(5) and 1, calls.append)
    handle.cancel()
    owner = QObject()
    run_task(lambda: gate.wait(5) and 2, calls.append, context=owner)
    from shiboken6 import delete

    delete(owner)
    gate.set()
    assert wait_for_tasks(5000)
    assert calls == []
    assert pending_tasks() == 0


def test_garbage_is_collected_only_while_no_worker_runs(qtbot: object) -> None:
    """While any task runs the cyclic collector is paused, so a worker never frees cyclic
    garbage holding Qt objects; it resumes once the last result is delivered, failures too."""
    seen: list[bool] = []
    release = threading.Event()

    def slow() -> None:
        seen.append(gc.isenabled())
        release.wait(5)

    def boom() -> None:
        seen.append(gc.isenabled())
        raise ValueError("nope")

    assert gc.isenabled()
    run_task(slow, lambda _: None)
    run_task(boom, lambda _: None, lambda _exc: None)
    assert not gc.isenabled()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)  # type: ignore[attr-defined]
    assert not gc.isenabled()  # the slow one still runs
    release.set()
    assert wait_for_tasks(5000)
    assert seen == [False, False]
    assert gc.isenabled()
