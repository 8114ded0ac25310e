"""A weekly export loads only what it uses, so the command starts quickly.

The export runs in a fresh interpreter (the test session has long since
imported everything) and reports the modules it loaded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# Loaded only to write, to import whole shifts, by other commands, or when a
# location is not given (the fixture gives them all in the environment).
NOT_FOR_A_WEEKLY_EXPORT = (
    "platformdirs",
    "importlib.resources",
    "hashlib",
    "tomli_w",
    "cs_daily.store.undo",
    "cs_daily.store.bulk",
    "cs_daily.store.tally",
    "cs_daily.figures.stats",
    "cs_daily.cli.stats_cmd",
    "cs_daily.cli.backup_cmd",
    "textual",
)

_PROBE = """
import json, sys
from cs_daily.cli.main import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def _loaded_by(argv: list[str], tmp_path: Path) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, *argv],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env=os.environ,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["code"] == 0
    return report["modules"]


def test_a_weekly_export_loads_nothing_it_does_not_use(
    history_db: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("CS_DAILY_DB", str(history_db))
    loaded = _loaded_by(["export", "--week", "2026-W49", "--format", "md"], tmp_path)

    assert (tmp_path / "cs-daily-2026-W49.md").is_file()
    assert [m for m in NOT_FOR_A_WEEKLY_EXPORT if m in loaded] == []


def test_the_probe_sees_another_command(history_db: Path, tmp_path: Path) -> None:
    """Guard against a probe that cannot fail."""
    loaded = _loaded_by(["--db", str(history_db), "stats"], tmp_path)

    assert "cs_daily.cli.stats_cmd" in loaded
