"""Comparing output with a reviewed file under ``tests/export/golden``.

Run with ``CS_DAILY_UPDATE_GOLDEN=1`` to rewrite the files after a deliberate
change, then read the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN_DIR = Path(__file__).parent / "golden"
UPDATE_VARIABLE = "CS_DAILY_UPDATE_GOLDEN"


def assert_golden(name: str, data: bytes) -> None:
    path = GOLDEN_DIR / name
    if os.environ.get(UPDATE_VARIABLE) == "1":
        path.write_bytes(data)
    expected = path.read_bytes()
    assert data == expected, f"{name} differs; rerun with {UPDATE_VARIABLE}=1"
