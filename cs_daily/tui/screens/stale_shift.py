"""The question asked at start when a shift from an earlier day is still open.

It is not a yes-or-no question on purpose. The agent meets it right after
opening the app, where ``n`` starts a shift out of habit; a ``y``/``n`` dialog
made that habit keep the old shift open and block the new one. Here ``n`` and
Enter do what the habit wants (close the old shift at its last activity and
start a new one), and only Escape, which no habit reaches for, keeps it open.
"""

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


class StaleShiftModal(ModalScreen[bool]):
    """Answers True to close the old shift and start afresh, False to keep it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "n,enter",
            "answer(True)",
            N_("Close it, start new"),
            id="stale.close",
            priority=True,
        ),
        Binding("escape", "answer(False)", N_("Keep it open"), id="stale.keep"),
    ]

    def __init__(self, day: str, last: str) -> None:
        """``day`` is the old shift's work day, ``last`` its last activity."""
        super().__init__(id="stale-shift", classes="dialog-screen")
        localize_bindings(self)
        self.day = day
        self.last = last

    def compose(self) -> ComposeResult:
        question = _("Your shift from {day} is still open.").format(day=self.day)
        detail = _("Nothing was logged after {time}.").format(time=self.last)
        close = _("n / Enter: close it at {time} and start a new shift").format(
            time=self.last
        )
        keep = _("Escape: keep it open")
        with Vertical(classes="dialog"):
            yield Static(question, classes="dialog-title", markup=False)
            yield Static(detail, classes="dialog-detail", markup=False)
            yield Static(f"{close}\n{keep}", classes="dialog-keys", markup=False)
        yield KeyFooter(compact=True)

    def action_answer(self, close: bool) -> None:
        self.dismiss(close)
