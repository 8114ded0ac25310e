"""Ticks through the running app: key event in, commit seen from outside.

Filled in once the interface lands; until then :func:`key_presses` says so.
"""

from __future__ import annotations

from pathlib import Path

from bench import project
from bench.context import Context


def key_presses(ctx: Context, database: Path) -> list[float]:
    raise project.Missing("the tick keys of the interface are not wired up yet")
