"""Settings every test shares."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def nothing_left_frozen() -> Iterator[None]:
    """Undo the freeze an app started through the launcher does once drawn.

    Frozen objects are never collected; in a test run, which starts the app
    many times in one process, that would keep every earlier test's garbage.
    """
    yield
    gc.unfreeze()
