"""Two writers and a reader on one history at the same time.

The agent may run the shift companion in two terminals, or export a summary
while logging. SQLite serialises the writers; the Store's busy timeout must
absorb every wait, so no "database is locked" ever reaches the agent and no
tick is lost.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from cs_daily.model import TickState
from cs_daily.store import Store
from tests.reliability.helpers import (
    Home,
    counts_match_rebuild,
    integrity,
    run_child,
)
from tests.reliability.history import CHECKLIST, JAKARTA, shift_starts

PER_WRITER = 150


@pytest.fixture
def shift_open(home: Home) -> Path:
    from datetime import datetime

    with Store.open(home.database) as store:
        store.start_shift(CHECKLIST, datetime(2026, 3, 2, 8, tzinfo=JAKARTA))
    return home.database


@pytest.mark.stress
def test_two_writer_processes_and_a_reader_lose_nothing(shift_open: Path):
    db = str(shift_open)
    reader = run_child("reader.py", db, "4")
    writers = [run_child("writer.py", db, name, str(PER_WRITER)) for name in "ab"]

    saved: dict[int, list[int]] = {}
    for child in writers:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        assert "locked" not in err
        for line in out.splitlines():
            _name, interaction, *ticks = line.split()
            saved[int(interaction)] = [int(t) for t in ticks]
    out, err = reader.communicate(timeout=120)

    assert reader.returncode == 0, err
    assert int(out) > 0
    assert len(saved) == 2 * PER_WRITER
    _assert_all_there(shift_open, saved)


def _assert_all_there(db: Path, saved: dict[int, list[int]]) -> None:
    conn = sqlite3.connect(db)
    try:
        interactions = {r[0] for r in conn.execute("SELECT id FROM interactions")}
        ticks = {r[0] for r in conn.execute("SELECT id FROM ticks")}
        seqs = [r[0] for r in conn.execute("SELECT seq FROM interactions ORDER BY seq")]
    finally:
        conn.close()
    assert set(saved) <= interactions
    assert {t for found in saved.values() for t in found} <= ticks
    assert seqs == list(range(1, len(seqs) + 1)), "numbers stay unique and gapless"
    assert integrity(db) == "ok"
    assert counts_match_rebuild(db)


def test_two_stores_in_one_process_see_each_others_writes(shift_open: Path):
    with Store.open(shift_open) as first, Store.open(shift_open) as second:
        shift = first.open_shift()
        assert shift is not None and second.open_shift() == shift
        at = shift.started_at
        ticks = {"respond": TickState.DONE}
        for n in range(20):
            writer = first if n % 2 else second
            writer.add_interaction(shift.id, "phone", at, ticks)

        for store in (first, second):
            assert len(store.interactions(shift.id)) == 20
            (day,) = store.day_counts()
            assert day.items["respond"].done == 20
            assert day.interactions_by_channel == {"phone": 20}


def test_a_reader_opened_during_a_write_transaction_waits_and_reads(
    shift_open: Path,
):
    with Store.open(shift_open) as writer:
        shift = writer.open_shift()
        assert shift is not None
        with writer.bulk():
            writer.add_interaction(shift.id, "email", shift.started_at, {})
            with Store.open(shift_open, readonly=True) as reader:
                assert reader.interactions(shift.id) == []
        with Store.open(shift_open, readonly=True) as reader:
            assert len(reader.interactions(shift.id)) == 1


@pytest.mark.stress
def test_two_copies_of_the_app_log_into_one_shift_side_by_side(shift_open: Path):
    """Two terminals running cs-daily: every keystroke-logged contact is kept."""
    per_app = 8
    apps = [run_child("app_driver.py", str(shift_open), str(per_app)) for _ in "ab"]

    for child in apps:
        out, err = child.communicate(timeout=180)
        assert child.returncode == 0, err
        shown = json.loads(out)
        assert not [n for n in shown if "locked" in n or "Could not" in n], shown

    with Store.open(shift_open, readonly=True) as store:
        shift = store.open_shift()
        assert shift is not None
        assert len(store.interactions(shift.id)) == 2 * per_app
    assert integrity(shift_open) == "ok"
    assert counts_match_rebuild(shift_open)


@pytest.mark.stress
def test_a_tick_waits_out_a_long_import_instead_of_failing(shift_open: Path):
    """Importing two years of history holds the write lock for about ten
    seconds; a tick logged meanwhile must wait and be saved, not be refused
    with "database is locked"."""
    holder = run_child("hold_lock.py", str(shift_open), "8")
    assert holder.stdout is not None and holder.stdout.readline() == "holding\n"

    with Store.open(shift_open) as store:
        shift = store.open_shift()
        assert shift is not None
        store.add_interaction(
            shift.id, "phone", shift.started_at, {"respond": TickState.DONE}
        )
        assert len(store.interactions(shift.id)) == 1

    _out, err = holder.communicate(timeout=60)
    assert holder.returncode == 0, err
    assert len(shift_starts(shift_open)) == 2
