"""Full backup and import: identical round trip, no duplicates, refusals."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from cs_daily.errors import EXIT_BAD_INPUT, UsageError
from cs_daily.export import render, summarise
from cs_daily.export.backup import render_backup
from cs_daily.export.period import parse_week
from cs_daily.export.restore import BackupFileError, import_backup, read_backup
from cs_daily.model import Checklist
from cs_daily.settings import Settings
from cs_daily.store import Store
from tests.export.history import ShiftPlan, at, log_shift


def _backup(db: Path, tmp_path: Path, name: str = "backup.json") -> Path:
    with Store.open(db, readonly=True) as store:
        path = tmp_path / name
        path.write_bytes(render_backup(store))
    return path


def _restore(backup: Path, db: Path):
    shifts = read_backup(backup)
    with Store.open(db) as store:
        return import_backup(store, shifts, backup)


def _counts(db: Path):
    with Store.open(db, readonly=True) as store:
        return store.day_counts()


def test_export_import_export_gives_the_same_bytes(
    history_db: Path, tmp_path: Path
) -> None:
    first = _backup(history_db, tmp_path, "first.json")
    copy = tmp_path / "copy.sqlite3"

    result = _restore(first, copy)

    assert (result.added, result.skipped) == (5, 0)
    assert _backup(copy, tmp_path, "second.json").read_bytes() == first.read_bytes()
    assert _counts(copy) == _counts(history_db)


def test_the_summary_is_the_same_from_a_restored_history(
    history_db: Path, tmp_path: Path, checklist: Checklist
) -> None:
    copy = tmp_path / "copy.sqlite3"
    _restore(_backup(history_db, tmp_path), copy)

    outputs = []
    for db in (history_db, copy):
        with Store.open(db, readonly=True) as store:
            summary = summarise(
                store, checklist, Settings(), parse_week("2026-W49"), include_notes=True
            )
        outputs.append(render(summary, "csv"))
    assert outputs[0] == outputs[1]


def test_importing_twice_adds_nothing_the_second_time(
    history_db: Path, tmp_path: Path
) -> None:
    backup = _backup(history_db, tmp_path)
    result = _restore(backup, history_db)

    assert (result.added, result.skipped) == (0, 5)
    assert (
        _backup(history_db, tmp_path, "again.json").read_bytes() == backup.read_bytes()
    )


def test_import_merges_into_a_history_with_other_shifts(
    history_db: Path, tmp_path: Path, checklist: Checklist
) -> None:
    other = tmp_path / "other.sqlite3"
    with Store.open(other) as store:
        log_shift(store, checklist, ShiftPlan(at("2026-12-10", "08:00")))

    result = _restore(_backup(history_db, tmp_path), other)

    assert (result.added, result.skipped) == (5, 0)
    with Store.open(other, readonly=True) as store:
        assert len(store.shifts_between(date.min, date.max)) == 6


def test_an_open_shift_cannot_join_another_open_shift(
    tmp_path: Path, checklist: Checklist
) -> None:
    source, target = tmp_path / "source.sqlite3", tmp_path / "target.sqlite3"
    with Store.open(source) as store:
        log_shift(store, checklist, ShiftPlan(at("2026-12-01", "08:00"), end=False))
    with Store.open(target) as store:
        log_shift(store, checklist, ShiftPlan(at("2026-12-02", "08:00"), end=False))
    before = _backup(target, tmp_path, "before.json").read_bytes()

    with pytest.raises(UsageError, match="open shift") as raised:
        _restore(_backup(source, tmp_path), target)

    assert raised.value.exit_code == EXIT_BAD_INPUT
    assert _backup(target, tmp_path, "after.json").read_bytes() == before


def _broken(tmp_path: Path, history_db: Path, change) -> Path:
    document = json.loads(_backup(history_db, tmp_path).read_text(encoding="utf-8"))
    change(document)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _first_shift(document: dict) -> dict:
    return document["shifts"][0]


BROKEN = {
    "wrong format": (lambda d: d.update(format="something"), "format"),
    "newer version": (lambda d: d.update(version=99), "newer cs-daily"),
    "weekly summary": (lambda d: d.update(format="cs-daily-summary"), "--all"),
    "changed snapshot": (
        lambda d: next(iter(d["checklists"].values())).update(target=0.5),
        "does not match its hash",
    ),
    "unknown item": (
        lambda d: _first_shift(d)["ticks"].update(nonsense="done"),
        "shifts[0].ticks.nonsense",
    ),
    "n/a not allowed": (
        lambda d: _first_shift(d)["ticks"].update(prep="na"),
        "cannot be n/a",
    ),
    "bad state": (
        lambda d: _first_shift(d)["interactions"][0]["ticks"].update(respond="yes"),
        "shifts[0].interactions[0].ticks.respond",
    ),
    "naive start": (
        lambda d: _first_shift(d).update(started_at="2026-11-25T08:00:00"),
        "UTC offset",
    ),
    "work day mismatch": (
        lambda d: _first_shift(d).update(work_day="2026-11-24"),
        "shifts[0].work_day",
    ),
    "unknown channel": (
        lambda d: _first_shift(d)["interactions"][0].update(channel="pigeon"),
        "pigeon",
    ),
    "duplicate shift": (
        lambda d: d["shifts"].append(d["shifts"][0]),
        "appears twice",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_backup_is_refused_and_writes_nothing(
    history_db: Path, tmp_path: Path, case: str
) -> None:
    change, expected = BROKEN[case]
    broken = _broken(tmp_path, history_db, change)
    target = tmp_path / "new" / "history.sqlite3"

    with pytest.raises(BackupFileError) as raised:
        read_backup(broken)

    message = str(raised.value)
    assert raised.value.exit_code == EXIT_BAD_INPUT
    assert str(broken) in message and expected in message
    assert not target.parent.exists()


def test_not_json_names_the_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n  "format": "cs-daily-backup",\n  oops\n}', encoding="utf-8")

    with pytest.raises(BackupFileError, match=r"bad\.json:3:3: not valid JSON"):
        read_backup(path)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(BackupFileError, match="no such file"):
        read_backup(tmp_path / "missing.json")


def test_a_failure_halfway_leaves_the_history_as_it_was(
    history_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = _backup(history_db, tmp_path)
    target = tmp_path / "target.sqlite3"
    Store.open(target).close()
    real = Store.import_shift
    calls = []

    def failing(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise UsageError("disk trouble")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Store, "import_shift", failing)
    with pytest.raises(UsageError, match="disk trouble"):
        _restore(backup, target)

    assert _counts(target) == []
