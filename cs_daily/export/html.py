"""The weekly summary as one self-contained HTML page, ready to print.

The page is drawn by rich, the same library that draws the CLI's tables:
each section goes to a recording console and rich writes the recording as
HTML with inline styles, escaping every character of the agent's text. No
script, no external stylesheet, no web font: the file opens the same offline.
"""

from __future__ import annotations

import html
import io

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table as RichTable
from rich.terminal_theme import DEFAULT_TERMINAL_THEME
from rich.text import Text

from cs_daily.export.document import Block, Heading, Lines, Table, summary_blocks
from cs_daily.export.summary import WeekSummary

PAGE_WIDTH = 100

# rich fills in {stylesheet}, {foreground}, {background} and {code}; the
# doubled braces are CSS. The title is added, escaped, before rich sees it.
_PAGE = """<!DOCTYPE html>
<html lang="{{lang}}">
<head>
<meta charset="UTF-8">
<title>{{title}}</title>
<style>
{stylesheet}
body {{
    color: {foreground};
    background-color: {background};
    margin: 2em;
}}
pre {{
    font-family: Menlo, "DejaVu Sans Mono", Consolas, monospace;
    font-size: 10pt;
    line-height: 1.3;
    white-space: pre-wrap;
}}
@media print {{
    body {{ margin: 0; }}
}}
</style>
</head>
<body>
<pre><code>{code}</code></pre>
</body>
</html>
"""


def render_html(summary: WeekSummary) -> bytes:
    """The summary as a UTF-8 HTML page."""
    blocks = summary_blocks(summary)
    console = Console(
        record=True,
        file=io.StringIO(),
        width=PAGE_WIDTH,
        color_system="truecolor",
        force_terminal=True,
        legacy_windows=False,
    )
    console.print(Group(*(_renderable(block) for block in blocks)))

    page = console.export_html(
        theme=DEFAULT_TERMINAL_THEME,
        inline_styles=True,
        code_format=_page_template(blocks, summary.language),
    )
    return page.encode("utf-8")


def _page_template(blocks: list[Block], language: str) -> str:
    title = next((b.text for b in blocks if isinstance(b, Heading)), "cs-daily")
    return _PAGE.replace("{{lang}}", _literal(language)).replace(
        "{{title}}", _literal(title)
    )


def _literal(text: str) -> str:
    """HTML-escaped, with braces doubled so rich's ``format`` leaves them alone."""
    return html.escape(text).replace("{", "{{").replace("}", "}}")


def _renderable(block: Block) -> RenderableType:
    if isinstance(block, Heading):
        return Text("\n" + block.text, style="bold")
    if isinstance(block, Lines):
        return _lines(block)
    return _table(block)


def _lines(block: Lines) -> Text:
    prefix = "• " if block.bullets else ""
    text = Text("\n").join(Text(prefix + line) for line in block.lines)
    if block.quiet:
        text = Text("\n").append_text(text)
        text.stylize("italic")
    return text


def _table(block: Table) -> RichTable:
    table = RichTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for number, header in enumerate(block.headers):
        justify = "right" if number in block.numeric else "left"
        table.add_column(Text(header), justify=justify, overflow="fold")
    for row in block.rows:
        table.add_row(*(Text(cell) for cell in row))
    return table
