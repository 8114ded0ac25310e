"""Dates typed on the command line far outside a working life get a sentence."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cs_daily.cli.main import main
from cs_daily.dates import EARLIEST, LATEST, within_range
from cs_daily.errors import UsageError


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, sub in [
        ("CS_DAILY_DB", "data/history.sqlite3"),
        ("CS_DAILY_CONFIG", "config/settings.toml"),
        ("CS_DAILY_DATA_DIR", "data"),
        ("CS_DAILY_BACKUP_DIR", "backups"),
        ("CS_DAILY_LOG_DIR", "logs"),
    ]:
        monkeypatch.setenv(name, str(tmp_path / sub))
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize(
    "argv",
    [
        ["stats", "--as-of", "9999-12-31"],
        ["stats", "--as-of", "0001-01-01"],
        ["export", "--week", "9999-W52", "-o", "-"],
        ["export", "--week", "0001-W01", "-o", "-"],
        ["export", "--week", "9999-12-31", "-o", "-"],
        ["export", "--from", "0001-01-01", "--to", "2026-12-31", "-o", "-"],
    ],
)
def test_a_date_past_the_calendar_is_refused_plainly(argv, capsys):
    assert main(argv) == 2

    err = capsys.readouterr().err
    assert "outside the dates cs-daily works with" in err
    assert "Traceback" not in err


def test_too_many_days_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["stats", "--days", "100000000"])
    assert exit_.value.code == 2
    assert "not a number of days" in capsys.readouterr().err


def test_the_edges_of_the_range_are_accepted():
    assert within_range(EARLIEST, "first") == EARLIEST
    assert within_range(LATEST, "last") == LATEST
    with pytest.raises(UsageError):
        within_range(date(1899, 12, 31), "1899-12-31")
