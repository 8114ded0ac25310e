"""Each tiny bad checklist in ``bad/`` gives its exact message, line and key.

The same files are run through ``cs-daily checklist validate`` too: exit code
2, every problem on stderr, nothing on stdout and nothing written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cs_daily.checklist import load_checklist
from cs_daily.cli.main import main
from cs_daily.errors import ChecklistError

BAD = Path(__file__).parent / "bad"

# Each file and what follows "<path>:" in its problems, in order.
EXPECTED = {
    "syntax.toml": ["4:9: not valid TOML: Invalid value"],
    "unknown_key.toml": [
        "22: [items[id=prep].color] unknown key; expected one of: id, scope, "
        "phase, category, label, hint, na, critical, weight"
    ],
    "bool_target.toml": ["5: [target] must be a number (found boolean)"],
    "missing_label.toml": ["15: [items[id=prep].label] missing required key"],
    "duplicate_item.toml": [
        '24: [items[2].id] duplicate id "prep", already used by items[1]'
    ],
    "duplicate_category.toml": [
        '11: [categories[2].id] duplicate id "ready", already used by categories[1]'
    ],
    "duplicate_channel_key.toml": [
        '18: [channels[id=email].key] duplicate key "p", already used by '
        'channel "phone"'
    ],
    "duplicate_channel_id.toml": [
        '16: [channels[2].id] duplicate id "phone", already used by channels[1]'
    ],
    "unknown_category.toml": [
        '19: [items[id=prep].category] unknown category "speed"; the '
        "categories are: ready"
    ],
    "shift_without_phase.toml": [
        '15: [items[id=prep].phase] a shift item needs phase = "start" or "end"'
    ],
    "interaction_with_phase.toml": [
        "26: [items[id=calm].phase] only shift items have a phase; remove it "
        'or set scope = "shift"'
    ],
    "no_items.toml": ["5: [items] the checklist has no items"],
    "target_out_of_range.toml": ["5: [target] must be above 0 and at most 1, not 1.5"],
    "weight_zero.toml": [
        "22: [items[id=prep].weight] must be a finite number above 0, not 0"
    ],
    "schema_unsupported.toml": [
        "1: [schema] schema 2 is not supported; this version of cs-daily reads schema 1"
    ],
    "wrong_scope.toml": [
        '17: [items[id=prep].scope] must be one of "shift", "interaction", not "daily"'
    ],
    "utf16.toml": ["1: the file is saved as UTF-16; save it as UTF-8"],
    "latin1.toml": ["4: the file is not UTF-8 text (byte 52); save it as UTF-8"],
    "many_problems.toml": [
        "1: [schema] must be a whole number (found string)",
        '13: [channels[id=phone].key] must be a single character, not "pp"',
        "20: [items[id=prep].label] must not be empty",
        "21: [items[id=prep].na] must be true or false (found integer)",
    ],
}


def test_every_fixture_has_an_expected_message() -> None:
    assert sorted(p.name for p in BAD.glob("*.toml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_loader_reports_exact_problems(name: str) -> None:
    path = BAD / name

    with pytest.raises(ChecklistError) as raised:
        load_checklist(path)

    assert [str(p) for p in raised.value.problems] == [
        f"{path}:{suffix}" for suffix in EXPECTED[name]
    ]
    assert all(p.file == path for p in raised.value.problems)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_validate_command_exits_2_with_every_problem_on_stderr(
    name: str, capsys: pytest.CaptureFixture[str], isolated: Path
) -> None:
    path = BAD / name

    code = main(["checklist", "validate", str(path)])

    out, err = capsys.readouterr()
    expected = [f"{path}:{suffix}" for suffix in EXPECTED[name]]
    assert code == 2
    assert out == ""
    assert err.splitlines() == expected
    assert not isolated.exists()


def test_validate_reports_every_file_and_fails_if_one_is_bad(
    capsys: pytest.CaptureFixture[str],
) -> None:
    good = Path(__file__).parents[2] / "checklists" / "en.toml"
    bad = BAD / "bool_target.toml"

    code = main(["checklist", "validate", str(good), str(bad)])

    out, err = capsys.readouterr()
    assert code == 2
    assert str(good) in out
    assert f"{bad}:5: [target] must be a number (found boolean)" in err


@pytest.mark.parametrize("name", ["missing.toml", "folder"])
def test_validate_a_missing_file_or_a_folder(
    name: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "folder").mkdir()
    path = tmp_path / name
    message = {
        "missing.toml": "no such file",
        "folder": "this is a folder, not a file",
    }[name]

    code = main(["checklist", "validate", str(path)])

    assert code == 2
    assert capsys.readouterr().err == f"{path}: {message}\n"
