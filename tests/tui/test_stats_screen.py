"""The statistics screen on a small known history, driven with Pilot."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from helpers import notices, text_of
from rich.console import Console
from textual.widgets import Sparkline, Static

from cs_daily.checklist import load_bundled_checklist
from cs_daily.figures.days import DayFigures
from cs_daily.model import Checklist, TickState
from cs_daily.store import InteractionData, Store
from cs_daily.tui.screens import stats as stats_screen
from cs_daily.tui.screens.stats import StatsScreen
from cs_daily.tui.widgets.heat_map import HeatMap, mark_for, marks, render_heat_map
from tests.tui.conftest import at

DONE, MISSED = TickState.DONE, TickState.MISSED


@pytest.fixture
def checklist() -> Checklist:
    return load_bundled_checklist("en")


@pytest.fixture
def history(store: Store, checklist: Checklist, clock) -> Store:
    """Three work days of 2026-W49; the clock reads Thursday 12-03 09:00.

    Mon 11-30: prep, sop, tools, crisis done; six WhatsApp chats with respond
      done 4 times and missed twice, clear and honest always done.
      Score (4 * 1.0 + 4/6 + 1.0 + 1.0) / 7 = 0.952: a good day.
    Tue 12-01, night shift 22:00 to 06:00: prep done; one phone call with
      respond and honest done. Score 1.0, counted on Tuesday.
    Wed 12-02: a day off.
    Thu 12-03, still open: prep done; one email, respond done. Score 1.0.
    """
    chats = [
        InteractionData(
            "whatsapp",
            at(30, 9 + n, month=11),
            {"respond": MISSED if n < 2 else DONE, "clear": DONE, "honest": DONE},
        )
        for n in range(6)
    ]
    start_items = {i: DONE for i in ("prep", "sop", "tools", "crisis")}
    store.import_shift(
        checklist,
        at(30, 8, month=11),
        at(30, 16, month=11),
        shift_ticks=start_items,
        interactions=chats,
    )
    call = InteractionData("phone", at(2, 1), {"respond": DONE, "honest": DONE})
    store.import_shift(
        checklist,
        at(1, 22),
        at(1, 22) + timedelta(hours=8),
        shift_ticks={"prep": DONE},
        interactions=[call],
    )
    today = store.start_shift(checklist, at(3, 8))
    store.set_tick(today.id, "prep", DONE, at(3, 8))
    store.add_interaction(today.id, "email", at(3, 8, 30), {"respond": DONE})
    clock.set(at(3, 9))
    return store


def table_text(app, selector: str) -> str:
    """The plain text of a rich table shown in a Static."""
    console = Console(width=100, record=True, file=io.StringIO())
    console.print(app.screen.query_one(selector, Static).content)
    return console.export_text()


async def open_stats(app, pilot) -> StatsScreen:
    await pilot.press("s")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, StatsScreen)
    return app.screen


async def test_headline_shows_today_streaks_and_weeks(make_app, history):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stats(app, pilot)
        headline = text_of(app, "#stats-headline")

    assert "Today: 100%, a good day" in headline
    # Mon, Tue (the night shift) and today: Wednesday off does not break it.
    assert "Streak: 3 good days; best 3" in headline
    # W49: (0.952 + 1.0 + 1.0) / 3 = 0.984, shown cut to 98%; no W48 shifts.
    assert "This week (2026-W49): 98%; last week – (–)" in headline


async def test_heat_map_marks_good_days_and_leaves_days_off_blank(make_app, history):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stats(app, pilot)
        rows = str(app.screen.query_one(HeatMap).render()).splitlines()

    by_weekday = {row[:3]: row for row in rows[1:]}
    # The last column is the week of 2026-11-30; its cell is the row's end.
    assert by_weekday["Mon"].rstrip().endswith("█")
    assert by_weekday["Tue"].rstrip().endswith("█")
    assert by_weekday["Thu"].rstrip().endswith("█")
    assert by_weekday["Wed"].strip() == "Wed"  # a day off: nothing drawn
    assert by_weekday["Sun"].strip() == "Sun"
    assert len(rows) == 8  # month names and seven weekdays


async def test_weak_areas_and_the_weekly_sparkline(make_app, history):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_stats(app, pilot)
        weak = text_of(app, "#stats-weak")
        line = screen.query_one("#stats-weeks", Sparkline)
        spark = list(line.data or [])
        caption = text_of(app, "#stats-weeks-caption")

    # respond over 11-27..12-03: done 4 + 1 + 1, missed 2: "missed 2 of 8"
    assert "First reply within the target time: missed 2 of 8 (75%), –" in weak
    assert spark == [pytest.approx((4 + 4 / 6 + 2) / 7 / 3 + 2 / 3)]
    assert caption.startswith("1 week with shifts, 2026-W49 to 2026-W49")
    assert not line.display, "one week is no line, just a solid block"


async def test_two_weeks_draw_the_weekly_line(make_app, history, checklist):
    history.import_shift(
        checklist, at(24, 8, month=11), at(24, 16, month=11), shift_ticks={"prep": DONE}
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_stats(app, pilot)
        line = screen.query_one("#stats-weeks", Sparkline)

        assert len(line.data or []) == 2
        assert line.display


async def test_categories_and_channels_are_listed(make_app, history):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_stats(app, pilot)
        categories = table_text(app, "#stats-categories")
        channels = table_text(app, "#stats-channels")

    assert "Readiness" in categories
    assert "missed 0 of 6" in categories  # prep 3, sop, tools, crisis once
    whatsapp = next(line for line in channels.splitlines() if "WhatsApp" in line)
    # 6 chats, 16 done and 2 missed ticks: 16/18 = 88.9 %, shown as 88%
    assert whatsapp.split()[1:] == ["6", "88%"]


async def test_figures_are_computed_once(make_app, history, monkeypatch):
    calls = []
    real = stats_screen.compute_stats

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(stats_screen, "compute_stats", counting)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stats(app, pilot)
        await pilot.press("end")
        await pilot.resize_terminal(120, 40)
        await pilot.press("home")
        await pilot.pause()

    assert calls == [1]


async def test_everything_can_be_scrolled_into_view_at_80_by_24(make_app, history):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_stats(app, pilot)
        channels = screen.query_one("#stats-channels")
        assert not screen.region.contains_region(channels.region)
        await pilot.press("end")
        await pilot.pause()
        assert screen.region.contains_region(channels.region)


@pytest.mark.parametrize("key", ["escape", "q"])
async def test_escape_and_q_go_back_to_today(make_app, history, key):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stats(app, pilot)
        await pilot.press(key)
        await pilot.pause()
        assert type(app.screen).__name__ == "TodayScreen"


async def test_an_empty_history_is_explained(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stats(app, pilot)
        assert "No shifts yet" in text_of(app, "#stats-headline")
        assert "Nothing missed often enough" in text_of(app, "#stats-weak")


def figures_of(
    score: float | None, *, good: bool = False, critical: int = 0
) -> DayFigures:
    return DayFigures(date(2026, 12, 1), score, good, critical, 0.8, 1, 10, False)


@pytest.mark.parametrize(
    ("figures", "kind"),
    [
        (figures_of(0.9, good=True), "good"),
        (figures_of(0.7), "close"),
        (figures_of(0.3), "low"),
        (figures_of(0.95, critical=1), "critical"),
        (figures_of(None), "empty"),
    ],
)
def test_each_kind_of_day_has_its_own_character(figures, kind):
    assert mark_for(figures) == kind
    characters = [mark.char for mark in marks().values()]
    assert len(set(characters)) == len(characters)
    assert " " not in characters  # blank is kept for days off


def test_sunday_weeks_put_sunday_on_the_first_row():
    rows = render_heat_map([], date(2026, 11, 1), date(2026, 12, 3), "sunday")
    assert [row[:3] for row in rows.plain.splitlines()[1:]] == [
        "Sun",
        "Mon",
        "Tue",
        "Wed",
        "Thu",
        "Fri",
        "Sat",
    ]


async def test_x_exports_the_week_and_asks_before_replacing_it(
    make_app, history, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    summary = tmp_path / "cs-daily-2026-W49.md"
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stats(app, pilot)
        await pilot.press("x")
        await pilot.pause()

        assert "2026-W49" in summary.read_text(encoding="utf-8")
        assert str(summary) in notices(app)[-1]

        summary.write_text("an older summary", encoding="utf-8")
        await pilot.press("x")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmModal"
        await pilot.press("y")
        await pilot.pause()

        assert "2026-W49" in summary.read_text(encoding="utf-8")
        assert type(app.screen).__name__ == "StatsScreen"
