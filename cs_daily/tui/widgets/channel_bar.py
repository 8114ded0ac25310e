"""The channels of the checklist on one line, each with its key.

The chosen channel is drawn reversed and marked, so it reads without colour
(NO_COLOR) as well as with it. The screen picks a channel from its key; a click on
a channel picks it here.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from cs_daily.model import Channel


class ChannelBar(Static):
    """``[w] WhatsApp  [p] Phone ...`` with the chosen channel highlighted."""

    DEFAULT_CSS = """
    ChannelBar {
        height: auto;
        width: 1fr;
        link-style: none;
        link-background: transparent;
        link-color: $text;
    }
    """

    selected: reactive[str] = reactive("")

    def __init__(
        self, channels: Iterable[Channel], selected: str, *, id: str | None = None
    ) -> None:
        self.channels = tuple(channels)
        super().__init__(id=id)
        self.set_reactive(ChannelBar.selected, selected)

    def channel_for_key(self, key: str) -> Channel | None:
        """The channel a key picks, if any."""
        for channel in self.channels:
            if channel.key == key:
                return channel
        return None

    def action_pick(self, channel_id: str) -> None:
        """A click on a channel picks it, for agents who use the mouse."""
        self.selected = channel_id

    def render(self) -> Text:
        bar = Text(no_wrap=False)
        for channel in self.channels:
            chosen = channel.id == self.selected
            marker = "●" if chosen else " "
            look = Style.parse("reverse bold" if chosen else "none")
            click = Style.from_meta({"@click": f"pick({channel.id!r})"})
            bar.append(f"{marker}[{channel.key}] {channel.label}", style=look + click)
            bar.append("  ")
        return bar
