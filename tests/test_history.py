"""The streak checkpoint: kept by the app, used by every reader, never wrong.

Each test works on a copy of a year and a bit of demo history and holds the
figures read through the checkpoint to the figures of every day read whole.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from cs_daily.checklist import load_bundled_checklist
from cs_daily.demo import generate_history
from cs_daily.export.build import SummaryRequest, build_summary
from cs_daily.export.period import parse_week
from cs_daily.figures.reach import LOOKBACK_DAYS
from cs_daily.figures.stats import Stats, compute_stats
from cs_daily.figures.streaks import best_streak, current_streak
from cs_daily.history import MARGIN_DAYS, History, decode, read_history
from cs_daily.store import Store, counts

CHECKLIST = load_bundled_checklist("en")
END = date(2026, 12, 2)
PLACE = END - timedelta(days=MARGIN_DAYS)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("history") / "made.sqlite3"
    with Store.open(path) as store:
        generate_history(store, CHECKLIST, weeks=60, seed=3, end=END)
    return path


@pytest.fixture
def db(made: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "history.sqlite3"
    shutil.copyfile(made, copy)
    return copy


def whole_stats(path: Path, as_of: date) -> Stats:
    """The figures from every counted day, no checkpoint involved."""
    with Store.open(path, readonly=True) as store:
        return compute_stats(store.day_counts(None, as_of), as_of, CHECKLIST)


def stats(history: History, as_of: date) -> Stats:
    return compute_stats(history.days, as_of, CHECKLIST, earlier=history.earlier)


def kept_before(path: Path) -> date | None:
    with Store.open(path, readonly=True) as store:
        return store.streak_checkpoint().before


def start_app(path: Path, as_of: date = END) -> History:
    """What a start of the app does: read the history on a writable store."""
    with Store.open(path) as store:
        return read_history(store, as_of)


def change_a_tick(path: Path, first: date, last: date) -> None:
    """Another program turns one answer of ``first..last`` from done to missed."""
    conn = sqlite3.connect(path)
    with conn:
        changed = conn.execute(
            "UPDATE ticks SET state = 'missed' WHERE id = (SELECT t.id FROM ticks"
            " AS t JOIN shifts AS s ON s.id = t.shift_id WHERE t.state = 'done'"
            " AND s.work_day BETWEEN ? AND ? ORDER BY t.id LIMIT 1)",
            (first.isoformat(), last.isoformat()),
        ).rowcount
    conn.close()
    assert changed == 1


def test_a_start_keeps_a_checkpoint_and_the_figures_stay_the_same(db):
    history = start_app(db)

    assert kept_before(db) == PLACE
    assert history.earlier.before == PLACE
    assert history.days[0].work_day >= END - timedelta(days=LOOKBACK_DAYS - 1)
    assert history.earlier.work_days > 200
    assert stats(history, END) == whole_stats(db, END)


@pytest.mark.parametrize(
    ("reach", "first"),
    [(LOOKBACK_DAYS, END - timedelta(days=LOOKBACK_DAYS - 1)), (1, PLACE)],
    ids=["stats", "today"],
)
def test_a_later_reader_reads_what_its_figures_need_and_no_more(
    db, monkeypatch: pytest.MonkeyPatch, reach: int, first: date
):
    start_app(db)
    asked: list[str] = []
    load = counts.load

    def spy(conn, snapshots, first, last):  # type: ignore[no-untyped-def]
        asked.append(first)
        return load(conn, snapshots, first, last)

    monkeypatch.setattr(counts, "load", spy)
    with Store.open(db, readonly=True) as store:
        history = read_history(store, END, reach)

    assert asked == [first.isoformat()]
    monkeypatch.undo()
    whole = whole_stats(db, END)
    assert current_streak(history.days, history.earlier) == whole.current_streak
    assert best_streak(history.days, history.earlier) == whole.best_streak
    if reach >= LOOKBACK_DAYS:
        assert stats(history, END) == whole


def test_a_write_before_the_checkpoint_drops_it_and_the_figures_follow(db):
    start_app(db)
    change_a_tick(db, date.min, PLACE - timedelta(days=1))

    assert kept_before(db) is None
    with Store.open(db, readonly=True) as store:
        history = read_history(store, END)
    assert stats(history, END) == whole_stats(db, END)

    start_app(db)
    assert kept_before(db) == PLACE


def test_a_write_after_the_checkpoint_keeps_it(db):
    start_app(db)
    change_a_tick(db, PLACE, END)

    assert kept_before(db) == PLACE


def test_a_checkpoint_that_lags_moves_on(db):
    start_app(db, END - timedelta(days=2 * MARGIN_DAYS))
    assert kept_before(db) == PLACE - timedelta(days=2 * MARGIN_DAYS)

    history = start_app(db)

    assert kept_before(db) == PLACE
    assert stats(history, END) == whole_stats(db, END)


def test_a_read_only_reader_uses_a_lagging_checkpoint_as_it_is(db):
    start_app(db, END - timedelta(days=2 * MARGIN_DAYS))
    lagging = kept_before(db)

    with Store.open(db, readonly=True) as store:
        history = read_history(store, END)

    assert stats(history, END) == whole_stats(db, END)
    assert kept_before(db) == lagging


def test_a_checkpoint_is_not_kept_over_another_programs_write(db):
    with Store.open(db) as store:
        seen = store.streak_checkpoint().seen
        other = sqlite3.connect(db)
        with other:
            other.execute("UPDATE shifts SET reflection = 'later' WHERE id = 1")
        other.close()

        assert not store.keep_streak_checkpoint(PLACE, "{}", seen)
    assert kept_before(db) is None


def test_a_checkpoint_it_cannot_read_is_folded_again(db):
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(
            "INSERT INTO streak_checkpoint VALUES (1, ?, '{\"format\": 99}')",
            (PLACE.isoformat(),),
        )
    conn.close()

    history = start_app(db)

    assert stats(history, END) == whole_stats(db, END)
    with Store.open(db, readonly=True) as store:
        kept = store.streak_checkpoint()
        assert decode(kept.body, kept.before) == history.earlier


def test_a_read_only_reader_writes_nothing(db):
    before = db.read_bytes()

    with Store.open(db, readonly=True) as store:
        history = read_history(store, END)

    assert stats(history, END) == whole_stats(db, END)
    assert db.read_bytes() == before
    assert kept_before(db) is None


@pytest.mark.parametrize("week", ["2026-W48", "2026-W09"], ids=["recent", "old"])
def test_a_weekly_summary_is_the_same_with_or_without_a_checkpoint(db, week):
    request = SummaryRequest(period=parse_week(week))
    with Store.open(db, readonly=True) as store:
        whole = build_summary(store, CHECKLIST, request)

    start_app(db)
    with Store.open(db, readonly=True) as store:
        assert build_summary(store, CHECKLIST, request) == whole


def test_days_before_the_loaded_ones_are_read_when_asked_for(db):
    with Store.open(db, readonly=True) as fresh:
        every_day = fresh.day_counts(None, END)

    start_app(db)
    with Store.open(db) as store:
        recent = read_history(store, END).days
        assert store.day_counts(None, END) == every_day
        assert store.day_counts(recent[0].work_day, END) == recent
