"""``cs-daily recount`` puts the daily tallies back in step with the ticks."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cs_daily.checklist import load_bundled_checklist
from cs_daily.cli.main import main
from cs_daily.model import TickState
from cs_daily.store import Store

JAKARTA = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, sub in [
        ("CS_DAILY_CONFIG", "config/settings.toml"),
        ("CS_DAILY_DATA_DIR", "data"),
        ("CS_DAILY_BACKUP_DIR", "backups"),
        ("CS_DAILY_LOG_DIR", "logs"),
    ]:
        monkeypatch.setenv(name, str(tmp_path / sub))
    path = tmp_path / "data" / "history.sqlite3"
    monkeypatch.setenv("CS_DAILY_DB", str(path))
    return path


def test_recount_repairs_tallies_that_were_tampered_with(database: Path, capsys):
    checklist = load_bundled_checklist("en")
    with Store.open(database) as store:
        shift = store.start_shift(checklist, datetime(2026, 12, 3, 8, tzinfo=JAKARTA))
        store.set_tick(shift.id, "prep", TickState.MISSED, shift.started_at)
        expected = store.day_counts()[0].items["prep"]

    with sqlite3.connect(database) as raw:
        raw.execute("DELETE FROM day_item_counts")
    with Store.open(database) as store:
        assert store.day_counts() == [] or "prep" not in store.day_counts()[0].items

    assert main(["recount", "--lang", "en"]) == 0

    with Store.open(database) as store:
        assert store.day_counts()[0].items["prep"] == expected
    assert f"Recounted 1 work day in {database}." in capsys.readouterr().out


def test_recount_without_a_history_is_a_clear_error(database: Path, capsys):
    assert main(["recount"]) == 2
    captured = capsys.readouterr()
    assert str(database) in captured.err
    assert not database.exists()
