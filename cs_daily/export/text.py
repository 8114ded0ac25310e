"""Making untrusted text (notes, references, custom labels) safe in each format.

The agent types notes and references freely, and a custom checklist may hold
any label, so a pipe, a line break or a leading ``=`` must never break a
Markdown table, a CSV row or the lead's spreadsheet.
"""

from __future__ import annotations

# Characters a spreadsheet treats as the start of a formula (or that hide one).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def one_line(text: str) -> str:
    """The text on one line: each line break becomes `` / ``.

    Every boundary :meth:`str.splitlines` knows counts, not only line feeds
    and carriage returns: some viewers also break on the Unicode line and
    paragraph separators, and a note must not end its table row in any of them.
    """
    return " / ".join(text.strip().splitlines())


def markdown_cell(text: str) -> str:
    """Text that stays inside one Markdown table cell: one line, pipes escaped."""
    return one_line(text).replace("|", "\\|")


def spreadsheet_cell(text: str) -> str:
    """Text a spreadsheet shows as text: a leading formula character gets a ``'``.

    This is the usual defence against formula injection: the quote makes the
    cell text for Excel, LibreOffice and Google Sheets, and stays visible
    elsewhere so nothing is silently lost.
    """
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text
