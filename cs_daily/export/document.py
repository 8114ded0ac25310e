"""The summary laid out as headings, lines and tables, before any format.

Markdown and HTML show the same sections with the same words; only the way a
heading or a table is drawn differs. Building the text once here keeps the
two in step, and keeps every translated sentence in one module. The blocks
are named tuples, like the summary's parts: cheaper to define at start-up.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from cs_daily.export import fmt
from cs_daily.export.period import ExportPeriod
from cs_daily.export.summary import ItemRow, WeekSummary
from cs_daily.export.text import one_line
from cs_daily.figures.wording import change_in_points
from cs_daily.i18n import NO_VALUE, _, format_date, ngettext
from cs_daily.model import ItemCount


class Heading(NamedTuple):
    text: str


class Lines(NamedTuple):
    """Plain lines; ``bullets`` draws each as a list item."""

    lines: tuple[str, ...]
    bullets: bool = False
    quiet: bool = False


class Table(NamedTuple):
    """A table; ``numeric`` marks the columns aligned right."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[int, ...] = ()


Block = Heading | Lines | Table


def summary_blocks(summary: WeekSummary) -> list[Block]:
    """Every section of the summary, in reading order."""
    blocks: list[Block] = [*_header(summary)]
    if summary.is_empty:
        blocks.append(Lines((_empty_line(summary),)))
    else:
        blocks += _headline(summary)
        blocks += _days(summary)
        blocks += _categories(summary)
        blocks += _items(summary)
        blocks += _channels(summary)
        blocks += _readiness(summary)
    if summary.include_notes:
        blocks += _notes(summary)
    blocks.append(Lines((_closing(summary),), quiet=True))
    return blocks


def _period_name(period: ExportPeriod) -> str:
    """A week by its label, a range of dates by its first and last day."""
    if period.week is not None:
        return period.label
    return _("{first} to {last}").format(
        first=period.first.isoformat(), last=period.last.isoformat()
    )


def _is_week(summary: WeekSummary) -> bool:
    return summary.period.week is not None


def _header(summary: WeekSummary) -> list[Block]:
    period = summary.period
    if _is_week(summary):
        title = _("Weekly summary {week}").format(week=period.label)
    else:
        title = _("Summary {period}").format(period=_period_name(period))
    if summary.alias:
        title = _("{title} · {alias}").format(
            title=title, alias=one_line(summary.alias)
        )

    dates = _("{first} – {last}").format(
        first=format_date(period.first, "medium"),
        last=format_date(period.last, "medium"),
    )
    shifts = ngettext("{count} shift", "{count} shifts", summary.shifts)
    contacts = ngettext(
        "{count} interaction", "{count} interactions", summary.interactions
    )
    facts = " · ".join(
        (
            dates,
            shifts.format(count=summary.shifts),
            contacts.format(count=summary.interactions),
        )
    )
    return [Heading(title), Lines((facts,))]


def _empty_line(summary: WeekSummary) -> str:
    if _is_week(summary):
        return _("No shift was logged this week.")
    return _("No shift was logged in these days.")


def _headline(summary: WeekSummary) -> list[Block]:
    head, answers = summary.headline, summary.answers
    if head.previous_score is None:
        score = _("Score: {score} ({done}/{answered} answers done)")
    else:
        score = _(
            "Score: {score} ({done}/{answered} answers done), "
            "{change} against {previous} ({before})"
        )
    score = score.format(
        score=fmt.percent(head.score),
        done=answers.done,
        answered=answers.answered,
        change=change_in_points(head.score, head.previous_score),
        previous=_period_name(summary.previous),
        before=fmt.percent(head.previous_score),
    )
    lines = (
        score,
        ngettext(
            "Good days: {good} of {days} work day (target {target})",
            "Good days: {good} of {days} work days (target {target})",
            head.work_days,
        ).format(
            good=head.good_days,
            days=head.work_days,
            target=fmt.percent(summary.target),
        ),
        ngettext(
            "Streak: {current} good day now, best {best}",
            "Streak: {current} good days now, best {best}",
            head.current_streak,
        ).format(current=head.current_streak, best=head.best_streak),
        _("Critical misses: {count}").format(count=head.critical_misses),
    )
    return [Heading(_("Headline")), Lines(lines, bullets=True)]


def _days(summary: WeekSummary) -> list[Block]:
    headers = (
        _("Day"),
        _("Shifts"),
        _("Interactions"),
        _("Score"),
        _("Done"),
        _("Good day"),
    )
    rows = tuple(
        (
            _day_label(row.work_day, row.open_shift),
            str(row.shifts),
            str(row.interactions),
            fmt.percent(row.score),
            fmt.done_of(row.answers),
            _verdict(row.good, row.critical_misses),
        )
        for row in summary.days
    )
    return [Heading(_("Work days")), Table(headers, rows, numeric=(1, 2, 3, 4))]


def _day_label(day: date, open_shift: bool) -> str:
    label = format_date(day, "short")
    return _("{day} (open)").format(day=label) if open_shift else label


def _verdict(good: bool, critical_misses: int) -> str:
    verdict = _("yes") if good else _("no")
    if critical_misses:
        return _("{verdict}, {count} critical missed").format(
            verdict=verdict, count=critical_misses
        )
    return verdict


def _categories(summary: WeekSummary) -> list[Block]:
    now, before = _period_names(summary)
    headers = (_("Category"), now, before, _("Change"))
    rows = tuple(
        (
            one_line(row.label),
            fmt.rate_with_counts(row.score, row.answers),
            fmt.rate_with_counts(row.previous_score, row.previous_answers),
            change_in_points(row.score, row.previous_score),
        )
        for row in summary.categories
    )
    return [Heading(_("Categories")), Table(headers, rows, numeric=(1, 2, 3))]


def _period_names(summary: WeekSummary) -> tuple[str, str]:
    if _is_week(summary):
        return _("This week"), _("Week before")
    return _("These days"), _("Days before")


def _items(summary: WeekSummary) -> list[Block]:
    """The weakest items, then the most improved one in a block of its own."""
    title = _("Weakest items (change against {previous})").format(
        previous=_period_name(summary.previous)
    )
    lines = [_weak_line(n, row) for n, row in enumerate(summary.weakest, start=1)]
    if not lines:
        lines = [_("No item was missed often enough to call it weak.")]
    blocks: list[Block] = [Heading(title), Lines(tuple(lines))]

    best = summary.most_improved
    if best is not None:
        line = _("Most improved: {item}, {rate}, {change} against {before}").format(
            item=one_line(best.label),
            rate=fmt.rate_with_counts(best.rate, _counts(best)),
            change=change_in_points(best.rate, best.previous_rate),
            before=fmt.percent(best.previous_rate),
        )
        blocks.append(Lines((line,)))
    return blocks


def _counts(row: ItemRow) -> ItemCount:
    return ItemCount(done=row.done, missed=row.missed)


def _weak_line(number: int, row: ItemRow) -> str:
    """ "1. Greeting: missed 7 of 31 (77%), -5 pts"; no change without a before."""
    if row.previous_rate is None:
        line = _("{number}. {item}: missed {missed} of {answered} ({rate})")
    else:
        line = _("{number}. {item}: missed {missed} of {answered} ({rate}), {change}")
    return line.format(
        number=number,
        item=one_line(row.label),
        missed=row.missed,
        answered=row.answered,
        rate=fmt.percent(row.rate),
        change=change_in_points(row.rate, row.previous_rate),
    )


def _channels(summary: WeekSummary) -> list[Block]:
    headers = (_("Channel"), _("Interactions"), _("Score"))
    rows = tuple(
        (
            one_line(row.label),
            str(row.interactions),
            fmt.rate_with_counts(row.score, row.answers),
        )
        for row in summary.channels
    )
    return [Heading(_("Channels")), Table(headers, rows, numeric=(1, 2))]


def _readiness(summary: WeekSummary) -> list[Block]:
    ready = summary.readiness
    line = ngettext(
        "Full preparation on {complete} of {shifts} shift.",
        "Full preparation on {complete} of {shifts} shifts.",
        ready.shifts,
    ).format(complete=ready.complete_shifts, shifts=ready.shifts)
    headers = (_("Preparation"), _("Done on"))
    rows = tuple(
        (
            one_line(row.label),
            ngettext(
                "{done} of {shifts} shift", "{done} of {shifts} shifts", row.shifts
            ).format(done=row.done, shifts=row.shifts),
        )
        for row in ready.items
    )
    return [Heading(_("Readiness")), Lines((line,)), Table(headers, rows, (1,))]


def _notes(summary: WeekSummary) -> list[Block]:
    if not summary.notes:
        return [Heading(_("Shift notes")), Lines((_("No shift-end notes."),))]
    headers = (_("Day"), _("Note"))
    rows = tuple(
        (format_date(note.work_day, "short"), note.text) for note in summary.notes
    )
    return [Heading(_("Shift notes")), Table(headers, rows)]


def _closing(summary: WeekSummary) -> str:
    answers = summary.answers
    total = answers.answered + answers.na
    return _(
        "The figures are self-reported by the agent; {na} of {total} answers "
        "were n/a and are left out of every rate. {none} means nothing was answered."
    ).format(na=answers.na, total=total, none=NO_VALUE)
