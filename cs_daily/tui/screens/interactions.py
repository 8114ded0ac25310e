"""This shift's interactions in a table, to review, edit or delete them."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from cs_daily.errors import StoreError
from cs_daily.i18n import N_, _, ngettext
from cs_daily.model import Interaction
from cs_daily.tui.context import Context, companion
from cs_daily.tui.feedback import show_error
from cs_daily.tui.keys import localize_bindings
from cs_daily.tui.screens.confirm import ConfirmModal
from cs_daily.tui.widgets.interaction_table import InteractionTable
from cs_daily.tui.widgets.key_footer import KeyFooter


class InteractionsScreen(Screen[None]):
    """Every interaction of the open shift, newest last."""

    AUTO_FOCUS = "InteractionTable"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,e", "edit", N_("Edit"), id="list.edit", priority=True),
        Binding("d,delete", "delete", N_("Delete"), id="list.delete"),
        Binding("i", "app.log_interaction", N_("Interaction"), id="list.log"),
        Binding("u,ctrl+z", "app.undo", N_("Undo"), id="list.undo"),
        Binding("escape", "back", N_("Back"), id="list.back"),
    ]

    def __init__(self, context: Context) -> None:
        super().__init__(id="interactions")
        localize_bindings(self)
        self.context = context

    def compose(self) -> ComposeResult:
        with Vertical(classes="page"):
            yield Static(id="list-title", classes="screen-title", markup=False)
            yield InteractionTable(self.context.session.checklist, id="all")
            yield Static(
                _("↑↓ choose · Enter edit · d delete · Esc back"), classes="keys-hint"
            )
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        """Show the shift's interactions as the store has them."""
        shift = self.context.session.shift
        if shift is None:
            if self.is_current:
                self.app.pop_screen()
            return
        try:
            logged = self.context.store.interactions(shift.id)
        except StoreError as error:
            show_error(self, error)
            return
        title = ngettext(
            "This shift: {count} interaction",
            "This shift: {count} interactions",
            len(logged),
        ).format(count=len(logged))
        if not logged:
            title += " · " + _("press i to log one")
        self.query_one("#list-title", Static).update(title)
        self.query_one(InteractionTable).show(logged)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "delete"):
            return self.query_one(InteractionTable).row_count > 0 or None
        return True

    def action_edit(self) -> None:
        found = self._highlighted()
        if found is not None:
            companion(self).edit_interaction(found)

    def action_delete(self) -> None:
        """Delete the highlighted interaction once the agent confirms."""
        found = self._highlighted()
        if found is None:
            return
        question = _("Delete interaction {seq}?").format(seq=found.seq)
        detail = _("Its ticks go with it. u brings it back.")

        def answered(delete: bool | None) -> None:
            if delete:
                self._delete(found.id, found.seq)

        self.app.push_screen(ConfirmModal(question, detail), answered)

    def _delete(self, interaction_id: int, seq: int) -> None:
        try:
            self.context.store.delete_interaction(interaction_id)
        except StoreError as error:
            show_error(self, error)
            return
        self.app.notify(_("Interaction {seq} deleted.").format(seq=seq))
        companion(self).changed()

    def _highlighted(self) -> Interaction | None:
        interaction_id = self.query_one(InteractionTable).highlighted_id()
        if interaction_id is None:
            return None
        try:
            return self.context.store.interaction(interaction_id)
        except StoreError as error:
            show_error(self, error)
            return None

    def action_back(self) -> None:
        self.app.pop_screen()
