"""The weekly summary as JSON: its figures and its ticks, for other programs.

The document starts with ``"format"`` and ``"version"`` so a reader can tell
it apart from a full backup and refuse a layout it does not know. Rates are
numbers from 0 to 1 rounded to four places, ``null`` when nothing was
answered, and always sit beside the counts behind them. The layout is
described in the README; a new field may be added without a new version,
but a field is never renamed or removed without one.
"""

from __future__ import annotations

import json
from typing import Any

from cs_daily.export.summary import (
    CategoryRow,
    ChannelRow,
    DayRow,
    ItemRow,
    NoteRow,
    TickRow,
    WeekSummary,
)
from cs_daily.model import ItemCount

SUMMARY_FORMAT = "cs-daily-summary"
SUMMARY_VERSION = 1


def render_json(summary: WeekSummary) -> bytes:
    """The summary as indented UTF-8 JSON ending in a newline."""
    text = json.dumps(summary_document(summary), indent=2, ensure_ascii=False)
    return (text + "\n").encode("utf-8")


def summary_document(summary: WeekSummary) -> dict[str, Any]:
    """The JSON document as plain dicts and lists."""
    head = summary.headline
    return {
        "format": SUMMARY_FORMAT,
        "version": SUMMARY_VERSION,
        "period": _period(summary),
        "alias": summary.alias,
        "language": summary.language,
        "checklist": summary.checklist_title,
        "target": _rate(summary.target),
        "totals": {
            "shifts": summary.shifts,
            "interactions": summary.interactions,
            **_counts(summary.answers),
        },
        "headline": {
            "score": _rate(head.score),
            "previous_score": _rate(head.previous_score),
            "change": _rate(head.change),
            "work_days": head.work_days,
            "good_days": head.good_days,
            "current_streak": head.current_streak,
            "best_streak": head.best_streak,
            "critical_misses": head.critical_misses,
        },
        "days": [_day(row) for row in summary.days],
        "categories": [_category(row) for row in summary.categories],
        "weakest": [_item(row) for row in summary.weakest],
        "most_improved": _item(summary.most_improved),
        "channels": [_channel(row) for row in summary.channels],
        "readiness": _readiness(summary),
        "notes": [_note(row) for row in summary.notes]
        if summary.include_notes
        else None,
        "ticks": [_tick(row, summary.include_notes) for row in summary.ticks],
    }


def _rate(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _counts(count: ItemCount) -> dict[str, int]:
    return {"done": count.done, "missed": count.missed, "na": count.na}


def _period(summary: WeekSummary) -> dict[str, Any]:
    period, previous = summary.period, summary.previous
    return {
        "label": period.label,
        "first": period.first.isoformat(),
        "last": period.last.isoformat(),
        "is_week": period.week is not None,
        "previous": {
            "label": previous.label,
            "first": previous.first.isoformat(),
            "last": previous.last.isoformat(),
        },
    }


def _day(row: DayRow) -> dict[str, Any]:
    return {
        "work_day": row.work_day.isoformat(),
        "shifts": row.shifts,
        "interactions": row.interactions,
        "score": _rate(row.score),
        **_counts(row.answers),
        "good": row.good,
        "critical_misses": row.critical_misses,
        "open_shift": row.open_shift,
    }


def _category(row: CategoryRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "label": row.label,
        "score": _rate(row.score),
        **_counts(row.answers),
        "previous_score": _rate(row.previous_score),
        "previous": _counts(row.previous_answers),
        "change": _rate(row.change),
    }


def _item(row: ItemRow | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {
        "id": row.id,
        "label": row.label,
        "rate": _rate(row.rate),
        "done": row.done,
        "missed": row.missed,
        "previous_rate": _rate(row.previous_rate),
        "change": _rate(row.change),
    }


def _channel(row: ChannelRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "label": row.label,
        "interactions": row.interactions,
        "score": _rate(row.score),
        **_counts(row.answers),
    }


def _readiness(summary: WeekSummary) -> dict[str, Any]:
    ready = summary.readiness
    return {
        "shifts": ready.shifts,
        "complete_shifts": ready.complete_shifts,
        "items": [
            {"id": row.id, "label": row.label, "done": row.done} for row in ready.items
        ],
    }


def _note(row: NoteRow) -> dict[str, Any]:
    return {
        "work_day": row.work_day.isoformat(),
        "shift_start": row.shift_start.isoformat(),
        "text": row.text,
    }


def _tick(row: TickRow, include_notes: bool) -> dict[str, Any]:
    tick = {
        "week": row.week,
        "work_day": row.work_day.isoformat(),
        "shift_start": row.shift_start.isoformat(),
        "interaction": row.interaction,
        "channel": row.channel,
        "ref": row.ref,
        "item": row.item,
        "category": row.category,
        "state": row.state.value,
        "critical": row.critical,
    }
    if include_notes:
        tick["note"] = row.note
    return tick
