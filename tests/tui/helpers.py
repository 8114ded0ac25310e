"""Small helpers the Pilot tests share: reading the screen and the notices."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Static


def notices(app: App) -> list[str]:
    """The messages of every notification raised so far."""
    return [notification.message for notification in app._notifications]


def text_of(app: App, selector: str) -> str:
    """The plain text a Static on the current screen shows."""
    return str(app.screen.query_one(selector, Static).render())
