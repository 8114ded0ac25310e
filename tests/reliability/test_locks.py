"""A Store's locks survive everything the same process does with its file.

POSIX drops every lock a process holds on a file when any descriptor of that
file is closed. The daily copy checks the history in the app's own process
while the app's Store has it open; had it read the file with a plain open(),
another program opening and closing the history would find it unused and
delete the write-ahead log holding the app's latest ticks.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cs_daily.checklist import load_bundled_checklist
from cs_daily.store import Store, connection
from cs_daily.store.backup import daily_backup, inspect_database

CHECKLIST = load_bundled_checklist("en")
NINE = datetime(2026, 12, 3, 9, tzinfo=ZoneInfo("Asia/Jakarta"))

PEEK = (
    "import sqlite3, sys\n"
    "conn = sqlite3.connect(sys.argv[1])\n"
    "conn.execute('SELECT count(*) FROM shifts').fetchone()\n"
    "conn.close()\n"
)


def another_program_looks(db: Path) -> None:
    """Open the history, read it and close it, as a second cs-daily would."""
    subprocess.run([sys.executable, "-c", PEEK, str(db)], check=True)


@pytest.mark.parametrize(
    "check",
    [inspect_database, lambda db: daily_backup(db, db.parent / "copies", date.today())],
    ids=["check", "daily copy"],
)
def test_checking_the_open_history_keeps_the_stores_locks(tmp_path: Path, check):
    db = tmp_path / "history.sqlite3"
    with Store.open(db) as store:
        shift = store.start_shift(CHECKLIST, NINE)
        wal = Path(f"{db}-wal")
        assert wal.exists()

        check(db)
        another_program_looks(db)

        assert wal.exists()
        store.end_shift(shift.id, NINE.replace(hour=17))

    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM shifts").fetchone() == (1,)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_closed_store_lets_the_file_be_checked_again(tmp_path: Path):
    db = tmp_path / "history.sqlite3"
    with Store.open(db):
        assert connection.held_here(db)
    assert not connection.held_here(db)
