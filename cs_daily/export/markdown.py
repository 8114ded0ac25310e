"""The weekly summary as Markdown that survives a paste into WhatsApp or Slack.

Headings are a bold line (``*Headline*``) rather than ``#``, because chat apps
show ``#`` literally but all of WhatsApp, Slack and Markdown make ``*...*``
stand out. Tables are plain pipe tables; every cell is passed through
:func:`markdown_cell`, so a pipe or a line break in a note cannot break one.
"""

from __future__ import annotations

from cs_daily.export.document import Block, Heading, Lines, Table, summary_blocks
from cs_daily.export.summary import WeekSummary
from cs_daily.export.text import markdown_cell


def render_markdown(summary: WeekSummary) -> bytes:
    """The summary as UTF-8 Markdown, blocks separated by a blank line."""
    parts = [_block(block) for block in summary_blocks(summary)]
    return ("\n\n".join(parts) + "\n").encode("utf-8")


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"*{block.text}*"
    if isinstance(block, Lines):
        return "\n".join(_line(line, block) for line in block.lines)
    return _table(block)


def _line(line: str, block: Lines) -> str:
    if block.bullets:
        return f"- {line}"
    if block.quiet:
        return f"_{line}_"
    return line


def _table(table: Table) -> str:
    rule = tuple(
        "---:" if column in table.numeric else "---"
        for column in range(len(table.headers))
    )
    rows = [table.headers, rule, *table.rows]
    return "\n".join(_row(row, is_rule=row is rule) for row in rows)


def _row(cells: tuple[str, ...], *, is_rule: bool) -> str:
    shown = cells if is_rule else tuple(markdown_cell(cell) for cell in cells)
    return "| " + " | ".join(shown) + " |"
