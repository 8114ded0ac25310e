"""Restoring a full backup: check the whole file first, then add it in one go.

Every problem in the file is found before the database is touched, and the
new shifts go in inside one transaction, so a bad file or a failure halfway
leaves the history exactly as it was. A shift already in the history (same
start instant, same checklist snapshot) is skipped, which makes importing
the same backup twice harmless.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from cs_daily.errors import InputFileError, Problem, UsageError
from cs_daily.export.backup_check import BackupReader, ShiftToImport
from cs_daily.i18n import _
from cs_daily.model import Shift
from cs_daily.store import Store
from cs_daily.store.rows import to_text

MAX_PROBLEMS = 20


class BackupFileError(InputFileError):
    """A backup file that cannot be imported; nothing was written."""


@dataclass(frozen=True)
class ImportResult:
    """How many shifts the import added, and how many were already there."""

    added: int
    skipped: int


def read_backup(path: Path) -> list[ShiftToImport]:
    """Every shift in the backup at ``path``, or every problem with it."""
    reader = BackupReader(path)
    shifts = reader.read()
    if reader.problems:
        raise BackupFileError(_shorten(reader.problems, path))
    return shifts


def import_backup(
    store: Store, shifts: list[ShiftToImport], source: Path
) -> ImportResult:
    """Add the shifts the history lacks, all in one transaction."""
    existing = {_key(shift) for shift in store.shifts_between(date.min, date.max)}
    new = [shift for shift in shifts if shift.key not in existing]
    _refuse_second_open_shift(store, new, source)

    with store.bulk():
        for shift in new:
            store.import_shift(
                shift.checklist,
                shift.started_at,
                shift.ended_at,
                focus=shift.focus,
                reflection=shift.reflection,
                shift_ticks=shift.ticks,
                interactions=shift.interactions,
            )

    return ImportResult(added=len(new), skipped=len(shifts) - len(new))


def _key(shift: Shift) -> tuple[str, str]:
    return to_text(shift.started_at), shift.checklist_hash


def _refuse_second_open_shift(
    store: Store, new: list[ShiftToImport], source: Path
) -> None:
    """The history holds at most one open shift; say so before writing anything."""
    incoming = next((s for s in new if s.ended_at is None), None)
    current = store.open_shift()
    if incoming is None or current is None:
        return

    raise UsageError(
        _(
            "{file}: the backup holds an open shift (started {incoming}) but the "
            "history already has one open (started {current}); end that shift "
            "first. Nothing was imported."
        ).format(
            file=source,
            incoming=_minute(incoming.started_at),
            current=_minute(current.started_at),
        )
    )


def _minute(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def _shorten(problems: list[Problem], path: Path) -> list[Problem]:
    """The first problems and a count of the rest: a broken file can have thousands."""
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = len(problems) - MAX_PROBLEMS
    more = Problem(
        file=path, key="", message=_("… and {count} more problems").format(count=rest)
    )
    return [*problems[:MAX_PROBLEMS], more]
