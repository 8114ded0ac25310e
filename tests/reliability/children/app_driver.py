"""Drive the real shift companion headless and log interactions by keystroke.

The clock starts an hour into the shift the test opened (2 March 2026, 08:00
in Jakarta), so the app treats it as the shift under way.

Usage: app_driver.py DATABASE COUNT. Builds the app with the same factory the
CLI uses, presses ``i w enter`` COUNT times, and prints the notifications the
agent would have seen as JSON, so the test can check that no "database is
locked" ever reached the screen.
"""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from cs_daily.checklist import load_bundled_checklist
from cs_daily.clock import FrozenClock
from cs_daily.settings import Settings
from cs_daily.store import Store
from cs_daily.tui.app import build_app


async def drive(db: Path, count: int) -> list[str]:
    clock = FrozenClock(datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta")))
    with Store.open(db) as store:
        app = build_app(load_bundled_checklist("en"), store, clock, Settings())
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            for _ in range(count):
                await pilot.press("i", "w", "enter")
                await pilot.pause()
                clock.advance(seconds=30)
            return [str(n.message) for n in app._notifications]


if __name__ == "__main__":
    print(json.dumps(asyncio.run(drive(Path(sys.argv[1]), int(sys.argv[2])))))
