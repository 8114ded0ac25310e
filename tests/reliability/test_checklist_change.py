"""A checklist edited between shifts: the past keeps its words and its figures.

Each shift keeps the checklist it was started with, so removing, renaming or
moving an item changes only the days after the edit. A weekly summary that
spans the edit counts each day by its own list (categories, items answered)
and names items by the list in use, so a renamed item is one row all week.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from cs_daily.export.api import summarise
from cs_daily.export.period import from_week
from cs_daily.figures import day_score, parse_week
from cs_daily.model import Checklist, DayCounts, Item, TickState
from cs_daily.settings import Settings
from cs_daily.store import Store
from tests.reliability.history import CHECKLIST, JAKARTA, write_shift

BEFORE = CHECKLIST
RENAMED = "Plain words only"


def _edited(checklist: Checklist) -> Checklist:
    """``expect`` removed, ``clear`` renamed, ``calm`` moved to communication."""
    items: list[Item] = []
    for item in checklist.items:
        if item.id == "expect":
            continue
        if item.id == "clear":
            item = item._replace(label=RENAMED)
        if item.id == "calm":
            item = item._replace(category="comm")
        items.append(item)
    return checklist._replace(items=tuple(items))


AFTER = _edited(CHECKLIST)
MONDAY = datetime(2026, 12, 7, 8, 0, tzinfo=JAKARTA)
EARLY = [MONDAY.date() + timedelta(days=n) for n in range(3)]
LATE = [MONDAY.date() + timedelta(days=n) for n in range(3, 7)]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "history.sqlite3") as opened:
        for n in range(7):
            checklist = BEFORE if n < 3 else AFTER
            write_shift(opened, checklist, MONDAY + timedelta(days=n), interactions=4)
        yield opened


def _day(store: Store, day: date) -> DayCounts:
    (found,) = store.day_counts(day, day)
    return found


def test_earlier_days_keep_their_labels_categories_and_items(store: Store):
    for day in EARLY:
        counted = _day(store, day)
        assert counted.meta["clear"].label == BEFORE.item("clear").label
        assert counted.meta["calm"].category == "attitude"
        assert "expect" in counted.items
    for day in LATE:
        counted = _day(store, day)
        assert counted.meta["clear"].label == RENAMED
        assert counted.meta["calm"].category == "comm"
        assert "expect" not in counted.items and "expect" not in counted.meta


def test_earlier_scores_do_not_move_when_later_shifts_use_the_new_list(
    tmp_path: Path,
):
    with Store.open(tmp_path / "history.sqlite3") as store:
        for n in range(3):
            write_shift(store, BEFORE, MONDAY + timedelta(days=n), interactions=4)
        before = {d.work_day: day_score(d) for d in store.day_counts()}
        for n in range(3, 7):
            write_shift(store, AFTER, MONDAY + timedelta(days=n), interactions=4)

        after = {d.work_day: day_score(d) for d in store.day_counts()}
        assert {day: after[day] for day in before} == before
        first = store.latest_shifts(10)[-1]
        assert store.shift_checklist(first.id) == BEFORE


def test_the_weekly_summary_across_the_edit_reads_each_day_by_its_own_list(
    store: Store,
):
    week = parse_week("2026-W50")
    summary = summarise(store, AFTER, Settings(), from_week(week))

    assert summary.shifts == 7
    assert [row.work_day for row in summary.days] == EARLY + LATE
    # The export names an item by the checklist in use, so a renamed item is
    # one row under one name all week; an item the list no longer has keeps
    # the name its own shifts knew. Its category and figures stay the day's.
    labels = {(t.work_day, t.item_label) for t in summary.ticks if t.item == "clear"}
    assert labels == {(d, RENAMED) for d in EARLY + LATE}
    removed = {t.item_label for t in summary.ticks if t.item == "expect"}
    assert removed == {BEFORE.item("expect").label}
    calm = {(t.work_day, t.category) for t in summary.ticks if t.item == "calm"}
    assert calm == {(d, "attitude") for d in EARLY} | {(d, "comm") for d in LATE}
    assert {t.work_day for t in summary.ticks if t.item == "expect"} <= set(EARLY)

    by_category = {row.id: row.answers.answered for row in summary.categories}
    expected = _answers_by_category(store)
    assert {k: v for k, v in by_category.items() if v} == expected


def _answers_by_category(store: Store) -> dict[str, int]:
    """Done and missed answers per category, counted from the raw ticks.

    Over a period the figures put an item in the category of its latest
    shift in that period, so an item moved mid-week is one row of one
    category, never split in two.
    """
    shifts = sorted(store.latest_shifts(100), key=lambda s: s.started_at)
    latest = {
        item.id: item.category
        for shift in shifts
        for item in store.shift_checklist(shift.id).items
    }
    totals: dict[str, int] = {}
    for shift in shifts:
        ticks = list(store.shift_ticks(shift.id).values())
        for interaction in store.interactions(shift.id):
            ticks.extend(interaction.ticks)
        for tick in ticks:
            if tick.state is not TickState.NA:
                category = latest[tick.item_id]
                totals[category] = totals.get(category, 0) + 1
    return totals
