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
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from cs_daily.errors import StoreError
from cs_daily.figures.reach import LOOKBACK_DAYS
from cs_daily.figures.streaks import NOTHING_EARLIER, Earlier, Run, fold_earlier
from cs_daily.model import DayCounts
from cs_daily.store import Store
from cs_daily.store.checkpoint import Checkpoint

# The checkpoint sits this many days before the oldest day the figures need,
# so that an export of a recent week can use it too, and moves on once it is
# twice as far behind: one small write a month at most.
MARGIN_DAYS = 35

# Bumped whenever the folded figures change meaning; an older checkpoint is
# then folded again from the days.
FORMAT = 1


@dataclass(frozen=True)
class History:
    """Counted days up to a day, oldest first, and what the days before left."""

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
    earlier = decode(kept.body) if kept.before is not None else None

    before = kept.before
    if earlier is not None and before is not None and before <= needed:
        days = store.day_counts(before, last)
        if days:
            return _move_on(store, before, kept.seen, History(days, earlier), needed)

    days = store.day_counts(None, last)
    return _fold_from_scratch(store, kept, days, needed, keep=earlier is None)


def _move_on(
    store: Store, before: date, seen: int, history: History, needed: date
) -> History:
    """Fold more days into the checkpoint once it lags far behind.

    A read-only store cannot keep the result, so it is not worked out there.
    """
    place = needed - timedelta(days=MARGIN_DAYS)
    if store.readonly or (place - before).days < MARGIN_DAYS:
        return history

    split = _split(history.days, place, history.earlier)
    if split is None:
        return history
    _keep(store, place, split.earlier, seen)
    return split


def _fold_from_scratch(
    store: Store, kept: Checkpoint, days: list[DayCounts], needed: date, keep: bool
) -> History:
    """Every day was read: fold the oldest, and keep them if nothing valid was."""
    place = needed - timedelta(days=MARGIN_DAYS)
    split = _split(days, place, NOTHING_EARLIER)
    if split is None:
        return History(days)
    if keep:
        _keep(store, place, split.earlier, kept.seen)
    return split


def _split(days: list[DayCounts], place: date, earlier: Earlier) -> History | None:
    """The days from ``place`` on, the older ones folded into ``earlier``.

    None when there is nothing to fold, or nothing after ``place``: the
    latest work day must stay among the days, since an open shift on it is
    judged differently.
    """
    older = 0
    while older < len(days) and days[older].work_day < place:
        older += 1
    if older == 0 or older == len(days):
        return None
    return History(days[older:], fold_earlier(days[:older], earlier))


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


def decode(text: str) -> Earlier | None:
    """What :func:`encode` wrote; None for anything else, which is folded anew."""
    try:
        data = json.loads(text)
        if data["format"] != FORMAT:
            return None
        return Earlier(
            work_days=_count(data["work_days"]),
            good=_run(data["good"]),
            items={str(key): _run(value) for key, value in data["items"].items()},
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
