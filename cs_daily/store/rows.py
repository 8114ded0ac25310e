"""Turning rows into the dataclasses of :mod:`cs_daily.model`, in one place.

Instants are stored as fixed-width UTC ISO strings so that text order is time
order, except a tick's answer time, kept as integer microseconds since 1970
(UTC) because there are hundreds of thousands of ticks. Both come back as
aware datetimes in the zone the shift ran in, which is how the agent saw
them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cs_daily.model import Interaction, Shift, Tick, TickState

SHIFT_COLUMNS = (
    "id, started_at, zone, utc_offset_minutes, work_day, checklist_id,"
    " checklist_hash, ended_at, focus_item, reflection"
)
INTERACTION_COLUMNS = "id, shift_id, seq, channel, started_at, ended_at, ref, note"
TICK_COLUMNS = "id, shift_id, interaction_id, item_id, state, answered_us"

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


def to_text(instant: datetime) -> str:
    """The stored form of an aware instant: UTC, always with microseconds."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError("the store only takes aware datetimes")
    return instant.astimezone(UTC).isoformat(timespec="microseconds")


def to_micros(instant: datetime) -> int:
    """The stored form of a tick's answer time: exact microseconds since 1970."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError("the store only takes aware datetimes")
    return (instant - _EPOCH) // _MICROSECOND


def from_micros(micros: int, zone: tzinfo) -> datetime:
    """A tick's answer time read back in ``zone``."""
    return (_EPOCH + timedelta(microseconds=micros)).astimezone(zone)


def from_text(text: str, zone: tzinfo) -> datetime:
    """An instant read back in ``zone``."""
    return datetime.fromisoformat(text).astimezone(zone)


def shift_zone(name: str, offset_minutes: int) -> tzinfo:
    """The zone a shift ran in; its stored offset if the name is unknown here."""
    if not name.startswith(("+", "-")):
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return timezone(timedelta(minutes=offset_minutes))


def shift_from_row(row: Sequence[Any]) -> Shift:
    """A :class:`Shift` from a row selected with :data:`SHIFT_COLUMNS`."""
    zone = shift_zone(row[2], row[3])
    return Shift(
        id=row[0],
        started_at=from_text(row[1], zone),
        zone=row[2],
        utc_offset_minutes=row[3],
        work_day=date.fromisoformat(row[4]),
        checklist_id=row[5],
        checklist_hash=row[6],
        ended_at=from_text(row[7], zone) if row[7] else None,
        focus_item=row[8],
        reflection=row[9],
    )


def tick_from_row(row: Sequence[Any], zone: tzinfo) -> Tick:
    """A :class:`Tick` from a row selected with :data:`TICK_COLUMNS`."""
    return Tick(
        id=row[0],
        shift_id=row[1],
        interaction_id=row[2],
        item_id=row[3],
        state=TickState(row[4]),
        answered_at=from_micros(row[5], zone),
    )


def interaction_from_row(
    row: Sequence[Any], zone: tzinfo, ticks: tuple[Tick, ...]
) -> Interaction:
    """An :class:`Interaction` from a row selected with :data:`INTERACTION_COLUMNS`."""
    return Interaction(
        id=row[0],
        shift_id=row[1],
        seq=row[2],
        channel=row[3],
        started_at=from_text(row[4], zone),
        ended_at=from_text(row[5], zone) if row[5] else None,
        ref=row[6],
        note=row[7],
        ticks=ticks,
    )
