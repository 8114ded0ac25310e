"""The end of a shift: the closing items, a one-line reflection, a summary.

The closing items are written as they are ticked, like the opening ones. The
summary shows the day as counted so far; Enter closes the shift with the
reflection, Escape goes back with the shift still open and keeps a typed
reflection for when the agent comes back to end it.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Static

from cs_daily.errors import StoreError
from cs_daily.i18n import N_, _, ngettext
from cs_daily.model import Phase
from cs_daily.tui.context import Context, companion
from cs_daily.tui.display import clock_time, item_label, percent
from cs_daily.tui.feedback import show_error
from cs_daily.tui.overview import ShiftSummary, shift_summary
from cs_daily.tui.screens.shift_items import ShiftItemsScreen
from cs_daily.tui.widgets.key_footer import KeyFooter
from cs_daily.tui.widgets.tick_list import TickList

REFLECTION_MAX = 200


class EndShiftScreen(ShiftItemsScreen):
    """Tick the closing items, write a line, and close the shift."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "end", N_("End shift"), id="end.confirm"),
        Binding("escape", "back", N_("Back"), id="end.back"),
        Binding("u,ctrl+z", "app.undo", N_("Undo"), id="end.undo"),
    ]

    def __init__(self, context: Context) -> None:
        super().__init__(context, id="end-shift")

    def compose(self) -> ComposeResult:
        checklist = self.context.session.checklist
        with Vertical(classes="page"):
            yield Static(self._title(), classes="screen-title", markup=False)
            yield Static(id="summary", markup=False)
            yield Static(
                _("Before you go: press an item's number to tick it."),
                classes="section",
            )
            yield TickList(
                checklist.shift_items(Phase.END),
                answer=self.write_tick,
                id="ticks",
            )
            with Horizontal(classes="field"):
                yield Label(_("Reflection"), classes="field-label")
                yield Input(
                    self.context.session.reflection_drafts.get(self.shift.id, ""),
                    placeholder=_("one line for yourself (optional)"),
                    max_length=REFLECTION_MAX,
                    compact=True,
                    id="reflection",
                )
            yield Static(
                _("1–9 tick · Tab to write · Enter end the shift · Esc back"),
                classes="keys-hint",
            )
        yield KeyFooter(compact=True)

    def _title(self) -> str:
        return _("End the shift started at {time}").format(
            time=clock_time(self.shift.started_at)
        )

    def refresh_details(self) -> None:
        """The day's score and this shift's counts, as the store has them."""
        checklist = self.context.session.checklist
        summary = shift_summary(self.context.store, checklist, self.shift)
        self.query_one("#summary", Static).update(self._summary_text(summary))

    def _summary_text(self, summary: ShiftSummary) -> str:
        lines = [
            _("Score today: {score} (target {target})").format(
                score=percent(summary.score), target=percent(summary.target)
            ),
            _("This shift: {interactions}, {missed}").format(
                interactions=ngettext(
                    "{count} interaction", "{count} interactions", summary.interactions
                ).format(count=summary.interactions),
                missed=ngettext(
                    "{count} item missed", "{count} items missed", summary.missed
                ).format(count=summary.missed),
            ),
        ]
        if summary.focus_item is not None:
            label = item_label(self.context.session.checklist, summary.focus_item)
            lines.append(
                _("Focus ★ {item}: kept {done} of {answered}").format(
                    item=label,
                    done=summary.focus_done,
                    answered=summary.focus_done + summary.focus_missed,
                )
            )
        return "\n".join(lines)

    @on(Input.Submitted, "#reflection")
    def _reflection_written(self) -> None:
        """Enter in the reflection field ends the shift, as it does anywhere."""
        self.action_end()

    def action_end(self) -> None:
        """Close the shift with the reflection, then go back to Today."""
        if not self.is_current:
            return
        reflection = self.query_one("#reflection", Input).value.strip() or None
        try:
            self.context.store.end_shift(
                self.shift.id, self.context.clock.now(), reflection
            )
        except StoreError as error:
            show_error(self, error)
            return
        self.context.session.reflection_drafts.pop(self.shift.id, None)
        self.app.pop_screen()
        self.app.notify(_("Shift closed. Well done; rest well."))
        companion(self).changed()

    def action_back(self) -> None:
        """Back to Today; a reflection already typed waits for the next visit."""
        drafts = self.context.session.reflection_drafts
        typed = self.query_one("#reflection", Input).value
        if typed.strip():
            drafts[self.shift.id] = typed
        else:
            drafts.pop(self.shift.id, None)
        self.app.pop_screen()
