"""Import a full backup into a history, for a test that kills it halfway.

Usage: importer.py BACKUP DATABASE. Runs ``cs-daily import`` in this process.
Prints ``begun`` once the import's transaction has started (so the test can
aim its kill inside it) and ``imported`` when the command has returned.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from cs_daily.cli.main import main
from cs_daily.store import Store

_bulk = Store.bulk


@contextmanager
def announced_bulk(self: Store) -> Iterator[Store]:
    with _bulk(self) as store:
        print("begun", flush=True)
        yield store


if __name__ == "__main__":
    Store.bulk = announced_bulk  # type: ignore[method-assign]
    code = main(["import", sys.argv[1], "--db", sys.argv[2]])
    print("imported" if code == 0 else f"failed {code}", flush=True)
