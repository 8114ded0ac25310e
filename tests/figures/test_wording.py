"""The shared phrases: a change in points reads alike on screen and in exports."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cs_daily.figures.wording import change_in_points
from cs_daily.i18n import format_percent, set_language


@pytest.fixture(autouse=True)
def english() -> None:
    set_language("en")


@pytest.mark.parametrize(
    ("now", "before", "shown"),
    [(0.81, 0.90, "-9 pts"), (0.90, 0.81, "+9 pts"), (0.5, 0.5, "±0 pts")],
)
def test_the_screen_and_the_exports_sign_a_change_alike(
    now: float, before: float, shown: str
):
    """The exports write an ASCII hyphen-minus, so the screen does too: a team
    lead comparing a pasted summary with the agent's screen sees one sign."""
    assert change_in_points(now, before) == shown


def test_a_missing_side_is_a_dash_not_a_change():
    assert change_in_points(None, 0.5) == "–"
    assert change_in_points(0.5, None) == "–"


@given(st.floats(0, 1), st.floats(0, 1))
def test_a_change_is_the_difference_of_the_percentages_shown(now, before):
    """ "84% against 78%" reads "+6 pts" whatever the decimals behind them."""
    shown_now, shown_before = (
        int(format_percent(r).rstrip("%")) for r in (now, before)
    )
    points = change_in_points(now, before)

    assert int(points.lstrip("+±").removesuffix(" pts")) == shown_now - shown_before
