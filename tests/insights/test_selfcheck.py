"""Self-check: Refill's own questions, scored 0–100 per subscale, with clear errors."""

from __future__ import annotations

import pytest

from journal.insights.selfcheck import ANCHORS, DISCLAIMER, QUESTIONS, score
from journal.store.models import SELF_CHECK_SCORES


def test_questions_cover_every_subscale() -> None:
    """10–16 questions, each subscale asked at least twice, unique ids, 0–4 anchors."""
    assert 10 <= len(QUESTIONS) <= 16
    assert len({q.id for q in QUESTIONS}) == len(QUESTIONS)
    for name in SELF_CHECK_SCORES:
        assert sum(q.subscale == name for q in QUESTIONS) >= 2
    assert len(ANCHORS) == 5
    assert "not a validated" in DISCLAIMER


def test_scores_run_from_0_to_100() -> None:
    """All answers 0 score 0, all 4 score 100, and one subscale moves alone."""
    n = len(QUESTIONS)
    assert set(score([0] * n).values()) == {0.0}
    assert set(score([4] * n).values()) == {100.0}
    answers = [4 if q.subscale == "secondary_trauma" else 0 for q in QUESTIONS]
    assert score(answers) == {
        "exhaustion": 0.0,
        "detachment": 0.0,
        "secondary_trauma": 100.0,
        "satisfaction": 0.0,
    }


@pytest.mark.parametrize("answers", [[1] * 3, [5] * len(QUESTIONS), [-1] * len(QUESTIONS)])
def test_wrong_answers_raise_value_error(answers: list[int]) -> None:
    """A wrong number of answers or one out of range is a clear ValueError."""
    with pytest.raises(ValueError, match="answer"):
        score(answers)
