"""Shared fixtures for the translation tests: the catalogue tool and a clean slate."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from cs_daily.i18n import current_language, set_language

TOOL_PATH = Path(__file__).resolve().parents[2] / "tools" / "i18n.py"


@pytest.fixture(scope="session")
def tool() -> ModuleType:
    """``tools/i18n.py``, loaded as a module: the tests judge with its checks."""
    spec = importlib.util.spec_from_file_location("cs_daily_i18n_tool", TOOL_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def restore_language() -> Iterator[None]:
    """Every test leaves the language, and argparse's words, as it found them."""
    before = current_language()
    yield
    set_language(before)


@pytest.fixture
def isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No locale and every cs-daily file in ``tmp_path``; returns the settings path."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)

    settings = tmp_path / "config" / "settings.toml"
    monkeypatch.setenv("CS_DAILY_CONFIG", str(settings))
    monkeypatch.setenv("CS_DAILY_DB", str(tmp_path / "data" / "history.sqlite3"))
    monkeypatch.setenv("CS_DAILY_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CS_DAILY_BACKUP_DIR", str(tmp_path / "backups"))
    monkeypatch.setenv("CS_DAILY_LOG_DIR", str(tmp_path / "logs"))
    return settings
