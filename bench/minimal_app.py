"""The baseline for start-up and memory: the smallest app that shows 14 items.

A stock Textual app with one list of fourteen labels is what any Textual
program pays before it does anything of its own, so the real app's start-up
and peak memory are judged against it.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Label, ListItem, ListView

ITEM_COUNT = 14


class MinimalApp(App[None]):
    """A list of fourteen labels and nothing else."""

    def compose(self) -> ComposeResult:
        yield ListView(
            *(ListItem(Label(f"Item {n}")) for n in range(1, ITEM_COUNT + 1))
        )
