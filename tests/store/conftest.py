"""Shared fixtures for the store tests: a checklist, a store, local times."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cs_daily.model import Category, Channel, Checklist, Item, Phase, Scope
from cs_daily.store import Store

JAKARTA = ZoneInfo("Asia/Jakarta")


def _item(
    item_id: str,
    scope: Scope,
    category: str,
    phase: Phase | None = None,
    *,
    na: bool = False,
    critical: bool = False,
) -> Item:
    return Item(
        id=item_id,
        scope=scope,
        category=category,
        label=f"{item_id} label",
        hint=f"{item_id} hint",
        phase=phase,
        na=na,
        critical=critical,
    )


def make_checklist(title: str = "Test checklist", target: float = 0.8) -> Checklist:
    """A checklist shaped like the bundled one, built without reading TOML."""
    shift, interaction = Scope.SHIFT, Scope.INTERACTION
    return Checklist(
        id="test",
        schema=1,
        language="en",
        title=title,
        target=target,
        categories=(
            Category("ready", "Readiness"),
            Category("comm", "Communication"),
            Category("resolve", "Resolution"),
        ),
        channels=(
            Channel("whatsapp", "WhatsApp", "w"),
            Channel("phone", "Phone", "p"),
            Channel("email", "Email", "e"),
        ),
        items=(
            _item("prep", shift, "ready", Phase.START),
            _item("tools", shift, "ready", Phase.START),
            _item("greet", interaction, "comm", na=True),
            _item("clear", interaction, "comm"),
            _item("honest", interaction, "comm", critical=True),
            _item("solve", interaction, "resolve", na=True),
            _item("sweep", shift, "resolve", Phase.END),
            _item("team", shift, "resolve", Phase.END, na=True),
        ),
    )


def local(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    """An instant in Jakarta in March 2026."""
    return datetime(2026, month, day, hour, minute, tzinfo=JAKARTA)


@pytest.fixture
def checklist() -> Checklist:
    return make_checklist()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "history.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as opened:
        yield opened
