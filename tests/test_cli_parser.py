"""One command's run builds only that command's parser, and parses the same."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from cs_daily.cli.main import build_parser, command_named


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["export", "--week", "2026-W49"], "export"),
        (["--db", "h.sqlite3", "stats"], "stats"),
        (["--db", "export", "stats"], "stats"),
        (["--lang=en", "--config", "s.toml", "locate"], "locate"),
        (["checklist", "show"], "checklist"),
        ([], ""),
        (["--lang", "id", "--db", "h.sqlite3"], ""),
        (["--lang"], None),
        (["--help"], None),
        (["--version"], None),
        (["--da", "h.sqlite3", "stats"], None),
        (["--db"], None),
        (["--db", "--lang", "en", "stats"], None),
        (["--", "stats"], None),
        (["nonsense", "stats"], None),
    ],
)
def test_the_command_is_named_only_when_certain(
    argv: list[str], expected: str | None
) -> None:
    assert command_named(argv) == expected


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "--week", "2026-W49", "--format", "csv", "--db", "a.sqlite3"],
        ["--db", "export", "--lang", "en", "stats", "--json"],
        ["--config=s.toml", "checklist", "validate", "my.toml"],
        ["backup", "--to", "copy.sqlite3"],
        [],
        ["--lang", "en", "--db=h.sqlite3"],
    ],
)
def test_one_command_parses_as_the_whole_tree_does(argv: list[str]) -> None:
    whole = build_parser().parse_args(argv)
    alone = build_parser(only=command_named(argv)).parse_args(argv)

    assert vars(alone) == vars(whole)


def test_a_run_imports_no_other_command() -> None:
    """Checked in a fresh interpreter: the test session has imported them all."""
    probe = (
        "import json, sys\n"
        "from cs_daily.cli.main import build_parser\n"
        "build_parser(only='locate').parse_args(['locate'])\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.endswith('_cmd'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == ["cs_daily.cli.locate_cmd"]
