"""A bulk block counts its imports itself; the counts still equal a rebuild.

Inside :meth:`Store.bulk` the count triggers are taken down while shifts are
imported and their answers are tallied in memory; any other write, a read of
the counts, or the end of the block writes the tally and puts the triggers
back. Whatever mix of writes a block holds, the counts must come out as the
triggers alone would have left them.
"""

from __future__ import annotations

import sqlite3
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cs_daily.model import TickState
from cs_daily.store import InteractionData, Store
from cs_daily.store.tally import COUNT_TRIGGERS
from tests.store.conftest import local
from tests.store.test_counts_law import (
    CHANNELS,
    CHECKLIST,
    Driver,
    interaction_ticks,
    operations,
    states,
)

imports = st.tuples(
    st.just("import"),
    st.integers(0, 20),
    st.dictionaries(st.sampled_from(["prep", "tools", "sweep", "team"]), states),
    st.lists(st.tuples(st.sampled_from(CHANNELS), interaction_ticks), max_size=4),
)


class BulkDriver(Driver):
    """The counting law's operations, plus whole imported shifts."""

    def op_import(self, day: int, shift_ticks: dict, contacts: list) -> None:
        start = local(10 + day, 8, month=4)
        self.store.import_shift(
            CHECKLIST,
            start,
            start + timedelta(hours=8),
            shift_ticks={k: v for k, v in shift_ticks.items() if v != "na"},
            interactions=[
                InteractionData(channel, start + timedelta(minutes=n), ticks)
                for n, (channel, ticks) in enumerate(contacts)
            ],
        )


def _count_rows(store: Store) -> tuple[list[tuple], list[tuple]]:
    conn: sqlite3.Connection = store._conn
    return (
        conn.execute("SELECT * FROM day_item_counts ORDER BY 1, 2").fetchall(),
        conn.execute("SELECT * FROM day_channel_counts ORDER BY 1, 2").fetchall(),
    )


def _triggers(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT name FROM sqlite_schema WHERE type = 'trigger'")
        return {row[0] for row in rows}
    finally:
        conn.close()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(operations, max_size=6),
    st.lists(st.one_of(imports, operations), max_size=30),
)
def test_counts_after_a_bulk_block_equal_a_rebuild(
    before: list[tuple], inside: list[tuple]
):
    with (
        tempfile.TemporaryDirectory() as folder,
        Store.open(Path(folder) / "history.sqlite3") as store,
    ):
        driver = BulkDriver(store)
        for operation in before:
            driver.apply(operation)
        with store.bulk():
            for operation in inside:
                driver.apply(operation)

        maintained = _count_rows(store)
        days = store.day_counts()
        store.rebuild_counts()

        assert _count_rows(store) == maintained
        assert store.day_counts() == days
        assert set(COUNT_TRIGGERS) <= _triggers(store.path)


def _contacts(n: int) -> list[InteractionData]:
    ticks = {"clear": TickState.DONE, "honest": TickState.MISSED}
    return [
        InteractionData("phone", local(3, 9) + timedelta(minutes=m), ticks)
        for m in range(n)
    ]


def test_counts_read_inside_a_bulk_block_include_its_imports(store: Store):
    with store.bulk():
        store.import_shift(
            CHECKLIST, local(3, 8), local(3, 16), interactions=_contacts(3)
        )
        (day,) = store.day_counts()

        assert day.items["clear"].done == 3
        assert day.interactions_by_channel == {"phone": 3}


def test_a_failed_bulk_block_leaves_counts_and_triggers_as_they_were(
    store: Store, db_path: Path
):
    triggers = _triggers(db_path)

    with pytest.raises(RuntimeError), store.bulk():
        store.import_shift(
            CHECKLIST, local(3, 8), local(3, 16), interactions=_contacts(2)
        )
        raise RuntimeError("stop")

    assert _triggers(db_path) == triggers
    assert store.day_counts() == []
    assert store.latest_shifts(5) == []
    store.add_interaction(
        store.start_shift(CHECKLIST, local(4, 8)).id,
        "phone",
        local(4, 9),
        {"clear": TickState.DONE},
    )
    (day,) = store.day_counts()
    assert day.items["clear"].done == 1
