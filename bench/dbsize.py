"""How big the history file is after 5 years, and what fills it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bench import project
from bench.context import Context
from bench.report import Figure, against_limit, info, skipped

LIMIT_MB = 40.0


def measure(ctx: Context) -> list[Figure]:
    size = ctx.small
    name = f"database file, {size.name}"
    try:
        small = ctx.history(size)
    except project.Missing as missing:
        return [skipped(name, str(missing), f"≤ {LIMIT_MB:g} MB")]

    rows = row_counts(small)
    largest = max(rows.items(), key=lambda kv: kv[1], default=("", 0))
    figures = [
        against_limit(
            name,
            small.stat().st_size / 1e6,
            "MB",
            LIMIT_MB,
            note=f"{largest[0]} rows: {largest[1]:,}; "
            f"{small.stat().st_size / max(largest[1], 1):.0f} bytes each; "
            + space_note(small),
        )
    ]

    large = ctx.history(ctx.large)
    figures.append(
        info(
            f"database file, {ctx.large.name}",
            large.stat().st_size / 1e6,
            "MB",
            note=", ".join(f"{t} {n:,}" for t, n in row_counts(large).items()),
        )
    )
    return figures


def row_counts(path: Path) -> dict[str, int]:
    """Rows in every table of the database, read-only."""
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {
            table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            for table in tables
        }
    finally:
        connection.close()


def space_note(path: Path) -> str:
    """Share of the file taken by indexes, from the dbstat table when built in."""
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        rows = connection.execute(
            "SELECT s.name, sum(s.pgsize), m.type FROM dbstat AS s "
            "JOIN sqlite_master AS m ON m.name = s.name GROUP BY s.name"
        ).fetchall()
    except sqlite3.OperationalError:
        return "dbstat not available"
    finally:
        connection.close()

    total = sum(size for _, size, _ in rows) or 1
    indexes = sum(size for _, size, kind in rows if kind == "index")
    biggest = sorted(rows, key=lambda row: -row[1])[:3]
    parts = ", ".join(f"{name} {size / 1e6:.1f} MB" for name, size, _ in biggest)
    return f"indexes {indexes / total:.0%} of pages; largest: {parts}"
