"""Realistic, repeatable history for the demo command and the benchmarks.

A seeded generator plays an agent's working life: weekday shifts, a week of
night shifts (22:00 to 06:00) every few weeks, weekends and leave off, 20 to
60 interactions a shift over the checklist's channels, and items with their
own habits: one always kept, one weak that improves over time, one often
``n/a``, and a critical item missed only a few times. Everything goes through
the store's bulk import in one transaction, so the counts are the ones real
logging would produce, and five years take seconds.

The same seed, checklist, length and end date always give the same history.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from cs_daily.model import Checklist, Item, Phase, TickState
from cs_daily.store import InteractionData, Store

DEFAULT_ZONE = "Asia/Jakarta"


@dataclass(frozen=True)
class Habit:
    """How an agent keeps one item: the chance of ``done`` at the first and the
    last day of the history (in between it moves steadily), and the chance of
    ``n/a`` where the item allows it."""

    first: float
    last: float
    na: float = 0.0

    def done_chance(self, progress: float) -> float:
        return self.first + (self.last - self.first) * progress

    @property
    def sway(self) -> float:
        """How much a good or bad day moves this item: little for a firm habit."""
        return min(1.0, (1.0 - self.first) * 10)


# Habits for the bundled checklist's items; any other item gets the default.
HABITS: dict[str, Habit] = {
    "prep": Habit(0.85, 0.92),
    "sop": Habit(0.55, 0.72),
    "tools": Habit(0.97, 0.98),
    "crisis": Habit(0.72, 0.85),
    "respond": Habit(0.52, 0.93),  # the weak item that improves
    "expect": Habit(0.80, 0.86),
    "greet": Habit(0.90, 0.93, na=0.45),  # often n/a
    "clear": Habit(0.90, 0.94),
    "ask": Habit(0.85, 0.88, na=0.55),
    "calm": Habit(0.995, 0.995),  # always strong
    "honest": Habit(0.999, 0.999),  # critical: missed on a few shifts a year
    "solve": Habit(0.82, 0.88, na=0.20),
    "logged": Habit(0.78, 0.86),
    "close": Habit(0.86, 0.90, na=0.25),
    "sweep": Habit(0.78, 0.86),
    "team": Habit(0.85, 0.88, na=0.35),
}
DEFAULT_HABIT = Habit(0.85, 0.88, na=0.10)

# How an agent's contacts spread over channels; unknown channels get 10.
CHANNEL_SHARES = {"whatsapp": 45, "live_chat": 20, "phone": 15, "email": 15}

REFLECTIONS = {
    "en": (
        "Busy queue after lunch; kept replies short but friendly.",
        "Two refund cases escalated, both handed over with notes.",
        "Forgot to re-read the procedure, will do it first thing tomorrow.",
        "Quiet shift, cleared the pending tickets.",
        "System was slow for an hour; told customers honestly and followed up.",
    ),
    "id": (
        "Antrean ramai setelah makan siang; balasan singkat tapi tetap ramah.",
        "Dua kasus refund dieskalasi, keduanya diserahkan dengan catatan.",
        "Lupa membaca ulang prosedur, besok pagi langsung dibaca.",
        "Shift sepi, tiket tertunda sudah dibereskan.",
        "Sistem lambat satu jam; pelanggan diberi tahu jujur dan ditindaklanjuti.",
    ),
}

NIGHT_WEEK_EVERY = 5  # one ISO week in five on nights
LEAVE_WEEKS = (30, 31)  # two weeks of leave a year, by ISO week number
DAY_START = time(8, 0)
NIGHT_START = time(22, 0)
SHIFT_HOURS = 8


@dataclass(frozen=True)
class DemoSummary:
    """What the generator wrote, for the demo command to report."""

    first: date
    last: date
    shifts: int
    interactions: int
    ticks: int


def generate_history(
    store: Store,
    checklist: Checklist,
    *,
    weeks: int,
    seed: int,
    end: date,
    zone: str | tzinfo = DEFAULT_ZONE,
) -> DemoSummary:
    """Write ``weeks`` weeks of closed shifts ending on ``end`` into ``store``.

    Runs in one bulk transaction: either the whole history is written or,
    on any error, none of it.
    """
    local = ZoneInfo(zone) if isinstance(zone, str) else zone
    player = _Agent(checklist, random.Random(seed))
    first = end - timedelta(days=weeks * 7 - 1)
    shifts = interactions = ticks = 0

    with store.bulk():
        for offset in range(weeks * 7):
            work_day = first + timedelta(days=offset)
            if not player.works(work_day):
                continue
            progress = offset / max(weeks * 7 - 1, 1)
            shift = player.shift(work_day, progress, local)
            store.import_shift(checklist, **shift.as_arguments())
            shifts += 1
            interactions += len(shift.interactions)
            ticks += shift.tick_count()

    return DemoSummary(first, end, shifts, interactions, ticks)


@dataclass(frozen=True)
class _Shift:
    started_at: datetime
    ended_at: datetime
    focus: str | None
    reflection: str | None
    shift_ticks: dict[str, TickState]
    interactions: list[InteractionData]

    def as_arguments(self) -> dict[str, object]:
        return {
            "started_at": self.started_at,
            "ended_at": self.ended_at,
            "focus": self.focus,
            "reflection": self.reflection,
            "shift_ticks": self.shift_ticks,
            "interactions": self.interactions,
        }

    def tick_count(self) -> int:
        return len(self.shift_ticks) + sum(len(i.ticks) for i in self.interactions)


class _Agent:
    """One simulated agent: when they work and how they answer each item."""

    def __init__(self, checklist: Checklist, rng: random.Random) -> None:
        self.rng = rng
        self.start_items = _with_habits(checklist.shift_items(Phase.START))
        self.end_items = _with_habits(checklist.shift_items(Phase.END))
        self.contact_items = _with_habits(checklist.interaction_items())
        self.channels = [c.id for c in checklist.channels]
        self.shares = [CHANNEL_SHARES.get(c, 10) for c in self.channels]
        self.reflections = REFLECTIONS.get(checklist.language, REFLECTIONS["en"])
        ids = {item.id for item in checklist.items}
        self.focus_item = "respond" if "respond" in ids else None

    def works(self, work_day: date) -> bool:
        """Weekdays, now and then a Saturday; never on leave; a few days off."""
        _year, week, weekday = work_day.isocalendar()
        if week in LEAVE_WEEKS or self.rng.random() < 0.04:
            return False
        if weekday == 6:
            return self.rng.random() < 0.15
        return weekday != 7

    def shift(self, work_day: date, progress: float, zone: tzinfo) -> _Shift:
        night = work_day.isocalendar()[1] % NIGHT_WEEK_EVERY == 0
        start = datetime.combine(work_day, NIGHT_START if night else DAY_START)
        start = start.replace(tzinfo=zone)
        if not night:
            start += timedelta(minutes=self.rng.choice((-15, 0, 0, 10, 30)))
        end = start + timedelta(hours=SHIFT_HOURS)

        form = self.rng.gauss(0.0, 0.05)  # good days and bad days
        return _Shift(
            started_at=start,
            ended_at=end,
            focus=self.focus_item if self.rng.random() < 0.4 else None,
            reflection=self._reflection(),
            shift_ticks=self._answers(
                self.start_items + self.end_items, progress, form
            ),
            interactions=self._interactions(start, progress, form),
        )

    def _reflection(self) -> str | None:
        if self.rng.random() < 0.35:
            return self.rng.choice(self.reflections)
        return None

    def _interactions(
        self, start: datetime, progress: float, form: float
    ) -> list[InteractionData]:
        count = self.rng.randint(20, 60)
        busy = -0.04 if count > 50 else 0.0  # a full queue costs care
        minutes = sorted(
            self.rng.randrange(5, SHIFT_HOURS * 60 - 5) for _ in range(count)
        )
        channels = self.rng.choices(self.channels, weights=self.shares, k=count)
        return [
            InteractionData(
                channel=channel,
                started_at=start + timedelta(minutes=minute),
                ended_at=start + timedelta(minutes=minute + 4),
                ticks=self._answers(self.contact_items, progress, form + busy),
            )
            for minute, channel in zip(minutes, channels, strict=True)
        ]

    def _answers(
        self, items: Sequence[tuple[Item, Habit]], progress: float, form: float
    ) -> dict[str, TickState]:
        draw = self.rng.random
        answers = {}
        for item, habit in items:
            if item.na and draw() < habit.na:
                answers[item.id] = TickState.NA
            elif draw() < habit.done_chance(progress) + form * habit.sway:
                answers[item.id] = TickState.DONE
            else:
                answers[item.id] = TickState.MISSED
        return answers


def _with_habits(items: Sequence[Item]) -> list[tuple[Item, Habit]]:
    return [(item, HABITS.get(item.id, DEFAULT_HABIT)) for item in items]
