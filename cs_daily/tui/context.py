"""What every screen needs to do its job, passed in rather than looked up.

Screens receive this instead of reaching into the app, so each one can be
built and tested on its own and nothing imports the app module back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, cast

from textual.dom import DOMNode

from cs_daily.clock import Clock
from cs_daily.model import Checklist
from cs_daily.settings import Settings
from cs_daily.store import Store
from cs_daily.tui.session import Session

if TYPE_CHECKING:
    from cs_daily.tui.app import CsDailyApp


class Context(NamedTuple):
    """The checklist in use, the history, the clock, the settings, the shift."""

    checklist: Checklist
    store: Store
    clock: Clock
    settings: Settings
    session: Session


def companion(node: DOMNode) -> CsDailyApp:
    """The running app, typed, for screens that report a change back to it."""
    return cast("CsDailyApp", node.app)
