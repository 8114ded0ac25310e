"""The start of a shift: the preparation items and the focus item.

The shift is already recorded when this screen opens. Each preparation item
is ticked with one key, and every tick is written to the store before it is
drawn. The focus item is the one practice to watch this shift; the weakest
item of the last thirty days is proposed once there is history.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static

from cs_daily.errors import StoreError
from cs_daily.i18n import N_, _
from cs_daily.model import Phase
from cs_daily.tui.context import Context, companion
from cs_daily.tui.display import clock_time, item_label, long_date
from cs_daily.tui.feedback import show_error
from cs_daily.tui.screens.focus_picker import FocusPicker
from cs_daily.tui.screens.shift_items import ShiftItemsScreen
from cs_daily.tui.widgets.key_footer import KeyFooter
from cs_daily.tui.widgets.tick_list import TickList


class StartShiftScreen(ShiftItemsScreen):
    """Tick the shift-start items and choose a focus item."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,escape", "done", N_("Done"), id="start.done"),
        Binding("f", "pick_focus", N_("Focus item"), id="start.focus"),
        Binding("u,ctrl+z", "app.undo", N_("Undo"), id="start.undo"),
    ]

    def __init__(self, context: Context, proposed: str | None = None) -> None:
        super().__init__(context, id="start-shift")
        self.proposed = proposed

    def compose(self) -> ComposeResult:
        checklist = self.context.session.checklist
        with Vertical(classes="page"):
            yield Static(self._title(), classes="screen-title", markup=False)
            yield Static(
                _("Before your first customer: press an item's number to tick it."),
                classes="section",
            )
            yield TickList(
                checklist.shift_items(Phase.START),
                answer=self.write_tick,
                id="ticks",
            )
            yield Static("", id="hint", classes="hint", markup=False)
            yield Static("", id="focus-line", markup=False)
            yield Static(
                _("1–9 tick · Space change · f focus item · Enter done"),
                classes="keys-hint",
            )
        yield KeyFooter(compact=True)

    def _title(self) -> str:
        return _("Shift started at {time} · {day}").format(
            time=clock_time(self.shift.started_at),
            day=long_date(self.shift.work_day),
        )

    def refresh_details(self) -> None:
        """The focus item, and whether the app proposed it."""
        focus = self.shift.focus_item
        line = self.query_one("#focus-line", Static)
        if focus is None:
            line.update(_("No focus item for this shift yet: press f to choose one."))
            return
        label = item_label(self.context.session.checklist, focus)
        text = _("Focus this shift: ★ {item}").format(item=label)
        if focus == self.proposed:
            text += "\n" + _("(proposed: your weakest item of the last 30 days)")
        line.update(text)

    @on(OptionList.OptionHighlighted, "#ticks")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        items = self.query_one(TickList).items
        self.query_one("#hint", Static).update(items[event.option_index].hint)

    def action_pick_focus(self) -> None:
        picker = FocusPicker(self.context.session.checklist, self.shift.focus_item)
        self.app.push_screen(picker, self._focus_picked)

    def _focus_picked(self, choice: str | None) -> None:
        """``None`` is a cancelled choice; an empty string means no focus item."""
        if choice is None:
            return
        try:
            self.context.store.set_focus(self.shift.id, choice or None)
        except StoreError as error:
            show_error(self, error)
            return
        companion(self).changed()

    def action_done(self) -> None:
        self.app.pop_screen()
