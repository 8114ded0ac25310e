"""Weak areas over 7 and 30 days and the most improved item, by hand."""

from datetime import date

from history_builders import day

from cs_daily.figures.days import Period
from cs_daily.figures.weak import most_improved, weak_areas

AS_OF = date(2026, 12, 10)


def test_weak_areas_show_counts_and_change_against_the_window_before():
    history = [
        # previous 7 days, 11-27 .. 12-03
        day("2026-11-27", {"clear": (5, 0, 0)}),
        day("2026-12-03", {"clear": (4, 1, 0), "logged": (6, 0, 0)}),
        # this window, 12-04 .. 12-10
        day("2026-12-04", {"clear": (3, 2, 0), "logged": (3, 1, 0)}),
        day("2026-12-10", {"clear": (2, 1, 0), "logged": (3, 0, 0)}),
    ]
    areas = weak_areas(history, AS_OF, 7)

    # clear now: done 3 + 2 = 5, missed 2 + 1 = 3: "missed 3 of 8", 5/8.
    # clear before: done 5 + 4 = 9 of 10 = 0.9. Change 0.625 - 0.9 = -0.275.
    # logged now: missed 1 of 7 = 6/7; before 6 answered, none missed, 1.0.
    assert [a.item_id for a in areas] == ["clear", "logged"]
    clear = areas[0]
    assert (clear.missed, clear.answered) == (3, 8)
    assert clear.rate == 5 / 8
    assert clear.previous_rate == 0.9
    assert clear.change == 5 / 8 - 0.9
    assert areas[1].change == 6 / 7 - 1.0


def test_missed_seven_of_thirty_one_over_thirty_days():
    history = [
        day("2026-11-11", {"logged": (10, 1, 0)}),  # 11-11 is inside 30 days
        day("2026-11-20", {"logged": (8, 3, 0)}),
        day("2026-12-10", {"logged": (6, 3, 0)}),
        day("2026-11-10", {"logged": (0, 9, 0)}),  # the day before the window
    ]
    (logged,) = weak_areas(history, AS_OF, 30)

    # 30 days ending 12-10 start on 11-11: done 10 + 8 + 6 = 24,
    # missed 1 + 3 + 3 = 7: "missed 7 of 31".
    assert (logged.missed, logged.answered) == (7, 31)
    # 11-10 falls in the previous 30 days with only 9 answers: 0/9.
    assert logged.previous_rate == 0.0


def test_weak_areas_need_five_answers_and_at_least_one_miss():
    history = [
        day("2026-12-09", {"clear": (2, 2, 0), "logged": (9, 0, 0)}),
        day("2026-12-10", {"greet": (0, 0, 30), "honest": (4, 1, 0)}),
    ]
    areas = weak_areas(history, AS_OF, 7)

    # clear: 4 answered, below 5; logged: never missed; greet: only n/a.
    # honest: missed 1 of 5 is the only weak area.
    assert [(a.item_id, a.missed, a.answered) for a in areas] == [("honest", 1, 5)]


def test_no_change_is_claimed_against_a_thin_previous_window():
    history = [
        day("2026-12-01", {"clear": (1, 1, 0)}),
        day("2026-12-10", {"clear": (3, 3, 0)}),
    ]
    (clear,) = weak_areas(history, AS_OF, 7)
    assert clear.previous_rate is None
    assert clear.change is None


def test_weak_areas_sort_lowest_rate_first_and_limit_to_three():
    history = [
        day(
            "2026-12-10",
            {
                "prep": (4, 1, 0),  # 0.8
                "clear": (1, 4, 0),  # 0.2
                "logged": (3, 2, 0),  # 0.6
                "honest": (2, 3, 0),  # 0.4
                "solve": (9, 1, 0),  # 0.9
            },
        )
    ]
    areas = weak_areas(history, AS_OF, 7)
    assert [a.item_id for a in areas] == ["clear", "honest", "logged"]
    assert len(weak_areas(history, AS_OF, 7, limit=None)) == 5


def test_most_improved_is_the_biggest_rise_with_enough_answers():
    now = Period.ending(AS_OF, 7)
    history = [
        day("2026-12-01", {"clear": (2, 8, 0), "logged": (5, 5, 0), "prep": (0, 4, 0)}),
        day("2026-12-08", {"clear": (7, 3, 0), "logged": (9, 1, 0), "prep": (5, 0, 0)}),
    ]
    best = most_improved(history, now, now.previous())

    # clear 0.2 -> 0.7: +0.5; logged 0.5 -> 0.9: +0.4; prep had only 4 answers
    # before (0.0 -> 1.0 would be +1.0) so it cannot be compared.
    assert best is not None
    assert best.item_id == "clear"
    assert (best.previous_rate, best.rate) == (0.2, 0.7)
    assert best.change == 0.7 - 0.2


def test_nothing_improved_gives_none():
    now = Period.ending(AS_OF, 7)
    history = [
        day("2026-12-01", {"clear": (9, 1, 0)}),
        day("2026-12-08", {"clear": (5, 5, 0)}),
    ]
    assert most_improved(history, now, now.previous()) is None
