"""Open a history with a slow extra migration, so a test can kill it halfway.

Usage: migrate.py DATABASE WHICH. ``WHICH`` is ``first`` (the real first
migration, slowed down) or ``next`` (a made-up next version that rewrites
every shift). Prints ``migrating`` once the migration has written part of its
work inside its transaction, then sleeps until it is killed.
"""

from __future__ import annotations

import sqlite3
import sys
import time
from pathlib import Path

from cs_daily.store import Store, schema


def slow(statements: list[str]) -> schema.Migration:
    def migration(conn: sqlite3.Connection) -> None:
        for statement in statements:
            conn.execute(statement)
        print("migrating", flush=True)
        time.sleep(30)

    return migration


def main() -> None:
    db, which = Path(sys.argv[1]), sys.argv[2]
    if which == "first":
        first = schema.MIGRATIONS[0]
        assert isinstance(first, str)
        schema.MIGRATIONS[0] = slow(list(schema.split_statements(first)))
    else:
        schema.MIGRATIONS.append(
            slow(
                [
                    "CREATE TABLE shift_tags (shift_id INTEGER, tag TEXT)",
                    "INSERT INTO shift_tags SELECT id, 'night' FROM shifts",
                    "UPDATE shifts SET reflection = 'rewritten'",
                    "DELETE FROM ticks WHERE state = 'missed'",
                ]
            )
        )
    Store.open(db)


if __name__ == "__main__":
    main()
