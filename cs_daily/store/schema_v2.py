"""Schema version 2: ticks keep their answer time as an integer.

Ticks are nearly all of a history's bytes. Version 1 kept each tick's
``answered_at`` as 32 characters of ISO text and indexed ticks by shift as
well as by interaction; five years of history took about 52 MB. Version 2
keeps the instant as microseconds since 1970 in ``answered_us`` (8 bytes),
and drops the by-shift index: a shift's own ticks are found through the
partial unique index, its interactions' ticks through their interactions.

``answered_at`` stays readable as a virtual generated column computed from
``answered_us``, byte for byte the text version 1 stored, so scripts and
tools that read the file see the same table; it takes no space.
"""

from __future__ import annotations

import sqlite3

# Microseconds since 1970-01-01 UTC as the text version 1 stored, for any
# instant from year 1 to 9999 (the floor division keeps instants before 1970
# right, where SQLite's integer division would round towards zero).
ISO_FROM_MICROS = (
    "strftime('%Y-%m-%dT%H:%M:%S', {us} / 1000000 - ({us} % 1000000 < 0),"
    " 'unixepoch') || printf('.%06d+00:00', ({us} % 1000000 + 1000000) % 1000000)"
)
_MICROS_FROM_ISO = (
    "CAST(strftime('%s', substr(answered_at, 1, 19)) AS INTEGER) * 1000000"
    " + CAST(substr(answered_at, 21, 6) AS INTEGER)"
)

# Every trigger that names the ticks table: dropped with the old table, or,
# for the one on interactions, in the way of renaming the new table.
_TRIGGERS_ON_TICKS = (
    "ticks_count_insert",
    "ticks_count_delete",
    "ticks_count_update",
    "ticks_fixed_keys",
    "interactions_count_channel",
)

_CREATE_TICKS = f"""
CREATE TABLE ticks_v2 (
    id INTEGER PRIMARY KEY,
    shift_id INTEGER NOT NULL REFERENCES shifts(id),
    interaction_id INTEGER REFERENCES interactions(id),
    item_id TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('done', 'missed', 'na')),
    answered_us INTEGER NOT NULL,
    answered_at TEXT GENERATED ALWAYS AS
        ({ISO_FROM_MICROS.format(us="answered_us")}) VIRTUAL
)
"""

_COPY_TICKS = f"""
INSERT INTO ticks_v2 (id, shift_id, interaction_id, item_id, state, answered_us)
SELECT id, shift_id, interaction_id, item_id, state, {_MICROS_FROM_ISO}
FROM ticks ORDER BY id
"""

_CHANGED_TIMES = """
SELECT count(*) FROM ticks AS old JOIN ticks_v2 AS new USING (id)
WHERE new.answered_at IS NOT old.answered_at
"""

_INDEXES = (
    "CREATE UNIQUE INDEX ticks_one_per_shift_item ON ticks(shift_id, item_id)"
    " WHERE interaction_id IS NULL",
    "CREATE UNIQUE INDEX ticks_one_per_interaction_item"
    " ON ticks(interaction_id, item_id) WHERE interaction_id IS NOT NULL",
)


def compact_ticks(conn: sqlite3.Connection) -> None:
    """Rebuild the ticks table in the version 2 layout, every row kept.

    Runs inside the migration's transaction; the triggers that name ticks
    are taken down first and put back exactly as version 1 wrote them.
    """
    triggers = _trigger_sql(conn)
    for name in _TRIGGERS_ON_TICKS:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")

    conn.execute(_CREATE_TICKS)
    conn.execute(_COPY_TICKS)
    _refuse_changed_times(conn)

    conn.execute("DROP TABLE ticks")
    conn.execute("ALTER TABLE ticks_v2 RENAME TO ticks")
    for statement in _INDEXES:
        conn.execute(statement)
    for statement in triggers:
        conn.execute(statement)


def _trigger_sql(conn: sqlite3.Connection) -> list[str]:
    names = ", ".join("?" for _name in _TRIGGERS_ON_TICKS)
    rows = conn.execute(
        f"SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name IN ({names})"
        " ORDER BY name",
        _TRIGGERS_ON_TICKS,
    ).fetchall()
    return [row[0] for row in rows]


def _refuse_changed_times(conn: sqlite3.Connection) -> None:
    """Stop the upgrade (nothing is kept) if any answer time would change.

    Raised as SQLite's own kind of error, so the agent reads it the way the
    store reports any other fault in the file.
    """
    (changed,) = conn.execute(_CHANGED_TIMES).fetchone()
    if changed:
        raise sqlite3.IntegrityError(
            f"{changed} answer times are not in the form cs-daily writes"
        )
