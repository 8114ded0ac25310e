"""The figures the screens show, asked of :mod:`cs_daily.figures` in one place.

The interface computes nothing itself: this module only picks the counted
days out of the store and hands them to the figures, so Today, the end of a
shift and the focus proposal agree on every number.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from cs_daily.figures.days import day_figures
from cs_daily.figures.streaks import best_streak, current_streak
from cs_daily.history import read_history
from cs_daily.model import Checklist, DayCounts, Shift, TickState
from cs_daily.store import Store

FOCUS_WINDOW = 30


class Overview(NamedTuple):
    """A work day's score so far and the streak it belongs to."""

    work_day: date
    score: float | None
    target: float
    good: bool
    critical_misses: int
    streak: int
    best_streak: int
    has_history: bool


def overview(store: Store, checklist: Checklist, work_day: date) -> Overview:
    """Figures for ``work_day``, from every counted day up to it."""
    history = read_history(store, work_day, reach=1)
    days = history.days
    today = _day(days, work_day)
    figures = day_figures(today) if today is not None else None
    return Overview(
        work_day=work_day,
        score=figures.score if figures else None,
        target=figures.target if figures else checklist.target,
        good=figures.good if figures else False,
        critical_misses=figures.critical_misses if figures else 0,
        streak=current_streak(days, history.earlier),
        best_streak=best_streak(days, history.earlier),
        has_history=history.has_history,
    )


def proposed_focus(store: Store, checklist: Checklist, work_day: date) -> str | None:
    """The weakest item of the last thirty days, if the history shows one."""
    # Asked only when a shift starts, not for the first screen.
    from cs_daily.figures.weak import weak_areas

    # The weak areas compare the window with the one before it.
    days = read_history(store, work_day, reach=2 * FOCUS_WINDOW).days
    known = {item.id for item in checklist.items}
    for area in weak_areas(days, work_day, FOCUS_WINDOW, limit=None):
        if area.item_id in known:
            return area.item_id
    return None


def _day(days: list[DayCounts], work_day: date) -> DayCounts | None:
    return next((d for d in days if d.work_day == work_day), None)


class ShiftSummary(NamedTuple):
    """What the end of a shift shows: the day's score, misses, the focus item."""

    score: float | None
    target: float
    interactions: int
    missed: int
    focus_item: str | None
    focus_done: int
    focus_missed: int


def shift_summary(store: Store, checklist: Checklist, shift: Shift) -> ShiftSummary:
    """The day's score so far, and this shift's own interactions and misses.

    The score is the work day's, since that is what the streak judges; the
    counts are the shift's, so a second shift on the same day ends with its
    own story rather than the whole day's.
    """
    today = _day(store.day_counts(shift.work_day, shift.work_day), shift.work_day)
    figures = day_figures(today) if today is not None else None
    interactions = store.interactions(shift.id)
    ticks = [*store.shift_ticks(shift.id).values()]
    ticks += [tick for interaction in interactions for tick in interaction.ticks]
    focus = [tick.state for tick in ticks if tick.item_id == shift.focus_item]
    return ShiftSummary(
        score=figures.score if figures else None,
        target=figures.target if figures else checklist.target,
        interactions=len(interactions),
        missed=sum(tick.state is TickState.MISSED for tick in ticks),
        focus_item=shift.focus_item,
        focus_done=focus.count(TickState.DONE),
        focus_missed=focus.count(TickState.MISSED),
    )
