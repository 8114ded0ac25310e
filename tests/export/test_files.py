"""Writing exports: whole or not at all, never over a file without --force."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from cs_daily.errors import EXIT_BAD_INPUT, UsageError
from cs_daily.export import export_week
from cs_daily.export.files import write_output
from cs_daily.export.period import parse_week
from cs_daily.figures import week_of
from cs_daily.model import Checklist
from cs_daily.settings import Settings
from cs_daily.store import Store


def test_writes_the_bytes_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    assert write_output(target, b"hello\n") == target
    assert target.read_bytes() == b"hello\n"
    assert os.listdir(tmp_path) == ["out.md"]


def test_an_existing_file_needs_force(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_bytes(b"old")

    with pytest.raises(UsageError, match="--force") as raised:
        write_output(target, b"new")
    assert raised.value.exit_code == EXIT_BAD_INPUT
    assert target.read_bytes() == b"old"

    write_output(target, b"new", force=True)
    assert target.read_bytes() == b"new"


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "out.md"
    with pytest.raises(UsageError, match="does not exist") as raised:
        write_output(target, b"x")
    assert raised.value.exit_code == EXIT_BAD_INPUT
    assert str(target.parent) in str(raised.value)
    assert not target.parent.exists()


def test_a_failed_write_keeps_the_old_file_and_no_debris(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.md"
    target.write_bytes(b"old")

    def broken_replace(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(UsageError, match="No space left") as raised:
        write_output(target, b"new", force=True)

    assert raised.value.exit_code == EXIT_BAD_INPUT
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["out.md"]


def test_dash_writes_to_standard_output(tmp_path: Path) -> None:
    stream = io.BytesIO()
    assert write_output("-", b"data\r\n", stdout=stream) is None
    assert stream.getvalue() == b"data\r\n"


def test_export_week_writes_the_default_name_into_a_folder(
    history_db: Path, checklist: Checklist, tmp_path: Path
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    with Store.open(history_db, readonly=True) as store:
        written = export_week(
            store,
            checklist,
            Settings(),
            week_of(parse_week("2026-W49").first),
            "md",
            folder,
        )
        assert written == folder / "cs-daily-2026-W49.md"
        assert written.read_text(encoding="utf-8").startswith(
            "*Weekly summary 2026-W49*"
        )

        with pytest.raises(UsageError, match="--force"):
            export_week(
                store, checklist, Settings(), parse_week("2026-W49"), "md", written
            )
        export_week(
            store,
            checklist,
            Settings(),
            parse_week("2026-W49"),
            "json",
            written,
            force=True,
        )
    assert written.read_text(encoding="utf-8").startswith("{")


def test_a_folder_that_cannot_be_written_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checked up front, because root (as in CI containers) may write anyway."""
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda path, mode: False if Path(path) == tmp_path else real_access(path, mode),
    )
    with pytest.raises(UsageError, match="not writable") as raised:
        write_output(tmp_path / "out.md", b"x")
    assert raised.value.exit_code == EXIT_BAD_INPUT
    assert os.listdir(tmp_path) == []


def test_a_named_pipe_is_written_into_not_replaced(tmp_path: Path) -> None:
    import stat
    import threading

    pipe = tmp_path / "summary.pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()

    write_output(pipe, b"week summary\n")
    reader.join(timeout=10)

    assert received == [b"week summary\n"]
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert list(tmp_path.iterdir()) == [pipe]
