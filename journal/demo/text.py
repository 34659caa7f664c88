"""Journal entries for a demo day, composed from :mod:`journal.demo.banks`.

Each entry picks a kind (end-of-day notes, work, gratitude, plans, a day off, a reflection
prompt) and strings together sentences that fit the day's numbers until it reaches its length
(about 150 words). The search words are planted at known rates: :data:`COMMON_WORD` comes with
low energy and most long days, :data:`PHRASE` with heavy days, :data:`RARE_WORD` about once in a
thousand entries.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Callable

from journal.demo import banks
from journal.demo.observe import Observed
from journal.demo.story import HOLIDAY
from journal.prompts import load_prompts
from journal.store.models import Entry

COMMON_WORD = "tired"
COMMON_WORD_SHARE = 0.3  # about this share of entries contains it
RARE_WORD = "kingfisher"
RARE_WORD_SHARE = 0.001
PHRASE = "long day"
PHRASE_SHARE = 0.06

_ENTRY_COUNTS = (1, 2, 3, 4, 5, 6)
_ENTRY_WEIGHTS = (8, 17, 25, 25, 17, 8)  # mean 3.5 on logged days ≈ 3 per calendar day
_DETAIL_WEIGHTS = list(itertools.accumulate(1 / rank for rank in range(1, len(banks.DETAILS) + 1)))
_WORK_WORDS = ("work", "session", "left on time", "lunch", "people at home")


def _off_duty(bank: tuple[str, ...]) -> tuple[str, ...]:
    """The sentences of ``bank`` that make sense on a day without work."""
    return tuple(line for line in bank if not any(word in line for word in _WORK_WORDS))


_FEELS_AT_WORK = (banks.FEEL_LOW, banks.FEEL_MIDDLE, banks.FEEL_GOOD)
_FEELS_OFF = (_off_duty(banks.FEEL_LOW), _off_duty(banks.FEEL_MIDDLE), _off_duty(banks.FEEL_GOOD))
_LISTS = {
    "gratitude": (banks.GRATITUDE, "Good things today:"),
    "plan": (banks.PLANS, "This week:"),
}
_PLAN_FORMS = ("I want to {plan}.", "Plan: {plan}.", "This week I will try to {plan}.")
_TAGS = {
    "day": ("reflection",),
    "work": ("work",),
    "gratitude": ("gratitude",),
    "plan": ("plans",),
    "off": ("rest",),
    "prompt": ("reflection",),
}


class Writer:
    """Composes the entries of one day; all randomness from the given ``rng``."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._prompts = load_prompts()

    def entries(self, day: Observed) -> list[Entry]:
        count = self.rng.choices(_ENTRY_COUNTS, _ENTRY_WEIGHTS)[0]
        kinds = self._kinds(day, count)
        return [self._entry(day, kind, slot, count) for slot, kind in enumerate(kinds)]

    def _kinds(self, day: Observed, count: int) -> list[str]:
        first = "day" if day.state.workday else "off"
        others = (
            ["work", "gratitude", "plan", "day"]
            if day.state.workday
            else ["gratitude", "plan", "off"]
        )
        if self._prompts:
            others.append("prompt")
        return [first, *self.rng.choices(others, k=count - 1)]

    # ------------------------------------------------------------------ one entry
    def _entry(self, day: Observed, kind: str, slot: int, count: int) -> Entry:
        rng = self.rng
        title, prompt_id = self._title(kind)
        target = max(70, min(260, round(rng.gauss(150, 35))))
        sentences: list[str] = []
        words = 0
        pool = self._pool(day, kind)
        while words < target:
            sentence = rng.choice(pool)()
            if sentence in sentences:
                continue
            sentences.append(sentence)
            words += len(sentence.split())
        if rng.random() < RARE_WORD_SHARE:
            sentences.insert(rng.randrange(len(sentences) + 1), f"Saw {banks.RARE_DETAIL}.")
        body = self._layout(sentences, kind)
        tags = self._tags(day, kind)
        date = day.state.date
        minute = 7 * 60 + (slot + 1) * (15 * 60 // (count + 1)) + rng.randint(-20, 20)
        stamp = dt.datetime.combine(date, dt.time(minute // 60, minute % 60))
        created = stamp.isoformat() + "Z"
        return Entry(
            date=date.isoformat(),
            title=title,
            body=body,
            tags=tags,
            prompt_id=prompt_id,
            include_in_summary=kind in ("work", "prompt", "day") and rng.random() < 0.05,
            created_at=created,
            updated_at=created,
        )

    def _title(self, kind: str) -> tuple[str, str | None]:
        """The entry's title and, for a reflection, the id of the prompt it answers."""
        if kind == "prompt":
            prompt = self.rng.choice(self._prompts)
            return prompt.text, prompt.id
        return self.rng.choice(banks.TITLES[kind]), None

    def _layout(self, sentences: list[str], kind: str) -> str:
        """Paragraphs of two to four sentences; gratitude and plans sometimes as a list."""
        rng = self.rng
        paragraphs, i = [], 0
        if kind in ("gratitude", "plan") and rng.random() < 0.4:
            bank, lead = _LISTS[kind]
            items = rng.sample(bank, rng.randint(3, 5))
            paragraphs.append("\n".join([lead, *(f"- {item}" for item in items)]))
        while i < len(sentences):
            size = rng.randint(2, 4)
            paragraphs.append(" ".join(sentences[i : i + size]))
            i += size
        if rng.random() < 0.1:
            paragraphs.append(f"{rng.choice(banks.MARKDOWN_EMPHASIS)} {rng.choice(banks.REFLECT)}")
        return "\n\n".join(paragraphs)

    def _tags(self, day: Observed, kind: str) -> tuple[str, ...]:
        s, tags = day.state, list(_TAGS[kind])
        if s.trauma_sessions >= 3 and kind in ("work", "day"):
            tags.append("trauma-work")
        if s.admin_hours >= 2.5 and kind == "work":
            tags.append("admin")
        if s.arc == HOLIDAY:
            tags.append("holiday")
        if day.cups and self.rng.random() < 0.3:
            tags.append("self-care")
        if day.sleep and (day.sleep.quality or 10) <= 4 and self.rng.random() < 0.5:
            tags.append("sleep")
        return tuple(tags)

    # ------------------------------------------------------------------ sentence pools
    def _pool(self, day: Observed, kind: str) -> list[Callable[[], str]]:
        """Sentence makers suited to the day; weights come from repetition in the list."""
        rng, s = self.rng, day.state
        pick = lambda bank: lambda: rng.choice(bank)  # noqa: E731
        mood = day.checkin.mood if day.checkin and day.checkin.mood is not None else 5
        energy = day.checkin.energy if day.checkin and day.checkin.energy is not None else 5
        low, middle, good = _FEELS_AT_WORK if s.workday else _FEELS_OFF
        feel = low if mood <= 4 else good if mood >= 7 else middle
        pool = [
            pick(feel),
            pick(feel),
            pick(banks.REFLECT),
            self._noticed,
            self._evening,
            self._food,
        ]
        if energy <= 5:
            pool += [pick(banks.FEEL_TIRED_EXTRA)] * 2
        if day.sleep and day.sleep.quality is not None:
            pool.append(pick(banks.SLEEP_BAD if day.sleep.quality <= 4 else banks.SLEEP_GOOD))
        if s.secondary > 0.35 or s.trauma_sessions >= 3:
            pool += [pick(banks.INTRUSIVE)] * 2
        if s.workday and s.sessions:
            pool += self._work_pool(day) * (3 if kind in ("work", "day") else 1)
        elif s.arc == HOLIDAY:
            pool += [
                lambda: rng.choice(banks.HOLIDAY).format(n=banks.NUMBER_WORDS[min(s.arc_day, 10)])
            ] * 3
        else:
            pool += [pick(banks.DAY_OFF)] * 3
        if kind == "gratitude":
            pool += [self._gratitude] * 6
        if kind == "plan":
            pool += [self._plan] * 6
        return pool

    def _work_pool(self, day: Observed) -> list[Callable[[], str]]:
        rng, s = self.rng, day.state
        pick = lambda bank: lambda: rng.choice(bank)  # noqa: E731
        count = banks.NUMBER_WORDS[min(s.sessions, 10)]
        heavy = s.sessions >= 6 or s.session_hours + s.admin_hours >= 7.5
        pool = [
            lambda: rng.choice(banks.WORK_LOAD if heavy else banks.WORK_LIGHT).format(
                sessions=count, Sessions=count.capitalize()
            )
        ]
        if s.trauma_sessions >= 2:
            pool += [pick(banks.WORK_TRAUMA)] * (1 + s.trauma_sessions // 2)
        if s.crisis_sessions:
            pool.append(pick(banks.WORK_URGENT))
        if s.admin_hours >= 2.0:
            pool.append(pick(banks.WORK_ADMIN))
        if s.breaks == 0:
            pool.append(pick(banks.WORK_NO_BREAKS))
        if heavy and rng.random() < 0.25:
            pool.append(pick(banks.PHRASE_LINES))
        if s.strain < 0.35:
            pool += [pick(banks.WORK_GOOD)] * 2
        return pool

    def _noticed(self) -> str:
        detail = self.rng.choices(banks.DETAILS, cum_weights=_DETAIL_WEIGHTS)[0]
        return self.rng.choice(banks.NOTICED).format(detail=detail)

    def _evening(self) -> str:
        return self.rng.choice(banks.EVENING_FORMS).format(evening=self.rng.choice(banks.EVENINGS))

    def _food(self) -> str:
        rng = self.rng
        return rng.choice(banks.FOOD_FORMS).format(
            food=rng.choice(banks.FOODS), where=rng.choice(banks.WHERE)
        )

    def _gratitude(self) -> str:
        return f"Grateful for {self.rng.choice(banks.GRATITUDE)}."

    def _plan(self) -> str:
        return self.rng.choice(_PLAN_FORMS).format(plan=self.rng.choice(banks.PLANS))
