"""Import a full backup into a history, for a test that kills it halfway.

Usage: importer.py BACKUP DATABASE. Runs ``cs-daily import`` in this process
and prints ``imported`` when it returns.
"""

from __future__ import annotations

import sys

from cs_daily.cli.main import main

if __name__ == "__main__":
    code = main(["import", sys.argv[1], "--db", sys.argv[2]])
    print("imported" if code == 0 else f"failed {code}", flush=True)
