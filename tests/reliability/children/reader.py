"""Read the history the way the CLI does, over and over, while others write.

Usage: reader.py DATABASE SECONDS. Runs ``cs-daily stats --json`` and a full
``cs-daily export --all`` against the database in a loop; prints how many
runs succeeded and exits 1 at the first one that did not.
"""

from __future__ import annotations

import contextlib
import io
import sys
import time

from cs_daily.cli.main import main as cli


def main() -> None:
    db, seconds = sys.argv[1], float(sys.argv[2])
    deadline = time.monotonic() + seconds
    runs = 0
    while time.monotonic() < deadline:
        for argv in (
            ["stats", "--json", "--as-of", "2026-03-02"],
            ["export", "--all", "--format", "json", "-o", "-"],
        ):
            out, err = io.TextIOWrapper(io.BytesIO()), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = cli([*argv, "--db", db])
            if code != 0:
                print(
                    f"{argv[0]} failed with {code}: {err.getvalue()}", file=sys.stderr
                )
                sys.exit(1)
            runs += 1
    print(runs, flush=True)


if __name__ == "__main__":
    main()
