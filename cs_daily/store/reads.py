"""Reading shifts, interactions and ticks back as model dataclasses."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import date

from cs_daily.errors import StoreError
from cs_daily.i18n import _
from cs_daily.model import Interaction, Shift, Tick
from cs_daily.store import rows
from cs_daily.store.rows import INTERACTION_COLUMNS, SHIFT_COLUMNS, TICK_COLUMNS


def shift(conn: sqlite3.Connection, shift_id: int) -> Shift:
    """The shift with ``shift_id``, or a refusal naming it."""
    row = conn.execute(
        f"SELECT {SHIFT_COLUMNS} FROM shifts WHERE id = ?", (shift_id,)
    ).fetchone()
    if row is None:
        raise StoreError(
            _("There is no shift {id} in the history.").format(id=shift_id)
        )
    return rows.shift_from_row(row)


def open_shift(conn: sqlite3.Connection) -> Shift | None:
    row = conn.execute(
        f"SELECT {SHIFT_COLUMNS} FROM shifts WHERE ended_at IS NULL"
    ).fetchone()
    return rows.shift_from_row(row) if row else None


def shifts_between(conn: sqlite3.Connection, first: date, last: date) -> list[Shift]:
    """Shifts whose work day lies in ``first..last``, oldest first."""
    cursor = conn.execute(
        f"SELECT {SHIFT_COLUMNS} FROM shifts WHERE work_day BETWEEN ? AND ?"
        " ORDER BY work_day, started_at, id",
        (first.isoformat(), last.isoformat()),
    )
    return [rows.shift_from_row(row) for row in cursor]


def latest_shifts(conn: sqlite3.Connection, count: int) -> list[Shift]:
    """The ``count`` most recently started shifts, newest first."""
    cursor = conn.execute(
        f"SELECT {SHIFT_COLUMNS} FROM shifts ORDER BY started_at DESC, id DESC LIMIT ?",
        (count,),
    )
    return [rows.shift_from_row(row) for row in cursor]


def shift_ticks(conn: sqlite3.Connection, found: Shift) -> dict[str, Tick]:
    """The shift's own ticks (not its interactions'), by item id."""
    zone = found.started_at.tzinfo
    assert zone is not None
    cursor = conn.execute(
        f"SELECT {TICK_COLUMNS} FROM ticks"
        " WHERE shift_id = ? AND interaction_id IS NULL ORDER BY id",
        (found.id,),
    )
    return {row[3]: rows.tick_from_row(row, zone) for row in cursor}


def interactions(conn: sqlite3.Connection, found: Shift) -> list[Interaction]:
    """Every interaction of the shift with its ticks, in seq order."""
    zone = found.started_at.tzinfo
    assert zone is not None

    ticks: dict[int, list[Tick]] = defaultdict(list)
    cursor = conn.execute(
        f"SELECT {TICK_COLUMNS} FROM ticks WHERE interaction_id IN"
        " (SELECT id FROM interactions WHERE shift_id = ?) ORDER BY id",
        (found.id,),
    )
    for row in cursor:
        ticks[row[2]].append(rows.tick_from_row(row, zone))

    cursor = conn.execute(
        f"SELECT {INTERACTION_COLUMNS} FROM interactions WHERE shift_id = ?"
        " ORDER BY seq",
        (found.id,),
    )
    return [
        rows.interaction_from_row(row, zone, tuple(ticks.get(row[0], ())))
        for row in cursor
    ]


def interaction(conn: sqlite3.Connection, interaction_id: int) -> Interaction:
    """One interaction with its ticks, or a refusal naming it."""
    row = conn.execute(
        f"SELECT {INTERACTION_COLUMNS} FROM interactions WHERE id = ?",
        (interaction_id,),
    ).fetchone()
    if row is None:
        raise StoreError(
            _("There is no interaction {id} in the history.").format(id=interaction_id)
        )

    zone = shift(conn, row[1]).started_at.tzinfo
    assert zone is not None
    cursor = conn.execute(
        f"SELECT {TICK_COLUMNS} FROM ticks WHERE interaction_id = ? ORDER BY id",
        (interaction_id,),
    )
    ticks = tuple(rows.tick_from_row(tick, zone) for tick in cursor)
    return rows.interaction_from_row(row, zone, ticks)


def interaction_owner(conn: sqlite3.Connection, interaction_id: int) -> tuple[int, int]:
    """The shift an interaction belongs to and its number, without its ticks."""
    row = conn.execute(
        "SELECT shift_id, seq FROM interactions WHERE id = ?", (interaction_id,)
    ).fetchone()
    if row is None:
        raise StoreError(
            _("There is no interaction {id} in the history.").format(id=interaction_id)
        )
    return int(row[0]), int(row[1])


def last_channel(conn: sqlite3.Connection) -> str | None:
    """The channel of the interaction logged last, the natural default."""
    row = conn.execute(
        "SELECT channel FROM interactions ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return row[0] if row else None


def last_activity_text(conn: sqlite3.Connection, shift_id: int) -> str:
    row = conn.execute(
        "SELECT last_activity_at FROM shifts WHERE id = ?", (shift_id,)
    ).fetchone()
    if row is None:
        raise StoreError(
            _("There is no shift {id} in the history.").format(id=shift_id)
        )
    return str(row[0])
