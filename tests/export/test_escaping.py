"""Untrusted text (notes, refs, labels) never breaks a table, a row or a sheet."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cs_daily.export import render, summarise
from cs_daily.export.csv_ import COLUMNS
from cs_daily.export.period import parse_week
from cs_daily.export.summary import WeekSummary
from cs_daily.export.text import FORMULA_STARTS, markdown_cell, spreadsheet_cell
from cs_daily.model import Checklist
from cs_daily.settings import Settings
from cs_daily.store import Store
from tests.export.history import NASTY_NOTE, NASTY_REF


def _summary(history_db: Path, checklist: Checklist, *, notes: bool = True):
    with Store.open(history_db, readonly=True) as store:
        return summarise(
            store, checklist, Settings(), parse_week("2026-W49"), include_notes=notes
        )


def _unescaped_pipes(line: str) -> int:
    return line.replace("\\|", "").count("|")


def test_markdown_cell_escapes_pipes_and_joins_lines() -> None:
    assert markdown_cell("a | b") == "a \\| b"
    assert markdown_cell("one\ntwo\r\nthree\rfour") == "one / two / three / four"


@given(st.text())
def test_markdown_cell_is_always_one_cell(text: str) -> None:
    cell = markdown_cell(text)
    assert len(cell.splitlines()) <= 1
    assert _unescaped_pipes(cell) == 0


def test_every_markdown_table_row_has_as_many_cells_as_its_header(
    history_db: Path, checklist: Checklist
) -> None:
    text = render(_summary(history_db, checklist), "md").decode("utf-8")
    assert "Tell the lead \\| today" in text

    widths = []
    for block in text.split("\n\n"):
        rows = block.splitlines()
        if rows and rows[0].startswith("| "):
            widths.append({_unescaped_pipes(row) for row in rows})
    assert len(widths) == 5  # days, categories, channels, readiness, notes
    assert all(len(found) == 1 for found in widths)


def test_spreadsheet_cell_neutralises_formulas() -> None:
    for start in FORMULA_STARTS:
        assert (
            spreadsheet_cell(f"{start}cmd|' /C calc'!A0")
            == f"'{start}cmd|' /C calc'!A0"
        )
    assert spreadsheet_cell("plain, text") == "plain, text"
    assert spreadsheet_cell("") == ""


@given(st.text())
def test_spreadsheet_cell_never_starts_a_formula(text: str) -> None:
    cell = spreadsheet_cell(text)
    assert not cell.startswith(FORMULA_STARTS)
    assert cell.removeprefix("'") == text or cell == text


def test_csv_reads_back_with_the_same_cells(
    history_db: Path, checklist: Checklist
) -> None:
    summary = _summary(history_db, checklist)
    data = render(summary, "csv")
    assert data.startswith("\ufeff".encode())

    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == [*COLUMNS, "note"]
    assert len(rows) == len(summary.ticks) + 1
    assert {len(row) for row in rows} == {len(COLUMNS) + 1}

    nasty = [row for row in rows if row[4] == "live_chat"]
    assert nasty and all(row[5] == "'" + NASTY_REF for row in nasty)
    assert all(row[-1] == NASTY_NOTE for row in nasty)


def test_csv_rows_end_in_crlf_and_never_doubled(
    history_db: Path, checklist: Checklist
) -> None:
    data = render(_summary(history_db, checklist, notes=False), "csv", bom=False)
    assert not data.startswith("\ufeff".encode())
    assert b"\r\r\n" not in data
    assert data.endswith(b"\r\n")
    assert data.count(b"\r\n") == data.count(b"\n")


def test_csv_leaves_notes_out_unless_asked(
    history_db: Path, checklist: Checklist
) -> None:
    data = render(_summary(history_db, checklist, notes=False), "csv").decode("utf-8")
    assert "refund" not in data
    assert NASTY_REF.replace('"', '""') in data


def test_html_escapes_the_agents_text(tmp_path: Path, checklist: Checklist) -> None:
    from tests.export.history import Contact, ShiftPlan, at, log_shift

    db = tmp_path / "script.sqlite3"
    with Store.open(db) as store:
        plan = ShiftPlan(
            at("2026-12-01", "08:00"),
            contacts=(Contact("email", na=("greet",)),),
            reflection="<script>alert('x')</script> & {braces}",
        )
        log_shift(store, checklist, plan)
        summary = summarise(
            store,
            checklist,
            Settings(alias="<b>Dina</b>"),
            parse_week("2026-W49"),
            include_notes=True,
        )

    page = render(summary, "html").decode("utf-8")
    assert "<script>" not in page and "<b>Dina" not in page
    assert "&lt;script&gt;" in page
    assert "{braces}" in page
    assert "<title>Weekly summary 2026-W49 · &lt;b&gt;Dina&lt;/b&gt;</title>" in page


@pytest.fixture(scope="module")
def one_week(tmp_path_factory: pytest.TempPathFactory) -> WeekSummary:
    """A built summary whose ticks and notes the properties below replace."""
    from cs_daily.checklist import load_bundled_checklist
    from tests.export.history import make_history_db

    checklist = load_bundled_checklist("en")
    db = make_history_db(tmp_path_factory.mktemp("escaping") / "h.sqlite3", checklist)
    with Store.open(db, readonly=True) as store:
        return summarise(
            store, checklist, Settings(), parse_week("2026-W49"), include_notes=True
        )


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ref=st.text(), note=st.text())
def test_any_ref_and_note_survive_the_csv(
    one_week: WeekSummary, ref: str, note: str
) -> None:
    tick = one_week.ticks[-1]._replace(ref=ref, note=note)
    data = render(one_week._replace(ticks=(tick,)), "csv", bom=False)

    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert len(rows) == 2
    assert rows[1][5] == spreadsheet_cell(ref)
    assert rows[1][-1] == spreadsheet_cell(note)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(note=st.text(min_size=1))
def test_any_note_stays_in_its_markdown_row(one_week: WeekSummary, note: str) -> None:
    notes = (one_week.notes[0]._replace(text=note),)
    text = render(one_week._replace(notes=notes), "md").decode("utf-8")

    table = text.split("\n\n")[-2].splitlines()
    assert len(table) == 3
    assert {_unescaped_pipes(row) for row in table} == {3}
