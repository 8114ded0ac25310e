"""The bundle the stats screen and command show, on a small known history."""

from datetime import date

from history_builders import CHECKLIST, day, good, poor

from cs_daily.figures.stats import compute_stats

AS_OF = date(2026, 12, 10)  # a Thursday in 2026-W50

HISTORY = [
    good("2026-12-01"),  # Tue W49
    poor("2026-12-02"),  # Wed W49: 0.5
    good("2026-12-07"),  # Mon W50
    good("2026-12-08"),  # Tue W50
    day(
        "2026-12-10",  # Thu W50, still open: prep 1.0, clear 3/4, logged 1/5
        {
            "prep": (1, 0, 0),
            "clear": (3, 1, 0),
            "logged": (1, 4, 0),
            "greet": (0, 0, 5),
        },
        open_shift=True,
        channels={"whatsapp": (4, 5, 5), "phone": (0, 0, 0)},
        interactions={"whatsapp": 4, "phone": 1},
    ),
    good("2026-12-11"),  # after as_of: must be ignored
]


def test_headline_figures():
    stats = compute_stats(HISTORY, AS_OF, CHECKLIST)

    # today: (1.0 + 0.75 + 0.2) / 3 = 0.65, open and not yet good
    assert stats.today is not None
    assert stats.today.score == 1.95 / 3
    assert not stats.today.good
    assert stats.latest == stats.today
    # the open day is pending: Mon and Tue of W50 make the run; best also 2
    assert (stats.current_streak, stats.best_streak) == (2, 2)
    # W50: (1.0 + 1.0 + 0.65) / 3; W49: (1.0 + 0.5) / 2
    assert stats.this_week.week.label == "2026-W50"
    assert stats.this_week.score == (2 + 1.95 / 3) / 3
    assert stats.last_week.score == 0.75
    assert stats.has_history


def test_items_follow_the_checklist_with_period_rates_and_streaks():
    stats = compute_stats(HISTORY, AS_OF, CHECKLIST)
    items = {i.item_id: i for i in stats.items}

    assert [i.item_id for i in stats.items] == [i.id for i in CHECKLIST.items]
    # clear: 10 + 0 + 10 + 10 + 3 done, 10 + 1 missed over the 30 days
    assert (items["clear"].done, items["clear"].missed) == (33, 11)
    assert items["clear"].rate == 33 / 44
    # clear missed on 12-02 and 12-10 (today): no current run; best 2
    assert (items["clear"].streak, items["clear"].best_streak) == (0, 2)
    assert items["greet"].rate is None
    assert items["greet"].na_rate == 1.0
    assert items["solve"].rate is None


def test_calendar_weeks_and_channels():
    stats = compute_stats(HISTORY, AS_OF, CHECKLIST, period_days=7)

    assert [d.work_day.day for d in stats.days] == [1, 2, 7, 8, 10]
    assert len(stats.weeks) == 26
    assert stats.weeks[-1] == stats.this_week
    # 7 days from 12-04: only 12-07, 12-08, 12-10 count
    assert stats.totals.work_days == 3
    assert [c.channel for c in stats.channels] == ["whatsapp", "phone"]
    assert stats.channels[0].score == 4 / 9
    assert stats.labels.channel("phone") == "Phone"
    assert stats.labels.item("logged") == "Logged"


def test_weak_areas_in_both_windows():
    stats = compute_stats(HISTORY, AS_OF, CHECKLIST)

    # 7 days: logged missed 4 of 5 (0.2); clear 20 + 3 done, 1 missed: 23/24
    assert [(w.item_id, w.missed, w.answered) for w in stats.weak[7]] == [
        ("logged", 4, 5),
        ("clear", 1, 24),
    ]
    # 30 days: clear missed 11 of 44 comes second
    assert [w.item_id for w in stats.weak[30]] == ["logged", "clear"]


def test_an_empty_history_is_not_an_error():
    stats = compute_stats([], AS_OF, CHECKLIST, "sunday")

    assert not stats.has_history
    assert stats.today is None
    assert stats.latest is None
    assert (stats.current_streak, stats.best_streak) == (0, 0)
    assert stats.this_week.score is None
    assert stats.this_week.week.label == "2026-12-06"
    assert stats.weak == {7: (), 30: ()}
    assert stats.most_improved is None


def test_after_midnight_in_a_night_shift_the_latest_day_is_yesterday():
    night = good("2026-12-09", open_shift=True)
    stats = compute_stats([night], AS_OF, CHECKLIST)

    assert stats.today is None
    assert stats.latest is not None
    assert stats.latest.work_day == date(2026, 12, 9)
    assert stats.current_streak == 1
