"""A plain message instead of a broken layout when the terminal is too small."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from cs_daily.i18n import _


class TooSmallScreen(Screen[None]):
    """Covers the app until the terminal is at least the smallest usable size."""

    def __init__(self, min_width: int, min_height: int) -> None:
        super().__init__(id="too-small")
        self.min_width = min_width
        self.min_height = min_height

    def compose(self) -> ComposeResult:
        yield Static(id="too-small-message", markup=False)

    def on_mount(self) -> None:
        self._explain(self.app.size.width, self.app.size.height)

    def on_resize(self, event: events.Resize) -> None:
        self._explain(event.size.width, event.size.height)

    def _explain(self, width: int, height: int) -> None:
        self.query_one(Static).update(
            _(
                "The window is too small for cs-daily ({width}×{height}). "
                "Make it at least {min_width}×{min_height}; ctrl+q quits."
            ).format(
                width=width,
                height=height,
                min_width=self.min_width,
                min_height=self.min_height,
            )
        )
