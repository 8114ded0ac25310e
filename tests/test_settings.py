"""The settings file: defaults without a file, strict reading, atomic writing."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cs_daily.errors import SettingsError
from cs_daily.i18n import set_language
from cs_daily.settings import (
    Settings,
    load_settings,
    parse_settings,
    save_settings,
    update_settings,
)


@pytest.fixture(autouse=True)
def english() -> None:
    set_language("en")


def problems_of(path: Path) -> list[str]:
    with pytest.raises(SettingsError) as raised:
        load_settings(path)
    return [str(problem) for problem in raised.value.problems]


def test_missing_file_means_defaults_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.toml"

    settings = load_settings(path)

    assert settings == Settings()
    assert settings.pretick is True
    assert settings.week_start == "monday"
    assert settings.checklist is None and settings.language is None
    assert not (tmp_path / "config").exists()


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.toml"
    settings = Settings(
        checklist=tmp_path / "elsewhere" / "mine.toml",
        language="id",
        target=0.9,
        week_start="sunday",
        pretick=False,
        alias="Rina",
    )

    save_settings(path, settings)

    assert load_settings(path) == settings
    assert list(path.parent.iterdir()) == [path]


def test_checklist_beside_the_settings_is_written_relative(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"

    save_settings(path, Settings(checklist=tmp_path / "lists" / "mine.toml"))

    assert 'checklist = "lists/mine.toml"' in path.read_text(encoding="utf-8")
    assert load_settings(path).checklist == tmp_path / "lists" / "mine.toml"


def test_relative_checklist_is_taken_from_the_settings_folder(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('checklist = "mine.toml"\n', encoding="utf-8")

    assert load_settings(path).checklist == tmp_path / "mine.toml"


def test_update_keeps_the_other_settings(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    save_settings(path, Settings(language="en", alias="Budi"))

    updated = update_settings(path, week_start="sunday")

    assert updated == Settings(language="en", alias="Budi", week_start="sunday")
    assert load_settings(path) == updated


def test_update_with_a_bad_value_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    save_settings(path, Settings(language="en"))
    before = path.read_bytes()

    with pytest.raises(SettingsError) as raised:
        update_settings(path, target=1.5)

    assert [p.key for p in raised.value.problems] == ["target"]
    assert "must be above 0 and at most 1, not 1.5" in str(raised.value)
    assert path.read_bytes() == before
    assert list(tmp_path.iterdir()) == [path]


def test_every_problem_is_reported_with_line_and_key(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        'language = "fr"\n'
        "target = true\n"
        'week_start = "friday"\n'
        'pretick = "yes"\n'
        'alias = ""\n'
        "colour = 3\n",
        encoding="utf-8",
    )

    assert problems_of(path) == [
        f"{path}:6: [colour] unknown key; expected one of: checklist, language, "
        "target, week_start, pretick, alias",
        f'{path}:1: [language] must be one of "id", "en", not "fr"',
        f"{path}:2: [target] must be a number (found boolean)",
        f'{path}:3: [week_start] must be one of "monday", "sunday", not "friday"',
        f"{path}:4: [pretick] must be true or false (found string)",
        f"{path}:5: [alias] must not be empty",
    ]


def test_target_out_of_range_and_long_alias(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(f'target = 0\nalias = "{"x" * 41}"\n', encoding="utf-8")

    assert problems_of(path) == [
        f"{path}:1: [target] must be above 0 and at most 1, not 0",
        f"{path}:2: [alias] must be at most 40 characters long, not 41",
    ]


def test_syntax_error_is_located(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("pretick = \n", encoding="utf-8")

    assert problems_of(path) == [f"{path}:1:11: not valid TOML: Invalid value"]


def test_folder_and_non_utf8_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "settings.toml"
    folder.mkdir()
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes('alias = "Andr\u00e9"\n'.encode("latin-1"))

    assert problems_of(folder) == [f"{folder}: this is a folder, not a file"]
    assert problems_of(latin1) == [
        f"{latin1}:1: the file is not UTF-8 text (byte 14); save it as UTF-8"
    ]


def test_byte_order_mark_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(b'\xef\xbb\xbflanguage = "id"\r\npretick = false\r\n')

    assert load_settings(path) == Settings(language="id", pretick=False)


def test_save_replaces_the_file_in_one_step(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    save_settings(path, Settings(alias="A"))

    save_settings(path, Settings(alias="B"))

    assert load_settings(path).alias == "B"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.toml"]


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_random_input_raises_only_settings_errors(data: bytes) -> None:
    try:
        parse_settings(data, Path("random.toml"))
    except SettingsError as error:
        assert error.problems
