"""Each format on the small hand-built history, against reviewed golden files."""

from __future__ import annotations

from pathlib import Path

import pytest

from cs_daily.export import render, summarise
from cs_daily.export.backup import render_backup
from cs_daily.export.period import date_range, parse_week
from cs_daily.model import Checklist
from cs_daily.settings import Settings
from cs_daily.store import Store
from tests.export.golden import assert_golden

SETTINGS = Settings(alias="Dina")


@pytest.mark.parametrize("fmt", ["md", "csv", "json", "html"])
def test_week_with_notes_matches_golden(
    history_db: Path, checklist: Checklist, fmt: str
) -> None:
    with Store.open(history_db, readonly=True) as store:
        summary = summarise(
            store, checklist, SETTINGS, parse_week("2026-W49"), include_notes=True
        )
    assert_golden(f"week-notes.{fmt}", render(summary, fmt))


@pytest.mark.parametrize("fmt", ["md", "csv", "json"])
def test_week_without_notes_matches_golden(
    history_db: Path, checklist: Checklist, fmt: str
) -> None:
    with Store.open(history_db, readonly=True) as store:
        summary = summarise(store, checklist, Settings(), parse_week("2026-W49"))
    assert_golden(f"week.{fmt}", render(summary, fmt))


def test_empty_week_matches_golden(history_db: Path, checklist: Checklist) -> None:
    with Store.open(history_db, readonly=True) as store:
        summary = summarise(store, checklist, SETTINGS, parse_week("2026-W51"))
    assert_golden("empty-week.md", render(summary, "md"))


def test_date_range_matches_golden(history_db: Path, checklist: Checklist) -> None:
    with Store.open(history_db, readonly=True) as store:
        period = date_range(*[parse_week(w).first for w in ("2026-W48", "2026-W49")])
        summary = summarise(store, checklist, Settings(), period)
    assert_golden("range.md", render(summary, "md"))


def test_backup_matches_golden(history_db: Path) -> None:
    with Store.open(history_db, readonly=True) as store:
        assert_golden("backup.json", render_backup(store))


def test_indonesian_summary_writes_dates_the_indonesian_way(
    history_db: Path, checklist: Checklist
) -> None:
    from cs_daily.i18n import set_language

    set_language("id")
    with Store.open(history_db, readonly=True) as store:
        summary = summarise(store, checklist, SETTINGS, parse_week("2026-W49"))
    text = render(summary, "md").decode("utf-8")

    assert "30 Nov 2026 – 6 Des 2026" in text
    assert "| Sen 30/11 |" in text and "| Min 06/12 |" in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_format_without_tick_rows_reads_no_interaction(
    history_db: Path, checklist: Checklist, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(history_db, readonly=True) as store:
        whole = summarise(store, checklist, SETTINGS, parse_week("2026-W49"))
        monkeypatch.setattr(store, "interactions", pytest.fail)
        lean = summarise(
            store, checklist, SETTINGS, parse_week("2026-W49"), tick_rows=False
        )

    assert whole.ticks and lean.ticks == ()
    assert render(lean, fmt) == render(whole, fmt)
