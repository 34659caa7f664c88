"""Qt fixtures shared by the UI tests (offscreen platform and fail keyring come from
tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _no_leftover_tasks(qapp: object) -> Iterator[None]:
    """Every background task a test started has delivered its result before the next test."""
    yield
    from journal.ui.tasks import wait_for_tasks

    assert wait_for_tasks(10_000), "a background task did not finish"
