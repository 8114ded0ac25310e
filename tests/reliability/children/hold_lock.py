"""Hold the history's write lock for a while, as a large import does.

Usage: hold_lock.py DATABASE SECONDS. Takes the write lock through the Store
(a bulk block, as ``cs-daily import`` uses), prints ``holding``, writes one
shift, sleeps, then commits and prints ``released``.
"""

from __future__ import annotations

import sys
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from cs_daily.checklist import load_bundled_checklist
from cs_daily.store import Store

if __name__ == "__main__":
    db, seconds = Path(sys.argv[1]), float(sys.argv[2])
    with Store.open(db) as store, store.bulk():
        start = datetime(2025, 1, 6, 8, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
        store.import_shift(load_bundled_checklist("en"), start, start)
        print("holding", flush=True)
        time.sleep(seconds)
    print("released", flush=True)
