"""Fixtures for the export tests: an isolated home, English, and a small history."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cs_daily.checklist import load_bundled_checklist
from cs_daily.i18n import current_language, set_language
from cs_daily.model import Checklist
from tests.export.history import make_history_db


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every data and config dir in tmp_path; English strings; back afterwards."""
    home = tmp_path / "home"
    monkeypatch.setenv("CS_DAILY_DB", str(home / "data" / "history.sqlite3"))
    monkeypatch.setenv("CS_DAILY_CONFIG", str(home / "config" / "settings.toml"))
    monkeypatch.setenv("CS_DAILY_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("CS_DAILY_BACKUP_DIR", str(home / "backups"))
    monkeypatch.setenv("CS_DAILY_LOG_DIR", str(home / "logs"))
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)

    before = current_language()
    set_language("en")
    yield
    set_language(before)


@pytest.fixture
def checklist() -> Checklist:
    return load_bundled_checklist("en")


@pytest.fixture
def history_db(tmp_path: Path, checklist: Checklist) -> Path:
    """The two-week history of :mod:`tests.export.history`."""
    return make_history_db(tmp_path / "history.sqlite3", checklist)
