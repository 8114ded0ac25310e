"""Laws every history must obey, checked on generated histories."""

from dataclasses import replace
from datetime import date, timedelta

from history_builders import CHECKLIST, META, PERFECT, POOR, day
from hypothesis import given
from hypothesis import strategies as st

from cs_daily.figures.days import day_score, is_good_day
from cs_daily.figures.rates import item_totals, rate
from cs_daily.figures.reach import LOOKBACK_DAYS
from cs_daily.figures.stats import compute_stats
from cs_daily.figures.streaks import (
    best_streak,
    current_streak,
    fold_earlier,
    item_streaks,
)
from cs_daily.model import DayCounts, ItemCount

counts = st.builds(
    ItemCount,
    done=st.integers(0, 30),
    missed=st.integers(0, 30),
    na=st.integers(0, 30),
)
ticks = st.dictionaries(st.sampled_from(sorted(META)), counts, max_size=len(META))


counted_ticks = ticks.map(lambda t: {i: (c.done, c.missed, c.na) for i, c in t.items()})
# Random answers rarely make a good day; these make long runs of them likely.
streaky_ticks = st.one_of(
    st.just(PERFECT), st.just(PERFECT), st.just(POOR), counted_ticks
)


@st.composite
def histories(
    draw: st.DrawFn, answers: st.SearchStrategy[dict] = counted_ticks
) -> list[DayCounts]:
    """Work days in date order, with gaps of days off between them."""
    gaps = draw(st.lists(st.integers(1, 4), max_size=25))
    day_ticks = draw(st.lists(answers, min_size=len(gaps), max_size=len(gaps)))
    last_open = draw(st.booleans())

    history, work_day = [], date(2026, 1, 1)
    for index, (gap, counted) in enumerate(zip(gaps, day_ticks, strict=True)):
        work_day += timedelta(days=gap)
        is_last = index == len(gaps) - 1
        history.append(day(work_day, counted, open_shift=is_last and last_open))
    return history


@given(counts, st.integers(0, 100))
def test_na_never_changes_an_item_rate(count, extra_na):
    assert rate(count._replace(na=count.na + extra_na)) == rate(count)


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


@given(histories(streaky_ticks), st.data())
def test_folding_the_oldest_days_leaves_every_streak_as_it_was(history, data):
    # The latest work day stays unfolded: only it gets an open shift's grace.
    cut = data.draw(st.integers(0, max(len(history) - 1, 0)))
    folded = fold_earlier(history[:cut])
    rest = history[cut:]

    assert current_streak(rest, folded) == current_streak(history)
    assert best_streak(rest, folded) == best_streak(history)
    assert item_streaks(rest, folded) == item_streaks(history)


@given(histories(), st.data())
def test_folding_in_two_steps_is_folding_once(history, data):
    first = data.draw(st.integers(0, len(history)))
    second = data.draw(st.integers(first, len(history)))
    in_steps = fold_earlier(history[first:second], fold_earlier(history[:first]))

    assert in_steps == fold_earlier(history[:second])


@given(histories(streaky_ticks), st.data())
def test_stats_from_folded_old_days_are_the_stats_from_all_days(history, data):
    # Move the first days a year back, out of every window but the streaks'.
    cut = data.draw(st.integers(0, max(len(history) - 1, 0)))
    old = [replace(d, work_day=d.work_day - timedelta(days=365)) for d in history[:cut]]
    as_of = date(2026, 6, 1)
    assert all(d.work_day < as_of - timedelta(days=LOOKBACK_DAYS) for d in old)

    whole = compute_stats(old + history[cut:], as_of, CHECKLIST)
    folded = compute_stats(history[cut:], as_of, CHECKLIST, earlier=fold_earlier(old))

    assert folded == whole


@given(histories(streaky_ticks), st.data())
def test_days_already_folded_in_are_not_counted_twice(history, data):
    cut = data.draw(st.integers(0, max(len(history) - 1, 0)))
    before = history[cut].work_day if history else None
    folded = fold_earlier(history, before=before)

    assert current_streak(history, folded) == current_streak(history)
    assert best_streak(history, folded) == best_streak(history)
    assert item_streaks(history, folded) == item_streaks(history)
