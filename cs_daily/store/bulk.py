"""Writing whole historical shifts at once, for the demo and backup import.

Rows go in with ``executemany`` and ids chosen up front, so five years of
history take seconds. Inside :meth:`Store.bulk` the count triggers are off
and each shift's answers are tallied here instead, then added to the count
tables in one go when the block ends (see :mod:`cs_daily.store.tally`); a
single import outside a bulk block is counted by the triggers as usual.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from cs_daily.clock import zone_name
from cs_daily.model import Checklist, Phase, Scope, TickState
from cs_daily.store import validate
from cs_daily.store.rows import to_micros, to_text
from cs_daily.store.snapshots import Snapshots
from cs_daily.store.tally import Tally


@dataclass(frozen=True)
class InteractionData:
    """One interaction to import, with its answers."""

    channel: str
    started_at: datetime
    ticks: Mapping[str, TickState] = field(default_factory=dict)
    ended_at: datetime | None = None
    ref: str | None = None
    note: str | None = None


def import_shift(
    conn: sqlite3.Connection,
    snapshots: Snapshots,
    checklist: Checklist,
    started_at: datetime,
    ended_at: datetime | None,
    focus: str | None,
    reflection: str | None,
    shift_ticks: Mapping[str, TickState],
    interactions: Sequence[InteractionData],
    tally: Tally | None = None,
) -> int:
    """Insert one complete shift inside the caller's transaction; its id.

    With a ``tally``, the count triggers are off (see :mod:`tally`): the
    shift's answers are added to it instead of being counted row by row.
    """
    _check(checklist, focus, shift_ticks, interactions)

    digest = snapshots.save(checklist)
    last_activity = _last_activity(
        checklist, started_at, ended_at, shift_ticks, interactions
    )
    shift_id = _insert_shift(
        conn, checklist, digest, started_at, ended_at, focus, reflection, last_activity
    )
    _insert_shift_ticks(conn, checklist, shift_id, started_at, ended_at, shift_ticks)
    _insert_interactions(conn, shift_id, interactions)

    if tally is not None:
        tally.add_shift(
            started_at.date().isoformat(),
            shift_ticks,
            [(data.channel, data.ticks) for data in interactions],
        )
    return shift_id


def _last_activity(
    checklist: Checklist,
    started_at: datetime,
    ended_at: datetime | None,
    shift_ticks: Mapping[str, TickState],
    interactions: Sequence[InteractionData],
) -> str:
    """What ``writes.refresh_last_activity`` would find, without reading back.

    Start items are answered at the start, end items at the end, interaction
    items when their interaction ended (or started); stored texts sort as
    instants do.
    """
    latest = started_at
    ends = any(checklist.item(i).phase is Phase.END for i in shift_ticks)
    if ends and ended_at is not None:
        latest = max(latest, ended_at)
    for data in interactions:
        latest = max(latest, data.started_at, data.ended_at or data.started_at)
    return to_text(latest)


def _check(
    checklist: Checklist,
    focus: str | None,
    shift_ticks: Mapping[str, TickState],
    interactions: Sequence[InteractionData],
) -> None:
    if focus is not None:
        validate.check_item(checklist, focus)
    for item_id, state in shift_ticks.items():
        validate.check_tick(checklist, item_id, state, Scope.SHIFT)

    checked: set[tuple[str, str]] = set()
    for interaction in interactions:
        validate.check_channel(checklist, interaction.channel)
        for item_id, state in interaction.ticks.items():
            if (item_id, state) not in checked:
                validate.check_tick(checklist, item_id, state, Scope.INTERACTION)
                checked.add((item_id, state))


def _insert_shift(
    conn: sqlite3.Connection,
    checklist: Checklist,
    digest: str,
    started_at: datetime,
    ended_at: datetime | None,
    focus: str | None,
    reflection: str | None,
    last_activity: str,
) -> int:
    offset = started_at.utcoffset()
    assert offset is not None
    cursor = conn.execute(
        "INSERT INTO shifts (started_at, zone, utc_offset_minutes, work_day,"
        " checklist_id, checklist_hash, ended_at, focus_item, reflection,"
        " last_activity_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            to_text(started_at),
            zone_name(started_at),
            int(offset.total_seconds() // 60),
            started_at.date().isoformat(),
            checklist.id,
            digest,
            to_text(ended_at) if ended_at else None,
            focus,
            reflection,
            last_activity,
        ),
    )
    return int(cursor.lastrowid or 0)


def _insert_shift_ticks(
    conn: sqlite3.Connection,
    checklist: Checklist,
    shift_id: int,
    started_at: datetime,
    ended_at: datetime | None,
    shift_ticks: Mapping[str, TickState],
) -> None:
    """Start items count as answered at the start, end items at the end."""
    start, end = to_micros(started_at), to_micros(ended_at or started_at)
    conn.executemany(
        "INSERT INTO ticks (shift_id, item_id, state, answered_us) VALUES (?, ?, ?, ?)",
        [
            (
                shift_id,
                item_id,
                str(state),
                end if checklist.item(item_id).phase is Phase.END else start,
            )
            for item_id, state in shift_ticks.items()
        ],
    )


def _insert_interactions(
    conn: sqlite3.Connection, shift_id: int, interactions: Sequence[InteractionData]
) -> None:
    (base,) = conn.execute("SELECT coalesce(max(id), 0) FROM interactions").fetchone()

    interaction_rows: list[tuple[object, ...]] = []
    tick_rows: list[tuple[object, ...]] = []
    for seq, data in enumerate(interactions, start=1):
        interaction_id = base + seq
        start = to_text(data.started_at)
        end = to_text(data.ended_at) if data.ended_at else None
        interaction_rows.append(
            (
                interaction_id,
                shift_id,
                seq,
                data.channel,
                data.ref,
                data.note,
                start,
                end,
            )
        )
        answered = to_micros(data.ended_at or data.started_at)
        tick_rows.extend(
            (shift_id, interaction_id, item_id, str(state), answered)
            for item_id, state in data.ticks.items()
        )

    conn.executemany(
        "INSERT INTO interactions"
        " (id, shift_id, seq, channel, ref, note, started_at, ended_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        interaction_rows,
    )
    conn.executemany(
        "INSERT INTO ticks (shift_id, interaction_id, item_id, state, answered_us)"
        " VALUES (?, ?, ?, ?, ?)",
        tick_rows,
    )
