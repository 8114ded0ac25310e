"""How the agent hears that something went wrong: a notification, never a trace.

A history found damaged is told by a screen of its own instead
(:mod:`cs_daily.tui.screens.stopped`), since the agent must not carry on.
"""

from __future__ import annotations

from textual.dom import DOMNode

from cs_daily.errors import CsDailyError
from cs_daily.i18n import _


def show_error(node: DOMNode, error: CsDailyError) -> None:
    """Tell the agent what the store refused, long enough to read it."""
    node.app.notify(
        str(error), title=_("Not saved"), severity="error", markup=False, timeout=8
    )


def show_warning(node: DOMNode, title: str, message: str) -> None:
    """Something that does not stop the agent but should be read, such as a
    daily copy that could not be written."""
    node.app.notify(message, title=title, severity="warning", markup=False, timeout=20)
