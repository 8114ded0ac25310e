"""Shared tools for the fault tests: isolated folders, checks of a database file.

The checks open the file with plain ``sqlite3`` rather than the Store, so a
fault in the Store cannot hide itself by being used to check its own work.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from cs_daily.store.counts import rebuild

ROOT = Path(__file__).resolve().parents[2]
CHILDREN = Path(__file__).resolve().parent / "children"


@dataclass(frozen=True)
class Home:
    """The folders one test gives cs-daily, all under tmp_path."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "data" / "history.sqlite3"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def config(self) -> Path:
        return self.root / "config"

    def environ(self) -> dict[str, str]:
        return {
            "CS_DAILY_DB": str(self.database),
            "CS_DAILY_CONFIG": str(self.config / "settings.toml"),
            "CS_DAILY_DATA_DIR": str(self.root / "data"),
            "CS_DAILY_BACKUP_DIR": str(self.backups),
            "CS_DAILY_LOG_DIR": str(self.root / "logs"),
        }

    def files(self) -> list[str]:
        """Every file below the home, relative: what a command left behind."""
        if not self.root.exists():
            return []
        return sorted(
            str(p.relative_to(self.root)) for p in self.root.rglob("*") if p.is_file()
        )


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for a child Python that imports cs_daily from this tree."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra or {})
    return env


def run_child(script: str, *args: str, **kwargs: object) -> subprocess.Popen[str]:
    """Start ``children/<script>`` with the test's Python, output piped as text."""
    return subprocess.Popen(
        [sys.executable, str(CHILDREN / script), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
        **kwargs,  # type: ignore[arg-type]
    )


def integrity(path: Path) -> str:
    """SQLite's own full check of the file: ``ok`` or what is wrong."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()
    return "; ".join(str(row[0]) for row in rows)


def counts_match_rebuild(path: Path) -> bool:
    """Whether the trigger-kept count tables equal a recount from the ticks."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        kept = _count_tables(conn)
        conn.execute("BEGIN")
        rebuild(conn)
        recounted = _count_tables(conn)
        conn.execute("ROLLBACK")
    finally:
        conn.close()
    return kept == recounted


def _count_tables(conn: sqlite3.Connection) -> tuple[list[tuple], list[tuple]]:
    items = conn.execute("SELECT * FROM day_item_counts ORDER BY 1, 2").fetchall()
    channels = conn.execute("SELECT * FROM day_channel_counts ORDER BY 1, 2").fetchall()
    return items, channels


def fingerprint(path: Path) -> tuple[bytes, list[str]]:
    """A file's bytes and the names beside it: proof that nothing was touched."""
    return path.read_bytes(), sorted(os.listdir(path.parent))


def no_traceback(stderr: str) -> None:
    """Fail if a Python traceback reached the agent."""
    assert "Traceback" not in stderr, stderr
