"""Item, category, channel and n/a rates against figures worked out by hand."""

from history_builders import day

from cs_daily.figures.rates import (
    category_scores,
    channel_figures,
    item_totals,
    na_rate,
    rate,
)
from cs_daily.model import ItemCount


def test_rate_is_done_over_answered_and_ignores_na():
    # 3 done, 1 missed, 2 n/a: 3 / (3 + 1) = 0.75
    assert rate(ItemCount(done=3, missed=1, na=2)) == 0.75


def test_rate_with_nothing_answered_is_undefined_not_zero():
    assert rate(ItemCount()) is None
    assert rate(ItemCount(na=4)) is None


def test_na_rate_is_the_share_of_all_answers():
    # 2 n/a out of 3 + 1 + 2 = 6 answers = 1/3
    assert na_rate(ItemCount(done=3, missed=1, na=2)) == 2 / 6
    assert na_rate(ItemCount()) is None


def test_an_item_that_was_always_na_has_no_rate_but_a_full_na_rate():
    days = [
        day("2026-12-01", {"greet": (0, 0, 12), "clear": (11, 1, 0)}),
        day("2026-12-02", {"greet": (0, 0, 9), "clear": (9, 0, 0)}),
    ]
    greet = item_totals(days)["greet"]

    # 21 n/a, nothing done or missed.
    assert greet == ItemCount(done=0, missed=0, na=21)
    assert rate(greet) is None
    assert na_rate(greet) == 1.0


def test_item_totals_add_up_over_days():
    days = [
        day("2026-12-01", {"clear": (11, 1, 0)}),
        day("2026-12-02", {"clear": (7, 2, 1)}),
    ]
    # clear: done 11 + 7 = 18, missed 1 + 2 = 3, n/a 0 + 1 = 1
    assert item_totals(days)["clear"] == ItemCount(18, 3, 1)


def test_category_score_is_the_mean_of_its_items_not_pooled_ticks():
    days = [day("2026-12-01", {"clear": (3, 1, 0), "greet": (1, 0, 0)})]
    comm = category_scores(days)["comm"]

    # clear 3/4 = 0.75 and greet 1/1 = 1.0: (0.75 + 1.0) / 2 = 0.875.
    # Pooling the ticks would give 4/5 = 0.8 instead.
    assert comm.score == 0.875
    assert (comm.items_answered, comm.done, comm.missed) == (2, 4, 1)


def test_category_score_uses_weights():
    days = [day("2026-12-01", {"solve": (1, 1, 0), "logged": (4, 0, 0)})]

    # solve 1/2 = 0.5 weighs 2, logged 4/4 = 1.0 weighs 1:
    # (0.5 * 2 + 1.0 * 1) / 3 = 2/3
    assert category_scores(days)["resolve"].score == 2 / 3


def test_category_with_only_na_answers_has_no_score():
    days = [day("2026-12-01", {"greet": (0, 0, 5)})]
    assert category_scores(days)["comm"].score is None


def test_channels_give_volume_and_pooled_score():
    days = [
        day(
            "2026-12-01",
            channels={"whatsapp": (8, 2, 1)},
            interactions={"whatsapp": 2, "phone": 1},
        ),
        day(
            "2026-12-02",
            channels={"whatsapp": (2, 0, 0)},
            interactions={"whatsapp": 1},
        ),
    ]
    figures = channel_figures(days)

    # whatsapp: 2 + 1 = 3 interactions; (8 + 2) / (8 + 2 + 2 + 0) = 10/12
    assert figures["whatsapp"].interactions == 3
    assert figures["whatsapp"].score == 10 / 12
    # phone: one interaction, no tick counted: volume without a score
    assert figures["phone"].interactions == 1
    assert figures["phone"].score is None
