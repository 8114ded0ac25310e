"""A yes-or-no question in a modal: discard changes, delete, write over a file."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from cs_daily.i18n import N_, _
from cs_daily.tui.keys import localize_bindings
from cs_daily.tui.widgets.key_footer import KeyFooter


class ConfirmModal(ModalScreen[bool]):
    """Ask one question; ``y`` or Enter answers yes, ``n`` or Escape no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", N_("Yes"), id="confirm.yes", priority=True),
        Binding("n,escape", "answer(False)", N_("No"), id="confirm.no"),
    ]

    def __init__(
        self, question: str, detail: str = "", *, id: str | None = None
    ) -> None:
        super().__init__(id=id, classes="dialog-screen")
        localize_bindings(self)
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-title", markup=False)
            if self.detail:
                yield Static(self.detail, classes="dialog-detail", markup=False)
            yield Static(_("y / Enter: yes    n / Escape: no"), classes="dialog-keys")
        yield KeyFooter(compact=True)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
