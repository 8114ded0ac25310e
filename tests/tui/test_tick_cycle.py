"""The order a number key walks through the answers of one item."""

from __future__ import annotations

from cs_daily.model import Item, Scope, TickState
from cs_daily.tui.widgets.tick_list import next_state


def item(na: bool) -> Item:
    return Item("greet", Scope.INTERACTION, "comm", "Greet", "", na=na)


def walk(start: TickState | None, na: bool, presses: int) -> list[TickState]:
    seen, state = [], start
    for _ in range(presses):
        state = next_state(item(na), state)
        seen.append(state)
    return seen


def test_unanswered_becomes_done_first() -> None:
    assert walk(None, na=True, presses=1) == [TickState.DONE]


def test_with_na_the_cycle_is_done_missed_na() -> None:
    assert walk(TickState.DONE, na=True, presses=3) == [
        TickState.MISSED,
        TickState.NA,
        TickState.DONE,
    ]


def test_without_na_the_cycle_skips_it() -> None:
    assert walk(TickState.DONE, na=False, presses=3) == [
        TickState.MISSED,
        TickState.DONE,
        TickState.MISSED,
    ]
