"""The history was found damaged while the app ran: say so, and only quit.

The day's copy checks the history in a thread after Today is drawn. When the
check finds the file damaged, this screen covers the app for good: logging on
into a damaged file could lose more of it, so the app takes no other key and
writes nothing more. The message is the one the store's check gives: it names
the file and says how to restore a copy.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from cs_daily.errors import CsDailyError
from cs_daily.i18n import N_, _
from cs_daily.tui.keys import localize_bindings
from cs_daily.tui.widgets.key_footer import KeyFooter


class StoppedScreen(ModalScreen[None]):
    """Covers the app once its history cannot be trusted; q or Escape quits."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape", "app.quit", N_("Quit"), id="stopped.quit"),
    ]

    def __init__(self, problem: CsDailyError) -> None:
        super().__init__(id="stopped", classes="dialog-screen")
        localize_bindings(self)
        self.problem = problem

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("Logging stopped"), classes="dialog-title")
            yield Static(
                str(self.problem),
                id="stopped-problem",
                classes="dialog-detail",
                markup=False,
            )
            yield Static(
                _("Nothing more is written to the history. q / Escape: quit"),
                classes="dialog-keys",
            )
        yield KeyFooter(compact=True)
