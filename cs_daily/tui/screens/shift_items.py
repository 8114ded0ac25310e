"""What the start and the end of a shift share: the open shift's own items.

Both screens write each tick the moment its key is pressed, draw it only once
the store has it, and redraw from the store after any change, so an undo or
a second copy of the app never leaves them showing something unsaved.
"""

from __future__ import annotations

from textual.screen import Screen

from cs_daily.errors import StoreError
from cs_daily.model import Item, Shift, TickState
from cs_daily.tui.context import Context
from cs_daily.tui.feedback import show_error
from cs_daily.tui.keys import localize_bindings
from cs_daily.tui.widgets.tick_list import TickList


class ShiftItemsScreen(Screen[None]):
    """A screen of the open shift's start or end items; subclasses add the rest."""

    AUTO_FOCUS = "TickList"

    def __init__(self, context: Context, *, id: str) -> None:
        super().__init__(id=id)
        localize_bindings(self)
        self.context = context
        shift = context.session.shift
        assert shift is not None, "a shift's items need an open shift"
        self.shift: Shift = shift

    def on_mount(self) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        """Show the ticks as the store has them; leave if the shift is gone."""
        shift = self.context.session.shift
        if shift is None or shift.id != self.shift.id:
            if self.is_current:
                self.app.pop_screen()
            return

        self.shift = shift
        try:
            stored = self.context.store.shift_ticks(shift.id)
            self.refresh_details()
        except StoreError as error:
            show_error(self, error)
            return

        ticks = self.query_one(TickList)
        for item in ticks.items:
            found = stored.get(item.id)
            ticks.show_tick(item.id, found.state if found else None)

    def refresh_details(self) -> None:
        """Redraw what the screen shows beside its items (a summary, a focus)."""

    def write_tick(self, item: Item, state: TickState | None) -> bool:
        """Write the tick first; the list draws it only once the store has it."""
        store, now = self.context.store, self.context.clock.now()
        try:
            if state is None:
                store.clear_tick(self.shift.id, item.id)
            else:
                store.set_tick(self.shift.id, item.id, state, now)
        except StoreError as error:
            show_error(self, error)
            return False

        self.refresh_view()
        return True
