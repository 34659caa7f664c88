"""The Insights view on a demo journal: flags with actions, "I did this", snooze, self-check."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from journal.demo import create_demo_journal
from journal.store import Journal
from journal.ui.insights_view import REFLECTION_LINE, InsightsView
from journal.ui.tasks import wait_for_tasks

TODAY = dt.date.today().isoformat()


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory, passphrase_text: str) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.refill"
    create_demo_journal(path, passphrase_text, days=120, seed=3)
    return path


@pytest.fixture(scope="module")
def passphrase_text() -> str:
    return "demo passphrase for tests"


@pytest.fixture
def demo(tmp_path: Path, demo_file: Path, passphrase_text: str) -> Iterator[Journal]:
    copy = tmp_path / "demo.refill"
    shutil.copy(demo_file, copy)
    journal = Journal.open(copy, passphrase=passphrase_text)
    yield journal
    journal.close(backup_if_changed=False)


@pytest.fixture
def view(qtbot, demo: Journal) -> InsightsView:
    widget = InsightsView(demo)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.report_shown, timeout=10_000):
        widget.show()  # the report is computed when the tab is first looked at
    return widget


def test_flags_shown_with_actions_and_i_did_this(qtbot, view: InsightsView, demo: Journal) -> None:
    """A demo flag appears as a card with its actions; "I did this" logs a cup action today."""
    assert view.cards, "the demo story should raise at least one flag"
    card = next(c for c in view.cards if c.action_buttons)
    assert card.level_label.text().split(" ·")[0] in ("Watch", "Warning")
    action_id, button = next(iter(card.action_buttons.items()))
    before = len(demo.cup_actions.on(TODAY))
    with qtbot.waitSignal(view.status, timeout=1000) as message:
        button.click()
    assert message.args[0].startswith("Logged: ") and message.args[0].endswith(" for today")
    done = demo.cup_actions.on(TODAY)
    assert len(done) == before + 1
    assert action_id in (done[-1].action_id, done[-1].custom_title)


def test_snooze_hides_the_flag(qtbot, view: InsightsView, demo: Journal) -> None:
    """Snoozing stores the snooze and the recomputed report no longer shows that flag."""
    flag_id = view.cards[0].flag.id
    with qtbot.waitSignal(view.report_shown, timeout=10_000):
        view.cards[0].snooze_button.click()
    assert flag_id in demo.snoozes.active(TODAY)
    assert flag_id not in [c.flag.id for c in view.cards]


def test_reflection_line_and_what_helps(view: InsightsView) -> None:
    """The page says it is reflection, and "What helps me" rows carry an honest label."""
    assert REFLECTION_LINE == "Refill helps you notice patterns. It is reflection, not diagnosis."
    model = view.helps_model
    if model.rowCount():
        assert "not proof" in model.index(0, 4).data()
    else:
        assert view.helps_empty.text()


def test_self_check_saved_with_scores(qtbot, view: InsightsView, demo: Journal) -> None:
    """Answering every question stores a self-check and shows it in the history."""
    form = view.selfcheck_page.widget()
    form.save_button.click()
    assert "Answer every question" in form.error.text()
    before = form.history.rowCount()
    for combo in form.answers:
        combo.setCurrentIndex(3)
    form.save_button.click()
    assert "Today's scores" in form.result.text()
    assert form.history.rowCount() == before + 1
    assert form.history.index(0, 0).data() == TODAY
    assert demo.self_checks.on(TODAY)[-1].exhaustion == 50.0
    assert wait_for_tasks(10_000)


def test_nothing_computed_until_the_tab_is_shown(qtbot, demo: Journal) -> None:
    """Building the view (at unlock) starts no work, so Today paints first."""
    from journal.ui.tasks import pending_tasks

    widget = InsightsView(demo)
    qtbot.addWidget(widget)
    assert pending_tasks() == 0 and widget.cards == []
