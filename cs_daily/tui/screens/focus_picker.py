"""Choosing the one item to watch this shift, from a list."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from cs_daily.i18n import N_, _
from cs_daily.model import Checklist
from cs_daily.tui.keys import localize_bindings
from cs_daily.tui.widgets.key_footer import KeyFooter

NO_FOCUS = ""


class FocusPicker(ModalScreen[str | None]):
    """Pick an item (interaction items first); dismisses with its id.

    Dismisses with an empty string for "no focus item" and with ``None`` when
    the agent cancels, so the caller can tell the two apart.
    """

    AUTO_FOCUS = "OptionList"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), id="focus.cancel"),
    ]

    def __init__(self, checklist: Checklist, current: str | None) -> None:
        super().__init__(classes="dialog-screen")
        localize_bindings(self)
        self.checklist = checklist
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                _("Which practice will you watch this shift?"), classes="dialog-title"
            )
            yield OptionList(*self._options(), id="focus-options")
        yield KeyFooter(compact=True)

    def _options(self) -> list[Option]:
        items = [*self.checklist.interaction_items()]
        items += [i for i in self.checklist.items if i not in items]
        options = [
            Option(f"★ {i.label}" if i.id == self.current else f"  {i.label}", id=i.id)
            for i in items
        ]
        options.append(Option("  " + _("No focus item"), id="-none-"))
        return options

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if self.current is not None:
            options.highlighted = options.get_option_index(self.current)

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id
        self.dismiss(NO_FOCUS if option_id == "-none-" else option_id)

    def action_cancel(self) -> None:
        self.dismiss(None)
