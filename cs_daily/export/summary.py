"""The weekly summary a team lead reads, as plain data every format renders.

:func:`cs_daily.export.build.build_summary` fills a :class:`WeekSummary` from
the store and the figures; Markdown, CSV, JSON and HTML only lay it out. So a
figure is computed once, and every format shows the same numbers.

The parts are named tuples: as immutable as frozen dataclasses, and defining
these ten costs every export about 6 ms less at start-up.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from cs_daily.export.period import ExportPeriod
from cs_daily.model import ItemCount, TickState


class Headline(NamedTuple):
    """The first lines the lead reads: how the week went, in a few numbers."""

    score: float | None
    previous_score: float | None
    change: float | None
    work_days: int
    good_days: int
    current_streak: int
    best_streak: int
    critical_misses: int


class DayRow(NamedTuple):
    """One work day of the period."""

    work_day: date
    shifts: int
    interactions: int
    score: float | None
    answers: ItemCount
    good: bool
    critical_misses: int
    open_shift: bool


class CategoryRow(NamedTuple):
    """A category this period and the period before, with the counts behind each."""

    id: str
    label: str
    score: float | None
    answers: ItemCount
    previous_score: float | None
    previous_answers: ItemCount
    change: float | None


class ItemRow(NamedTuple):
    """A weak or improved item: its rate, counts and change against before."""

    id: str
    label: str
    rate: float
    done: int
    missed: int
    previous_rate: float | None
    change: float | None

    @property
    def answered(self) -> int:
        return self.done + self.missed


class ChannelRow(NamedTuple):
    """Interactions and the pooled score of one channel."""

    id: str
    label: str
    interactions: int
    score: float | None
    answers: ItemCount


class ReadinessRow(NamedTuple):
    """One preparation item: done on how many of the period's shifts."""

    id: str
    label: str
    done: int
    shifts: int


class Readiness(NamedTuple):
    """Preparation at shift start, per item and in full."""

    items: tuple[ReadinessRow, ...]
    complete_shifts: int
    shifts: int


class NoteRow(NamedTuple):
    """The agent's own note at the end of one shift."""

    work_day: date
    shift_start: datetime
    text: str


class TickRow(NamedTuple):
    """One answer, flattened for CSV and JSON: where, what, and how it went."""

    week: str
    work_day: date
    shift_start: datetime
    interaction: int | None
    channel: str | None
    ref: str | None
    item: str
    item_label: str
    category: str
    state: TickState
    critical: bool
    note: str | None


class WeekSummary(NamedTuple):
    """Everything the weekly summary shows, in display order."""

    period: ExportPeriod
    previous: ExportPeriod
    alias: str | None
    language: str
    checklist_title: str
    target: float
    shifts: int
    interactions: int
    answers: ItemCount
    headline: Headline
    days: tuple[DayRow, ...]
    categories: tuple[CategoryRow, ...]
    weakest: tuple[ItemRow, ...]
    most_improved: ItemRow | None
    channels: tuple[ChannelRow, ...]
    readiness: Readiness
    include_notes: bool
    notes: tuple[NoteRow, ...]
    # Empty unless asked for: only the formats that list every answer need it.
    ticks: tuple[TickRow, ...]

    @property
    def is_empty(self) -> bool:
        """No shift in the period: the summary says so instead of empty tables."""
        return self.shifts == 0
