"""``cs-daily stats``: streaks, weak areas and scores, printed or as JSON.

The command reads the history read-only and shows the very figures the stats
screen shows, computed by :func:`cs_daily.figures.compute_stats`. It never
loads Textual, so it stays quick and works over a plain SSH session.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import TYPE_CHECKING, Any

from cs_daily.cli.main import add_common_options
from cs_daily.dates import MOST_DAYS, within_range
from cs_daily.errors import UsageError
from cs_daily.i18n import _

if TYPE_CHECKING:
    from cs_daily.cli.common import Context
    from cs_daily.figures.stats import Stats
    from cs_daily.history import History


def register(commands: Any) -> None:
    """Add the ``stats`` command."""
    parser = commands.add_parser(
        "stats",
        help=_("show your streaks, scores and weak areas"),
        description=_(
            "Show today's score, your current and best streak, this week "
            "against last, each item's rate, and your weak areas."
        ),
    )
    parser.add_argument(
        "--as-of",
        metavar=_("DATE"),
        help=_("show the figures as they stood on DATE (YYYY-MM-DD; default today)"),
    )
    parser.add_argument(
        "--days",
        type=_positive_days,
        metavar="N",
        help=_("cover the last N days in the item, category and channel tables"),
    )
    parser.add_argument(
        "--json", action="store_true", help=_("print the figures as JSON")
    )
    add_common_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Compute the figures and print them."""
    from cs_daily.cli.common import load_context
    from cs_daily.clock import SystemClock
    from cs_daily.figures.reach import CALENDAR_DAYS, LOOKBACK_DAYS, PERIOD_DAYS
    from cs_daily.figures.stats import compute_stats
    from cs_daily.figures.stats_json import stats_to_json

    as_of = parse_as_of(args.as_of)
    context = load_context(args)
    as_of = as_of or SystemClock().now().date()

    period_days = args.days or PERIOD_DAYS
    history = read_days(context, as_of, max(period_days, LOOKBACK_DAYS))
    # The JSON's ``days`` are the period's work days, taken from the days the
    # calendar holds: a period longer than the calendar stretches it.
    stats = compute_stats(
        history.days,
        as_of,
        context.checklist,
        context.settings.week_start,
        period_days=period_days,
        calendar_days=max(period_days, CALENDAR_DAYS),
        earlier=history.earlier,
    )

    if args.json:
        print(json.dumps(stats_to_json(stats), indent=2, ensure_ascii=False))
    else:
        print_stats(stats)
    return 0


def parse_as_of(text: str | None) -> date | None:
    """The ``--as-of`` date, or a clear refusal naming what was given."""
    if text is None:
        return None
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(
            _("--as-of '{text}' is not a date; write it as YYYY-MM-DD.").format(
                text=text
            )
        ) from None
    return within_range(day, text)


def read_days(context: Context, as_of: date, reach: int) -> History:
    """The counted work days up to ``as_of``; none when there is no history yet."""
    from cs_daily.cli.common import open_store
    from cs_daily.history import History, read_history

    if not context.paths.database.is_file():
        return History([])
    with open_store(context, readonly=True) as store:
        return read_history(store, as_of, reach)


def print_stats(stats: Stats) -> None:
    """The figures as rich tables, or a friendly word when there are none yet."""
    from cs_daily.cli.stats_view import render_stats

    render_stats(stats)


def _positive_days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        days = 0
    if not 1 <= days <= MOST_DAYS:
        raise argparse.ArgumentTypeError(
            _(
                "'{text}' is not a number of days; "
                "give a whole number from 1 to {most}."
            ).format(most=MOST_DAYS, text=text)
        )
    return days
