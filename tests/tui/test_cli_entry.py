"""``cs-daily`` with no command: refuse bad input before the terminal is taken."""

from __future__ import annotations

import gc
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from textual.pilot import Pilot

from cs_daily.cli.main import main
from cs_daily.clock import SystemClock
from cs_daily.store import Store
from cs_daily.store.backup import daily_name
from cs_daily.tui.app import CsDailyApp
from cs_daily.tui.screens.today import TodayScreen
from tests.tui.helpers import copy_taken, launch_under_pilot, notices


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[CsDailyApp]:
    """The apps the CLI started, without taking over the test's terminal."""
    started: list[CsDailyApp] = []
    monkeypatch.setattr(CsDailyApp, "run", lambda self: started.append(self))
    return started


def test_an_invalid_checklist_exits_2_and_writes_nothing(
    tmp_path: Path,
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    runs: list[CsDailyApp],
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('schema = 1\nid = "x"\ntarget = "high"\n', encoding="utf-8")

    code = main(["--checklist", str(bad)])

    assert code == 2
    assert runs == []
    err = capsys.readouterr().err
    assert str(bad) in err
    assert "Traceback" not in err
    assert not db_path.exists()


def test_a_database_from_a_newer_version_is_refused_untouched(
    db_path: Path, capsys: pytest.CaptureFixture[str], runs: list[CsDailyApp]
) -> None:
    db_path.parent.mkdir(parents=True)
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA user_version = 999")
    before = db_path.read_bytes()

    code = main([])

    assert code != 0
    assert "newer" in capsys.readouterr().err
    assert db_path.read_bytes() == before
    assert runs == []


def test_a_file_that_is_not_a_database_is_refused_untouched(
    db_path: Path, capsys: pytest.CaptureFixture[str], runs: list[CsDailyApp]
) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_text("my shopping list\n", encoding="utf-8")

    code = main([])

    assert code != 0
    err = capsys.readouterr().err
    assert str(db_path) in err and "Traceback" not in err
    assert db_path.read_text(encoding="utf-8") == "my shopping list\n"
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]
    assert runs == []


def test_a_good_start_builds_and_runs_the_app(
    db_path: Path, runs: list[CsDailyApp]
) -> None:
    assert main(["--lang", "en"]) == 0
    assert len(runs) == 1
    assert runs[0].context.checklist.id == "cs-daily"
    assert db_path.exists()


def test_help_does_not_load_textual() -> None:
    probe = (
        "import sys\n"
        "from cs_daily.cli.main import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('textual' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().endswith("False")


def test_the_app_takes_the_days_copy_once_a_day(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[object] = []

    async def look(pilot: Pilot[None]) -> None:
        await copy_taken(pilot)
        shown.append(pilot.app.screen)

    started = launch_under_pilot(monkeypatch, look)
    assert main(["--lang", "en"]) == 0
    assert main(["--lang", "en"]) == 0

    assert len(started) == 2
    assert all(isinstance(screen, TodayScreen) for screen in shown)
    today = SystemClock().now().date()
    backups = sorted(p.name for p in (tmp_path / "backups").iterdir())
    assert backups == [daily_name(today)]


def test_the_app_starts_with_the_collector_paused_and_resumes_it_once_drawn(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: seen.append(gc.isenabled()))

    async def look(pilot: Pilot[None]) -> None:
        await pilot.pause()
        seen.append(gc.isenabled())

    launch_under_pilot(monkeypatch, look)
    assert main(["--lang", "en"]) == 0

    assert seen == [False, True]
    assert gc.isenabled()


def test_a_backup_that_cannot_be_written_is_told_not_fatal(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("CS_DAILY_BACKUP_DIR", str(blocker / "backups"))
    Store.open(db_path).close()
    told: list[str] = []

    async def look(pilot: Pilot[None]) -> None:
        await copy_taken(pilot)
        told.extend(notices(pilot.app))
        assert isinstance(pilot.app.screen, TodayScreen)

    launch_under_pilot(monkeypatch, look)
    assert main(["--lang", "en"]) == 0

    [message] = told
    assert "a-file" in message and "Could not write the copy" in message
