"""Log interactions until the disk refuses more, as an agent on a full disk would.

Usage: fill.py DATABASE LIMIT_BYTES. With a limit above 0 the process may not
grow any file past it (RLIMIT_FSIZE), which is how a full disk looks to one
program. Prints ``saved <interaction id>`` after each write the Store
confirmed, then ``refused <message>`` for the first StoreError. Any other
exception escapes with a traceback, which the test treats as a failure.
"""

from __future__ import annotations

import resource
import signal
import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from cs_daily.checklist import load_bundled_checklist
from cs_daily.errors import StoreError
from cs_daily.model import TickState
from cs_daily.store import Store

AT = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
NOTE = "customer asked about the new price list; explained the policy " * 8


def main() -> None:
    db, limit = Path(sys.argv[1]), int(sys.argv[2])
    store = Store.open(db)
    shift = store.open_shift() or store.start_shift(load_bundled_checklist("en"), AT)
    if limit:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    for n in range(100_000):
        ticks = {"respond": TickState.DONE, "clear": TickState.MISSED}
        try:
            found = store.add_interaction(
                shift.id, "email", AT + timedelta(seconds=n), ticks, note=NOTE
            )
        except StoreError as error:
            print("refused", str(error).replace("\n", " "), flush=True)
            break
        print("saved", found.id, flush=True)

    store.close()


if __name__ == "__main__":
    main()
