"""The main screens in Indonesian at 80x24: the longer wording must still fit.

The same frozen history as the English snapshots, with the interface in
Bahasa Indonesia. Look at every changed picture before committing it.
"""

from __future__ import annotations

import pytest

from cs_daily.i18n import set_language
from tests.tui.conftest import SIZE, at
from tests.tui.test_snapshots import busy, press

__all__ = ["busy"]


@pytest.fixture(autouse=True)
def indonesian(isolated: None) -> None:
    set_language("id")


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
