"""How far back each figure looks, set in one place.

The streaks look at every work day ever; everything else looks at a window
ending on the day asked about. Readers use :data:`LOOKBACK_DAYS` to read only
the days those windows need (see :mod:`cs_daily.history`), so this module
stays free of the figures themselves and is cheap to import.
"""

from __future__ import annotations

# Items, categories and channels on the stats screen.
PERIOD_DAYS = 30
# The calendar of day scores.
CALENDAR_DAYS = 182
# The weekly scores: the current week may have begun six days before.
WEEKS_SHOWN = 26
# Weak areas, each compared with the window of the same length before it.
WEAK_WINDOWS = (7, 30)

# How many days, ending on the day asked about, every figure but the streaks
# looks at with the defaults above.
LOOKBACK_DAYS = max(PERIOD_DAYS, CALENDAR_DAYS, 7 * WEEKS_SHOWN, 2 * max(WEAK_WINDOWS))
