"""Laws every history must obey, checked on generated histories."""

from dataclasses import replace
from datetime import date, timedelta

from history_builders import META, day
from hypothesis import given
from hypothesis import strategies as st

from cs_daily.figures.days import day_score, is_good_day
from cs_daily.figures.rates import item_totals, rate
from cs_daily.figures.streaks import best_streak, current_streak, item_streaks
from cs_daily.model import DayCounts, ItemCount

counts = st.builds(
    ItemCount,
    done=st.integers(0, 30),
    missed=st.integers(0, 30),
    na=st.integers(0, 30),
)
ticks = st.dictionaries(st.sampled_from(sorted(META)), counts, max_size=len(META))


@st.composite
def histories(draw: st.DrawFn) -> list[DayCounts]:
    """Work days in date order, with gaps of days off between them."""
    gaps = draw(st.lists(st.integers(1, 4), max_size=25))
    day_ticks = draw(st.lists(ticks, min_size=len(gaps), max_size=len(gaps)))
    last_open = draw(st.booleans())

    history, work_day = [], date(2026, 1, 1)
    for index, (gap, answers) in enumerate(zip(gaps, day_ticks, strict=True)):
        work_day += timedelta(days=gap)
        is_last = index == len(gaps) - 1
        counted = {i: (c.done, c.missed, c.na) for i, c in answers.items()}
        history.append(day(work_day, counted, open_shift=is_last and last_open))
    return history


@given(counts, st.integers(0, 100))
def test_na_never_changes_an_item_rate(count, extra_na):
    assert rate(replace(count, na=count.na + extra_na)) == rate(count)


@given(ticks, st.sampled_from(sorted(META)), st.integers(1, 100))
def test_na_never_changes_a_day_score(answers, item_id, extra_na):
    counted = {i: (c.done, c.missed, c.na) for i, c in answers.items()}
    before = day("2026-12-01", counted)
    done, missed, na = counted.get(item_id, (0, 0, 0))
    after = day("2026-12-01", {**counted, item_id: (done, missed, na + extra_na)})
    assert day_score(after) == day_score(before)


@given(ticks)
def test_day_score_is_between_zero_and_one_or_none(answers):
    counted = {i: (c.done, c.missed, c.na) for i, c in answers.items()}
    score = day_score(day("2026-12-01", counted))

    nothing_answered = all(c.answered == 0 for c in answers.values())
    assert (score is None) == nothing_answered
    assert score is None or 0.0 <= score <= 1.0


@given(histories(), st.integers(1, 10))
def test_days_off_never_change_a_streak(history, spread):
    # Move every work day further apart and fill the gaps with counted days
    # that had no shift: the streaks must not move.
    spaced = [
        replace(d, work_day=date(2026, 1, 1) + timedelta(days=i * (spread + 1)))
        for i, d in enumerate(history)
    ]
    days_off = [
        day(d.work_day + timedelta(days=1), {"clear": (0, 5, 0)}, shifts=0)
        for d in spaced
    ]
    assert current_streak(spaced + days_off) == current_streak(history)
    assert best_streak(spaced + days_off) == best_streak(history)
    assert item_streaks(spaced + days_off) == item_streaks(history)


@given(histories())
def test_best_streak_is_never_below_the_current_one(history):
    assert best_streak(history) >= current_streak(history)


@given(histories())
def test_a_streak_never_exceeds_the_number_of_good_days(history):
    good_days = sum(is_good_day(d) for d in history)
    assert current_streak(history) <= best_streak(history) <= good_days


@given(histories())
def test_item_streaks_never_exceed_the_days_the_item_was_kept(history):
    for item_id, streak in item_streaks(history).items():
        clean_days = sum(
            1
            for d in history
            if item_id in d.items
            and d.items[item_id].answered > 0
            and d.items[item_id].missed == 0
        )
        assert streak.current <= streak.best <= clean_days


@given(histories())
def test_totals_are_sums_of_days(history):
    totals = item_totals(history)
    for item_id, count in totals.items():
        assert count.done == sum(
            d.items[item_id].done for d in history if item_id in d.items
        )
