"""A cs-daily killed at any moment keeps every tick it reported as saved.

A child process logs ticks through the Store and prints each one only after
the Store call has returned. The test kills it with SIGKILL at random moments,
over and over on one database, then checks the file with SQLite itself: every
reported tick is there with its state, the file is sound, and the per-day
counts equal a recount from the ticks.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from cs_daily.export.backup import render_backup
from cs_daily.store import Store
from tests.reliability.helpers import counts_match_rebuild, integrity, run_child
from tests.reliability.history import (
    CHECKLIST,
    JAKARTA,
    shift_starts,
    write_shift,
    write_shifts,
)

KILLS = 100
SEED = int(os.environ.get("CS_DAILY_KILL_SEED", "20261203"))


def _run_and_kill(db: Path, delay: float, early: bool) -> list[str]:
    """Start the ticker, let it write for ``delay`` seconds, kill it; its lines.

    An ``early`` kill may land while the database is still being opened
    (recovering the WAL left by the previous kill); the others land while
    ticks are being written.
    """
    child = run_child("ticker.py", str(db))
    assert child.stdout is not None
    if not early:
        first = child.stdout.readline()
        assert first == "ready\n", first + (child.stderr.read() if child.stderr else "")

    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    rest, errors = child.communicate(timeout=10)
    assert child.returncode == -signal.SIGKILL, errors
    return [line for line in rest.split("\n")[:-1]]


@pytest.mark.stress
def test_every_reported_tick_survives_sigkill(tmp_path: Path):
    db = tmp_path / "history.sqlite3"
    rng = random.Random(SEED)
    reported: dict[int, str] = {}
    interactions: set[int] = set()
    ended: set[int] = set()

    for _ in range(KILLS):
        early = rng.random() < 0.2
        delay = rng.uniform(0.15, 0.45) if early else rng.uniform(0.0, 0.12)
        for line in _run_and_kill(db, delay, early):
            if line == "ready":
                continue
            kind, ident, *rest = line.split()
            if kind == "tick":
                reported[int(ident)] = rest[0]
            elif kind == "interaction":
                interactions.add(int(ident))
            elif kind == "ended":
                ended.add(int(ident))

    assert len(reported) > 200, f"too few ticks written to prove much (seed {SEED})"
    assert integrity(db) == "ok"
    assert counts_match_rebuild(db)
    _assert_saved(db, reported, interactions, ended)


def _assert_saved(
    db: Path, reported: dict[int, str], interactions: set[int], ended: set[int]
) -> None:
    conn = sqlite3.connect(db)
    try:
        ticks = dict(conn.execute("SELECT id, state FROM ticks").fetchall())
        found = {row[0] for row in conn.execute("SELECT id FROM interactions")}
        closed = {
            row[0]
            for row in conn.execute("SELECT id FROM shifts WHERE ended_at IS NOT NULL")
        }
        open_shifts = conn.execute(
            "SELECT count(*) FROM shifts WHERE ended_at IS NULL"
        ).fetchone()[0]
        partial = conn.execute(
            "SELECT i.id, count(t.id) FROM interactions AS i"
            " LEFT JOIN ticks AS t ON t.interaction_id = i.id"
            " GROUP BY i.id HAVING count(t.id) <> 3"
        ).fetchall()
    finally:
        conn.close()

    lost = {tick: state for tick, state in reported.items() if ticks.get(tick) != state}
    assert not lost, f"reported as saved but missing or changed: {lost} (seed {SEED})"
    assert not partial, "an interaction was saved without all its ticks"
    assert interactions <= found
    assert ended <= closed
    assert open_shifts <= 1


@pytest.mark.stress
def test_an_import_killed_halfway_adds_all_or_nothing(tmp_path: Path):
    """``cs-daily import`` adds a backup in one transaction: a kill inside it
    leaves the history with every shift of the backup or with none of them."""
    backup = tmp_path / "backup.json"
    backup.write_bytes(_backup_of(tmp_path / "source.sqlite3", shifts=150))
    db = tmp_path / "history.sqlite3"
    write_shifts(db, datetime(2025, 6, 2, 8, tzinfo=JAKARTA), days=3)
    length = _transaction_length(backup, tmp_path / "timing.sqlite3")

    rng = random.Random(SEED)
    for _ in range(8):
        child = run_child("importer.py", str(backup), str(db))
        assert child.stdout is not None and child.stdout.readline() == "begun\n"
        time.sleep(rng.uniform(0.0, length * 0.9))
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=30)

        found = len(shift_starts(db))
        assert found in (3, 153), f"a partial import: {found} shifts (seed {SEED})"
        assert integrity(db) == "ok"

    assert counts_match_rebuild(db)


def _transaction_length(backup: Path, scratch: Path) -> float:
    """Seconds from the import's ``begun`` to its end, in an uninterrupted run."""
    child = run_child("importer.py", str(backup), str(scratch))
    assert child.stdout is not None and child.stdout.readline() == "begun\n"
    began = time.monotonic()
    out, err = child.communicate(timeout=60)
    assert out.splitlines()[-1] == "imported", err
    return time.monotonic() - began


def _backup_of(db: Path, shifts: int) -> bytes:
    """A full JSON backup of ``shifts`` daily shifts."""
    start = datetime(2026, 1, 5, 8, tzinfo=JAKARTA)
    with Store.open(db) as store, store.bulk():
        for n in range(shifts):
            write_shift(store, CHECKLIST, start + timedelta(days=n), interactions=5)
    with Store.open(db, readonly=True) as store:
        return render_backup(store)
