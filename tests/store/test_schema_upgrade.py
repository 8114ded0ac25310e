"""A history written at schema version 1 upgrades to version 2 with nothing lost.

Version 1 files are built here with the migration list cut back to its first
entry and filled with rows as version 1 wrote them (answer times as ISO
text). Opening them with today's store must keep every row, every count and
every instant to the microsecond.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cs_daily.errors import StoreError
from cs_daily.model import TickState
from cs_daily.store import Store, schema
from tests.reliability.helpers import counts_match_rebuild
from tests.store.conftest import make_checklist

CHECKLIST = make_checklist()
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TICK_COLUMNS = "id, shift_id, interaction_id, item_id, state, answered_at"


def _version_1(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty history at schema version 1, as that version created it."""
    with monkeypatch.context() as patch:
        patch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
        Store.open(path).close()


def _v1_text(instant: datetime) -> str:
    return instant.astimezone(UTC).isoformat(timespec="microseconds")


def _fill(path: Path, answers: list[tuple[datetime, str]]) -> int:
    """One shift with one interaction per answer, as version 1 wrote them."""
    digest = CHECKLIST.content_hash()
    body = json.dumps(CHECKLIST.to_dict(), sort_keys=True, ensure_ascii=False)
    start = datetime(2026, 3, 29, 1, 30, tzinfo=AMSTERDAM)
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO checklist_snapshots VALUES (?, 'test', ?)", (digest, body)
        )
        conn.execute(
            "INSERT INTO shifts (id, started_at, zone, utc_offset_minutes, work_day,"
            " checklist_id, checklist_hash, last_activity_at)"
            " VALUES (1, ?, 'Europe/Amsterdam', 60, '2026-03-29', 'test', ?, ?)",
            (_v1_text(start), digest, _v1_text(start)),
        )
        conn.execute(
            "INSERT INTO ticks (shift_id, item_id, state, answered_at)"
            " VALUES (1, 'prep', 'done', ?)",
            (_v1_text(start),),
        )
        for seq, (instant, state) in enumerate(answers, start=1):
            conn.execute(
                "INSERT INTO interactions (id, shift_id, seq, channel, started_at)"
                " VALUES (?, 1, ?, 'phone', ?)",
                (seq, seq, _v1_text(instant)),
            )
            conn.execute(
                "INSERT INTO ticks (shift_id, interaction_id, item_id, state,"
                " answered_at) VALUES (1, ?, 'clear', ?, ?)",
                (seq, state, _v1_text(instant)),
            )
    conn.close()
    return len(answers)


def _table(path: Path, query: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()


def _snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    return {
        "ticks": _table(path, f"SELECT {TICK_COLUMNS} FROM ticks ORDER BY id"),
        "items": _table(path, "SELECT * FROM day_item_counts ORDER BY 1, 2"),
        "channels": _table(path, "SELECT * FROM day_channel_counts ORDER BY 1, 2"),
        "shifts": _table(path, "SELECT * FROM shifts ORDER BY id"),
        "interactions": _table(path, "SELECT * FROM interactions ORDER BY id"),
    }


instants = st.datetimes(
    min_value=datetime(1, 1, 2),
    max_value=datetime(9999, 12, 30),
    timezones=st.sampled_from([UTC, AMSTERDAM, ZoneInfo("Asia/Jakarta")]),
)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(instants, st.sampled_from(["done", "missed", "na"]))))
def test_a_version_1_history_upgrades_with_every_row_and_instant_kept(
    answers: list[tuple[datetime, str]],
):
    with (
        pytest.MonkeyPatch.context() as monkeypatch,
        tempfile.TemporaryDirectory() as folder,
    ):
        path = Path(folder) / "history.sqlite3"
        _version_1(path, monkeypatch)
        _fill(path, answers)
        before = _snapshot(path)

        with Store.open(path) as store:
            assert store.schema_version == schema.current_version()
            read_back = [
                tick.answered_at.astimezone(UTC)
                for interaction in store.interactions(1)
                for tick in interaction.ticks
            ]

        assert _snapshot(path) == before
        assert counts_match_rebuild(path)
        assert read_back == [instant.astimezone(UTC) for instant, _ in answers]


def test_the_upgrade_drops_the_by_shift_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    path = tmp_path / "history.sqlite3"
    _version_1(path, monkeypatch)
    _fill(path, [(datetime(2026, 3, 29, 9, tzinfo=AMSTERDAM), "done")])

    Store.open(path).close()

    indexes = {row[0] for row in _table(path, "SELECT name FROM sqlite_schema")}
    assert "ticks_by_shift" not in indexes
    assert "ticks_one_per_interaction_item" in indexes


def test_the_upgrade_gives_the_rebuilt_table_s_space_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    path = tmp_path / "history.sqlite3"
    _version_1(path, monkeypatch)
    start = datetime(2026, 3, 29, 9, tzinfo=AMSTERDAM)
    _fill(path, [(start, "done")] * 3000)
    before = path.stat().st_size

    Store.open(path).close()

    assert _table(path, "PRAGMA freelist_count") == [(0,)]
    assert path.stat().st_size < before


def test_an_answer_time_in_a_strange_form_stops_the_upgrade_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    path = tmp_path / "history.sqlite3"
    _version_1(path, monkeypatch)
    _fill(path, [(datetime(2026, 3, 29, 9, tzinfo=AMSTERDAM), "done")])
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE ticks SET answered_at = '2026-03-29 07:00:00'")
    conn.close()
    before = _snapshot(path)

    with pytest.raises(StoreError, match="answer times"):
        Store.open(path)

    assert _table(path, "PRAGMA user_version") == [(1,)]
    assert _snapshot(path) == before


def test_answers_written_after_the_upgrade_read_back_exactly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    path = tmp_path / "history.sqlite3"
    _version_1(path, monkeypatch)
    _fill(path, [])
    at = datetime(2026, 3, 29, 9, 15, 7, 654321, tzinfo=AMSTERDAM)

    with Store.open(path) as store:
        tick = store.set_tick(1, "sweep", TickState.MISSED, at)
        assert tick.answered_at == at
        assert store.last_activity(1) == at

    assert _table(path, "SELECT answered_at FROM ticks WHERE item_id = 'sweep'") == [
        (_v1_text(at),)
    ]
