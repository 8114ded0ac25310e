"""How ``cs-daily checklist show`` draws a checklist: rich tables per section.

Kept apart from the command so that building the command line never loads
rich; only showing a checklist does.
"""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from cs_daily.i18n import _
from cs_daily.model import Checklist, Item, Phase


def print_checklist(checklist: Checklist) -> None:
    """The header, then one table per section that has items."""
    console = Console()
    console.print(_header(checklist), highlight=False)
    for title, items in _sections(checklist):
        if items:
            console.print(_table(checklist, title, items, console.width))


def _header(checklist: Checklist) -> Text:
    message = _("{title} (id {id}, language {language}, target {target} %)")
    line = message.format(
        title=checklist.title,
        id=checklist.id,
        language=checklist.language,
        target=round(checklist.target * 100),
    )
    return Text(line, style="bold")


def _sections(checklist: Checklist) -> list[tuple[str, tuple[Item, ...]]]:
    return [
        (_("Shift start"), checklist.shift_items(Phase.START)),
        (_("Every interaction"), checklist.interaction_items()),
        (_("Shift end"), checklist.shift_items(Phase.END)),
    ]


def _table(
    checklist: Checklist, title: str, items: tuple[Item, ...], width: int
) -> Table:
    """One section: items grouped under their category, hints dimmed below.

    Labels get their full 40 columns when the terminal allows, but never so
    many that the marks column (n/a, critical) is squeezed out.
    """
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column(_("Category"), max_width=14, style="cyan")
    table.add_column(_("Id"), no_wrap=True)
    table.add_column(_("Item"), min_width=max(16, min(40, width - 40)), ratio=1)
    table.add_column(_("Marks"), no_wrap=True, min_width=8)

    for category in checklist.categories:
        in_category = [i for i in items if i.category == category.id]
        for position, item in enumerate(in_category):
            label = Text(item.label)
            label.append("\n" + item.hint, style="dim")
            shown = category.label if position == 0 else ""
            table.add_row(shown, item.id, label, _marks(item))
        if in_category:
            table.add_section()
    return table


def _marks(item: Item) -> str:
    marks = []
    if item.na:
        marks.append(_("n/a"))
    if item.critical:
        marks.append(_("critical"))
    if item.weight != 1.0:
        marks.append(_("×{weight}").format(weight=f"{item.weight:g}"))
    return ", ".join(marks)
