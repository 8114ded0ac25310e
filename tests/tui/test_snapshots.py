"""SVG snapshots of the main screens at 80x24, with a frozen clock.

Each screen is taken in English and in Indonesian, whose longer wording must
still fit. Regenerate with ``pytest tests/tui/test_snapshots.py
--snapshot-update`` and look at every changed picture before committing it.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from cs_daily.i18n import set_language
from cs_daily.model import TickState
from tests.tui.conftest import SIZE, at


@pytest.fixture(autouse=True, params=["en", "id"])
def language(request: pytest.FixtureRequest, isolated: None) -> str:
    """The interface language of the snapshot."""
    set_language(request.param)
    return str(request.param)


@pytest.fixture
def busy(store, checklist):
    """A morning shift with a few interactions, a focus item and some misses."""
    shift = store.start_shift(checklist, at(3, 8))
    store.set_tick(shift.id, "prep", TickState.DONE, at(3, 8, 1))
    store.set_tick(shift.id, "sop", TickState.MISSED, at(3, 8, 1))
    store.set_tick(shift.id, "tools", TickState.DONE, at(3, 8, 2))
    store.set_focus(shift.id, "greet")
    done = {item.id: TickState.DONE for item in checklist.interaction_items()}
    logged = [
        ("whatsapp", 10, {}, "INV-2291"),
        ("phone", 25, {"greet": TickState.MISSED}, None),
        ("whatsapp", 41, {"close": TickState.NA, "expect": TickState.MISSED}, None),
        ("email", 58, {}, "T-5521"),
    ]
    for channel, minute, changes, ref in logged:
        store.add_interaction(
            shift.id, channel, at(3, 8, minute), {**done, **changes}, ref
        )
    return shift


def press(*keys: str):
    async def run_before(pilot: Pilot) -> None:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()

    return run_before


def test_today_fresh_install(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=press())


def test_today_busy(snap_compare, make_app, busy, clock) -> None:
    clock.set(at(3, 9, 5))
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=press())


def test_start_shift(snap_compare, make_app) -> None:
    app = make_app()
    assert snap_compare(app, terminal_size=SIZE, run_before=press("n", "1", "2", "2"))


def test_interaction(snap_compare, make_app, busy, clock) -> None:
    clock.set(at(3, 9, 5))
    app = make_app()
    assert snap_compare(app, terminal_size=SIZE, run_before=press("i", "p", "3"))


def test_end_shift(snap_compare, make_app, busy, clock) -> None:
    clock.set(at(3, 16))
    app = make_app()
    assert snap_compare(app, terminal_size=SIZE, run_before=press("e", "1"))
