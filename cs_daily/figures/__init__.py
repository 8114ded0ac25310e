"""Pure figures over counted work days: scores, streaks, rates, weak areas, weeks.

Every function here takes plain :class:`cs_daily.model.DayCounts` (one per
work day, as the store counts them) and returns plain numbers or small named
tuples. Nothing here reads the clock, the database or the screen, so the
interface, the CLI, the exports and the tests all get the same answers.

Rates and scores are floats between 0 and 1, or ``None`` when nothing was
answered; turning them into "84 %" or "–" is the job of the i18n helpers.
Each name is loaded from its module on first use: an export or the first
screen needs only a few of them.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cs_daily.figures.days import (
        DayFigures,
        Period,
        critical_misses,
        day_figures,
        day_score,
        is_good_day,
        work_days,
    )
    from cs_daily.figures.rates import (
        CategoryScore,
        ChannelFigures,
        category_scores,
        channel_figures,
        item_totals,
        na_rate,
        rate,
    )
    from cs_daily.figures.stats import Stats, compute_stats
    from cs_daily.figures.streaks import best_streak, current_streak, item_streaks
    from cs_daily.figures.weak import Improvement, WeakArea, most_improved, weak_areas
    from cs_daily.figures.weeks import (
        WEEK_STARTS,
        Week,
        WeekFigures,
        parse_week,
        week_figures,
        week_of,
        weekly_figures,
    )

__all__ = [
    "WEEK_STARTS",
    "CategoryScore",
    "ChannelFigures",
    "DayFigures",
    "Improvement",
    "Period",
    "Stats",
    "WeakArea",
    "Week",
    "WeekFigures",
    "best_streak",
    "category_scores",
    "channel_figures",
    "compute_stats",
    "critical_misses",
    "current_streak",
    "day_figures",
    "day_score",
    "is_good_day",
    "item_streaks",
    "item_totals",
    "most_improved",
    "na_rate",
    "parse_week",
    "rate",
    "weak_areas",
    "week_figures",
    "week_of",
    "weekly_figures",
    "work_days",
]


# Where each name lives. A name is imported from its module the first time it
# is asked for, so a reader that needs one part of the figures (the app's
# first screen, an export) does not pay for every other part.
_MODULES = {
    "CategoryScore": "rates",
    "ChannelFigures": "rates",
    "DayFigures": "days",
    "Improvement": "weak",
    "Period": "days",
    "Stats": "stats",
    "WEEK_STARTS": "weeks",
    "WeakArea": "weak",
    "Week": "weeks",
    "WeekFigures": "weeks",
    "best_streak": "streaks",
    "category_scores": "rates",
    "channel_figures": "rates",
    "compute_stats": "stats",
    "critical_misses": "days",
    "current_streak": "streaks",
    "day_figures": "days",
    "day_score": "days",
    "is_good_day": "days",
    "item_streaks": "streaks",
    "item_totals": "rates",
    "most_improved": "weak",
    "na_rate": "rates",
    "parse_week": "weeks",
    "rate": "rates",
    "weak_areas": "weak",
    "week_figures": "weeks",
    "week_of": "weeks",
    "weekly_figures": "weeks",
    "work_days": "days",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
