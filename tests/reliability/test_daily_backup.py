"""The daily backup and the backup and restore commands.

Copies are made with SQLite's backup API: they must hold every committed
change, including the ones still in the ``-wal`` file, while the app keeps
the database open. Restoring keeps a safety copy and refuses what would
lose history unless told otherwise.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import time
from datetime import date, datetime
from pathlib import Path

import pytest

from cs_daily.cli.main import main
from cs_daily.clock import FrozenClock
from cs_daily.errors import StoreError, UsageError
from cs_daily.store import Store
from cs_daily.store.backup import (
    backup_database,
    daily_backup,
    daily_name,
    inspect_database,
)
from cs_daily.store.restore import restore_database
from cs_daily.tui.daily_copy import DailyCopy
from tests.reliability.disks import read_only
from tests.reliability.helpers import (
    Home,
    counts_match_rebuild,
    fingerprint,
    integrity,
    run_child,
)
from tests.reliability.history import CHECKLIST, JAKARTA, shift_starts, write_shift

FIRST = datetime(2026, 11, 2, 8, tzinfo=JAKARTA)


@pytest.fixture
def history(home: Home) -> Path:
    with Store.open(home.database) as store:
        for day in range(3):
            write_shift(store, CHECKLIST, FIRST.replace(day=2 + day))
    return home.database


def test_a_backup_holds_changes_still_in_the_wal_while_the_app_is_open(
    history: Path, tmp_path: Path
):
    with Store.open(history) as store:
        write_shift(store, CHECKLIST, FIRST.replace(day=9))
        assert Path(f"{history}-wal").stat().st_size > 0

        copy = backup_database(history, tmp_path / "copy.sqlite3")

        assert shift_starts(copy) == shift_starts(history)
    assert integrity(copy) == "ok"
    assert sorted(p.name for p in copy.parent.iterdir() if "copy" in p.name) == [
        "copy.sqlite3"
    ], "a backup is one self-contained file"


def test_the_daily_backup_is_made_once_per_calendar_day(history: Path, home: Home):
    first = daily_backup(history, home.backups, date(2026, 11, 5))
    again = daily_backup(history, home.backups, date(2026, 11, 5))
    next_day = daily_backup(history, home.backups, date(2026, 11, 6))

    assert first == home.backups / daily_name(date(2026, 11, 5))
    assert again is None
    assert next_day == home.backups / daily_name(date(2026, 11, 6))
    assert inspect_database(first).shifts == 3


def test_old_daily_backups_are_pruned_and_other_files_kept(history: Path, home: Home):
    home.backups.mkdir(parents=True)
    keep = home.backups / "history-manual-2026-01-01-120000.sqlite3"
    keep.write_bytes(b"the agent's own copy")
    for day in range(1, 31):
        daily_backup(history, home.backups, date(2026, 10, day), keep_days=7)

    names = sorted(p.name for p in home.backups.iterdir())
    expected = [daily_name(date(2026, 10, day)) for day in range(24, 31)]
    assert names == sorted([*expected, keep.name])


def test_a_backup_dated_after_today_survives_a_clock_set_back(
    history: Path, home: Home
):
    daily_backup(history, home.backups, date(2027, 1, 1))
    daily_backup(history, home.backups, date(2026, 11, 5), keep_days=2)

    assert (home.backups / daily_name(date(2027, 1, 1))).exists()


def test_no_history_means_no_daily_backup(home: Home):
    assert daily_backup(home.database, home.backups, date(2026, 11, 5)) is None
    assert home.files() == []


def test_restore_puts_the_backup_back_and_keeps_a_safety_copy(
    history: Path, home: Home, tmp_path: Path
):
    copy = backup_database(history, tmp_path / "copy.sqlite3")
    before = shift_starts(history)
    _damage_history_by_deleting_a_shift(history)

    safety = restore_database(copy, history, home.backups, "stamp")

    assert shift_starts(history) == before
    assert safety is not None and len(shift_starts(safety)) == len(before) - 1
    assert integrity(history) == "ok"
    with Store.open(history) as store:
        write_shift(store, CHECKLIST, FIRST.replace(day=20))
    assert len(shift_starts(history)) == len(before) + 1


def _damage_history_by_deleting_a_shift(db: Path) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    newest = conn.execute("SELECT max(id) FROM shifts").fetchone()[0]
    conn.execute("DELETE FROM ticks WHERE shift_id = ?", (newest,))
    conn.execute("DELETE FROM interactions WHERE shift_id = ?", (newest,))
    conn.execute("DELETE FROM shifts WHERE id = ?", (newest,))
    conn.close()


def test_restore_refuses_to_drop_newer_shifts_without_force(
    history: Path, home: Home, tmp_path: Path
):
    copy = backup_database(history, tmp_path / "copy.sqlite3")
    with Store.open(history) as store:
        write_shift(store, CHECKLIST, FIRST.replace(day=20))
    before = history.read_bytes()

    with pytest.raises(UsageError, match="1 shift the backup"):
        restore_database(copy, history, home.backups, "stamp")
    assert history.read_bytes() == before
    assert not home.backups.exists(), "no safety copy for a refused restore"

    safety = restore_database(copy, history, home.backups, "stamp", force=True)
    assert safety is not None
    assert len(shift_starts(safety)) == len(shift_starts(history)) + 1


def test_restore_refuses_while_another_cs_daily_has_the_history_open(
    history: Path, home: Home, tmp_path: Path
):
    copy = backup_database(history, tmp_path / "copy.sqlite3")

    with Store.open(history) as running:
        with pytest.raises(StoreError, match="in use by another cs-daily"):
            restore_database(copy, history, home.backups, "stamp")
        assert len(running.latest_shifts(10)) == 3


@pytest.mark.parametrize(
    "content",
    [b"", b"not a database at all", b"SQLite format 3\x00" + b"\x00" * 100],
    ids=["empty", "garbage", "truncated"],
)
def test_restore_refuses_a_file_that_is_not_a_history(
    history: Path, home: Home, tmp_path: Path, content: bytes
):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)
    before = fingerprint(history)

    with pytest.raises(UsageError, match="not a usable cs-daily history"):
        restore_database(bad, history, home.backups, "stamp", force=True)

    assert fingerprint(history) == before
    assert bad.read_bytes() == content


def test_restore_refuses_a_database_of_an_unknown_schema(
    history: Path, home: Home, tmp_path: Path
):
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.close()
    newer = backup_database(history, tmp_path / "newer.sqlite3")
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 99")
    conn.close()

    with pytest.raises(UsageError, match="schema version 0"):
        restore_database(other, history, home.backups, "stamp")
    with pytest.raises(UsageError, match="schema version 99"):
        restore_database(newer, history, home.backups, "stamp")


def test_force_sets_an_unreadable_history_aside(
    history: Path, home: Home, tmp_path: Path
):
    copy = backup_database(history, tmp_path / "copy.sqlite3")
    history.write_bytes(b"garbage" * 1000)

    with pytest.raises(UsageError, match="--force"):
        restore_database(copy, history, home.backups, "stamp")
    safety = restore_database(copy, history, home.backups, "stamp", force=True)

    assert safety is not None and safety.read_bytes() == b"garbage" * 1000
    assert shift_starts(history) == shift_starts(copy)


def test_backup_and_restore_commands(history: Path, home: Home, capsys, tmp_path):
    target = tmp_path / "mine.sqlite3"
    assert main(["backup", "--to", str(target)]) == 0
    assert capsys.readouterr().out.strip() == str(target)
    _damage_history_by_deleting_a_shift(history)

    assert main(["restore", str(target)]) == 0

    out = capsys.readouterr().out
    assert "Restored" in out and "kept as" in out
    assert len(shift_starts(history)) == 3


def test_backup_command_without_to_writes_into_the_backup_folder(
    history: Path, home: Home, capsys
):
    from cs_daily.cli import backup_cmd
    from cs_daily.cli.main import build_parser

    args = build_parser().parse_args(["backup"])
    clock = FrozenClock(datetime(2026, 11, 5, 9, 30, tzinfo=JAKARTA))

    assert backup_cmd.run(args, clock) == 0

    made = home.backups / "history-manual-2026-11-05-093000.sqlite3"
    assert capsys.readouterr().out.strip() == str(made)
    assert inspect_database(made).shifts == 3


def test_commands_report_problems_on_stderr_with_exit_2(home: Home, capsys, tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"nope")

    assert main(["backup"]) == 2
    assert main(["restore", str(bad)]) == 2
    assert main(["restore", str(tmp_path / "missing.sqlite3")]) == 2

    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("cs-daily: ") == 3
    assert home.files() == []


def test_copies_taken_while_another_process_writes_are_each_consistent(
    home: Home, tmp_path: Path
):
    writer = run_child("ticker.py", str(home.database))
    assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
    try:
        copies = [
            backup_database(home.database, tmp_path / f"copy-{n}.sqlite3")
            for n in range(5)
        ]
    finally:
        writer.kill()
        writer.communicate(timeout=10)

    sizes = []
    for copy in copies:
        assert integrity(copy) == "ok"
        assert counts_match_rebuild(copy)
        sizes.append(inspect_database(copy).shifts)
    assert sizes == sorted(sizes) and sizes[-1] >= 1


def test_a_history_in_a_read_only_folder_can_still_be_copied(
    history: Path, tmp_path: Path
):
    before = history.read_bytes()
    with read_only(history.parent):
        copy = backup_database(history, tmp_path / "rescued.sqlite3")

    assert history.read_bytes() == before
    assert shift_starts(copy) == shift_starts(history)


def test_a_backup_copy_restores_from_a_read_only_folder(
    history: Path, home: Home, tmp_path: Path
):
    stick = tmp_path / "stick"
    stick.mkdir()
    copy = backup_database(history, stick / "copy.sqlite3")
    _damage_history_by_deleting_a_shift(history)

    with read_only(stick):
        restore_database(copy, history, home.backups, "stamp")

    assert shift_starts(history) == shift_starts(copy)


def _launch_copy() -> DailyCopy:
    """The day's copy as the launcher describes it to the app."""
    from cs_daily.cli.common import load_context
    from cs_daily.cli.main import build_parser

    paths = load_context(build_parser().parse_args([])).paths
    return DailyCopy(paths.database, paths.backup_dir)


def test_the_days_copy_is_made_once(history: Path, home: Home):
    clock = FrozenClock(datetime(2026, 11, 5, 7, 55, tzinfo=JAKARTA))
    assert _launch_copy().take(clock.now().date()) is None
    clock.advance(hours=8)
    assert _launch_copy().take(clock.now().date()) is None

    assert [p.name for p in home.backups.iterdir()] == [daily_name(date(2026, 11, 5))]


def test_a_backup_folder_that_cannot_be_made_only_warns(history: Path, home: Home):
    home.backups.write_bytes(b"a file where the backup folder should be")

    problem = _launch_copy().take(date(2026, 11, 5))

    assert isinstance(problem, StoreError) and str(home.backups) in str(problem)


def test_a_read_only_backup_folder_only_warns(history: Path, home: Home):
    home.backups.mkdir()
    with read_only(home.backups):
        problem = _launch_copy().take(date(2026, 11, 5))

    assert isinstance(problem, StoreError) and str(home.backups) in str(problem)
    assert list(home.backups.iterdir()) == []


def test_a_damaged_history_is_found_with_what_to_do(history: Path, home: Home):
    conn = sqlite3.connect(history)
    (page,) = conn.execute(
        "SELECT rootpage FROM sqlite_schema WHERE name = 'ticks'"
    ).fetchone()
    conn.close()
    data = bytearray(history.read_bytes())
    data[(page - 1) * 4096 : page * 4096] = b"\xff" * 4096
    history.write_bytes(bytes(data))

    problem = _launch_copy().take(date(2026, 11, 5))

    assert isinstance(problem, UsageError) and "is damaged" in str(problem)
    assert "cs-daily restore" in str(problem)
    assert history.read_bytes() == bytes(data)
    assert not home.backups.exists() or list(home.backups.iterdir()) == []


@pytest.mark.stress
def test_a_restore_killed_halfway_leaves_the_old_history_or_the_new(
    tmp_path: Path, home: Home
):
    from cs_daily.checklist import load_bundled_checklist
    from cs_daily.demo import generate_history

    copy = tmp_path / "copy.sqlite3"
    with Store.open(copy) as store:
        generate_history(
            store,
            load_bundled_checklist("en"),
            weeks=26,
            seed=1,
            end=date(2026, 11, 30),
        )
    old = tmp_path / "old.sqlite3"
    with Store.open(old) as store:
        write_shift(store, CHECKLIST, FIRST)
    new_starts, old_starts = shift_starts(copy), shift_starts(old)

    length = _restore_length(copy, old, tmp_path / "timing")
    rng = random.Random(20261203)
    outcomes = []
    for _ in range(12):
        _reset(home.database, old)
        child = run_child("restorer.py", str(copy), str(home.database), str(tmp_path))
        assert child.stdout is not None and child.stdout.readline() == "start\n"
        time.sleep(rng.uniform(0.0, length * 0.9))
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=30)

        # Read-only first, as `cs-daily stats` would: it must finish the
        # recovery of a restore cut short, not call the folder read-only.
        with Store.open(home.database, readonly=True) as store:
            found = [s.started_at for s in store.latest_shifts(100_000)][::-1]
        assert found in (old_starts, new_starts), "a mixed history after a kill"
        assert integrity(home.database) == "ok"
        outcomes.append(found == new_starts)

    assert False in outcomes, "no kill landed before the restore finished"


def _restore_length(copy: Path, old: Path, scratch: Path) -> float:
    """Seconds an uninterrupted restore takes, from ``start`` to its end."""
    db = scratch / "history.sqlite3"
    _reset(db, old)
    child = run_child("restorer.py", str(copy), str(db), str(scratch))
    assert child.stdout is not None and child.stdout.readline() == "start\n"
    began = time.monotonic()
    out, err = child.communicate(timeout=60)
    assert out.strip() == "restored", err
    return time.monotonic() - began


def _reset(db: Path, content: Path) -> None:
    """Put ``content`` back as the history, with no lock or journal file left."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(content.read_bytes())


def test_two_restores_in_the_same_second_keep_both_safety_copies(
    history: Path, home: Home, tmp_path: Path
):
    copy = backup_database(history, tmp_path / "copy.sqlite3")
    _damage_history_by_deleting_a_shift(history)

    first = restore_database(copy, history, home.backups, "same")
    second = restore_database(copy, history, home.backups, "same")

    assert first is not None and second is not None and first != second
    assert len(shift_starts(first)) == 2
    assert len(shift_starts(second)) == 3


def test_a_second_database_gets_copies_of_its_own_name(tmp_path: Path):
    """A demo opened with --db never takes the place of the agent's own copy."""
    today = date(2026, 12, 3)
    backups = tmp_path / "backups"
    for name in ("history", "demo"):
        Store.open(tmp_path / f"{name}.sqlite3").close()

    daily_backup(tmp_path / "demo.sqlite3", backups, today)
    own = daily_backup(tmp_path / "history.sqlite3", backups, today)

    assert own == backups / daily_name(today)
    assert sorted(p.name for p in backups.iterdir()) == [
        "demo-2026-12-03.sqlite3",
        "history-2026-12-03.sqlite3",
    ]
