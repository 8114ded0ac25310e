"""Every key of the app, screen by screen, read from the bindings themselves.

The table is built from each screen's ``BINDINGS``, so it cannot drift from
what the keys really do; the keys that depend on the checklist (item numbers
and channel keys) are added from the checklist in use.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from cs_daily.i18n import N_, _
from cs_daily.tui.context import Context
from cs_daily.tui.keys import localize_bindings
from cs_daily.tui.screens.end_shift import EndShiftScreen
from cs_daily.tui.screens.interaction import InteractionModal
from cs_daily.tui.screens.interactions import InteractionsScreen
from cs_daily.tui.screens.start_shift import StartShiftScreen
from cs_daily.tui.screens.today import TodayScreen
from cs_daily.tui.widgets.key_footer import KeyFooter

KEY_NAMES = {
    "question_mark": "?",
    "enter": "Enter",
    "escape": "Esc",
    "space": "Space",
    "delete": "Del",
    "backspace": "Backspace",
    "tab": "Tab",
}


def key_text(keys: str) -> str:
    """``u,ctrl+z`` as ``u / ctrl+z``, with friendly names for special keys."""
    return " / ".join(KEY_NAMES.get(k, k) for k in keys.split(","))


def binding_rows(bindings: Iterable[BindingType]) -> Iterator[tuple[str, str]]:
    """(keys, description) for each binding that has a description."""
    for binding in bindings:
        if isinstance(binding, Binding) and binding.description:
            yield key_text(binding.key), _(binding.description)


class HelpScreen(ModalScreen[None]):
    """A table of every key, grouped by the screen where it works."""

    AUTO_FOCUS = "DataTable"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,f1,q", "close", N_("Close"), id="help.close"),
    ]

    def __init__(self, context: Context) -> None:
        super().__init__(classes="dialog-screen")
        localize_bindings(self)
        self.context = context

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help-dialog"):
            yield Static(_("Keys"), classes="dialog-title")
            yield DataTable(cursor_type="row", zebra_stripes=True, id="keys")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(_("Where"), _("Key"), _("What it does"))
        for where, key, what in self._rows():
            table.add_row(where, key, what)

    def _rows(self) -> Iterator[tuple[str, str, str]]:
        from cs_daily.tui.app import CsDailyApp

        sections = [
            (_("Everywhere"), CsDailyApp.BINDINGS),
            (_("Today"), TodayScreen.BINDINGS),
            (_("Shift start"), StartShiftScreen.BINDINGS),
            (_("Interaction"), InteractionModal.BINDINGS),
            (_("Interaction list"), InteractionsScreen.BINDINGS),
            (_("Shift end"), EndShiftScreen.BINDINGS),
        ]
        for where, bindings in sections:
            for key, what in binding_rows(bindings):
                yield where, key, what
        yield from self._checklist_rows()

    def _checklist_rows(self) -> Iterator[tuple[str, str, str]]:
        where = _("Item lists")
        yield where, "1–9, 0", _("change the tick of item 1 to 10")
        yield where, "Space", _("change the tick of the highlighted item")
        yield where, "Del", _("clear the tick of the highlighted item")
        yield where, _("click"), _("change the tick of the clicked item")
        for channel in self.context.session.checklist.channels:
            yield (
                _("Interaction"),
                channel.key,
                _("channel: {label}").format(label=channel.label),
            )
        yield _("Everywhere"), "ctrl+p", _("command palette: every action by name")

    def action_close(self) -> None:
        self.dismiss(None)
