"""Opening refuses what it cannot use and leaves such files exactly as found."""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from cs_daily.errors import StoreError
from cs_daily.history import read_history
from cs_daily.model import Checklist
from cs_daily.store import Store, schema
from tests.store.conftest import local

FIXTURES = Path(__file__).parents[1] / "fixtures" / "schemas"


def _fingerprint(path: Path) -> tuple[bytes, int, list[str]]:
    """Contents, modification time and the files beside it."""
    return path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(path.parent))


def test_a_new_file_is_migrated_to_the_current_version(db_path: Path):
    with Store.open(db_path) as store:
        assert store.schema_version == schema.current_version()
        assert store.path == db_path

    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_schema")}
    conn.close()
    assert {"shifts", "interactions", "ticks", "day_item_counts"} <= tables


def test_an_empty_existing_file_is_migrated(tmp_path: Path):
    path = tmp_path / "empty.sqlite3"
    path.touch()

    with Store.open(path) as store:
        assert store.schema_version == schema.current_version()


def test_connection_settings_favour_durability(store: Store):
    conn = store._conn
    assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
    assert conn.execute("PRAGMA busy_timeout").fetchone() == (5000,)
    assert conn.execute("PRAGMA synchronous").fetchone() == (2,)  # FULL


def test_a_file_from_a_newer_version_is_refused_untouched(db_path: Path):
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {schema.current_version() + 5}")
    conn.close()
    before = _fingerprint(db_path)

    with pytest.raises(StoreError, match="newer version of cs-daily") as caught:
        Store.open(db_path)

    assert f"schema {schema.current_version() + 5}" in str(caught.value)
    assert "nothing was changed" in str(caught.value)
    assert _fingerprint(db_path) == before


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path):
    path = tmp_path / "notes.txt"
    path.write_text("shift notes, not a database\n" * 10)
    before = _fingerprint(path)

    with pytest.raises(StoreError, match="not a cs-daily history database"):
        Store.open(path)
    with pytest.raises(StoreError, match="not a cs-daily history database"):
        Store.open(path, readonly=True)

    assert _fingerprint(path) == before


def test_a_corrupt_database_is_refused_with_a_clear_message(tmp_path: Path):
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    before = _fingerprint(path)

    with pytest.raises(StoreError, match="Cannot use the history database"):
        Store.open(path)

    assert _fingerprint(path)[:2] == before[:2]


def test_a_directory_in_place_of_the_file_is_refused(tmp_path: Path):
    with pytest.raises(StoreError, match="is not a file"):
        Store.open(tmp_path)


def test_a_folder_blocked_by_a_file_is_refused(tmp_path: Path):
    blocker = tmp_path / "data"
    blocker.write_text("in the way")

    with pytest.raises(StoreError, match="Cannot create the folder"):
        Store.open(blocker / "history.sqlite3")


def test_readonly_open_of_a_missing_file_creates_nothing(tmp_path: Path):
    path = tmp_path / "missing" / "history.sqlite3"

    with pytest.raises(StoreError, match="There is no history database"):
        Store.open(path, readonly=True)

    assert not path.parent.exists()
    assert list(tmp_path.iterdir()) == []


def test_readonly_store_reads_but_refuses_writes(db_path: Path, checklist: Checklist):
    with Store.open(db_path) as store:
        shift = store.start_shift(checklist, local(2, 8))

    with Store.open(db_path, readonly=True) as store:
        assert store.open_shift() == shift
        assert len(store.day_counts()) == 1
        with pytest.raises(StoreError, match="read-only"):
            store.end_shift(shift.id, local(2, 17))


def test_readonly_open_of_an_older_schema_says_so(tmp_path: Path):
    path = tmp_path / "old.sqlite3"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()

    with pytest.raises(StoreError, match="older schema"):
        Store.open(path, readonly=True)


def test_readonly_open_of_the_previous_schema_reads_it_untouched(tmp_path: Path):
    path = tmp_path / "v2.sqlite3"
    shutil.copyfile(FIXTURES / "v2.sqlite3", path)
    before = path.read_bytes()

    with Store.open(path, readonly=True) as store:
        assert store.schema_version == schema.OLDEST_READABLE
        assert store.streak_checkpoint().before is None
        days = read_history(store, date(2026, 12, 31)).days

    assert days
    assert path.read_bytes() == before


def test_a_failing_migration_leaves_the_old_version(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
):
    Store.open(db_path).close()
    version = schema.current_version()

    def half_done(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        conn.execute("INSERT INTO half_done VALUES (1)")
        raise RuntimeError("power cut halfway")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, half_done])

    with pytest.raises(RuntimeError, match="power cut"):
        Store.open(db_path)

    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone() == (version,)
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_schema")}
    conn.close()
    assert "half_done" not in names


def test_a_later_migration_runs_on_an_existing_file(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
):
    Store.open(db_path).close()
    monkeypatch.setattr(
        schema, "MIGRATIONS", [*schema.MIGRATIONS, "CREATE TABLE extra (x);"]
    )

    with Store.open(db_path) as store:
        assert store.schema_version == len(schema.MIGRATIONS)
        assert store._conn.execute("SELECT count(*) FROM extra").fetchone() == (0,)


def test_damage_after_opening_reaches_the_agent_as_a_store_error(store: Store):
    raw = sqlite3.connect(store.path)
    raw.execute("DROP TABLE day_channel_counts")
    raw.close()

    with pytest.raises(StoreError, match="Cannot use the history database"):
        store.day_counts()


@pytest.mark.parametrize("readonly", [False, True])
def test_a_damaged_shifts_table_is_refused_at_open_untouched(
    db_path: Path, checklist: Checklist, readonly: bool
):
    with Store.open(db_path) as store:
        store.start_shift(checklist, local(2, 8))
    conn = sqlite3.connect(db_path)
    (root,) = conn.execute(
        "SELECT rootpage FROM sqlite_schema WHERE name = 'shifts'"
    ).fetchone()
    (page_size,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    data = bytearray(db_path.read_bytes())
    data[(root - 1) * page_size : root * page_size] = b"\xa5" * page_size
    db_path.write_bytes(bytes(data))
    before = _fingerprint(db_path)

    with pytest.raises(StoreError, match="the file is damaged") as caught:
        Store.open(db_path, readonly=readonly)

    assert str(db_path) in str(caught.value)
    assert _fingerprint(db_path)[:2] == before[:2]


def test_a_check_before_writing_runs_once_and_a_refusal_stands(
    store: Store, checklist: Checklist
):
    asked: list[str] = []

    def refuse() -> None:
        asked.append("refused")
        raise StoreError("damaged")

    store.check_before_writing(refuse)
    for _ in range(2):
        with pytest.raises(StoreError, match="damaged"):
            store.start_shift(checklist, local(3, 8))
    assert asked == ["refused", "refused"]
    assert store.open_shift() is None

    store.check_before_writing(lambda: asked.append("passed"))
    shift = store.start_shift(checklist, local(3, 8))
    store.end_shift(shift.id, local(3, 16))
    assert asked[2:] == ["passed"]
