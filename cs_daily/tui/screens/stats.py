"""Statistics: how the agent's practice is going, at a glance and over months.

The screen shows a headline (today's score, current and best streak, this
week against last), a heat map of about six months of day scores, a
sparkline of weekly scores, weak areas with their counts, categories and
channels. Every number comes from :func:`cs_daily.figures.compute_stats`,
computed once when the screen opens, in a thread so a long history never
freezes the keys; nothing is recomputed while the screen is shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich import box
from rich.table import Table
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Sparkline, Static

from cs_daily.clock import Clock
from cs_daily.errors import CsDailyError, StoreError
from cs_daily.figures.stats import Stats, compute_stats
from cs_daily.figures.weak import WeakArea
from cs_daily.figures.weeks import Week
from cs_daily.figures.wording import (
    category_rows,
    change_in_points,
    channel_rows,
    good_days,
    missed_of,
)
from cs_daily.history import History, read_history
from cs_daily.i18n import _, format_date, format_number, format_percent, ngettext
from cs_daily.model import Checklist
from cs_daily.settings import Settings
from cs_daily.store import Store
from cs_daily.tui.widgets.heat_map import HeatMap, heat_map_legend
from cs_daily.tui.widgets.key_footer import KeyFooter


class StatsScreen(Screen[None]):
    """Streaks, scores and weak areas; Escape or q goes back."""

    DEFAULT_CSS = """
    StatsScreen #stats-weeks {
        height: 3;
        margin: 0 0 0 0;
        max-width: 60;
    }
    StatsScreen .stats-block {
        height: auto;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", _("Back"), id="stats.back"),
        Binding("q", "back", _("Back"), id="stats.back_q", show=False),
        Binding("x", "export", _("Export week"), id="stats.export"),
    ]

    def __init__(
        self, store: Store, checklist: Checklist, clock: Clock, settings: Settings
    ) -> None:
        super().__init__(id="stats")
        self.store = store
        self.checklist = checklist
        self.clock = clock
        self.settings = settings
        self.stats: Stats | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="stats-body", classes="page"):
            yield Static(_("Statistics"), classes="screen-title")
            yield Static(
                _("Counting your history…"), id="stats-headline", classes="stats-block"
            )
            yield Static(_("Day scores, last six months"), classes="section")
            yield HeatMap(id="stats-calendar")
            yield Static(heat_map_legend(), id="stats-legend", classes="hint")
            yield Static(_("Weekly score"), classes="section")
            yield Sparkline([], id="stats-weeks")
            yield Static(id="stats-weeks-caption", classes="hint", markup=False)
            yield Static(_("Weak areas"), classes="section")
            yield Static(id="stats-weak", classes="stats-block", markup=False)
            yield Static(_("Categories"), classes="section")
            yield Static(id="stats-categories", classes="stats-block")
            yield Static(_("Channels"), classes="section")
            yield Static(id="stats-channels", classes="stats-block")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Read the counted days here, then leave the arithmetic to a thread."""
        as_of = self.clock.now().date()
        try:
            history = read_history(self.store, as_of)
        except StoreError as error:
            self.query_one("#stats-headline", Static).update(error.message)
            return
        self.compute(history)

    # A description of its own: by default Textual describes a worker by the
    # repr of its arguments, which for years of counted days is megabytes.
    @work(thread=True, exclusive=True, group="stats", description="stats")
    def compute(self, history: History) -> None:
        as_of = self.clock.now().date()
        stats = compute_stats(
            history.days,
            as_of,
            self.checklist,
            self.settings.week_start,
            earlier=history.earlier,
        )
        self.app.call_from_thread(self.show_stats, stats)

    def show_stats(self, stats: Stats) -> None:
        """Fill every part of the screen from one stats bundle."""
        self.stats = stats
        self.query_one("#stats-headline", Static).update(headline(stats))
        self.query_one("#stats-calendar", HeatMap).show(
            stats.days, stats.calendar.first, stats.as_of, stats.week_start
        )
        self._show_weeks(stats)
        self.query_one("#stats-weak", Static).update(weak_text(stats))
        self.query_one("#stats-categories", Static).update(categories_table(stats))
        self.query_one("#stats-channels", Static).update(channels_table(stats))

    def _show_weeks(self, stats: Stats) -> None:
        """The weekly line, once there are two weeks to draw a line between.

        A single week would fill the whole line as one solid block; the
        caption beside it gives that week's score instead.
        """
        scores = [w.score for w in stats.weeks if w.score is not None]
        line = self.query_one("#stats-weeks", Sparkline)
        line.data = scores
        line.display = len(scores) > 1
        self.query_one("#stats-weeks-caption", Static).update(weeks_caption(stats))

    def action_back(self) -> None:
        self.dismiss()

    def action_export(self) -> None:
        """Write this week's summary as Markdown into the folder cs-daily runs in.

        The same file name as ``cs-daily export`` uses, so the agent finds it
        where the command would have put it; an earlier one is replaced only
        after asking.
        """
        from cs_daily.export.naming import default_filename
        from cs_daily.figures import week_of
        from cs_daily.tui.screens.confirm import ConfirmModal

        week = week_of(self.clock.now().date(), self.settings.week_start)
        target = Path.cwd() / default_filename(week.label, "md")
        if not target.exists():
            self._export(week, target, force=False)
            return

        def answered(replace: bool | None) -> None:
            if replace:
                self._export(week, target, force=True)

        question = _("Replace {name}?").format(name=target.name)
        self.app.push_screen(ConfirmModal(question, str(target.parent)), answered)

    def _export(self, week: Week, target: Path, *, force: bool) -> None:
        from cs_daily.export import export_week
        from cs_daily.tui.feedback import show_error

        try:
            written = export_week(
                self.store,
                self.checklist,
                self.settings,
                week,
                "md",
                target,
                force=force,
            )
        except CsDailyError as error:
            show_error(self, error)
            return
        self.notify(_("Weekly summary written to {path}").format(path=written))


def headline(stats: Stats) -> str:
    """Today's score, the streaks, and this week against last."""
    if not stats.has_history:
        return _(
            "No shifts yet. Start one from Today, and your figures will appear "
            "here once you have ticked a few items."
        )
    lines = [
        _day_line(stats),
        _("Streak: {current}; best {best}").format(
            current=good_days(stats.current_streak),
            best=format_number(stats.best_streak),
        ),
        _week_line(stats),
        _("Target: {target}").format(target=format_percent(stats.target)),
    ]
    return "\n".join(lines)


def _day_line(stats: Stats) -> str:
    latest = stats.latest
    if latest is None:
        return _("Today: no shift yet")
    verdict = _("a good day") if latest.good else _("not yet at target")
    if latest.critical_misses:
        verdict = _("critical item missed")
    if latest.work_day == stats.as_of or latest.open_shift:
        return _("Today: {score}, {verdict}").format(
            score=format_percent(latest.score), verdict=verdict
        )
    return _("Last work day, {day}: {score}, {verdict}").format(
        day=format_date(latest.work_day),
        score=format_percent(latest.score),
        verdict=verdict,
    )


def _week_line(stats: Stats) -> str:
    this, last = stats.this_week, stats.last_week
    return _("This week ({label}): {score}; last week {last} ({change})").format(
        label=this.week.label,
        score=format_percent(this.score),
        last=format_percent(last.score),
        change=change_in_points(this.score, last.score),
    )


def weeks_caption(stats: Stats) -> str:
    """What the sparkline covers, with its lowest and highest week."""
    scored = [w for w in stats.weeks if w.score is not None]
    if not scored:
        return _("No week with a score yet.")
    lowest = min(scored, key=lambda w: w.score or 0.0)
    highest = max(scored, key=lambda w: w.score or 0.0)
    return ngettext(
        "{count} week with shifts, {first} to {last}; lowest {low} "
        "({low_week}), highest {high} ({high_week})",
        "{count} weeks with shifts, {first} to {last}; lowest {low} "
        "({low_week}), highest {high} ({high_week})",
        len(scored),
    ).format(
        count=format_number(len(scored)),
        first=scored[0].week.label,
        last=scored[-1].week.label,
        low=format_percent(lowest.score),
        low_week=lowest.week.label,
        high=format_percent(highest.score),
        high_week=highest.week.label,
    )


def weak_text(stats: Stats) -> str:
    """Weak areas of the last 7 and 30 days, and the most improved item."""
    lines = []
    for window, areas in stats.weak.items():
        lines.append(
            _("Last {days} days, change against the {days} days before").format(
                days=window
            )
        )
        lines.extend("  " + _weak_line(stats, area) for area in areas)
        if not areas:
            lines.append("  " + _("Nothing missed often enough to stand out."))

    best = stats.most_improved
    if best is not None:
        lines.append(
            _("Most improved: {item}, {before} to {now} ({change})").format(
                item=stats.labels.item(best.item_id),
                before=format_percent(best.previous_rate),
                now=format_percent(best.rate),
                change=change_in_points(best.rate, best.previous_rate),
            )
        )
    return "\n".join(lines)


def _weak_line(stats: Stats, area: WeakArea) -> str:
    return _("{item}: {missed} ({rate}), {change}").format(
        item=stats.labels.item(area.item_id),
        missed=missed_of(area.missed, area.answered),
        rate=format_percent(area.rate),
        change=change_in_points(area.rate, area.previous_rate),
    )


def _table(*headers: str) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column(headers[0], no_wrap=True, overflow="ellipsis", max_width=34)
    for header in headers[1:]:
        table.add_column(header, justify="right", no_wrap=True)
    return table


def categories_table(stats: Stats) -> Table:
    """Each category's score over the last 30 days, with its misses."""
    table = _table(_("Category"), _("Mean of items"), _("Missed"))
    for row in category_rows(stats):
        table.add_row(*row)
    return table


def channels_table(stats: Stats) -> Table:
    """Volume and score per channel over the last 30 days."""
    table = _table(_("Channel"), _("Interactions"), _("Score"))
    for row in channel_rows(stats):
        table.add_row(*row)
    return table
