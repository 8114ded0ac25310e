"""The export formats and the file names exports get when none is given.

Kept apart from the renderers so the command line can list the formats in
``--help`` without loading the store, the figures or rich.
"""

from __future__ import annotations

from datetime import date

FORMATS = ("md", "csv", "json", "html")
DEFAULT_FORMAT = "md"
BACKUP_FORMAT = "json"
# The formats that list every single answer; the others only need the figures.
TICK_FORMATS = ("csv", "json")


def default_filename(label: str, fmt: str) -> str:
    """``cs-daily-2026-W49.md``: the file a summary gets when none is named."""
    return f"cs-daily-{label}.{fmt}"


def backup_filename(day: date) -> str:
    """``cs-daily-backup-2026-12-03.json``: a full backup made on ``day``."""
    return f"cs-daily-backup-{day.isoformat()}.json"
