"""A list of checklist items with their ticks, one key per item.

The list never draws a tick by itself: a key press calls the ``answer``
function the screen gave it (which writes the tick to the store, or to the
interaction being edited) and draws the tick only when that says it is kept.
That way a tick the store refused is never drawn as saved.

A function rather than a message, on purpose: a message is handled after the
keys already queued behind it, so when a fast typist's keys arrive in one
burst, Enter would close the screen before the last tick was written. A call
keeps every tick in the order it was typed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import ClassVar

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from cs_daily.i18n import N_, _
from cs_daily.model import Item, TickState
from cs_daily.tui.display import TICK_SYMBOLS, tick_word
from cs_daily.tui.keys import localize_bindings

NUMBER_KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "0")

TICK_STYLES: dict[TickState | None, str] = {
    TickState.DONE: "green",
    TickState.MISSED: "bold red",
    TickState.NA: "dim",
    None: "dim",
}


Answer = Callable[[Item, TickState | None], bool]
"""Writes one tick, returning whether it was kept and may be drawn."""


def keep_every_tick(item: Item, state: TickState | None) -> bool:
    """The answer for a list whose ticks are only saved later, all together."""
    return True


def next_state(item: Item, state: TickState | None) -> TickState:
    """The tick after ``state`` when the agent presses the item's key again.

    Done becomes missed, missed becomes n/a where the item allows it, and
    everything else comes back to done, so at most three presses reach any
    answer.
    """
    if state is TickState.DONE:
        return TickState.MISSED
    if state is TickState.MISSED and item.na:
        return TickState.NA
    return TickState.DONE


def _number_bindings() -> list[BindingType]:
    return [
        Binding(key, f"press({index})", show=False)
        for index, key in enumerate(NUMBER_KEYS)
    ]


class TickList(OptionList, inherit_bindings=False):
    """Items, each with its number key, its tick, and the focus item marked.

    Enter is left to the screen (save, done, end the shift): the option list's
    own Enter would only cycle the highlighted tick.
    """

    DEFAULT_CSS = """
    TickList {
        height: auto;
        max-height: 1fr;
        border: none;
        padding: 0;
        &:focus { border: none; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", show=False),
        Binding("up", "cursor_up", show=False),
        Binding("home", "first", show=False),
        Binding("end", "last", show=False),
        Binding("pagedown", "page_down", show=False),
        Binding("pageup", "page_up", show=False),
        *_number_bindings(),
        Binding("space", "cycle", N_("Change tick"), show=False),
        Binding("delete,backspace", "clear", N_("Clear tick"), show=False),
    ]

    def __init__(
        self,
        items: Iterable[Item],
        ticks: Mapping[str, TickState] | None = None,
        focus_item: str | None = None,
        *,
        answer: Answer = keep_every_tick,
        id: str | None = None,
    ) -> None:
        self.items = tuple(items)
        self.answer = answer
        self.ticks: dict[str, TickState | None] = dict(ticks or {})
        self.focus_item = focus_item
        super().__init__(*self._options(), id=id)
        localize_bindings(self)

    def tick(self, item_id: str) -> TickState | None:
        """The tick currently shown for an item."""
        return self.ticks.get(item_id)

    def show_tick(self, item_id: str, state: TickState | None) -> None:
        """Draw an item's tick once it has been written."""
        self.ticks[item_id] = state
        index = self._index(item_id)
        self.replace_option_prompt_at_index(index, self._prompt(index))

    def show_focus(self, item_id: str | None) -> None:
        """Mark a new focus item; the old one goes back to normal."""
        self.focus_item = item_id
        for index in range(len(self.items)):
            self.replace_option_prompt_at_index(index, self._prompt(index))

    def action_press(self, index: int) -> None:
        """The item's number key: move there and ask for its next tick."""
        if index >= len(self.items):
            return
        self.highlighted = index
        self._request_next(index)

    def action_cycle(self) -> None:
        if self.highlighted is not None:
            self._request_next(self.highlighted)

    def action_clear(self) -> None:
        if self.highlighted is not None:
            self._answer(self.items[self.highlighted], None)

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """A click (or Enter where the screen lets it through) cycles the tick."""
        event.stop()
        self._request_next(event.option_index)

    def _request_next(self, index: int) -> None:
        item = self.items[index]
        self._answer(item, next_state(item, self.ticks.get(item.id)))

    def _answer(self, item: Item, state: TickState | None) -> None:
        """Hand the tick to the screen; draw it only if the screen kept it."""
        if self.answer(item, state):
            self.show_tick(item.id, state)

    def _index(self, item_id: str) -> int:
        return next(i for i, item in enumerate(self.items) if item.id == item_id)

    def _options(self) -> list[Option]:
        return [
            Option(self._prompt(index), id=item.id)
            for index, item in enumerate(self.items)
        ]

    def _prompt(self, index: int) -> Table:
        """One row: number key, tick, then the label wrapping under itself."""
        row = Table.grid(expand=True)
        row.add_column(no_wrap=True)
        row.add_column(ratio=1, overflow="fold")
        row.add_row(self._prefix(index), self._label(index))
        return row

    def _prefix(self, index: int) -> Text:
        """Number key, tick symbol and tick word, padded so labels line up."""
        state = self.ticks.get(self.items[index].id)
        number = NUMBER_KEYS[index] if index < len(NUMBER_KEYS) else " "
        word_width = max(cell_len(tick_word(s)) for s in TICK_SYMBOLS)
        word = tick_word(state)
        padding = " " * (word_width - cell_len(word) + 1)

        prefix = Text()
        prefix.append(f"{number} ", style="bold")
        prefix.append(
            f"{TICK_SYMBOLS[state]} {word}{padding}", style=TICK_STYLES[state]
        )
        return prefix

    def _label(self, index: int) -> Text:
        """The item's label; the focus item stands out, critical ones say so."""
        item = self.items[index]
        label = Text()
        if item.id == self.focus_item:
            label.append("★ ", style="bold yellow")
            label.append(item.label, style="bold underline")
        else:
            label.append(item.label)
        if item.critical:
            label.append(" " + _("(critical)"), style="italic")
        return label
