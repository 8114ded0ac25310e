"""A calendar heat map of day scores: a column per week, a row per weekday.

Each work day is drawn with a character that says how it went, so the map
reads the same with and without colour (NO_COLOR, a monochrome terminal, a
screen reader's braille line): a full block for a good day, lighter shades
for lower scores, a cross for a missed critical item, and nothing at all for
a day off.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from rich.text import Text
from textual.widgets import Static

from cs_daily.figures.days import DayFigures
from cs_daily.figures.weeks import MONDAY, week_of
from cs_daily.i18n import _, format_month, format_percent, format_weekday


class Mark(NamedTuple):
    """How one kind of day is drawn, and what the legend calls it."""

    char: str
    style: str
    meaning: str


def marks() -> dict[str, Mark]:
    """The marks in legend order; built on call so the meanings are translated."""
    return {
        "good": Mark("█", "bold green", _("good day")),
        "close": Mark("▓", "yellow", _("below target")),
        "low": Mark("▒", "red", _("under {half}").format(half=format_percent(0.5))),
        "critical": Mark("×", "bold red", _("critical item missed")),
        "empty": Mark("·", "dim", _("nothing answered")),
    }


def mark_for(day: DayFigures) -> str:
    """Which mark a work day gets."""
    if day.critical_misses:
        return "critical"
    if day.score is None:
        return "empty"
    if day.good:
        return "good"
    return "close" if day.score >= 0.5 else "low"


def week_starts(first: date, last: date, week_start: str = MONDAY) -> list[date]:
    """The first day of every week touching ``first..last``, oldest first."""
    start = week_of(first, week_start).start
    starts = []
    while start <= last:
        starts.append(start)
        start += timedelta(days=7)
    return starts


def render_heat_map(
    days: Sequence[DayFigures],
    first: date,
    last: date,
    week_start: str = MONDAY,
) -> Text:
    """The map from ``first`` to ``last``, with month names above it."""
    by_day: Mapping[date, DayFigures] = {d.work_day: d for d in days}
    starts = week_starts(first, last, week_start)
    kinds = marks()

    text = Text(no_wrap=True)
    text.append(_month_row(starts) + "\n", style="dim")
    for row in range(7):
        text.append(format_weekday(starts[0] + timedelta(days=row)).ljust(4)[:4])
        for start in starts:
            text.append(" ")
            text.append(_cell(start + timedelta(days=row), first, last, by_day, kinds))
        text.append("\n")
    text.rstrip()
    return text


def _cell(
    day: date,
    first: date,
    last: date,
    by_day: Mapping[date, DayFigures],
    kinds: Mapping[str, Mark],
) -> Text:
    """One day: its mark, or a blank for a day off or outside the range."""
    figures = by_day.get(day)
    if figures is None or not first <= day <= last:
        return Text(" ")
    mark = kinds[mark_for(figures)]
    return Text(mark.char, style=mark.style)


def _month_row(starts: Sequence[date]) -> str:
    """Short month names over the week in which each month begins."""
    row = [" "] * (4 + 2 * len(starts))
    free_from = 0
    previous_month = None
    for column, start in enumerate(starts):
        last_day = start + timedelta(days=6)
        if last_day.month == previous_month:
            continue
        previous_month = last_day.month
        name = format_month(last_day, with_year=False, short=True)
        position = 5 + 2 * column
        if position >= free_from and position + len(name) <= len(row):
            row[position : position + len(name)] = list(name)
            free_from = position + len(name) + 1
    return "".join(row).rstrip()


def heat_map_legend() -> Text:
    """What each mark means; wraps on a narrow screen."""
    legend = Text()
    for mark in marks().values():
        legend.append(mark.char, style=mark.style)
        legend.append(f" {mark.meaning}   ")
    legend.append(_("blank: day off"))
    return legend


class HeatMap(Static):
    """A Static that shows :func:`render_heat_map`; set it with :meth:`show`."""

    DEFAULT_CSS = """
    HeatMap {
        height: auto;
        width: auto;
        max-width: 100%;
    }
    """

    def show(
        self, days: Sequence[DayFigures], first: date, last: date, week_start: str
    ) -> None:
        self.update(render_heat_map(days, first, last, week_start))
