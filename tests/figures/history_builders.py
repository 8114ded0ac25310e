"""Small builders for hand-written histories of counted work days."""

from __future__ import annotations

from datetime import date

from cs_daily.model import (
    Category,
    Channel,
    Checklist,
    DayCounts,
    Item,
    ItemCount,
    Phase,
    Scope,
)


def _item(
    item_id: str,
    category: str,
    *,
    scope: Scope = Scope.INTERACTION,
    phase: Phase | None = None,
    na: bool = False,
    critical: bool = False,
    weight: float = 1.0,
) -> Item:
    return Item(
        id=item_id,
        scope=scope,
        category=category,
        label=item_id.capitalize(),
        hint="",
        phase=phase,
        na=na,
        critical=critical,
        weight=weight,
    )


ITEMS = (
    _item("prep", "ready", scope=Scope.SHIFT, phase=Phase.START),
    _item("greet", "comm", na=True),
    _item("clear", "comm"),
    _item("honest", "attitude", critical=True),
    _item("solve", "resolve", na=True, weight=2.0),
    _item("logged", "resolve"),
)
META = {item.id: item for item in ITEMS}

CHECKLIST = Checklist(
    id="test",
    schema=1,
    language="en",
    title="Test checklist",
    target=0.8,
    categories=(
        Category("ready", "Readiness"),
        Category("comm", "Communication"),
        Category("attitude", "Attitude"),
        Category("resolve", "Resolution"),
    ),
    channels=(
        Channel("whatsapp", "WhatsApp", "w"),
        Channel("phone", "Phone", "p"),
    ),
    items=ITEMS,
)


def day(
    work_day: date | str,
    ticks: dict[str, tuple[int, int, int]] | None = None,
    *,
    shifts: int = 1,
    open_shift: bool = False,
    target: float = 0.8,
    channels: dict[str, tuple[int, int, int]] | None = None,
    interactions: dict[str, int] | None = None,
    meta: dict[str, Item] | None = None,
) -> DayCounts:
    """One counted work day; ticks map an item id to (done, missed, n/a)."""
    if isinstance(work_day, str):
        work_day = date.fromisoformat(work_day)
    return DayCounts(
        work_day=work_day,
        items={i: ItemCount(*counts) for i, counts in (ticks or {}).items()},
        meta=dict(META if meta is None else meta),
        channels={c: ItemCount(*counts) for c, counts in (channels or {}).items()},
        interactions_by_channel=dict(interactions or {}),
        shifts=shifts,
        open_shift=open_shift,
        target=target,
    )


# A day every item of which was done: score 1.0, a good day.
PERFECT = {"prep": (1, 0, 0), "clear": (10, 0, 0), "honest": (10, 0, 0)}
# A day whose score is (1 + 0)/2 = 0.5: below the 0.8 target.
POOR = {"prep": (1, 0, 0), "clear": (0, 10, 0)}


def good(work_day: str, **kwargs: object) -> DayCounts:
    return day(work_day, PERFECT, **kwargs)  # type: ignore[arg-type]


def poor(work_day: str, **kwargs: object) -> DayCounts:
    return day(work_day, POOR, **kwargs)  # type: ignore[arg-type]
