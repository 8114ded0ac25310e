"""Low-level row writes shared by the Store and by undo.

These run inside a transaction that the caller opened; none of them commits.
Rows travel as plain tuples in table column order, which is also how undo
keeps the state it restores.
"""

from __future__ import annotations

import sqlite3
from typing import TypeAlias

from cs_daily.store.schema_v2 import ISO_FROM_MICROS

# (id, shift_id, interaction_id, item_id, state, answered_us)
TickRow: TypeAlias = tuple[int, int, int | None, str, str, int]
# (id, shift_id, seq, channel, ref, note, started_at, ended_at)
InteractionRow: TypeAlias = tuple[
    int, int, int, str, str | None, str | None, str, str | None
]

_TICK_ROW = "id, shift_id, interaction_id, item_id, state, answered_us"
_INTERACTION_ROW = "id, shift_id, seq, channel, ref, note, started_at, ended_at"


def find_tick(
    conn: sqlite3.Connection, shift_id: int, interaction_id: int | None, item_id: str
) -> TickRow | None:
    """The tick for one item on a shift or on one of its interactions."""
    row: TickRow | None
    if interaction_id is None:
        row = conn.execute(
            f"SELECT {_TICK_ROW} FROM ticks"
            " WHERE shift_id = ? AND interaction_id IS NULL AND item_id = ?",
            (shift_id, item_id),
        ).fetchone()
    else:
        row = conn.execute(
            f"SELECT {_TICK_ROW} FROM ticks WHERE interaction_id = ? AND item_id = ?",
            (interaction_id, item_id),
        ).fetchone()
    return row


def put_tick(
    conn: sqlite3.Connection,
    shift_id: int,
    interaction_id: int | None,
    item_id: str,
    state: str,
    answered_us: int,
) -> int:
    """Set one tick, updating it in place if it exists; returns its id."""
    existing = find_tick(conn, shift_id, interaction_id, item_id)
    if existing is not None:
        conn.execute(
            "UPDATE ticks SET state = ?, answered_us = ? WHERE id = ?",
            (state, answered_us, existing[0]),
        )
        return existing[0]

    cursor = conn.execute(
        "INSERT INTO ticks (shift_id, interaction_id, item_id, state, answered_us)"
        " VALUES (?, ?, ?, ?, ?)",
        (shift_id, interaction_id, item_id, state, answered_us),
    )
    return int(cursor.lastrowid or 0)


def insert_tick_row(conn: sqlite3.Connection, row: TickRow) -> None:
    """Put back a tick exactly as it was, id included."""
    conn.execute(f"INSERT INTO ticks ({_TICK_ROW}) VALUES (?, ?, ?, ?, ?, ?)", row)


def delete_tick(conn: sqlite3.Connection, tick_id: int) -> None:
    conn.execute("DELETE FROM ticks WHERE id = ?", (tick_id,))


def interaction_row(
    conn: sqlite3.Connection, interaction_id: int
) -> InteractionRow | None:
    row: InteractionRow | None = conn.execute(
        f"SELECT {_INTERACTION_ROW} FROM interactions WHERE id = ?",
        (interaction_id,),
    ).fetchone()
    return row


def interaction_tick_rows(
    conn: sqlite3.Connection, interaction_id: int
) -> list[TickRow]:
    return conn.execute(
        f"SELECT {_TICK_ROW} FROM ticks WHERE interaction_id = ? ORDER BY id",
        (interaction_id,),
    ).fetchall()


def insert_interaction_row(
    conn: sqlite3.Connection, row: InteractionRow, ticks: list[TickRow]
) -> None:
    """Put back an interaction and its ticks exactly as they were."""
    conn.execute(
        f"INSERT INTO interactions ({_INTERACTION_ROW})"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        row,
    )
    for tick in ticks:
        insert_tick_row(conn, tick)


def delete_interaction(conn: sqlite3.Connection, interaction_id: int) -> None:
    """Remove an interaction, its ticks first so the counts see their channel."""
    conn.execute("DELETE FROM ticks WHERE interaction_id = ?", (interaction_id,))
    conn.execute("DELETE FROM interactions WHERE id = ?", (interaction_id,))


def next_seq(conn: sqlite3.Connection, shift_id: int) -> int:
    """The number of the next interaction in a shift.

    Numbers are never reused while a later one exists, so "interaction 12"
    keeps meaning the same contact after an earlier one is deleted.
    """
    (seq,) = conn.execute(
        "SELECT coalesce(max(seq), 0) + 1 FROM interactions WHERE shift_id = ?",
        (shift_id,),
    ).fetchone()
    return int(seq)


# The shift's latest answer, compared as integers and turned into stored
# text once, rather than computing every tick's text to compare them.
_REFRESH_LAST_ACTIVITY = f"""
WITH latest(us) AS (
    SELECT max(answered_us) FROM (
        SELECT answered_us FROM ticks
        WHERE shift_id = :id AND interaction_id IS NULL
        UNION ALL
        SELECT t.answered_us FROM interactions AS i
        JOIN ticks AS t ON t.interaction_id = i.id
        WHERE i.shift_id = :id
    )
)
UPDATE shifts SET last_activity_at = max(
    started_at,
    coalesce((SELECT {ISO_FROM_MICROS.format(us="us")} FROM latest), ''),
    coalesce((SELECT max(max(started_at, coalesce(ended_at, '')))
              FROM interactions WHERE shift_id = :id), '')
)
WHERE id = :id
"""


def refresh_last_activity(conn: sqlite3.Connection, shift_id: int) -> None:
    """Recompute when the shift last saw any activity, from its own rows.

    Ticks are not indexed by shift: the shift's own ticks are found through
    the one-per-item index, its interactions' ticks through its interactions.
    """
    conn.execute(_REFRESH_LAST_ACTIVITY, {"id": shift_id})
