"""Loading a checklist: what is accepted, what is refused, and nothing else escapes."""

from __future__ import annotations

import codecs
import tomllib
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cs_daily.checklist import (
    bundled_checklist_path,
    load_checklist,
    parse_checklist,
)
from cs_daily.errors import ChecklistError
from cs_daily.model import Checklist
from cs_daily.tomlfile import MAX_BYTES

ENGLISH = bundled_checklist_path("en")


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ChecklistError) as raised:
        load_checklist(path)
    return [str(problem) for problem in raised.value.problems]


def test_byte_order_mark_and_crlf_are_accepted(tmp_path: Path) -> None:
    text = ENGLISH.read_text(encoding="utf-8")
    path = tmp_path / "windows.toml"
    path.write_bytes(codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8"))

    assert load_checklist(path) == load_checklist(ENGLISH)


def test_lines_stay_right_with_a_byte_order_mark_and_crlf(tmp_path: Path) -> None:
    text = ENGLISH.read_text(encoding="utf-8").replace("target = 0.80", "target = 0")
    path = tmp_path / "windows.toml"
    path.write_bytes(codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8"))

    assert problems_of(path) == [
        f"{path}:7: [target] must be above 0 and at most 1, not 0"
    ]


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.toml"

    assert problems_of(path) == [f"{path}: no such file"]


def test_folder(tmp_path: Path) -> None:
    assert problems_of(tmp_path) == [f"{tmp_path}: this is a folder, not a file"]


def test_file_over_one_mebibyte_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    path.write_bytes(b"# " + b"x" * MAX_BYTES + b"\n")

    assert problems_of(path) == [
        f"{path}: the file is 1048579 bytes; at most 1048576 bytes (1 MiB) are read"
    ]


def test_utf16_without_byte_order_mark_is_named(tmp_path: Path) -> None:
    path = tmp_path / "utf16.toml"
    path.write_bytes(ENGLISH.read_text(encoding="utf-8").encode("utf-16-le"))

    assert problems_of(path) == [
        f"{path}:1: the file is saved as UTF-16; save it as UTF-8"
    ]


def test_syntax_error_at_end_of_document(tmp_path: Path) -> None:
    path = tmp_path / "cut.toml"
    path.write_text('schema = 1\ntitle = "unfinished', encoding="utf-8")

    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:2:")
    assert "not valid TOML" in problem


def test_missing_top_level_keys_are_all_named(tmp_path: Path) -> None:
    path = tmp_path / "empty.toml"
    path.write_text("# nothing yet\n", encoding="utf-8")

    assert problems_of(path) == [
        f"{path}: [{key}] missing required key"
        for key in (
            "schema",
            "id",
            "language",
            "title",
            "categories",
            "channels",
            "items",
        )
    ]


def test_inline_tables_fall_back_to_the_line_of_their_array(tmp_path: Path) -> None:
    path = tmp_path / "inline.toml"
    path.write_text(
        'schema = 1\nid = "tiny"\nlanguage = "en"\ntitle = "Tiny"\n'
        'categories = [{ id = "ready", label = "Readiness" }]\n'
        "channels = [\n"
        '  { id = "phone", label = "Phone", key = "" },\n'
        "]\n"
        'items = [{ id = "prep", scope = "shift", category = "ready", '
        'label = "Prepared", hint = "Read." }]\n',
        encoding="utf-8",
    )

    assert problems_of(path) == [
        f'{path}:6: [channels[id=phone].key] must be a single character, not ""',
        f'{path}:9: [items[id=prep].phase] a shift item needs phase = "start" or "end"',
    ]


def test_defaults_when_optional_keys_are_left_out(tmp_path: Path) -> None:
    text = ENGLISH.read_text(encoding="utf-8").replace("target = 0.80\n", "")
    path = tmp_path / "no-target.toml"
    path.write_text(text, encoding="utf-8")

    checklist = load_checklist(path)
    assert checklist.target == 0.80
    assert checklist.item("calm").weight == 1.0
    assert not checklist.item("calm").na


def test_weights_and_integer_target_are_read_as_floats(tmp_path: Path) -> None:
    text = ENGLISH.read_text(encoding="utf-8").replace("target = 0.80", "target = 1")
    text = text.replace(
        'category = "attitude"\n', 'category = "attitude"\nweight = 2\n'
    )
    path = tmp_path / "weights.toml"
    path.write_text(text, encoding="utf-8")

    checklist = load_checklist(path)
    assert checklist.target == 1.0
    assert isinstance(checklist.target, float)
    assert checklist.item("honest").weight == 2.0


def test_round_trip_through_the_stored_snapshot() -> None:
    checklist = load_checklist(ENGLISH)

    assert Checklist.from_dict(checklist.to_dict()) == checklist


# --- Nothing but ChecklistError escapes, whatever the input -----------------

toml_scalars = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(),
    st.text(max_size=20),
    st.dates(),
    st.datetimes(),
)
toml_keys = st.one_of(
    st.sampled_from(
        [
            "schema",
            "id",
            "language",
            "title",
            "target",
            "categories",
            "channels",
            "items",
            "label",
            "key",
            "scope",
            "phase",
            "category",
            "hint",
            "na",
            "critical",
            "weight",
        ]
    ),
    st.text(min_size=1, max_size=8),
)
toml_values = st.recursive(
    toml_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(toml_keys, inner, max_size=5),
    ),
    max_leaves=20,
)
documents = st.dictionaries(toml_keys, toml_values, max_size=8)


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=300))
def test_random_bytes_raise_only_checklist_errors(data: bytes) -> None:
    try:
        parse_checklist(data, Path("random.toml"))
    except ChecklistError as error:
        assert error.problems
        assert all(p.file == Path("random.toml") for p in error.problems)


@settings(max_examples=200, deadline=None)
@given(document=documents)
def test_random_documents_raise_only_checklist_errors(document: dict) -> None:
    data = tomli_w.dumps(document).encode("utf-8")

    try:
        parse_checklist(data, Path("random.toml"))
    except ChecklistError as error:
        assert error.problems


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    section=st.sampled_from(["items", "categories", "channels"]),
    index=st.integers(min_value=0, max_value=15),
    key=toml_keys,
    value=toml_values,
)
def test_one_changed_value_in_the_bundled_checklist_is_caught_or_fine(
    section: str, index: int, key: str, value: object
) -> None:
    document = tomllib.loads(ENGLISH.read_text(encoding="utf-8"))
    tables = document[section]
    tables[index % len(tables)][key] = value
    data = tomli_w.dumps(document).encode("utf-8")

    try:
        checklist = parse_checklist(data, Path("changed.toml"))
    except ChecklistError as error:
        assert error.problems
    else:
        assert len(checklist.items) == 16
