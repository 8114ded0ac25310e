"""Checks every write against the checklist the shift was started with.

An answer the snapshot does not allow would corrupt the figures for good, so
it is refused with a message the agent can act on.
"""

from __future__ import annotations

from cs_daily.errors import StoreError
from cs_daily.i18n import _
from cs_daily.model import Checklist, Item, Scope, TickState


def check_tick(
    checklist: Checklist, item_id: str, state: TickState, scope: Scope
) -> None:
    """Refuse an unknown item, a wrong scope, or n/a where it is not allowed."""
    item = _item(checklist, item_id)

    if item.scope is not scope:
        if scope is Scope.INTERACTION:
            message = _("{item} is answered once per shift, not per interaction.")
        else:
            message = _("{item} is answered for each interaction, not per shift.")
        raise StoreError(message.format(item=item_id))

    if TickState(state) is TickState.NA and not item.na:
        raise StoreError(_("{item} cannot be answered n/a.").format(item=item_id))


def check_item(checklist: Checklist, item_id: str) -> Item:
    """The item, or a refusal naming it."""
    return _item(checklist, item_id)


def check_channel(checklist: Checklist, channel: str) -> None:
    """Refuse a channel the shift's checklist does not list."""
    if all(c.id != channel for c in checklist.channels):
        raise StoreError(
            _(
                "{channel} is not a channel of the checklist this shift was "
                "started with."
            ).format(channel=channel)
        )


def _item(checklist: Checklist, item_id: str) -> Item:
    try:
        return checklist.item(item_id)
    except KeyError:
        raise StoreError(
            _(
                "{item} is not an item of the checklist this shift was started with."
            ).format(item=item_id)
        ) from None
