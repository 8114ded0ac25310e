"""A work day's score, its verdict and its critical misses, worked out by hand."""

from history_builders import META, day

from cs_daily.figures.days import (
    Period,
    critical_misses,
    day_figures,
    day_score,
    is_good_day,
)
from cs_daily.model import Item, Scope


def test_score_is_the_mean_of_the_answered_items_each_once():
    today = day(
        "2026-12-01",
        {
            "prep": (1, 0, 0),
            "clear": (3, 1, 0),
            "honest": (4, 0, 0),
            "greet": (0, 0, 4),
        },
    )
    # prep 1.0, clear 3/4 = 0.75, honest 1.0; greet only n/a, left out:
    # (1.0 + 0.75 + 1.0) / 3 = 2.75 / 3
    assert day_score(today) == 2.75 / 3
    assert is_good_day(today)


def test_forty_chats_do_not_drown_the_preparation_item():
    today = day("2026-12-01", {"prep": (1, 0, 0), "clear": (0, 40, 0)})

    # prep 1/1 = 1.0, clear 0/40 = 0.0: (1.0 + 0.0) / 2 = 0.5, not 1/41.
    assert day_score(today) == 0.5


def test_weights_count_an_item_more():
    today = day("2026-12-01", {"prep": (1, 0, 0), "solve": (1, 1, 0)})

    # prep 1.0 weighs 1, solve 1/2 = 0.5 weighs 2: (1.0 + 0.5 * 2) / 3 = 2/3
    assert day_score(today) == 2 / 3


def test_weight_comes_from_the_days_own_checklist():
    heavy_prep = {**META, "prep": Item("prep", Scope.SHIFT, "ready", "P", "", weight=3)}
    today = day("2026-12-01", {"prep": (1, 0, 0), "clear": (0, 1, 0)}, meta=heavy_prep)
    # prep 1.0 weighs 3, clear 0.0 weighs 1: 3 / 4 = 0.75
    assert day_score(today) == 0.75


def test_a_day_with_nothing_answered_has_no_score_and_is_not_good():
    today = day("2026-12-01", {"greet": (0, 0, 3)})
    assert day_score(today) is None
    assert not is_good_day(today)


def test_a_critical_miss_is_counted_and_spoils_an_otherwise_perfect_day():
    today = day(
        "2026-12-01",
        {"prep": (1, 0, 0), "clear": (10, 0, 0), "honest": (9, 1, 0)},
    )
    # prep 1.0, clear 1.0, honest 9/10 = 0.9: (1 + 1 + 0.9) / 3 = 2.9 / 3,
    # above the 0.8 target, but honest is critical and was missed once.
    figures = day_figures(today)
    assert figures.score == 2.9 / 3
    assert figures.critical_misses == 1
    assert not figures.good


def test_missed_non_critical_items_are_not_critical_misses():
    today = day("2026-12-01", {"clear": (3, 2, 0), "honest": (5, 0, 0)})
    assert critical_misses(today) == 0


def test_exactly_the_target_is_a_good_day():
    today = day(
        "2026-12-01",
        {
            "prep": (1, 0, 0),
            "clear": (1, 0, 0),
            "honest": (1, 0, 0),
            "logged": (1, 0, 0),
            "solve": (0, 1, 0),
        },
        target=0.8,
    )
    # 1 + 1 + 1 + 1 + 0 * 2 over weights 1 + 1 + 1 + 1 + 2 = 4 / 6 = 0.667
    assert day_score(today) == 4 / 6
    assert not is_good_day(today)

    without_weight = day(
        "2026-12-01",
        {
            "prep": (1, 0, 0),
            "clear": (1, 0, 0),
            "honest": (1, 0, 0),
            "logged": (1, 0, 0),
            "greet": (0, 1, 0),
        },
    )
    # (1 + 1 + 1 + 1 + 0) / 5 = 0.8: at the target, so good
    assert day_score(without_weight) == 0.8
    assert is_good_day(without_weight)


def test_rounding_does_not_push_a_day_below_the_target():
    today = day(
        "2026-12-01", {"prep": (1, 0, 0), "honest": (5, 0, 0), "clear": (2, 3, 0)}
    )
    # (1 + 1 + 2/5) / 3 = 0.8 exactly, though floats make it 0.7999999999999999
    assert day_score(today) < 0.8
    assert is_good_day(today)


def test_day_figures_sum_interactions_over_channels():
    today = day(
        "2026-12-01", {"prep": (1, 0, 0)}, interactions={"whatsapp": 3, "phone": 2}
    )
    assert day_figures(today).interactions == 5


def test_period_ending_includes_both_ends_and_its_previous_twin():
    week = Period.ending(day("2026-12-10").work_day, 7)

    # 7 days ending 2026-12-10: 12-04 .. 12-10; the 7 before: 11-27 .. 12-03
    assert (week.first.isoformat(), week.last.isoformat()) == (
        "2026-12-04",
        "2026-12-10",
    )
    before = week.previous()
    assert (before.first.isoformat(), before.last.isoformat()) == (
        "2026-11-27",
        "2026-12-03",
    )
    assert week.length == before.length == 7
