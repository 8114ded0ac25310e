"""The day's copy of the history, taken by the app in a thread after Today.

The agent sees Today first; the copy and its check of the history follow
beside the app. A copy that cannot be written is told and the agent keeps
working. A damaged history found by the check stops the app; the whole
story, through the real launcher, is in
``tests/reliability/test_hostile_disk.py``.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from cs_daily.checklist import load_bundled_checklist
from cs_daily.clock import FrozenClock
from cs_daily.model import TickState
from cs_daily.settings import Settings
from cs_daily.store import Store, backup
from cs_daily.store.backup import daily_name, inspect_database
from cs_daily.tui.app import CsDailyApp, build_app
from cs_daily.tui.daily_copy import DailyCopy
from cs_daily.tui.screens.start_shift import StartShiftScreen
from cs_daily.tui.screens.stopped import StoppedScreen
from cs_daily.tui.screens.today import TodayScreen
from cs_daily.tui.screens.too_small import TooSmallScreen
from tests.reliability.disks import read_only
from tests.reliability.history import write_shifts
from tests.tui.conftest import SIZE, at
from tests.tui.helpers import copy_taken, notices, text_of

PAGE = 4096


def _with_copy(store: Store, clock: FrozenClock, backups: Path) -> CsDailyApp:
    """The app as the launcher builds it: with the day's copy to take."""
    checklist = load_bundled_checklist("id")
    copy = DailyCopy(store.path, backups)
    return build_app(checklist, store, clock, Settings(), copy)


async def test_the_copy_is_made_once_the_app_is_up(
    store: Store, clock: FrozenClock, tmp_path: Path
) -> None:
    backups = tmp_path / "backups"
    app = _with_copy(store, clock, backups)
    assert not backups.exists(), "building the app copies nothing"

    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await copy_taken(pilot)

        assert isinstance(app.screen, TodayScreen)
        assert notices(app) == []
    made = backups / daily_name(clock.now().date())
    assert [p.name for p in backups.iterdir()] == [made.name]
    assert inspect_database(made).version == store.schema_version


async def test_the_apps_the_tests_build_take_no_copy(make_app, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.daily_copy_worker is None
    assert not (tmp_path / "backups").exists()


async def test_a_read_only_backup_folder_is_told_and_ticks_still_work(
    store: Store, clock: FrozenClock, tmp_path: Path
) -> None:
    backups = tmp_path / "backups"
    backups.mkdir()
    app = _with_copy(store, clock, backups)

    with read_only(backups):
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await copy_taken(pilot)
            [told] = notices(app)
            assert str(backups) in told and "Could not write the copy" in told
            assert app.stopped_by is None

            await pilot.press("n", "1", "2")
            await pilot.pause()

            assert isinstance(app.screen, StartShiftScreen)
            shift = store.open_shift()
            assert shift is not None
            ticks = {k: t.state for k, t in store.shift_ticks(shift.id).items()}
            assert ticks == {"prep": TickState.DONE, "sop": TickState.DONE}
    assert list(backups.iterdir()) == []


def _damaged_ticks(db: Path) -> bytes:
    """A history whose ticks table is damaged: it opens, Today draws from the
    day counts, and only the check of the whole file finds it."""
    write_shifts(db, at(1, 8), days=2, interactions=6)
    conn = sqlite3.connect(db)
    (page,) = conn.execute(
        "SELECT rootpage FROM sqlite_schema WHERE name = 'ticks'"
    ).fetchone()
    conn.close()
    data = bytearray(db.read_bytes())
    data[(page - 1) * PAGE : page * PAGE] = b"\xff" * PAGE
    db.write_bytes(bytes(data))
    return bytes(data)


async def test_damage_found_under_the_too_small_warning_shows_once_it_grows(
    db_path: Path, clock: FrozenClock, tmp_path: Path
) -> None:
    content = _damaged_ticks(db_path)
    with Store.open(db_path) as store:
        app = _with_copy(store, clock, tmp_path / "backups")
        async with app.run_test(size=(40, 12)) as pilot:
            await copy_taken(pilot)
            assert isinstance(app.screen, TooSmallScreen)
            assert app.stopped_by is not None

            await pilot.resize_terminal(80, 24)
            await pilot.pause()
            assert isinstance(app.screen, StoppedScreen)
            assert str(db_path) in text_of(app, "#stopped-problem")

            await pilot.press("n", "1", "u")
            await pilot.pause()
            assert isinstance(app.screen, StoppedScreen)
            assert store.open_shift() is None
    assert db_path.read_bytes() == content


def _slow_check(monkeypatch, seconds: float) -> None:
    """The day's check of the history takes ``seconds`` longer than it would."""
    inspect = backup.inspect_database

    def slow_inspect(path: Path) -> object:
        time.sleep(seconds)
        return inspect(path)

    monkeypatch.setattr(backup, "inspect_database", slow_inspect)


async def test_keys_pressed_while_the_check_runs_write_nothing_to_damage(
    db_path: Path, clock: FrozenClock, tmp_path: Path, monkeypatch
) -> None:
    """The agent types at once; the check is slow and finds the file damaged."""
    content = _damaged_ticks(db_path)
    _slow_check(monkeypatch, seconds=0.5)
    with Store.open(db_path) as store:
        app = _with_copy(store, clock, tmp_path / "backups")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("n", "1", "2")
            await copy_taken(pilot)

            assert isinstance(app.screen, StoppedScreen)
            assert store.open_shift() is None
    assert db_path.read_bytes() == content


async def test_keys_pressed_while_the_check_runs_wait_for_it_and_count(
    store: Store, clock: FrozenClock, tmp_path: Path, monkeypatch
) -> None:
    _slow_check(monkeypatch, seconds=0.3)
    write_shifts(store.path, at(1, 8), days=1, interactions=2)
    app = _with_copy(store, clock, tmp_path / "backups")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "1", "2")
        await copy_taken(pilot)

        shift = store.open_shift()
        assert shift is not None
        assert set(store.shift_ticks(shift.id)) == {"prep", "sop"}
        assert app.stopped_by is None
