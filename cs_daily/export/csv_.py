"""The week's ticks as CSV, one row per tick, for the team lead's spreadsheet.

Long form (one answer a row) is what pivot tables and filters want. The file
follows RFC 4180: every row ends in CRLF, fields with commas, quotes or line
breaks are quoted, and the text is UTF-8 with a byte-order mark so that Excel
opens Indonesian labels correctly; ``--no-bom`` drops the mark.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from cs_daily.export.summary import TickRow, WeekSummary
from cs_daily.export.text import spreadsheet_cell

BOM = "\ufeff"

COLUMNS = (
    "week",
    "work_day",
    "shift_start",
    "interaction",
    "channel",
    "ref",
    "item",
    "item_label",
    "category",
    "state",
    "critical",
)
NOTE_COLUMN = "note"


def render_csv(summary: WeekSummary, *, bom: bool = True) -> bytes:
    """The CSV file's bytes; notes appear only when the summary includes them."""
    columns = (*COLUMNS, NOTE_COLUMN) if summary.include_notes else COLUMNS
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)

    writer.writerow(columns)
    writer.writerows(_cells(row, summary.include_notes) for row in summary.ticks)

    text = (BOM if bom else "") + buffer.getvalue()
    return text.encode("utf-8")


def _cells(row: TickRow, include_note: bool) -> Iterable[str]:
    cells = [
        row.week,
        row.work_day.isoformat(),
        row.shift_start.isoformat(),
        str(row.interaction) if row.interaction is not None else "",
        row.channel or "",
        row.ref or "",
        row.item,
        row.item_label,
        row.category,
        row.state.value,
        "1" if row.critical else "0",
    ]
    if include_note:
        cells.append(row.note or "")
    return [spreadsheet_cell(cell) for cell in cells]
