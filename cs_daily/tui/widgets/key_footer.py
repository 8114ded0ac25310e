"""The footer of every screen: Textual's Footer, minus the keys it drew before.

Textual's Footer rebuilds its keys whenever the screen's bindings change (a
screen shown again, a shift opened, an interaction saved), and each key it
builds follows the footer's ``compact`` setting through a watcher kept on the
footer itself. Textual drops the watchers of removed keys only when
``compact`` changes, which never happens here, so a footer that lives as long
as Today kept every key it ever drew: about twenty detached widgets, each with
its render caches, per interaction logged, and longer full garbage
collections as the shift went on (Textual issue 6666).
"""

from __future__ import annotations

from textual.widgets import Footer


class KeyFooter(Footer):
    """A Footer that lets go of its old keys once it has drawn new ones."""

    async def recompose(self) -> None:
        """Rebuild the keys, then prune the watchers the removed keys left.

        Setting ``compact`` again, to the value it has, makes Textual drop the
        watchers of keys already removed and tell the new keys the same value.
        """
        await super().recompose()
        if self.is_attached:
            self.mutate_reactive(Footer.compact)
