"""Log interactions into the open shift as fast as possible, beside others.

Usage: writer.py DATABASE NAME COUNT. Each line printed names an interaction
the Store reported saved: ``<NAME> <interaction id> <tick ids...>``. Any error
is printed to stderr and ends the process with status 1.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from cs_daily.model import TickState
from cs_daily.store import Store

AT = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


def main() -> None:
    db, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    store = Store.open(db)
    shift = store.open_shift()
    assert shift is not None, "the test opens the shift first"

    for n in range(count):
        ticks = {"respond": TickState.DONE, "clear": TickState.MISSED}
        found = store.add_interaction(
            shift.id, "whatsapp", AT + timedelta(seconds=n), ticks, ref=name
        )
        print(name, found.id, *(t.id for t in found.ticks), flush=True)
    store.close()


if __name__ == "__main__":
    main()
