"""Untrusted text (notes, refs, labels) never breaks a table, a row or a sheet."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from cs_daily.export import render, summarise
from cs_daily.export.csv_ import COLUMNS
from cs_daily.export.period import parse_week
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
    assert "\n" not in cell and "\r" not in cell
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
