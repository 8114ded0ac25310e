"""The language is chosen by flag, settings or locale, and --help follows it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cs_daily.cli.language import option_value, startup_language
from cs_daily.cli.main import main
from cs_daily.i18n import current_language, language_from_environment, set_language


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"LANG": "id_ID.UTF-8"}, "id"),
        ({"LANG": "in_ID"}, "id"),
        ({"LC_MESSAGES": "id_ID.UTF-8", "LANG": "en_US.UTF-8"}, "id"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "id_ID.UTF-8"}, "en"),
        ({"LC_ALL": "", "LANG": "id_ID.UTF-8"}, "id"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "ms_MY.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_language_from_environment(environ: dict[str, str], language: str):
    assert language_from_environment(environ) == language


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unsupported language"):
        set_language("fr")

    assert current_language() in ("id", "en")


@pytest.mark.parametrize(
    ("argv", "value"),
    [
        (["--lang", "id", "stats"], "id"),
        (["stats", "--lang=en"], "en"),
        (["--lang", "id", "--lang", "en"], "en"),
        (["--", "--lang", "id"], None),
        (["--lang"], None),
        (["stats"], None),
    ],
)
def test_option_value_scans_the_raw_command_line(argv: list[str], value: str | None):
    assert option_value(argv, "--lang") == value


def test_the_flag_beats_the_settings_and_the_locale(isolated_env: Path):
    _write_settings(isolated_env, 'language = "id"\n')

    assert startup_language(["--lang", "en"], _env(LANG="id_ID.UTF-8")) == "en"


def test_the_settings_beat_the_locale(isolated_env: Path):
    _write_settings(isolated_env, 'language = "id"\n')

    assert startup_language([], _env(LANG="en_US.UTF-8")) == "id"


def test_a_config_flag_points_at_the_settings_to_read(isolated_env: Path):
    _write_settings(isolated_env, 'language = "id"\n')
    other = isolated_env.parent / "other.toml"
    other.write_text('language = "en"\n', encoding="utf-8")

    assert startup_language(["--config", str(other)], _env(LANG="id_ID")) == "en"


def test_broken_settings_leave_the_choice_to_the_locale(isolated_env: Path):
    _write_settings(isolated_env, "language = \n")

    assert startup_language([], _env(LANG="id_ID.UTF-8")) == "id"


def test_a_bad_flag_value_leaves_the_choice_to_the_locale(isolated_env: Path):
    assert startup_language(["--lang", "fr"], _env(LANG="id_ID.UTF-8")) == "id"


def test_help_is_indonesian_with_the_flag(isolated_env: Path, capsys):
    output = _help(["--lang", "id", "--help"], capsys)

    assert output.startswith("penggunaan: cs-daily")
    assert "opsi:" in output
    assert "tampilkan bantuan ini lalu keluar" in output
    assert "bahasa tampilan" in output
    assert "tampilkan versi program lalu keluar" in output
    for english in ("usage:", "options:", "show this", "show program", "interface"):
        assert english not in output


def test_help_is_indonesian_in_an_indonesian_locale(
    isolated_env: Path, monkeypatch: pytest.MonkeyPatch, capsys
):
    monkeypatch.setenv("LANG", "id_ID.UTF-8")

    assert _help(["--help"], capsys).startswith("penggunaan: cs-daily")


def test_help_is_english_otherwise(isolated_env: Path, capsys):
    output = _help(["--help"], capsys)

    assert output.startswith("usage: cs-daily")
    assert "show this help message and exit" in output


def test_argparse_errors_are_indonesian_too(isolated_env: Path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--lang", "id", "--no-such-option"])

    assert exit_.value.code == 2
    assert "kesalahan: argumen tidak dikenal: --no-such-option" in (
        capsys.readouterr().err
    )


def _help(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """What ``cs-daily ARGV`` prints for help."""
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 0
    return capsys.readouterr().out


def _write_settings(path: Path, text: str) -> None:
    """A settings file with ``text`` at ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _env(**variables: str) -> dict[str, str]:
    """The test's environment (files in tmp_path) plus ``variables``."""
    return {**os.environ, **variables}
