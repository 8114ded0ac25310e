"""The weekly summary a team lead reads, as plain data every format renders.

:func:`cs_daily.export.build.build_summary` fills a :class:`WeekSummary` from
the store and the figures; Markdown, CSV, JSON and HTML only lay it out. So a
figure is computed once, and every format shows the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from cs_daily.export.period import ExportPeriod
from cs_daily.model import ItemCount, TickState


@dataclass(frozen=True)
class Headline:
    """The first lines the lead reads: how the week went, in a few numbers."""

    score: float | None
    previous_score: float | None
    change: float | None
    work_days: int
    good_days: int
    current_streak: int
    best_streak: int
    critical_misses: int


@dataclass(frozen=True)
class DayRow:
    """One work day of the period."""

    work_day: date
    shifts: int
    interactions: int
    score: float | None
    answers: ItemCount
    good: bool
    critical_misses: int
    open_shift: bool


@dataclass(frozen=True)
class CategoryRow:
    """A category this period and the period before, with the counts behind each."""

    id: str
    label: str
    score: float | None
    answers: ItemCount
    previous_score: float | None
    previous_answers: ItemCount
    change: float | None


@dataclass(frozen=True)
class ItemRow:
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


@dataclass(frozen=True)
class ChannelRow:
    """Interactions and the pooled score of one channel."""

    id: str
    label: str
    interactions: int
    score: float | None
    answers: ItemCount


@dataclass(frozen=True)
class ReadinessRow:
    """One preparation item: done on how many of the period's shifts."""

    id: str
    label: str
    done: int
    shifts: int


@dataclass(frozen=True)
class Readiness:
    """Preparation at shift start, per item and in full."""

    items: tuple[ReadinessRow, ...]
    complete_shifts: int
    shifts: int


@dataclass(frozen=True)
class NoteRow:
    """The agent's own note at the end of one shift."""

    work_day: date
    shift_start: datetime
    text: str


@dataclass(frozen=True)
class TickRow:
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


@dataclass(frozen=True)
class WeekSummary:
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
    ticks: tuple[TickRow, ...]

    @property
    def is_empty(self) -> bool:
        """No shift in the period: the summary says so instead of empty tables."""
        return self.shifts == 0
