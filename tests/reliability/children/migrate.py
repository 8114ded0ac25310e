"""Open a history with a slow extra migration, so a test can kill it halfway.

Usage: migrate.py DATABASE WHICH. ``WHICH`` is a version number N (the real
migration to version N, followed by a pause) or ``next`` (a made-up next
version that rewrites every shift). Prints ``migrating`` once the migration
has done all its work inside its transaction, before the version is bumped
and the transaction committed, then sleeps until it is killed.
"""

from __future__ import annotations

import sqlite3
import sys
import time
from pathlib import Path

from cs_daily.store import Store, schema


def then_pause(migration: schema.Migration) -> schema.Migration:
    """``migration`` as it is, then a long pause inside its transaction."""

    def paused(conn: sqlite3.Connection) -> None:
        if isinstance(migration, str):
            for statement in schema.split_statements(migration):
                conn.execute(statement)
        else:
            migration(conn)
        print("migrating", flush=True)
        time.sleep(30)

    return paused


NEXT = """
CREATE TABLE shift_tags (shift_id INTEGER, tag TEXT);
INSERT INTO shift_tags SELECT id, 'night' FROM shifts;
UPDATE shifts SET reflection = 'rewritten';
DELETE FROM ticks WHERE state = 'missed';
"""


def main() -> None:
    db, which = Path(sys.argv[1]), sys.argv[2]
    if which == "next":
        schema.MIGRATIONS.append(then_pause(NEXT))
    else:
        version = int(which)
        schema.MIGRATIONS[version - 1] = then_pause(schema.MIGRATIONS[version - 1])
    Store.open(db)


if __name__ == "__main__":
    main()
