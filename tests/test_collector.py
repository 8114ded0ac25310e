"""The cyclic garbage collector waits while cs-daily starts."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from cs_daily import collector


@pytest.fixture(autouse=True)
def collector_as_it_was() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    if enabled:
        gc.enable()


def test_the_collector_is_paused_inside_the_block_and_put_back_after():
    gc.enable()
    gc.unfreeze()
    with collector.paused():
        assert not gc.isenabled()
        built = [[n] for n in range(100)]
    assert gc.isenabled()
    assert gc.get_freeze_count() > len(built)


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    with collector.paused():
        pass
    assert not gc.isenabled()


def test_after_a_paused_start_what_it_built_is_frozen_and_collection_resumes():
    gc.disable()
    gc.unfreeze()
    built = [[n] for n in range(100)]

    collector.resume_after_start()

    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(built)


def test_after_a_start_that_was_not_paused_nothing_is_frozen():
    gc.enable()
    frozen = gc.get_freeze_count()

    collector.resume_after_start()

    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
