"""How the agent hears that something went wrong: a notification, never a trace."""

from __future__ import annotations

from textual.dom import DOMNode

from cs_daily.errors import CsDailyError
from cs_daily.i18n import _


def show_error(node: DOMNode, error: CsDailyError) -> None:
    """Tell the agent what the store refused, long enough to read it."""
    node.app.notify(
        str(error), title=_("Not saved"), severity="error", markup=False, timeout=8
    )
