"""Every checklist test runs in English, with every cs-daily folder in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from cs_daily.i18n import set_language

BAD = Path(__file__).parent / "bad"


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point config, data, backups and logs at tmp_path; messages in English."""
    home = tmp_path / "home"
    monkeypatch.setenv("CS_DAILY_CONFIG", str(home / "config" / "settings.toml"))
    monkeypatch.setenv("CS_DAILY_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("CS_DAILY_DB", str(home / "data" / "history.sqlite3"))
    monkeypatch.setenv("CS_DAILY_BACKUP_DIR", str(home / "backups"))
    monkeypatch.setenv("CS_DAILY_LOG_DIR", str(home / "logs"))
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    set_language("en")
    yield home
    set_language("en")
