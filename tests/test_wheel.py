"""The wheel carries both bundled checklists, and the installed code finds them.

The wheel is built from this checkout and unpacked; a fresh interpreter with
only the unpacked wheel ahead of everything else on its path, started outside
the repository, must load the checklists from inside the wheel.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

REPOSITORY = Path(__file__).parents[1]

PROBE = """
import json
import cs_daily
from cs_daily.checklist import bundled_checklist_path, load_bundled_checklist
print(json.dumps({
    "package": cs_daily.__file__,
    "paths": [str(bundled_checklist_path(lang)) for lang in ("id", "en")],
    "items": [len(load_bundled_checklist(lang).items) for lang in ("id", "en")],
}))
"""


def build_wheel(folder: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "--wheel-dir",
            str(folder),
            str(REPOSITORY),
        ],
        check=True,
        capture_output=True,
    )
    [wheel] = folder.glob("cs_daily-*.whl")
    return wheel


def test_wheel_ships_the_checklists_and_finds_them_installed(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path / "dist")
    unpacked = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(unpacked)

    assert {"cs_daily/checklists/id.toml", "cs_daily/checklists/en.toml"} <= names
    assert {
        f"cs_daily/locale/{language}/LC_MESSAGES/{domain}.mo"
        for language in ("id", "en")
        for domain in ("cs_daily", "argparse")
    } <= names
    assert "cs_daily/tui/app.tcss" in names
    for language in ("id", "en"):
        shipped = unpacked / "cs_daily" / "checklists" / f"{language}.toml"
        source = REPOSITORY / "checklists" / f"{language}.toml"
        assert shipped.read_bytes() == source.read_bytes()

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=elsewhere,
        env={**os.environ, "PYTHONPATH": str(unpacked)},
        check=True,
        capture_output=True,
        text=True,
    )
    found = json.loads(result.stdout)

    assert Path(found["package"]).is_relative_to(unpacked)
    assert found["paths"] == [
        str(unpacked / "cs_daily" / "checklists" / "id.toml"),
        str(unpacked / "cs_daily" / "checklists" / "en.toml"),
    ]
    assert found["items"] == [16, 16]
