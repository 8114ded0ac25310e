"""The shared phrases: a change in points reads alike on screen and in exports."""

from __future__ import annotations

import pytest

from cs_daily.export.fmt import change
from cs_daily.figures.wording import change_in_points
from cs_daily.i18n import set_language


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
    assert change(now, before) == shown
    assert change_in_points(now - before) == shown


def test_a_missing_side_is_a_dash_not_a_change():
    assert change_in_points(None) == "–"
    assert change(None, 0.5) == "–"
