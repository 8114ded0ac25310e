"""``cs-daily export`` and ``cs-daily import`` from the command line."""

from __future__ import annotations

import gc
import hashlib
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from cs_daily.cli import export_cmd
from cs_daily.cli.main import build_parser, main
from cs_daily.clock import FrozenClock
from cs_daily.store import Store
from tests.export.history import JAKARTA

EN_CHECKLIST = str(Path(__file__).parents[2] / "checklists" / "en.toml")
THURSDAY_OF_W49 = datetime(2026, 12, 3, 10, 0, tzinfo=JAKARTA)


@pytest.fixture
def db(history_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CS_DAILY_DB", str(history_db))
    return history_db


def _export(*argv: str) -> int:
    args = build_parser().parse_args(["export", "--checklist", EN_CHECKLIST, *argv])
    return export_cmd.export(args, FrozenClock(THURSDAY_OF_W49))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_default_is_this_weeks_markdown_in_the_current_folder(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    assert _export() == 0

    written = tmp_path / "cs-daily-2026-W49.md"
    assert capsys.readouterr().out.strip() == str(written)
    assert written.read_text(encoding="utf-8").startswith("*Weekly summary 2026-W49*")


def test_export_only_reads_the_history(db: Path, tmp_path: Path) -> None:
    before = _digest(db)
    assert _export("--format", "csv", "-o", str(tmp_path / "w.csv")) == 0
    assert _digest(db) == before
    assert not Path(f"{db}-wal").exists() or Path(f"{db}-wal").stat().st_size == 0


def test_dash_writes_to_stdout_and_no_file(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary
) -> None:
    monkeypatch.chdir(tmp_path)
    assert _export("--format", "json", "-o", "-") == 0

    out = capsysbinary.readouterr().out
    assert out.startswith(b'{\n  "format": "cs-daily-summary"')
    assert not list(tmp_path.glob("cs-daily-*"))


def test_force_is_needed_to_replace(db: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "summary.md"
    target.write_text("mine", encoding="utf-8")

    assert main(["export", "--week", "2026-W49", "-o", str(target)]) == 2
    assert "--force" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "mine"

    assert main(["export", "--week", "2026-W49", "-o", str(target), "--force"]) == 0
    assert target.read_text(encoding="utf-8") != "mine"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--week", "2026-W54"], "2026-W54"),
        (["--week", "2025-W53"], "2025-W53"),
        (["--week", "abc"], "abc"),
        (["--from", "2026-12-05", "--to", "2026-12-01"], "after"),
        (["--from", "2026-12-05"], "--to"),
        (["--all", "--format", "md"], "--format json"),
        (["-o", "/no/such/folder/x.md"], "does not exist"),
    ],
)
def test_bad_requests_exit_2_with_a_message(
    db: Path, tmp_path: Path, capsys, argv: list[str], message: str
) -> None:
    assert main(["export", *argv]) == 2
    captured = capsys.readouterr()
    assert message in captured.err and "Traceback" not in captured.err
    assert captured.out == ""


def test_backup_and_import_round_trip(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    backup = tmp_path / "backup.json"
    assert main(["export", "--all", "-o", str(backup)]) == 0

    restored = tmp_path / "restored.sqlite3"
    monkeypatch.setenv("CS_DAILY_DB", str(restored))
    assert main(["import", str(backup)]) == 0
    assert "Imported 5 shifts" in capsys.readouterr().out

    assert main(["import", str(backup)]) == 0
    assert "5 shifts were already in the history" in capsys.readouterr().out

    again = tmp_path / "again.json"
    assert main(["export", "--all", "--format", "json", "-o", str(again)]) == 0
    assert again.read_bytes() == backup.read_bytes()


def test_a_bad_import_file_exits_2_and_creates_no_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2", encoding="utf-8")
    target = tmp_path / "fresh" / "history.sqlite3"
    monkeypatch.setenv("CS_DAILY_DB", str(target))

    assert main(["import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and "not valid JSON" in err
    assert not target.parent.exists()


def test_export_never_imports_textual(db: Path, tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from cs_daily.cli.main import main\n"
        "code = main(['export', '--week', '2026-W49', '--format', 'html', '-o', '-'])\n"
        "assert code == 0, code\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] == 'textual']\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "CS_DAILY_DB": str(db)},
        cwd=Path(__file__).parents[2],
    )
    assert result.returncode == 0, result.stderr
    assert "<!DOCTYPE html>" in result.stdout


def test_only_the_weeks_shifts_are_read_tick_by_tick(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[int] = []
    real = Store.interactions

    def counting(self: Store, shift_id: int):
        read.append(shift_id)
        return real(self, shift_id)

    monkeypatch.setattr(Store, "interactions", counting)
    csv = tmp_path / "w.csv"
    assert _export("--week", "2026-W49", "--format", "csv", "-o", str(csv)) == 0
    assert len(read) == 3

    read.clear()
    assert _export("--week", "2026-W49", "-o", str(tmp_path / "w.md")) == 0
    assert read == []


def test_an_export_runs_with_the_garbage_collector_paused_and_restores_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[bool] = []

    def export(args: object, clock: object) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(export_cmd, "export", export)
    assert main(["export"]) == 0

    assert seen == [False]
    assert gc.isenabled()
