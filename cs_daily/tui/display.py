"""How values read on screen: percentages, times, dates, tick states.

Kept in one place so every screen writes a score, a time or a missed tick the
same way, and so a rate that is undefined always reads as a dash.
"""

from __future__ import annotations

from datetime import date, datetime

from cs_daily.i18n import NO_VALUE, _, format_date, format_percent, format_time
from cs_daily.model import Checklist, TickState

TICK_SYMBOLS: dict[TickState | None, str] = {
    TickState.DONE: "✓",
    TickState.MISSED: "✗",
    TickState.NA: NO_VALUE,
    None: "·",
}


def percent(rate: float | None) -> str:
    """A rate as the language writes it ("84%"), a dash when nothing was answered."""
    return format_percent(rate)


def clock_time(instant: datetime) -> str:
    """The wall-clock time in the zone the instant carries (the shift's zone)."""
    return format_time(instant)


def long_date(day: date) -> str:
    """A work day written out in the interface language."""
    return format_date(day, "full")


def short_date(day: date) -> str:
    """A work day in a compact form, for lines that must stay short."""
    return format_date(day, "medium")


def tick_word(state: TickState | None) -> str:
    """The translated word for a tick state; unanswered reads as a question."""
    words = {
        TickState.DONE: _("done"),
        TickState.MISSED: _("missed"),
        TickState.NA: _("n/a"),
        None: _("open"),
    }
    return words[state]


def channel_label(checklist: Checklist, channel_id: str) -> str:
    """The checklist's label for a channel, or its id if the channel was removed."""
    try:
        return checklist.channel(channel_id).label
    except KeyError:
        return channel_id


def item_label(checklist: Checklist, item_id: str) -> str:
    """The checklist's label for an item, or its id if the item was removed."""
    try:
        return checklist.item(item_id).label
    except KeyError:
        return item_id
