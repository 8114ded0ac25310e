"""The clock every part of cs-daily asks for the time.

Work days, streaks and weeks all hang on the local time at which a shift
started, so nothing reads the system clock directly: the app, the CLI and the
tests are each given a clock. A frozen clock makes midnight, night shifts,
zone changes and DST reproducible in tests.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


class Clock(Protocol):
    """Anything that can tell the current local time."""

    def now(self) -> datetime:
        """The current instant as an aware datetime in the agent's local zone."""
        ...


class SystemClock:
    """The real clock, in the machine's local zone."""

    def __init__(self, zone: tzinfo | None = None) -> None:
        self._zone = zone

    def now(self) -> datetime:
        zone = self._zone or local_zone()
        return datetime.now(UTC).astimezone(zone)


class FrozenClock:
    """A clock that only moves when told to; for tests and benchmarks."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("a frozen clock needs an aware datetime")
        self._now = start

    def now(self) -> datetime:
        return self._now

    def set(self, instant: datetime) -> None:
        """Jump to ``instant``, which may be earlier than now (a clock set back)."""
        if instant.tzinfo is None:
            raise ValueError("a frozen clock needs an aware datetime")
        self._now = instant

    def advance(self, **delta: float) -> None:
        """Move forward by a ``timedelta`` given as keywords (``minutes=5``)."""
        self._now = (self._now.astimezone(UTC) + timedelta(**delta)).astimezone(
            self._now.tzinfo
        )

    def move_to_zone(self, zone: str) -> None:
        """The agent travels: same instant, new local zone."""
        self._now = self._now.astimezone(ZoneInfo(zone))


def local_zone() -> tzinfo:
    """The machine's zone, with its IANA name whenever one can be found.

    A named zone (``Asia/Jakarta``) is stored with every shift so history reads
    right after a move; a bare offset is the fallback when no name exists.
    """
    name = zone_name_from_system()
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass

    fallback = datetime.now().astimezone().tzinfo
    assert fallback is not None
    return fallback


def zone_name_from_system() -> str | None:
    """The IANA name of the local zone from ``TZ`` or ``/etc/localtime``."""
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz:
        return tz

    localtime = Path("/etc/localtime")
    try:
        target = localtime.resolve(strict=True)
    except OSError:
        return None

    parts = target.parts
    if "zoneinfo" in parts:
        return "/".join(parts[parts.index("zoneinfo") + 1 :])
    return None


def zone_name(instant: datetime) -> str:
    """A printable name for the zone of an aware datetime."""
    zone = instant.tzinfo
    key = getattr(zone, "key", None)
    if key:
        return str(key)

    offset = instant.utcoffset() or timedelta(0)
    return format_offset(offset)


def format_offset(offset: timedelta) -> str:
    """``+07:00`` style, the way ISO 8601 writes an offset."""
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{mins:02d}"
