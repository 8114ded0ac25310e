"""A read-only folder, a full disk, a damaged or foreign database file.

Each must end in a clear message (on stderr, with a non-zero exit, never a
traceback) and leave the agent's history exactly as it was: a failed write
takes nothing with it, and a file cs-daily cannot use is never "repaired".
"""

from __future__ import annotations

import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot

from cs_daily.cli.main import main
from cs_daily.errors import StoreError, UsageError
from cs_daily.model import TickState
from cs_daily.store import Store, schema
from cs_daily.store.backup import inspect_database
from cs_daily.tui.screens.stopped import StoppedScreen
from tests.reliability.disks import IS_ROOT, can_mount, fill, read_only, tiny_disk
from tests.reliability.helpers import (
    Home,
    child_env,
    counts_match_rebuild,
    integrity,
    no_traceback,
    run_child,
)
from tests.reliability.history import CHECKLIST, JAKARTA, shift_starts, write_shifts
from tests.tui.helpers import copy_taken, launch_under_pilot, text_of

FIRST = datetime(2026, 3, 2, 8, tzinfo=JAKARTA)
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "schemas"
STATS = ["stats", "--as-of", "2026-03-20"]
WEEK = ["export", "--week", "2026-W11", "-o", "-"]
FULL = ["export", "--all", "--format", "json", "-o", "-"]
LAUNCHER: list[str] = []


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """Two weeks of history, written once and copied for each test."""
    path = tmp_path_factory.mktemp("template") / "history.sqlite3"
    write_shifts(path, FIRST, days=14, interactions=6)
    return path.read_bytes()


@pytest.fixture
def history(home: Home, template: bytes) -> Path:
    home.database.parent.mkdir(parents=True)
    home.database.write_bytes(template)
    return home.database


@pytest.fixture
def no_app(monkeypatch: pytest.MonkeyPatch) -> None:
    """The launcher must refuse before the terminal is taken over."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the app was started on a history it cannot use")

    monkeypatch.setattr("cs_daily.tui.app.CsDailyApp.run", refuse)


def _refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Run the CLI; assert it failed cleanly; the message it printed."""
    code = main(argv)
    captured = capsys.readouterr()
    assert code != 0, captured
    assert captured.err.startswith("cs-daily: "), captured.err
    no_traceback(captured.err)
    return captured.err


def _untouched(path: Path, before: bytes) -> None:
    """The same bytes, and nothing but empty lock files beside it."""
    assert path.read_bytes() == before
    for suffix in ("-wal", "-journal"):
        beside = Path(f"{path}{suffix}")
        assert not beside.exists() or beside.stat().st_size == 0


# -- a read-only folder ------------------------------------------------------


def test_a_read_only_folder_still_shows_figures_and_exports(
    history: Path, capsys: pytest.CaptureFixture[str]
):
    before = history.read_bytes()
    with read_only(history.parent):
        assert main(STATS) == 0
        assert main(WEEK) == 0
    captured = capsys.readouterr()
    no_traceback(captured.err)
    assert "2026-W11" in captured.out
    _untouched(history, before)


@pytest.mark.usefixtures("no_app")
def test_a_read_only_folder_stops_the_launcher_with_a_clear_message(
    history: Path, capsys: pytest.CaptureFixture[str]
):
    before = history.read_bytes()
    with read_only(history.parent):
        message = _refused(LAUNCHER, capsys)
        with pytest.raises(StoreError):
            Store.open(history)
    assert str(history.parent) in message or str(history) in message
    assert "read-only" in message
    _untouched(history, before)


# -- a full disk -------------------------------------------------------------


def _fill_in_child(db: Path, limit: int) -> tuple[list[int], str]:
    child = run_child("fill.py", str(db), str(limit))
    out, err = child.communicate(timeout=60)
    no_traceback(err)
    assert child.returncode == 0, err
    lines = out.splitlines()
    saved = [int(line.split()[1]) for line in lines if line.startswith("saved")]
    return saved, lines[-1]


def test_a_file_size_limit_ends_in_a_clear_message_and_keeps_earlier_ticks(
    history: Path,
):
    before = shift_starts(history)
    limit = history.stat().st_size + 64 * 1024

    saved, last = _fill_in_child(history, limit)

    assert last.startswith("refused ")
    assert "disk" in last and "full" in last, last
    _sound_with(history, saved)
    assert set(before) <= set(shift_starts(history))


def _sound_with(db: Path, saved: list[int]) -> None:
    assert integrity(db) == "ok"
    assert counts_match_rebuild(db)
    conn = sqlite3.connect(db)
    found = {row[0] for row in conn.execute("SELECT id FROM interactions")}
    conn.close()
    assert set(saved) <= found


def test_a_full_disk_refuses_the_write_and_recovers_when_space_returns(
    tmp_path: Path,
):
    if not can_mount():
        # Without root, a file-size limit stands in for the full disk.
        assert not IS_ROOT, "root here, yet a tmpfs could not be mounted"
        db = tmp_path / "history.sqlite3"
        write_shifts(db, FIRST, days=2)
        saved, last = _fill_in_child(db, db.stat().st_size + 32 * 1024)
        assert "full" in last
        _sound_with(db, saved)
        return

    with tiny_disk(tmp_path / "disk", 768) as disk:
        db = disk / "history.sqlite3"
        write_shifts(db, FIRST, days=2)
        with Store.open(db) as store:
            shift = store.start_shift(CHECKLIST, FIRST.replace(day=20))
            filler = fill(disk)

            with pytest.raises(StoreError, match="full") as caught:
                for _ in range(1000):
                    store.add_interaction(
                        shift.id, "phone", shift.started_at, {}, note="x" * 2000
                    )
            assert str(db) in str(caught.value)

            filler.unlink()
            store.add_interaction(shift.id, "phone", shift.started_at, {})
            store.set_tick(shift.id, "prep", TickState.DONE, shift.started_at)
        assert integrity(db) == "ok"
        assert counts_match_rebuild(db)
        assert len(shift_starts(db)) == 3


def test_the_cli_on_a_full_disk_prints_a_message_and_leaves_no_partial_file(
    tmp_path: Path, history: Path, capsys: pytest.CaptureFixture[str]
):
    if not can_mount():
        assert not IS_ROOT, "root here, yet a tmpfs could not be mounted"
        target = tmp_path / "missing-folder" / "file-in-the-way"
        target.parent.write_bytes(b"a file where a folder should be")
        message = _refused(["backup", "--to", str(target)], capsys)
        assert "Could not write the copy" in message
        return

    with tiny_disk(tmp_path / "disk", 128) as disk:
        fill(disk)
        target = disk / "copy.sqlite3"
        message = _refused(["backup", "--to", str(target)], capsys)
        assert "Could not write the copy" in message
        assert sorted(os.listdir(disk)) == ["filler"], "no half-written copy left"


# -- a file cs-daily cannot use ----------------------------------------------


PAGE = 4096
NOISE = random.Random(20261203)
# Tables whose last leaf page is emptied: one checked at open, one not.
EMPTIED = {"emptied counts": "day_item_counts", "emptied ticks": "ticks"}


def _damaged(path: Path, how: str) -> bytes:
    """The history file's bytes, damaged in one of several ways."""
    data = path.read_bytes()
    if how == "garbage":
        return NOISE.randbytes(len(data))
    if how == "truncated":
        return data[: PAGE * 3 + 100]
    if how == "damaged schema":
        return data[:100] + NOISE.randbytes(PAGE - 100) + data[PAGE:]
    if how == "damaged ticks":
        page = _root_page(path, "ticks")
        start = (page - 1) * PAGE
        return data[:start] + NOISE.randbytes(PAGE) + data[start + PAGE :]
    if how in EMPTIED:
        page = _last_leaf(data, _root_page(path, EMPTIED[how]))
        start = (page - 1) * PAGE
        return data[: start + 8] + bytes(PAGE - 8) + data[start + PAGE :]
    raise AssertionError(how)


def _last_leaf(data: bytes, page: int) -> int:
    """The last leaf page of the b-tree rooted at ``page``.

    Emptied below its header, a leaf still claims its cells, and SQLite's
    check reports each of them: a hundred lines of findings.
    """
    while data[(page - 1) * PAGE] in (0x02, 0x05):  # interior pages
        start = (page - 1) * PAGE
        page = int.from_bytes(data[start + 8 : start + 12], "big")
    return page


def _root_page(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        (page,) = conn.execute(
            "SELECT rootpage FROM sqlite_schema WHERE name = ?", (table,)
        ).fetchone()
    finally:
        conn.close()
    return int(page)


@pytest.mark.usefixtures("no_app")
@pytest.mark.parametrize("how", ["garbage", "truncated", "damaged schema"])
@pytest.mark.parametrize(
    "argv", [STATS, WEEK, FULL, LAUNCHER], ids=["stats", "week", "all", "launcher"]
)
def test_a_damaged_file_gets_a_message_and_stays_as_it_was(
    history: Path, capsys: pytest.CaptureFixture[str], how: str, argv: list[str]
):
    content = _damaged(history, how)
    history.write_bytes(content)

    message = _refused(argv, capsys)

    assert str(history) in message
    _untouched(history, content)


@pytest.mark.usefixtures("no_app")
@pytest.mark.parametrize(
    "argv", [STATS, FULL, LAUNCHER], ids=["stats", "all", "launcher"]
)
def test_damage_found_at_open_is_told_in_one_line(
    history: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
):
    """SQLite's check lists a hundred damaged cells; the agent reads the first
    and how many more, as the day's copy tells it."""
    content = _damaged(history, "emptied counts")
    history.write_bytes(content)

    message = _refused(argv, capsys)

    assert message.count("\n") == 1, message
    assert str(history) in message and "the file is damaged" in message
    assert "*** in database" not in message
    assert re.search(r"On tree page \d+ cell \d+: .*, and \d\d more problems", message)
    assert "cs-daily restore" in message
    _untouched(history, content)


def test_the_open_and_the_days_copy_tell_the_same_finding(history: Path):
    history.write_bytes(_damaged(history, "emptied counts"))
    finding = re.compile(r"On tree page [^;]*more problems")

    with pytest.raises(StoreError) as at_open:
        Store.open(history, readonly=True)
    with pytest.raises(UsageError) as in_copy:
        inspect_database(history)

    told = finding.search(str(at_open.value))
    assert told is not None
    assert told.group() == finding.search(str(in_copy.value)).group()


@pytest.mark.usefixtures("no_app")
def test_damage_found_only_when_ticks_are_read_gets_a_message_too(
    history: Path, capsys: pytest.CaptureFixture[str]
):
    """The file opens and its counts read fine; reading the ticks fails."""
    content = _damaged(history, "damaged ticks")
    history.write_bytes(content)

    message = _refused(FULL, capsys)

    assert str(history) in message
    assert "damaged" in message or "malformed" in message
    _untouched(history, content)


def test_damage_found_by_the_days_copy_stops_the_app_and_writes_nothing(
    history: Path,
    home: Home,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
):
    """The launcher opens such a file and Today draws from its counts; the
    check of the day's copy, after Today, finds the damage. The app says so,
    takes no key but quit, and leaves the file as it was."""
    content = _damaged(history, "damaged ticks")
    history.write_bytes(content)
    seen: dict[str, object] = {}

    async def agent(pilot: Pilot[None]) -> None:
        await copy_taken(pilot)
        seen["screen"] = pilot.app.screen
        seen["shown"] = text_of(pilot.app, "#stopped-problem")
        # Start a shift, log an interaction, undo, the palette, help.
        await pilot.press("n", "1", "i", "w", "enter", "u", "ctrl+p", "f1")
        await pilot.pause()
        seen["after keys"] = pilot.app.screen
        await pilot.press("q")

    started = launch_under_pilot(monkeypatch, agent)
    message = _refused(LAUNCHER, capsys)

    [app] = started

    assert isinstance(seen["screen"], StoppedScreen)
    assert seen["after keys"] is seen["screen"]
    shown = str(seen["shown"])
    assert str(history) in shown and "is damaged" in shown
    assert "cs-daily restore" in shown
    assert shown in message, "the message is printed again after the app"
    assert app.stopped_by is not None
    _untouched(history, content)
    assert not home.backups.exists() or list(home.backups.iterdir()) == []


def test_the_days_copy_tells_a_long_finding_in_one_line(
    history: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    history.write_bytes(_damaged(history, "emptied ticks"))
    seen: dict[str, object] = {}

    async def agent(pilot: Pilot[None]) -> None:
        await copy_taken(pilot)
        seen["screen"] = pilot.app.screen
        seen["shown"] = text_of(pilot.app, "#stopped-problem")
        await pilot.press("q")

    launch_under_pilot(monkeypatch, agent)
    message = _refused(LAUNCHER, capsys)

    assert isinstance(seen["screen"], StoppedScreen)
    shown = str(seen["shown"])
    assert "is damaged" in shown and "*** in database" not in shown
    assert re.search(r"On tree page \d+ cell \d+: .*, and \d\d more problems", shown)
    assert message == f"cs-daily: {shown}\n"


def test_figures_from_intact_counts_survive_damaged_ticks(
    history: Path, capsys: pytest.CaptureFixture[str]
):
    history.write_bytes(_damaged(history, "damaged ticks"))

    assert main(STATS) == 0
    no_traceback(capsys.readouterr().err)


@pytest.mark.usefixtures("no_app")
@pytest.mark.parametrize(
    "argv", [STATS, WEEK, FULL, LAUNCHER], ids=["stats", "week", "all", "launcher"]
)
def test_a_file_from_a_newer_cs_daily_is_left_alone(
    history: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
):
    conn = sqlite3.connect(history)
    conn.execute(f"PRAGMA user_version = {schema.current_version() + 1}")
    conn.close()
    content = history.read_bytes()

    message = _refused(argv, capsys)

    assert "newer version of cs-daily" in message
    _untouched(history, content)


@pytest.mark.parametrize(
    "argv", [STATS, FULL, LAUNCHER], ids=["stats", "export", "launcher"]
)
def test_the_real_command_prints_one_line_and_no_traceback(
    history: Path, home: Home, argv: list[str]
):
    history.write_bytes(_damaged(history, "damaged schema"))

    done = subprocess.run(
        [sys.executable, "-m", "cs_daily", *argv],
        capture_output=True,
        text=True,
        env=child_env(home.environ()),
        timeout=60,
        check=False,
    )

    assert done.returncode != 0
    no_traceback(done.stderr)
    assert done.stderr.startswith("cs-daily: ") and str(history) in done.stderr
    assert done.stdout == ""


def test_an_upgrade_on_a_full_disk_stops_cleanly_and_succeeds_later(tmp_path: Path):
    """A new cs-daily opening an old history on a full disk: the upgrade needs
    room to rebuild a table, fails whole, and runs once space is back."""
    fixture = FIXTURES / f"v{schema.current_version() - 1}.sqlite3"
    if not can_mount():
        assert not IS_ROOT, "root here, yet a tmpfs could not be mounted"
        db = tmp_path / "history.sqlite3"
        shutil.copyfile(fixture, db)
        limit = 16 * 1024  # below what the upgrade writes to its -wal file
        code = (
            "import resource, signal, sys\n"
            "from pathlib import Path\n"
            "from cs_daily.store import Store\n"
            "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
            f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))\n"
            "Store.open(Path(sys.argv[1]))\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", code, str(db)],
            capture_output=True,
            text=True,
            env=child_env(),
            check=False,
        )
        assert "StoreError" in done.stderr and "full" in done.stderr
        _upgrades_afterwards(db, fixture)
        return

    with tiny_disk(tmp_path / "disk", 256) as disk:
        db = disk / "history.sqlite3"
        shutil.copyfile(fixture, db)
        filler = fill(disk)

        with pytest.raises(StoreError, match="full"):
            Store.open(db)

        assert db.read_bytes() == fixture.read_bytes()
        filler.unlink()
        _upgrades_afterwards(db, fixture)


def _upgrades_afterwards(db: Path, fixture: Path) -> None:
    conn = sqlite3.connect(db)
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.close()
    assert version == schema.current_version() - 1
    assert integrity(db) == "ok"
    with Store.open(db) as store:
        assert store.schema_version == schema.current_version()
        assert len(store.latest_shifts(100)) == 4
