"""Time on a frozen clock: midnight, DST, zone changes, a clock set back, leap days.

Each scenario drives the Store as the app does, from a FrozenClock, then checks
the laws of :func:`assert_days_consistent` (no work day twice or skipped, no
tick counted twice or never) and the figures the agent would read.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cs_daily.clock import FrozenClock
from cs_daily.errors import StoreError
from cs_daily.figures import compute_stats, parse_week, week_figures, week_of
from cs_daily.model import TickState
from cs_daily.store import Store
from tests.reliability.agent import Agent, assert_days_consistent, hours
from tests.reliability.history import CHECKLIST

JAKARTA = ZoneInfo("Asia/Jakarta")
MAKASSAR = ZoneInfo("Asia/Makassar")
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "history.sqlite3") as opened:
        yield opened


def _agent(store: Store, start: datetime) -> Agent:
    return Agent(store, FrozenClock(start))


def _night_shift(agent: Agent, length_hours: float, chats: int = 4) -> None:
    """A shift of ``length_hours`` real hours with chats spread through it."""
    agent.start()
    step = length_hours / (chats + 1)
    for _ in range(chats):
        agent.clock.advance(hours=step)
        agent.chat()
    agent.clock.advance(hours=step)
    agent.end()


def test_a_night_shift_over_midnight_is_one_work_day(store: Store):
    agent = _agent(store, datetime(2026, 3, 2, 22, 0, tzinfo=JAKARTA))
    _night_shift(agent, 8)

    (shift,) = store.latest_shifts(5)
    assert shift.work_day == date(2026, 3, 2)
    assert shift.ended_at is not None and shift.ended_at.date() == date(2026, 3, 3)
    assert [d.work_day for d in store.day_counts()] == [date(2026, 3, 2)]
    assert_days_consistent(store)

    after_midnight = compute_stats(store.day_counts(), date(2026, 3, 3), CHECKLIST)
    assert after_midnight.today is None
    assert after_midnight.latest is not None
    assert after_midnight.latest.work_day == date(2026, 3, 2)
    assert after_midnight.latest.interactions == 4


@pytest.mark.parametrize(
    ("start", "real_hours", "local_end"),
    [
        # Clocks go forward at 02:00: 22:00 to 06:00 lasts seven hours.
        (datetime(2026, 3, 28, 22, 0), 7, datetime(2026, 3, 29, 6, 0)),
        # Clocks go back at 03:00: 22:00 to 06:00 lasts nine hours.
        (datetime(2026, 10, 24, 22, 0), 9, datetime(2026, 10, 25, 6, 0)),
    ],
    ids=["spring-forward", "fall-back"],
)
def test_a_shift_over_a_dst_change_keeps_its_length_and_one_work_day(
    store: Store, start: datetime, real_hours: int, local_end: datetime
):
    agent = _agent(store, start.replace(tzinfo=AMSTERDAM))
    _night_shift(agent, real_hours)

    (shift,) = store.latest_shifts(5)
    assert shift.ended_at is not None
    assert hours(shift.started_at, shift.ended_at) == real_hours
    assert shift.ended_at.replace(tzinfo=None) == local_end
    assert shift.work_day == start.date()
    assert [d.work_day for d in store.day_counts()] == [start.date()]
    assert_days_consistent(store)


def test_the_repeated_hour_of_fall_back_keeps_both_interactions_apart(store: Store):
    first = datetime(2026, 10, 25, 2, 30, tzinfo=AMSTERDAM, fold=0)
    agent = _agent(store, first - timedelta(hours=1))
    shift = agent.start()
    agent.clock.set(first)
    agent.chat(TickState.DONE)
    agent.clock.set(first.replace(fold=1))
    agent.chat(TickState.MISSED)

    chats = store.interactions(shift.id)
    assert [hours(chats[0].started_at, c.started_at) for c in chats] == [0, 1]
    assert store.day_counts()[0].items["respond"].answered == 2
    assert_days_consistent(store)


def test_a_zone_change_between_shifts_gives_each_its_own_local_day(store: Store):
    agent = _agent(store, datetime(2026, 5, 4, 23, 0, tzinfo=JAKARTA))
    _night_shift(agent, 0.5, chats=1)
    agent.clock.move_to_zone("Asia/Makassar")
    agent.clock.advance(hours=1)  # 01:30 in Makassar on 5 May
    _night_shift(agent, 2, chats=2)

    first, second = sorted(store.latest_shifts(5), key=lambda s: s.started_at)
    assert (first.zone, first.work_day) == ("Asia/Jakarta", date(2026, 5, 4))
    assert (second.zone, second.work_day) == ("Asia/Makassar", date(2026, 5, 5))
    assert_days_consistent(store)


def test_a_zone_change_during_a_shift_keeps_the_work_day_it_started_on(store: Store):
    agent = _agent(store, datetime(2026, 5, 6, 22, 30, tzinfo=JAKARTA))
    shift = agent.start()
    agent.clock.move_to_zone("Asia/Makassar")  # 23:30 there
    agent.clock.advance(minutes=40)  # 00:10 on 7 May in Makassar
    agent.chat()
    agent.clock.advance(hours=2)
    agent.end()

    ended = store.shift(shift.id)
    assert (ended.zone, ended.work_day) == ("Asia/Jakarta", date(2026, 5, 6))
    assert [d.work_day for d in store.day_counts()] == [date(2026, 5, 6)]
    assert store.day_counts()[0].interactions_by_channel == {"whatsapp": 1}
    assert_days_consistent(store)


def test_a_clock_set_back_counts_an_early_answer_on_the_shift_once(store: Store):
    agent = _agent(store, datetime(2026, 6, 1, 8, 0, tzinfo=JAKARTA))
    shift = agent.start()
    agent.clock.set(datetime(2026, 6, 1, 7, 15, tzinfo=JAKARTA))
    agent.chat()

    (chat,) = store.interactions(shift.id)
    assert chat.started_at < shift.started_at
    assert store.day_counts()[0].items["respond"].done == 1
    assert_days_consistent(store)


def test_an_end_before_the_start_is_refused_and_the_shift_stays_open(store: Store):
    agent = _agent(store, datetime(2026, 6, 1, 8, 0, tzinfo=JAKARTA))
    shift = agent.start()
    agent.clock.set(datetime(2026, 6, 1, 7, 0, tzinfo=JAKARTA))

    with pytest.raises(StoreError, match="cannot end before it started"):
        store.end_shift(shift.id, agent.clock.now())

    assert store.shift(shift.id).is_open
    agent.clock.set(datetime(2026, 6, 1, 16, 0, tzinfo=JAKARTA))
    assert not agent.end().is_open
    assert_days_consistent(store)


def test_a_clock_set_back_a_day_adds_a_shift_to_that_day_without_doubling_it(
    store: Store,
):
    agent = _agent(store, datetime(2026, 6, 2, 8, 0, tzinfo=JAKARTA))
    _night_shift(agent, 8)
    agent.clock.set(datetime(2026, 6, 2, 6, 0, tzinfo=JAKARTA))
    _night_shift(agent, 1)
    agent.clock.set(datetime(2026, 6, 1, 9, 0, tzinfo=JAKARTA))
    _night_shift(agent, 1)

    days = store.day_counts()
    assert [(d.work_day, d.shifts) for d in days] == [
        (date(2026, 6, 1), 1),
        (date(2026, 6, 2), 2),
    ]
    assert_days_consistent(store)


def test_a_leap_day_is_an_ordinary_work_day(store: Store):
    agent = _agent(store, datetime(2028, 2, 29, 22, 0, tzinfo=JAKARTA))
    _night_shift(agent, 8)

    (day,) = store.day_counts()
    assert day.work_day == date(2028, 2, 29)
    stats = compute_stats(store.day_counts(), date(2028, 3, 1), CHECKLIST)
    assert stats.latest is not None and stats.latest.work_day == date(2028, 2, 29)
    assert stats.this_week.week.label == "2028-W09"
    assert stats.this_week.work_days == 1
    assert_days_consistent(store)


def test_iso_week_53_holds_its_seven_days_across_new_year(store: Store):
    agent = _agent(store, datetime(2026, 12, 28, 22, 0, tzinfo=JAKARTA))
    for _ in range(7):
        _night_shift(agent, 8, chats=2)
        agent.clock.advance(hours=16)

    week = parse_week("2026-W53")
    assert (week.start, week.end) == (date(2026, 12, 28), date(2027, 1, 3))
    assert week_of(date(2027, 1, 1)).label == "2026-W53"
    assert week_of(date(2027, 1, 4)).label == "2027-W01"
    figures = week_figures(store.day_counts(), week)
    assert (figures.work_days, figures.shifts, figures.interactions) == (7, 7, 14)
    assert week_figures(store.day_counts(), week.next()).work_days == 0
    assert_days_consistent(store)


# -- any sequence of clock moves ---------------------------------------------

ZONES = ["Asia/Jakarta", "Asia/Makassar", "Europe/Amsterdam", "Asia/Jayapura"]
moves = st.one_of(
    st.tuples(st.just("advance"), st.integers(1, 60 * 30)),
    st.tuples(st.just("back"), st.integers(1, 60 * 30)),
    st.tuples(st.just("zone"), st.sampled_from(ZONES)),
    st.tuples(st.sampled_from(["start", "chat", "end"]), st.just(0)),
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    start=st.datetimes(
        min_value=datetime(2026, 3, 20), max_value=datetime(2026, 11, 5)
    ),
    steps=st.lists(moves, max_size=30),
)
def test_any_clock_moves_keep_days_and_counts_consistent(
    start: datetime, steps: list[tuple[str, object]]
):
    with (
        tempfile.TemporaryDirectory() as folder,
        Store.open(Path(folder) / "history.sqlite3") as store,
    ):
        agent = _agent(store, start.replace(tzinfo=AMSTERDAM))
        for kind, value in steps:
            _step(agent, kind, value)
        assert_days_consistent(store)


def _step(agent: Agent, kind: str, value: object) -> None:
    open_shift = agent.store.open_shift()
    if kind == "advance":
        agent.clock.advance(minutes=int(value))  # type: ignore[arg-type]
    elif kind == "back":
        agent.clock.advance(minutes=-int(value))  # type: ignore[arg-type]
    elif kind == "zone":
        agent.clock.move_to_zone(str(value))
    elif kind == "start" and open_shift is None:
        agent.start()
    elif kind == "chat" and open_shift is not None:
        agent.chat()
    elif kind == "end" and open_shift is not None:
        if agent.clock.now() >= open_shift.started_at:
            agent.end()
        else:
            with pytest.raises(StoreError):
                agent.store.end_shift(open_shift.id, agent.clock.now())
