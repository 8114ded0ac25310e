"""Every schema version the project has had upgrades to the current one intact.

``tests/fixtures/schemas/v<N>.sqlite3`` holds a history written at version N
(``v0`` is the empty file of a first start). Opening a copy with today's
Store must migrate it with every row kept. A migration killed halfway must
leave the file at its old version, so the next start simply tries again.
"""

from __future__ import annotations

import json
import re
import shutil
import signal
import sqlite3
from pathlib import Path

import pytest

from cs_daily.model import Checklist
from cs_daily.store import Store, schema
from tests.reliability.helpers import counts_match_rebuild, integrity, run_child

Table = tuple[tuple[str, ...], list[tuple[object, ...]]]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "schemas"
VERSIONS = sorted(
    int(m.group(1))
    for p in FIXTURES.glob("v*.sqlite3")
    if (m := re.fullmatch(r"v(\d+)\.sqlite3", p.name))
)


def test_there_is_a_fixture_for_every_schema_version():
    assert list(range(schema.current_version() + 1)) == VERSIONS, (
        "add the new version's fixture: python tests/fixtures/schemas/make.py"
    )


def _rows(db: Path, like: dict[str, Table] | None = None) -> dict[str, Table]:
    """Every row of every table, in a stable order, with the column names.

    With ``like``, only those tables and columns are read: what an older
    version had, looked up in the upgraded file.
    """
    conn = sqlite3.connect(db)
    try:
        names = like or {
            row[0]: ((), [])
            for row in conn.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'table'"
            )
        }
        found = {}
        for table, (columns, _rows_before) in sorted(names.items()):
            wanted = ", ".join(columns) if columns else "*"
            cursor = conn.execute(f"SELECT {wanted} FROM {table} ORDER BY 1, 2")
            found[table] = (
                tuple(d[0] for d in cursor.description),
                cursor.fetchall(),
            )
        return found
    finally:
        conn.close()


def _version(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture(params=VERSIONS, ids=lambda v: f"v{v}")
def old_copy(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    copy = tmp_path / "history.sqlite3"
    shutil.copyfile(FIXTURES / f"v{request.param}.sqlite3", copy)
    return copy


def test_each_fixture_upgrades_with_nothing_lost(old_copy: Path):
    version = _version(old_copy)
    before = _rows(old_copy) if old_copy.stat().st_size else {}

    with Store.open(old_copy) as store:
        assert store.schema_version == schema.current_version()
        days = store.day_counts()

    after = _rows(old_copy, like=before)
    for table, (_columns, rows) in before.items():
        assert after[table][1] == rows, (
            f"{table} changed in the upgrade from v{version}"
        )
    assert integrity(old_copy) == "ok"
    assert counts_match_rebuild(old_copy)
    if version:
        assert days, "the upgraded history still has its counted days"


def test_the_current_fixture_reads_back_as_written(tmp_path: Path):
    copy = tmp_path / "history.sqlite3"
    shutil.copyfile(FIXTURES / f"v{schema.current_version()}.sqlite3", copy)

    with Store.open(copy, readonly=True) as store:
        shifts = store.latest_shifts(100)
        assert len(shifts) == 4
        assert sum(1 for s in shifts if s.is_open) == 1
        assert {s.zone for s in shifts} == {"Asia/Jakarta", "Europe/Amsterdam"}
        for shift in shifts:
            assert store.shift_checklist(shift.id).id == shift.checklist_id


@pytest.mark.parametrize("version", [v for v in VERSIONS if v >= 1])
def test_every_stored_checklist_still_hashes_to_its_stored_digest(version: int):
    """Logged shifts name their checklist by digest, so it may never drift.

    Each fixture's snapshots were written by the code of their day; the
    checklist read back from one must give the same digest today.
    """
    fixture = FIXTURES / f"v{version}.sqlite3"
    conn = sqlite3.connect(f"file:{fixture}?mode=ro&immutable=1", uri=True)
    try:
        stored = conn.execute("SELECT hash, body FROM checklist_snapshots").fetchall()
    finally:
        conn.close()

    assert stored
    for digest, body in stored:
        assert Checklist.from_dict(json.loads(body)).content_hash() == digest


def _kill_while_migrating(db: Path, which: str) -> None:
    child = run_child("migrate.py", str(db), which)
    assert child.stdout is not None
    line = child.stdout.readline()
    assert line == "migrating\n", line + (child.stderr.read() if child.stderr else "")
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=10)


@pytest.mark.stress
@pytest.mark.parametrize("version", VERSIONS[1:], ids=lambda v: f"to-v{v}")
def test_each_real_migration_killed_before_commit_leaves_the_old_version(
    tmp_path: Path, version: int
):
    """The migration has done all its work, uncommitted, when it is killed."""
    db = tmp_path / "history.sqlite3"
    shutil.copyfile(FIXTURES / f"v{version - 1}.sqlite3", db)
    before = _rows(db) if db.stat().st_size else {}

    _kill_while_migrating(db, str(version))

    assert _version(db) == version - 1
    assert _rows(db, like=before or None) == before, "the old rows changed"
    assert integrity(db) == "ok"
    with Store.open(db) as store:
        assert store.schema_version == schema.current_version()


@pytest.mark.stress
def test_a_next_migration_killed_halfway_leaves_the_old_version_whole(
    tmp_path: Path,
):
    db = tmp_path / "history.sqlite3"
    shutil.copyfile(FIXTURES / f"v{schema.current_version()}.sqlite3", db)
    before = _rows(db)

    _kill_while_migrating(db, "next")

    assert _version(db) == schema.current_version()
    assert _rows(db) == before
    assert integrity(db) == "ok"
    with Store.open(db) as store:
        assert len(store.latest_shifts(100)) == 4
