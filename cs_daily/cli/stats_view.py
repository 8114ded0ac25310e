"""How ``cs-daily stats`` lays the figures out: rich tables that fit 80 columns.

Only presentation lives here: every number comes ready from the stats bundle,
and every rate is written by :func:`cs_daily.i18n.format_percent`, so "–"
stands for "nothing answered" exactly as on the stats screen.
"""

from __future__ import annotations

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from cs_daily.figures.stats import Stats
from cs_daily.figures.weak import WeakArea
from cs_daily.figures.weeks import WeekFigures
from cs_daily.figures.wording import (
    category_rows,
    change_in_points,
    channel_rows,
    good_days,
    missed_of,
    work_days,
)
from cs_daily.i18n import _, format_date, format_number, format_percent, ngettext

WEEKS_PRINTED = 8


def render_stats(stats: Stats, console: Console | None = None) -> None:
    """Print every section, or a friendly word when there is no history yet."""
    console = console or Console(highlight=False)
    if not stats.has_history:
        console.print(no_history_message(), soft_wrap=True)
        return

    for section in (
        _title(stats),
        _headline(stats),
        _items(stats, console.width),
        _categories(stats),
        _channels(stats),
        _weak_areas(stats),
        _weeks(stats),
    ):
        console.print(section)
        console.print()


def no_history_message() -> str:
    return _(
        "No shifts yet, so there is nothing to count. Start your first shift "
        "with cs-daily and your figures will appear here."
    )


def _title(stats: Stats) -> RenderableType:
    title = Text(
        _("Your figures as of {date}").format(date=format_date(stats.as_of, "full")),
        style="bold",
    )
    period = ngettext(
        "Tables cover the last {days} day, {first} to {last}.",
        "Tables cover the last {days} days, {first} to {last}.",
        stats.period.length,
    ).format(
        days=format_number(stats.period.length),
        first=format_date(stats.period.first),
        last=format_date(stats.period.last),
    )
    return Group(title, Text(period, style="dim"))


def _headline(stats: Stats) -> RenderableType:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()

    grid.add_row(*_latest_day(stats))
    grid.add_row(
        _("Streak"),
        _("{current}, best {best}").format(
            current=good_days(stats.current_streak),
            best=format_number(stats.best_streak),
        ),
    )
    grid.add_row(_("This week"), _week_line(stats.this_week, stats.last_week))
    grid.add_row(_("Target"), format_percent(stats.target))
    grid.add_row(_("Period"), _period_line(stats))
    grid.add_row(_("Critical misses"), format_number(stats.totals.critical_misses))
    return grid


def _latest_day(stats: Stats) -> tuple[str, str]:
    latest = stats.latest
    if latest is None:
        return _("Today"), format_percent(None)

    is_today = latest.work_day == stats.as_of or latest.open_shift
    label = _("Today") if is_today else _("Last work day")
    parts = [format_percent(latest.score)]
    if latest.work_day != stats.as_of:
        parts.append(format_date(latest.work_day))
    if latest.good:
        parts.append(_("a good day"))
    if latest.critical_misses:
        parts.append(_("critical item missed"))
    if latest.open_shift:
        parts.append(_("shift still open"))
    return label, ", ".join(parts)


def _week_line(this_week: WeekFigures, last_week: WeekFigures) -> str:
    return _("{score} ({label}); last week {last}, {change}").format(
        score=format_percent(this_week.score),
        label=this_week.week.label,
        last=format_percent(last_week.score),
        change=change_in_points(this_week.score, last_week.score),
    )


def _period_line(stats: Stats) -> str:
    """ "5 work days, 4 good; 6 shifts; 80 interactions", each noun in its number."""
    totals = stats.totals
    shifts = ngettext("{count} shift", "{count} shifts", totals.shifts)
    interactions = ngettext(
        "{count} interaction", "{count} interactions", totals.interactions
    )
    return _("{days}, {good} good; {shifts}; {interactions}").format(
        days=work_days(totals.work_days),
        good=format_number(totals.good_days),
        shifts=shifts.format(count=format_number(totals.shifts)),
        interactions=interactions.format(count=format_number(totals.interactions)),
    )


def _table(title: str) -> Table:
    return Table(
        title=title,
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )


def _items(stats: Stats, width: int) -> RenderableType:
    """One row per item; the label gets whatever the number columns leave."""
    columns = [
        (_("Rate"), 4),
        (_("Missed"), 10),
        (_("n/a"), 4),
        (_("Streak (best)"), 7),
    ]
    widths = [max(least, cell_len(header)) for header, least in columns]
    label_width = max(12, width - sum(widths) - 3 * (len(columns) + 1))

    table = _table(_("Items"))
    table.add_column(
        _("Item"), max_width=label_width, no_wrap=True, overflow="ellipsis"
    )
    for (header, _least), least in zip(columns, widths, strict=True):
        table.add_column(header, justify="right", no_wrap=True, min_width=least)

    for item in stats.items:
        label = stats.labels.item(item.item_id)
        if item.critical:
            label = _("{label} (critical)").format(label=label)
        table.add_row(
            label,
            format_percent(item.rate),
            _("{missed} of {answered}").format(
                missed=format_number(item.missed),
                answered=format_number(item.done + item.missed),
            ),
            format_percent(item.na_rate),
            _("{current} ({best})").format(
                current=format_number(item.streak), best=format_number(item.best_streak)
            ),
        )
    return table


def _categories(stats: Stats) -> RenderableType:
    table = _table(_("Categories"))
    table.add_column(_("Category"), ratio=1, no_wrap=True, overflow="ellipsis")
    table.add_column(_("Mean of items"), justify="right")
    table.add_column(_("Missed"), justify="right")
    for row in category_rows(stats):
        table.add_row(*row)
    return table


def _channels(stats: Stats) -> RenderableType:
    table = _table(_("Channels"))
    table.add_column(_("Channel"), ratio=1, no_wrap=True, overflow="ellipsis")
    table.add_column(_("Interactions"), justify="right")
    table.add_column(_("Score"), justify="right")
    for row in channel_rows(stats):
        table.add_row(*row)
    if not stats.channels:
        table.add_row(_("No interactions in this period."), "", "")
    return table


def _weak_areas(stats: Stats) -> RenderableType:
    lines: list[RenderableType] = [Text(_("Weak areas"), style="bold")]
    for window, areas in stats.weak.items():
        heading = _("Last {days} days, change against the {days} days before")
        lines.append(Text(heading.format(days=window), style="italic"))
        lines.append(_indented([_weak_line(stats, area) for area in areas]))
        if not areas:
            lines.append(_indented([_("Nothing missed often enough to stand out.")]))

    lines.append(Text(_most_improved(stats)))
    return Group(*lines)


def _indented(texts: list[str]) -> RenderableType:
    """Lines with a hanging indent, so a wrapped line stays under its item."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for text in texts:
        grid.add_row(" ", text)
    return grid


def _weak_line(stats: Stats, area: WeakArea) -> str:
    """ "Logged: missed 4 of 5 (20%), -15 pts"."""
    return _("{item}: {missed} ({rate}), {change}").format(
        item=stats.labels.item(area.item_id),
        missed=missed_of(area.missed, area.answered),
        rate=format_percent(area.rate),
        change=change_in_points(area.rate, area.previous_rate),
    )


def _most_improved(stats: Stats) -> str:
    best = stats.most_improved
    if best is None:
        return _("Most improved: no item rose over the last 30 days.")
    return _(
        "Most improved: {item}, {before} to {now} ({change}) over the last 30 days"
    ).format(
        item=stats.labels.item(best.item_id),
        before=format_percent(best.previous_rate),
        now=format_percent(best.rate),
        change=change_in_points(best.rate, best.previous_rate),
    )


def _weeks(stats: Stats) -> RenderableType:
    table = _table(_("Weeks"))
    table.add_column(_("Week"), no_wrap=True)
    table.add_column(_("Score"), justify="right")
    table.add_column(_("Good days"), justify="right")
    table.add_column(_("Work days"), justify="right")
    table.add_column(_("Interactions"), justify="right")
    for week in stats.weeks[-WEEKS_PRINTED:]:
        table.add_row(
            week.week.label,
            format_percent(week.score),
            format_number(week.good_days),
            format_number(week.work_days),
            format_number(week.interactions),
        )
    return table
