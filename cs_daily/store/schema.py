"""The history schema and the ordered migrations that build it.

The schema version lives in ``PRAGMA user_version``. Migration N takes a
database from version N-1 to N and runs in its own transaction together with
the version bump, so a migration that fails halfway leaves the file at the
version it had before. Append new migrations; never edit a released one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from typing import TypeAlias

from cs_daily.store.schema_v2 import compact_ticks

Migration: TypeAlias = str | Callable[[sqlite3.Connection], None]

# Version 1: shifts, interactions, ticks, checklist snapshots, and the
# per-day counts that triggers keep up to date in the same transaction as
# every tick and interaction write, so figures never rescan all ticks.
_V1 = """
CREATE TABLE checklist_snapshots (
    hash TEXT PRIMARY KEY,
    checklist_id TEXT NOT NULL,
    body TEXT NOT NULL
);

CREATE TABLE shifts (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    zone TEXT NOT NULL,
    utc_offset_minutes INTEGER NOT NULL,
    work_day TEXT NOT NULL,
    checklist_id TEXT NOT NULL,
    checklist_hash TEXT NOT NULL REFERENCES checklist_snapshots(hash),
    ended_at TEXT,
    focus_item TEXT,
    reflection TEXT,
    last_activity_at TEXT NOT NULL
);

-- At most one open shift; also the index behind the open-shift look-up.
CREATE UNIQUE INDEX shifts_one_open ON shifts(ended_at IS NULL)
    WHERE ended_at IS NULL;
CREATE INDEX shifts_by_work_day ON shifts(work_day, started_at);

CREATE TABLE interactions (
    id INTEGER PRIMARY KEY,
    shift_id INTEGER NOT NULL REFERENCES shifts(id),
    seq INTEGER NOT NULL CHECK (seq >= 1),
    channel TEXT NOT NULL,
    ref TEXT,
    note TEXT,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    UNIQUE (shift_id, seq)
);

CREATE TABLE ticks (
    id INTEGER PRIMARY KEY,
    shift_id INTEGER NOT NULL REFERENCES shifts(id),
    interaction_id INTEGER REFERENCES interactions(id),
    item_id TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('done', 'missed', 'na')),
    answered_at TEXT NOT NULL
);

-- NULLs never collide in a UNIQUE constraint, so shift ticks (no
-- interaction) and interaction ticks each get their own partial index.
CREATE UNIQUE INDEX ticks_one_per_shift_item ON ticks(shift_id, item_id)
    WHERE interaction_id IS NULL;
CREATE UNIQUE INDEX ticks_one_per_interaction_item
    ON ticks(interaction_id, item_id) WHERE interaction_id IS NOT NULL;
CREATE INDEX ticks_by_shift ON ticks(shift_id);

CREATE TABLE day_item_counts (
    work_day TEXT NOT NULL,
    item_id TEXT NOT NULL,
    done INTEGER NOT NULL,
    missed INTEGER NOT NULL,
    na INTEGER NOT NULL,
    PRIMARY KEY (work_day, item_id)
) WITHOUT ROWID;

CREATE TABLE day_channel_counts (
    work_day TEXT NOT NULL,
    channel TEXT NOT NULL,
    interactions INTEGER NOT NULL,
    done INTEGER NOT NULL,
    missed INTEGER NOT NULL,
    na INTEGER NOT NULL,
    PRIMARY KEY (work_day, channel)
) WITHOUT ROWID;

CREATE TRIGGER ticks_count_insert AFTER INSERT ON ticks
BEGIN
    INSERT INTO day_item_counts (work_day, item_id, done, missed, na)
    SELECT work_day, NEW.item_id, NEW.state = 'done', NEW.state = 'missed',
           NEW.state = 'na'
    FROM shifts WHERE id = NEW.shift_id
    ON CONFLICT (work_day, item_id) DO UPDATE SET
        done = done + excluded.done,
        missed = missed + excluded.missed,
        na = na + excluded.na;

    UPDATE day_channel_counts SET
        done = done + (NEW.state = 'done'),
        missed = missed + (NEW.state = 'missed'),
        na = na + (NEW.state = 'na')
    WHERE NEW.interaction_id IS NOT NULL
      AND work_day = (SELECT work_day FROM shifts WHERE id = NEW.shift_id)
      AND channel = (SELECT channel FROM interactions
                     WHERE id = NEW.interaction_id);
END;

CREATE TRIGGER ticks_count_delete AFTER DELETE ON ticks
BEGIN
    UPDATE day_item_counts SET
        done = done - (OLD.state = 'done'),
        missed = missed - (OLD.state = 'missed'),
        na = na - (OLD.state = 'na')
    WHERE work_day = (SELECT work_day FROM shifts WHERE id = OLD.shift_id)
      AND item_id = OLD.item_id;

    DELETE FROM day_item_counts
    WHERE work_day = (SELECT work_day FROM shifts WHERE id = OLD.shift_id)
      AND item_id = OLD.item_id AND done = 0 AND missed = 0 AND na = 0;

    UPDATE day_channel_counts SET
        done = done - (OLD.state = 'done'),
        missed = missed - (OLD.state = 'missed'),
        na = na - (OLD.state = 'na')
    WHERE OLD.interaction_id IS NOT NULL
      AND work_day = (SELECT work_day FROM shifts WHERE id = OLD.shift_id)
      AND channel = (SELECT channel FROM interactions
                     WHERE id = OLD.interaction_id);
END;

-- A tick only ever changes its state in place; its item, shift and
-- interaction are fixed at insert.
CREATE TRIGGER ticks_count_update AFTER UPDATE OF state ON ticks
    WHEN OLD.state <> NEW.state
BEGIN
    UPDATE day_item_counts SET
        done = done - (OLD.state = 'done') + (NEW.state = 'done'),
        missed = missed - (OLD.state = 'missed') + (NEW.state = 'missed'),
        na = na - (OLD.state = 'na') + (NEW.state = 'na')
    WHERE work_day = (SELECT work_day FROM shifts WHERE id = NEW.shift_id)
      AND item_id = NEW.item_id;

    UPDATE day_channel_counts SET
        done = done - (OLD.state = 'done') + (NEW.state = 'done'),
        missed = missed - (OLD.state = 'missed') + (NEW.state = 'missed'),
        na = na - (OLD.state = 'na') + (NEW.state = 'na')
    WHERE NEW.interaction_id IS NOT NULL
      AND work_day = (SELECT work_day FROM shifts WHERE id = NEW.shift_id)
      AND channel = (SELECT channel FROM interactions
                     WHERE id = NEW.interaction_id);
END;

CREATE TRIGGER ticks_fixed_keys BEFORE UPDATE OF shift_id, interaction_id,
    item_id ON ticks
BEGIN
    SELECT RAISE(ABORT, 'a tick keeps its shift, interaction and item');
END;

CREATE TRIGGER interactions_count_insert AFTER INSERT ON interactions
BEGIN
    INSERT INTO day_channel_counts
        (work_day, channel, interactions, done, missed, na)
    SELECT work_day, NEW.channel, 1, 0, 0, 0
    FROM shifts WHERE id = NEW.shift_id
    ON CONFLICT (work_day, channel) DO UPDATE SET
        interactions = interactions + 1;
END;

-- The store deletes an interaction's ticks before the interaction itself,
-- so only the interaction is left to take off here.
CREATE TRIGGER interactions_count_delete AFTER DELETE ON interactions
BEGIN
    UPDATE day_channel_counts SET interactions = interactions - 1
    WHERE work_day = (SELECT work_day FROM shifts WHERE id = OLD.shift_id)
      AND channel = OLD.channel;

    DELETE FROM day_channel_counts
    WHERE work_day = (SELECT work_day FROM shifts WHERE id = OLD.shift_id)
      AND channel = OLD.channel
      AND interactions = 0 AND done = 0 AND missed = 0 AND na = 0;
END;

CREATE TRIGGER interactions_count_channel AFTER UPDATE OF channel
    ON interactions WHEN OLD.channel <> NEW.channel
BEGIN
    UPDATE day_channel_counts SET
        interactions = interactions - 1,
        done = done - (SELECT count(*) FROM ticks
                       WHERE interaction_id = OLD.id AND state = 'done'),
        missed = missed - (SELECT count(*) FROM ticks
                           WHERE interaction_id = OLD.id AND state = 'missed'),
        na = na - (SELECT count(*) FROM ticks
                   WHERE interaction_id = OLD.id AND state = 'na')
    WHERE work_day = (SELECT work_day FROM shifts WHERE id = OLD.shift_id)
      AND channel = OLD.channel;

    DELETE FROM day_channel_counts
    WHERE work_day = (SELECT work_day FROM shifts WHERE id = OLD.shift_id)
      AND channel = OLD.channel
      AND interactions = 0 AND done = 0 AND missed = 0 AND na = 0;

    INSERT INTO day_channel_counts
        (work_day, channel, interactions, done, missed, na)
    SELECT s.work_day, NEW.channel, 1,
           coalesce(sum(t.state = 'done'), 0),
           coalesce(sum(t.state = 'missed'), 0),
           coalesce(sum(t.state = 'na'), 0)
    FROM shifts AS s LEFT JOIN ticks AS t ON t.interaction_id = NEW.id
    WHERE s.id = NEW.shift_id
    GROUP BY s.id
    ON CONFLICT (work_day, channel) DO UPDATE SET
        interactions = interactions + 1,
        done = done + excluded.done,
        missed = missed + excluded.missed,
        na = na + excluded.na;
END;

CREATE TRIGGER interactions_fixed_shift BEFORE UPDATE OF shift_id
    ON interactions
BEGIN
    SELECT RAISE(ABORT, 'an interaction keeps its shift');
END;

CREATE TRIGGER shifts_fixed_work_day BEFORE UPDATE OF work_day ON shifts
BEGIN
    SELECT RAISE(ABORT, 'a shift keeps its work day');
END;
"""

# Version 3: the streaks of the oldest work days, folded once and kept, so a
# start reads months rather than years of counted days. One row at most; any
# write that changes a work day before it throws it away in the same
# transaction, so what is kept always matches the days it stands for. Shift
# updates (an end, a note) leave a day's counts and its place in the run alone.
_V3 = """
CREATE TABLE streak_checkpoint (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    before_day TEXT NOT NULL,
    body TEXT NOT NULL
);

CREATE TRIGGER streak_checkpoint_count_insert AFTER INSERT ON day_item_counts
    WHEN NEW.work_day < (SELECT before_day FROM streak_checkpoint)
BEGIN
    DELETE FROM streak_checkpoint;
END;

CREATE TRIGGER streak_checkpoint_count_update AFTER UPDATE ON day_item_counts
    WHEN NEW.work_day < (SELECT before_day FROM streak_checkpoint)
      OR OLD.work_day < (SELECT before_day FROM streak_checkpoint)
BEGIN
    DELETE FROM streak_checkpoint;
END;

CREATE TRIGGER streak_checkpoint_count_delete AFTER DELETE ON day_item_counts
    WHEN OLD.work_day < (SELECT before_day FROM streak_checkpoint)
BEGIN
    DELETE FROM streak_checkpoint;
END;

CREATE TRIGGER streak_checkpoint_shift_insert AFTER INSERT ON shifts
    WHEN NEW.work_day < (SELECT before_day FROM streak_checkpoint)
BEGIN
    DELETE FROM streak_checkpoint;
END;

CREATE TRIGGER streak_checkpoint_shift_delete AFTER DELETE ON shifts
    WHEN OLD.work_day < (SELECT before_day FROM streak_checkpoint)
BEGIN
    DELETE FROM streak_checkpoint;
END;
"""

# Version 2: ticks keep their answer time as integer microseconds, and the
# by-shift index on ticks is gone (see schema_v2). Version 3: the streak
# checkpoint above.
MIGRATIONS: list[Migration] = [_V1, compact_ticks, _V3]

# The oldest version a read-only reader (stats, exports, copies) can use as it
# stands: version 3 only added the streak checkpoint, which readers do
# without. An agent who upgrades cs-daily can export before opening the app.
OLDEST_READABLE = 2

# Versions whose migration rebuilds a big table: upgrading an existing
# history past one of them ends with the file compacted.
_REBUILDS = (2,)


def current_version() -> int:
    """The schema version this code writes: one per migration."""
    return len(MIGRATIONS)


def migrate(conn: sqlite3.Connection, found: int) -> None:
    """Bring a database at version ``found`` up to :func:`current_version`.

    Each step commits on its own, so an upgrade interrupted after step 2 of 3
    resumes from version 2 next time rather than starting over.
    """
    for version in range(found + 1, current_version() + 1):
        _apply(conn, MIGRATIONS[version - 1], version)

    if any(1 <= found < version <= current_version() for version in _REBUILDS):
        _compact(conn)


def _compact(conn: sqlite3.Connection) -> None:
    """Give the pages a rebuilt table left free back to the disk, once.

    VACUUM cannot run inside a transaction, so it follows the migrations.
    If it fails (a full disk, say) the file is still whole and upgraded,
    only larger than it needs to be, so the failure is not the agent's
    problem and opening goes on.
    """
    try:
        conn.execute("VACUUM")
    except sqlite3.Error:
        return


def _apply(conn: sqlite3.Connection, migration: Migration, version: int) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        if isinstance(migration, str):
            for statement in split_statements(migration):
                conn.execute(statement)
        else:
            migration(conn)
        conn.execute(f"PRAGMA user_version = {int(version)}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def split_statements(script: str) -> Iterator[str]:
    """The complete statements of ``script``, triggers kept whole.

    ``executescript`` would commit any open transaction first, which is exactly
    what a migration must not do.
    """
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            statement = pending.strip()
            if statement != ";":
                yield statement
            pending = ""
