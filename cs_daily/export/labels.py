"""Names to show for item, category and channel ids in an export.

The checklist in use names things first; an item that only older shifts
know keeps the name it had then, and anything else shows its id, so an
export never fails over a renamed or removed item.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from cs_daily.model import Checklist, DayCounts, Item


class Labels(NamedTuple):
    """Display names by id, with the id itself as the last resort."""

    items: dict[str, Item]
    categories: dict[str, str]
    channels: dict[str, str]

    @classmethod
    def build(cls, checklist: Checklist, history: Sequence[DayCounts]) -> Labels:
        """The checklist's names over those of the days' own snapshots."""
        items: dict[str, Item] = {}
        for day in history:
            items.update(day.meta)
        items.update({i.id: i for i in checklist.items})

        return cls(
            items=items,
            categories={c.id: c.label for c in checklist.categories},
            channels={c.id: c.label for c in checklist.channels},
        )

    def item(self, item_id: str) -> str:
        found = self.items.get(item_id)
        return found.label if found else item_id

    def category(self, category_id: str) -> str:
        return self.categories.get(category_id, category_id)

    def channel(self, channel_id: str) -> str:
        return self.channels.get(channel_id, channel_id)

    def learn(self, checklist: Checklist) -> None:
        """Add names from a shift's own snapshot for what the checklist lacks."""
        for item in checklist.items:
            self.items.setdefault(item.id, item)
        for category in checklist.categories:
            self.categories.setdefault(category.id, category.label)
        for channel in checklist.channels:
            self.channels.setdefault(channel.id, channel.label)

    @staticmethod
    def ordered(known: list[str], found: Iterable[str]) -> list[str]:
        """``known`` ids in their order, then any other ``found`` ids sorted."""
        return known + sorted(set(found) - set(known))
