"""The plain data every layer shares: checklists, shifts, interactions, ticks.

These are immutable records with no behaviour beyond simple look-ups, so the
store, the figures, the exports and the interface can pass them around freely
without any of them depending on another.

They are named tuples rather than frozen dataclasses because a dataclass
writes and compiles its methods when its module is imported, about a
millisecond each, and every command imports all of them. :class:`DayCounts`
stays a dataclass: the figures remember each day's verdict by a weak
reference to its object, which a tuple cannot take.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any, NamedTuple


class Scope(StrEnum):
    """How often an item is answered."""

    SHIFT = "shift"
    INTERACTION = "interaction"


class Phase(StrEnum):
    """When a shift item is answered."""

    START = "start"
    END = "end"


class TickState(StrEnum):
    """An answer to one item; ``n/a`` only where the item allows it."""

    DONE = "done"
    MISSED = "missed"
    NA = "na"


class Category(NamedTuple):
    """A group of items, such as readiness or communication."""

    id: str
    label: str


class Channel(NamedTuple):
    """Where an interaction happened; ``key`` picks it with one keystroke."""

    id: str
    label: str
    key: str


class Item(NamedTuple):
    """One practice to keep."""

    id: str
    scope: Scope
    category: str
    label: str
    hint: str
    phase: Phase | None = None
    na: bool = False
    critical: bool = False
    weight: float = 1.0


class Checklist(NamedTuple):
    """A loaded checklist file: what the agent ticks and how it is scored."""

    id: str
    schema: int
    language: str
    title: str
    target: float
    categories: tuple[Category, ...]
    channels: tuple[Channel, ...]
    items: tuple[Item, ...]

    def item(self, item_id: str) -> Item:
        """The item with ``item_id``; a ``KeyError`` if the checklist lacks it."""
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def category(self, category_id: str) -> Category:
        """The category with ``category_id``."""
        for category in self.categories:
            if category.id == category_id:
                return category
        raise KeyError(category_id)

    def channel(self, channel_id: str) -> Channel:
        """The channel with ``channel_id``."""
        for channel in self.channels:
            if channel.id == channel_id:
                return channel
        raise KeyError(channel_id)

    def shift_items(self, phase: Phase) -> tuple[Item, ...]:
        """The items answered once per shift, at its start or its end."""
        return tuple(
            i for i in self.items if i.scope is Scope.SHIFT and i.phase is phase
        )

    def interaction_items(self) -> tuple[Item, ...]:
        """The items answered for every interaction."""
        return tuple(i for i in self.items if i.scope is Scope.INTERACTION)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form; the store keeps it as each shift's snapshot.

        Its JSON is also what :meth:`content_hash` digests, and shifts already
        logged carry that digest, so its keys and values never change.
        """
        return {
            **self._asdict(),
            "categories": tuple(c._asdict() for c in self.categories),
            "channels": tuple(c._asdict() for c in self.channels),
            "items": tuple(i._asdict() for i in self.items),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Checklist:
        """Rebuild a checklist from :meth:`to_dict` output."""
        return cls(
            id=data["id"],
            schema=data["schema"],
            language=data["language"],
            title=data["title"],
            target=data["target"],
            categories=tuple(Category(**c) for c in data["categories"]),
            channels=tuple(Channel(**c) for c in data["channels"]),
            items=tuple(_item_from_dict(i) for i in data["items"]),
        )

    def content_hash(self) -> str:
        """A digest of everything that affects ticking and scoring."""
        import hashlib  # loads OpenSSL (~3 ms); only writes and backups need it

        body = json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _item_from_dict(data: dict[str, Any]) -> Item:
    phase = data.get("phase")
    return Item(
        **{
            **data,
            "scope": Scope(data["scope"]),
            "phase": Phase(phase) if phase else None,
        }
    )


class Shift(NamedTuple):
    """One working session; ``work_day`` is the local date it started on."""

    id: int
    started_at: datetime
    zone: str
    utc_offset_minutes: int
    work_day: date
    checklist_id: str
    checklist_hash: str
    ended_at: datetime | None = None
    focus_item: str | None = None
    reflection: str | None = None

    @property
    def is_open(self) -> bool:
        return self.ended_at is None


class Tick(NamedTuple):
    """The answer for one item, on a shift or on one of its interactions."""

    id: int
    shift_id: int
    interaction_id: int | None
    item_id: str
    state: TickState
    answered_at: datetime


class Interaction(NamedTuple):
    """One contact inside a shift, numbered from 1 within it."""

    id: int
    shift_id: int
    seq: int
    channel: str
    started_at: datetime
    ended_at: datetime | None = None
    ref: str | None = None
    note: str | None = None
    ticks: tuple[Tick, ...] = ()


class ItemCount(NamedTuple):
    """How often one item was answered each way on one work day."""

    done: int = 0
    missed: int = 0
    na: int = 0

    @property
    def answered(self) -> int:
        """Answers that count towards a rate: ``n/a`` does not."""
        return self.done + self.missed


@dataclass(frozen=True)
class DayCounts:
    """Everything the figures need about one work day, already counted.

    ``items`` maps item ids to their counts; ``meta`` maps the same ids to the
    item as it stood in that day's checklist, so a later edit of the
    checklist never changes an earlier day's figures.
    """

    work_day: date
    items: dict[str, ItemCount]
    meta: dict[str, Item]
    channels: dict[str, ItemCount]
    interactions_by_channel: dict[str, int]
    shifts: int
    open_shift: bool
    target: float


class ShiftRecord(NamedTuple):
    """One shift as the history shows it: its own ticks and its interactions."""

    shift: Shift
    ticks: dict[str, Tick]
    interactions: tuple[Interaction, ...]


class DayRecord(NamedTuple):
    """Everything logged on one work day, for reading back or editing."""

    work_day: date
    shifts: tuple[ShiftRecord, ...]
