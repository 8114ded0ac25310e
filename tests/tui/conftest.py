"""Fixtures for driving the shift companion: a frozen clock, a store in tmp_path.

Every test builds the app with the same factory the CLI uses, so what passes
here is what the agent runs.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cs_daily.checklist import load_bundled_checklist
from cs_daily.clock import FrozenClock
from cs_daily.i18n import set_language
from cs_daily.model import Checklist
from cs_daily.settings import Settings
from cs_daily.store import Store
from cs_daily.tui.app import CsDailyApp, build_app

JAKARTA = ZoneInfo("Asia/Jakarta")
SIZE = (80, 24)


def at(day: int, hour: int, minute: int = 0, month: int = 12) -> datetime:
    """A local instant in Jakarta in December 2026."""
    return datetime(2026, month, day, hour, minute, tzinfo=JAKARTA)


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests on a fresh event loop, as Pilot needs.

    This keeps the suite free of an async plugin: the app's own test harness
    (``run_test``) does the rest.
    """
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every data and config dir in tmp_path; English interface strings."""
    for name, sub in [
        ("CS_DAILY_DB", "data/history.sqlite3"),
        ("CS_DAILY_CONFIG", "config/settings.toml"),
        ("CS_DAILY_DATA_DIR", "data"),
        ("CS_DAILY_BACKUP_DIR", "backups"),
        ("CS_DAILY_LOG_DIR", "logs"),
    ]:
        monkeypatch.setenv(name, str(tmp_path / sub))
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(at(3, 8))


@pytest.fixture
def checklist() -> Checklist:
    return load_bundled_checklist("id")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "history.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as opened:
        yield opened


@pytest.fixture
def make_app(
    checklist: Checklist, store: Store, clock: FrozenClock
) -> Callable[..., CsDailyApp]:
    """Build the app the CLI would build, with optional settings."""

    def make(settings: Settings | None = None) -> CsDailyApp:
        return build_app(checklist, store, clock, settings or Settings())

    return make
