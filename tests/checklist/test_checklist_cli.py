"""``checklist validate|show|init`` and ``locate`` through the real command line."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import pytest

from cs_daily.checklist import bundled_checklist_path
from cs_daily.cli.common import ChecklistSource, load_context, open_store
from cs_daily.cli.main import main
from cs_daily.i18n import current_language
from cs_daily.settings import Settings, load_settings, save_settings

REPOSITORY = Path(__file__).parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def settings_file(home: Path) -> Path:
    return home / "config" / "settings.toml"


def test_bundled_checklists_validate(capsys: pytest.CaptureFixture[str]) -> None:
    files = [REPOSITORY / "checklists" / f"{name}.toml" for name in ("id", "en")]

    code, out, err = run(capsys, "checklist", "validate", *map(str, files))

    assert (code, err) == (0, "")
    assert out.splitlines() == [f"{path}: OK, 16 items" for path in files]


def test_show_groups_items_and_fits_80_columns(
    capsys: pytest.CaptureFixture[str], isolated: Path
) -> None:
    code, out, err = run(capsys, "checklist", "show", "--lang", "en")

    lines = out.splitlines()
    assert (code, err) == (0, "")
    assert (
        lines[0]
        == "Daily customer-service checklist (id cs-daily, language en, target 80 %)"
    )
    assert max(len(line) for line in lines) <= 80
    order = [out.index(t) for t in ("Shift start", "Every interaction", "Shift end")]
    assert order == sorted(order)
    honest = next(line for line in lines if " honest " in line)
    assert honest.rstrip().endswith("critical")
    greet = next(line for line in lines if " greet " in line)
    assert greet.rstrip().endswith("n/a")
    assert not isolated.exists()


def test_show_a_named_file_in_indonesian(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = bundled_checklist_path("id")

    code, out, _err = run(capsys, "checklist", "show", str(path))

    assert code == 0
    assert out.startswith("Checklist harian CS (id cs-daily, language id")
    assert "Sapa ramah, panggil nama pelanggan" in out


def test_show_a_bad_file_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    path = Path(__file__).parent / "bad" / "bool_target.toml"

    code, out, err = run(capsys, "checklist", "show", str(path))

    assert (code, out) == (2, "")
    assert err == f"cs-daily: {path}:5: [target] must be a number (found boolean)\n"


def test_init_copies_indonesian_by_default_and_points_settings_at_it(
    capsys: pytest.CaptureFixture[str], isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "C.UTF-8")
    copy = isolated / "config" / "checklist.toml"

    code, out, err = run(capsys, "checklist", "init")

    assert (code, err) == (0, "")
    assert copy.read_bytes() == bundled_checklist_path("id").read_bytes()
    assert load_settings(settings_file(isolated)).checklist == copy
    assert out.splitlines() == [
        f"Copied the bundled checklist (id) to {copy}",
        f"The settings in {settings_file(isolated)} now use it.",
    ]


def test_init_never_overwrites_without_force(
    capsys: pytest.CaptureFixture[str], isolated: Path, tmp_path: Path
) -> None:
    target = tmp_path / "mine.toml"
    target.write_text("# my own edits\n", encoding="utf-8")

    code, out, err = run(capsys, "checklist", "init", "--lang", "en", str(target))

    assert (code, out) == (2, "")
    assert err == f"cs-daily: {target} already exists; add --force to replace it\n"
    assert target.read_text(encoding="utf-8") == "# my own edits\n"
    assert not isolated.exists()


def test_init_with_force_replaces_and_uses_english(
    capsys: pytest.CaptureFixture[str], isolated: Path, tmp_path: Path
) -> None:
    target = tmp_path / "mine.toml"
    target.write_text("# my own edits\n", encoding="utf-8")

    code, _out, _err = run(
        capsys, "checklist", "init", "--lang", "en", "--force", str(target)
    )

    assert code == 0
    assert target.read_bytes() == bundled_checklist_path("en").read_bytes()
    assert load_settings(settings_file(isolated)).checklist == target


def test_init_into_a_folder(
    capsys: pytest.CaptureFixture[str], isolated: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "lists"
    folder.mkdir()

    code, _out, _err = run(capsys, "checklist", "init", str(folder))

    assert code == 0
    assert (folder / "checklist.toml").is_file()


def test_init_with_broken_settings_writes_nothing(
    capsys: pytest.CaptureFixture[str], isolated: Path
) -> None:
    settings = settings_file(isolated)
    settings.parent.mkdir(parents=True)
    settings.write_text("pretick = 1\n", encoding="utf-8")

    code, out, err = run(capsys, "checklist", "init")

    assert (code, out) == (2, "")
    assert (
        err
        == f"cs-daily: {settings}:1: [pretick] must be true or false (found integer)\n"
    )
    assert [p.name for p in settings.parent.iterdir()] == ["settings.toml"]


def test_locate_lists_every_place(
    capsys: pytest.CaptureFixture[str], isolated: Path
) -> None:
    code, out, err = run(capsys, "locate")

    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"config folder     {isolated / 'config'}",
        f"settings file     {settings_file(isolated)} (not created yet)",
        f"data folder       {isolated / 'data'}",
        f"history database  {isolated / 'data' / 'history.sqlite3'} (not created yet)",
        f"backup folder     {isolated / 'backups'}",
        f"log folder        {isolated / 'logs'}",
        f"checklist         {bundled_checklist_path('en')} (bundled)",
    ]
    assert not isolated.exists()


def test_locate_json_follows_flags(
    capsys: pytest.CaptureFixture[str], isolated: Path, tmp_path: Path
) -> None:
    db = tmp_path / "other.sqlite3"
    checklist = tmp_path / "mine.toml"

    code, out, _err = run(
        capsys, "locate", "--json", "--db", str(db), "--checklist", str(checklist)
    )

    assert code == 0
    found = json.loads(out)
    assert found["database"] == str(db)
    assert found["checklist"] == str(checklist)
    assert found["checklist_source"] == "flag"
    assert found["backup_dir"] == str(isolated / "backups")


@pytest.mark.parametrize(
    "argv",
    [
        ["checklist", "--help"],
        ["checklist", "validate", "--help"],
        ["checklist", "show", "--help"],
        ["checklist", "init", "--help"],
        ["locate", "--help"],
    ],
)
def test_every_command_has_help(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)

    assert exit_.value.code == 0
    assert "usage: cs-daily" in capsys.readouterr().out


# --- load_context: one order for every choice ---------------------------------


def namespace(**values: object) -> argparse.Namespace:
    return argparse.Namespace(**values)


def environ(**locale: str) -> dict[str, str]:
    """The test's environment (folders in tmp_path) with only ``locale`` set."""
    names = ("LC_ALL", "LC_MESSAGES", "LANG")
    kept = {k: v for k, v in os.environ.items() if k not in names}
    return {**kept, **locale}


def test_context_defaults_to_the_indonesian_checklist_without_a_locale(
    isolated: Path,
) -> None:
    context = load_context(namespace(), environ=environ())

    assert context.checklist_path == bundled_checklist_path("id")
    assert context.checklist_source is ChecklistSource.BUNDLED
    assert context.checklist.language == "id"
    assert context.settings == Settings()


def test_context_follows_an_english_locale_or_flag(isolated: Path) -> None:
    by_locale = load_context(namespace(), environ=environ(LANG="en_GB.UTF-8"))
    by_flag = load_context(namespace(lang="en"), environ=environ(LANG="id_ID.UTF-8"))

    assert by_locale.checklist.language == "en"
    assert (by_flag.language, by_flag.checklist.language) == ("en", "en")
    assert current_language() == "en"


def test_context_settings_choose_language_checklist_and_target(
    isolated: Path, tmp_path: Path
) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_bytes(bundled_checklist_path("en").read_bytes())
    save_settings(
        settings_file(isolated), Settings(checklist=mine, language="id", target=0.9)
    )

    context = load_context(namespace(), environ=environ(LANG="en_US.UTF-8"))

    assert context.language == "id"
    assert current_language() == "id"
    assert context.checklist_path == mine
    assert context.checklist_source is ChecklistSource.SETTINGS
    assert context.checklist.target == 0.9


def test_context_checklist_flag_beats_the_settings(
    isolated: Path, tmp_path: Path
) -> None:
    save_settings(settings_file(isolated), Settings(checklist=tmp_path / "gone.toml"))
    flag = bundled_checklist_path("en")

    context = load_context(namespace(checklist=flag), environ=environ())

    assert context.checklist_path == flag
    assert context.checklist_source is ChecklistSource.FLAG
    assert context.checklist.target == 0.80


def test_open_store_uses_the_resolved_database(isolated: Path) -> None:
    context = load_context(namespace(), environ=environ())

    store = open_store(context)
    try:
        assert (isolated / "data" / "history.sqlite3").is_file()
    finally:
        store.close()
