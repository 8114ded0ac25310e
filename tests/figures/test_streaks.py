"""Streaks of good work days and items' own streaks, worked out by hand."""

from history_builders import day, good, poor

from cs_daily.figures.streaks import best_streak, current_streak, item_streaks


def test_days_off_inside_a_streak_neither_extend_nor_break_it():
    history = [
        good("2026-11-30"),  # Mon
        good("2026-12-01"),  # Tue
        # Wed 12-02 and Thu 12-03: days off, no shift at all
        good("2026-12-04"),  # Fri
        day("2026-12-05", shifts=0),  # Sat: counted but no shift, a day off
        good("2026-12-07"),  # Mon
    ]
    # Four good work days in a row; the days off are not in the run.
    assert current_streak(history) == 4
    assert best_streak(history) == 4


def test_a_poor_day_breaks_the_run_and_best_remembers_it():
    history = [
        good("2026-12-01"),
        good("2026-12-02"),
        good("2026-12-03"),
        poor("2026-12-04"),
        good("2026-12-07"),
    ]
    # After the poor Friday only Monday counts: current 1, best 3.
    assert current_streak(history) == 1
    assert best_streak(history) == 3


def test_a_critical_miss_breaks_the_streak():
    critical_miss = {"prep": (1, 0, 0), "clear": (10, 0, 0), "honest": (9, 1, 0)}
    history = [
        good("2026-12-01"),
        good("2026-12-02"),
        day("2026-12-03", critical_miss),
    ]
    # Score (1 + 1 + 0.9) / 3 = 0.967 but honest is critical: not good.
    assert current_streak(history) == 0
    assert best_streak(history) == 2


def test_a_night_shift_counts_on_the_day_it_started():
    # A night shift 2026-12-04 22:00 to 12-05 06:00 is counted on Friday 12-04,
    # its work day; Saturday has no shift and is a day off.
    history = [
        good("2026-12-03"),
        good("2026-12-04"),
        good("2026-12-06"),
    ]
    assert current_streak(history) == 3


def test_an_open_shift_that_is_not_yet_good_does_not_break_the_run():
    history = [
        good("2026-12-01"),
        good("2026-12-02"),
        poor("2026-12-03", open_shift=True),
    ]
    # Today's shift is still open at 0.5: it is left out, the run stays at 2.
    assert current_streak(history) == 2
    assert best_streak(history) == 2


def test_an_open_shift_counts_once_it_is_good():
    history = [
        good("2026-12-01"),
        good("2026-12-02"),
        good("2026-12-03", open_shift=True),
    ]
    assert current_streak(history) == 3
    assert best_streak(history) == 3


def test_an_open_shift_with_nothing_answered_yet_is_pending():
    history = [good("2026-12-01"), day("2026-12-02", open_shift=True)]
    assert current_streak(history) == 1


def test_a_closed_poor_latest_day_breaks_the_run():
    history = [good("2026-12-01"), good("2026-12-02"), poor("2026-12-03")]
    assert current_streak(history) == 0


def test_an_old_open_shift_is_judged_as_it_stands():
    # Only the latest work day can still become good; an older day left open
    # is judged on what it has.
    history = [
        good("2026-12-01"),
        poor("2026-12-02", open_shift=True),
        good("2026-12-03"),
    ]
    assert current_streak(history) == 1


def test_no_history_has_no_streak():
    assert current_streak([]) == 0
    assert best_streak([]) == 0


def test_each_item_has_its_own_streak_skipping_unanswered_days():
    history = [
        day("2026-12-01", {"clear": (3, 1, 0), "logged": (4, 0, 0)}),
        day("2026-12-02", {"clear": (5, 0, 0), "logged": (3, 1, 0)}),
        day("2026-12-03", {"greet": (0, 0, 2), "logged": (2, 0, 0)}),
        day("2026-12-04", {"clear": (6, 0, 0), "logged": (1, 0, 0)}),
    ]
    streaks = item_streaks(history)

    # clear: missed 12-01, clean 12-02, not answered 12-03, clean 12-04 -> 2
    assert (streaks["clear"].current, streaks["clear"].best) == (2, 2)
    # logged: clean 12-01, missed 12-02, clean 12-03 and 12-04 -> 2
    assert (streaks["logged"].current, streaks["logged"].best) == (2, 2)
    # greet was only ever n/a: never answered, so no streak at all
    assert "greet" not in streaks


def test_an_item_streak_survives_a_poor_day_without_a_miss_of_it():
    history = [
        day("2026-12-01", {"prep": (1, 0, 0), "clear": (0, 9, 0)}),
        day("2026-12-02", {"prep": (1, 0, 0), "clear": (0, 9, 0)}),
        day("2026-12-03", {"prep": (0, 1, 0), "clear": (9, 0, 0)}),
        day("2026-12-04", {"prep": (1, 0, 0), "clear": (9, 0, 0)}),
    ]
    streaks = item_streaks(history)

    # prep: clean, clean, missed, clean -> current 1, best 2
    assert (streaks["prep"].current, streaks["prep"].best) == (1, 2)
    # clear: missed, missed, clean, clean -> current 2, best 2
    assert (streaks["clear"].current, streaks["clear"].best) == (2, 2)
