"""Restore a backup copy over a history, for a test that kills it halfway.

Usage: restorer.py COPY DATABASE SAFETY_DIR. Prints ``start`` just before the
restore begins and ``restored`` when it has returned.
"""

from __future__ import annotations

import sys
from pathlib import Path

from cs_daily.store.restore import restore_database

if __name__ == "__main__":
    copy, db, safety = (Path(arg) for arg in sys.argv[1:4])
    print("start", flush=True)
    restore_database(copy, db, safety, "killed", force=True)
    print("restored", flush=True)
