"""The counted days the figures need, without reading years of them.

Only the streaks look at every work day ever; every other figure looks at the
last six months at most. So the oldest work days are folded once into an
:class:`~cs_daily.figures.streaks.Earlier` and kept in the database (the
streak checkpoint); a start, ``cs-daily stats`` and the export then read only
the months after it. The figures come out the same either way.

Only a writable store keeps a checkpoint, which is to say the app (and the
commands that write history); the read-only commands use the one it kept.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any, NamedTuple

from cs_daily.errors import StoreError
from cs_daily.figures.reach import LOOKBACK_DAYS
from cs_daily.figures.streaks import NOTHING_EARLIER, Earlier, Run, fold_earlier
from cs_daily.model import DayCounts
from cs_daily.store import Store

# The checkpoint is kept four weeks behind the last day read, so that an
# export of a recent week can use it too, and moves on once it lags eight
# weeks: one small write a month at most, and never more than eight weeks of
# days to read for the streaks.
MARGIN_DAYS = 28

# Bumped whenever the folded figures change meaning; an older checkpoint is
# then folded again from the days.
FORMAT = 1


class History(NamedTuple):
    """Counted days up to a day, oldest first, and what the oldest days left.

    The days cover at least what the figures asked for; the streak functions
    skip those that ``earlier`` has folded in already.
    """

    days: list[DayCounts]
    earlier: Earlier = NOTHING_EARLIER

    @property
    def has_history(self) -> bool:
        """Whether any work day at all was logged up to the last day asked for."""
        return bool(self.days) or self.earlier.work_days > 0


def read_history(store: Store, last: date, reach: int = LOOKBACK_DAYS) -> History:
    """The counted days up to ``last`` and what the days before them left.

    ``reach`` is how many days ending at ``last`` the figures look at, the
    streaks aside; every one of them is among the days returned.
    """
    needed = last - timedelta(days=max(reach, 1) - 1)
    kept = store.streak_checkpoint()
    earlier = decode(kept.body, kept.before)

    if earlier is not None and earlier.before is not None and earlier.before <= last:
        days = store.day_counts(min(earlier.before, needed), last)
        if days and days[-1].work_day >= earlier.before:
            return _move_on(store, kept.seen, History(days, earlier), last)

    days = store.day_counts(None, last)
    span = (needed, last)
    return _fold_from_scratch(store, kept.seen, days, span, keep=earlier is None)


def _move_on(store: Store, seen: int, history: History, last: date) -> History:
    """Fold more days into the checkpoint once it lags far behind.

    A read-only store cannot keep the result, so it is not worked out there.
    """
    place = last - timedelta(days=MARGIN_DAYS)
    before = history.earlier.before
    if store.readonly or before is None or (place - before).days < MARGIN_DAYS:
        return history
    if history.days[-1].work_day < place:
        return history

    earlier = fold_earlier(history.days, history.earlier, before=place)
    _keep(store, place, earlier, seen)
    return History(history.days, earlier)


def _fold_from_scratch(
    store: Store,
    seen: int,
    days: list[DayCounts],
    span: tuple[date, date],
    keep: bool,
) -> History:
    """Every day was read: fold the oldest, and keep them if nothing valid was.

    The latest work day is never folded, since an open shift on it is judged
    differently; the days the figures need are handed back whatever was folded.
    """
    needed, last = span
    place = last - timedelta(days=MARGIN_DAYS)
    if not days or days[0].work_day >= place or days[-1].work_day < place:
        return History(days)

    earlier = fold_earlier(days, before=place)
    if keep:
        _keep(store, place, earlier, seen)
    first = min(needed, place)
    return History([day for day in days if day.work_day >= first], earlier)


def _keep(store: Store, place: date, earlier: Earlier, seen: int) -> None:
    """Keep the checkpoint if the store can; the figures are right without it.

    A write that fails here (a full disk, another program's lock) fails
    again at the agent's next tick, where it is reported.
    """
    try:
        store.keep_streak_checkpoint(place, encode(earlier), seen)
    except StoreError:
        return


def encode(earlier: Earlier) -> str:
    """The checkpoint's text: small, stable, and readable by any later version."""
    return json.dumps(
        {
            "format": FORMAT,
            "work_days": earlier.work_days,
            "good": [earlier.good.best, earlier.good.trailing],
            "items": {
                item_id: [run.best, run.trailing]
                for item_id, run in sorted(earlier.items.items())
            },
        },
        separators=(",", ":"),
    )


def decode(text: str, before: date | None) -> Earlier | None:
    """What :func:`encode` wrote, folded up to ``before``; None for anything else.

    A checkpoint that cannot be read is folded anew from the days.
    """
    if before is None:
        return None
    try:
        data = json.loads(text)
        if data["format"] != FORMAT:
            return None
        return Earlier(
            work_days=_count(data["work_days"]),
            good=_run(data["good"]),
            items={str(key): _run(value) for key, value in data["items"].items()},
            before=before,
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def _run(value: Any) -> Run:
    best, trailing = value
    return Run(best=_count(best), trailing=_count(trailing))


def _count(value: Any) -> int:
    if type(value) is not int or value < 0:
        raise ValueError(value)
    return value
