"""Putting a copy of the history back: checked first, the old one kept.

The copy is checked whole before anything is touched. The current history is
copied aside, then the copy is written into the live database through
SQLite's backup API under an exclusive lock, so no ``-wal`` file is ever left
behind that belongs to the old history, and a restore cut short is rolled
back by SQLite on the next open.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from cs_daily.errors import StoreError, UsageError
from cs_daily.i18n import _, ngettext
from cs_daily.store.backup import (
    DatabaseInfo,
    backup_database,
    inspect_database,
    make_folder,
    open_readonly,
)

_LOCK_TIMEOUT_S = 2.0


def restore_database(
    source: Path, db_path: Path, safety_dir: Path, stamp: str, force: bool = False
) -> Path | None:
    """Replace the history at ``db_path`` with the backup ``source``.

    The backup is checked whole first. The current history is copied to
    ``safety_dir`` (named with ``stamp``) before anything is replaced; that
    copy's path is returned (``None`` when there was no history). Without
    ``force`` a restore that would drop shifts the backup lacks is refused,
    and so is one over a history that cannot be read.
    """
    inspect_database(source)
    if not db_path.is_file() or db_path.stat().st_size == 0:
        make_folder(db_path.parent)
        backup_database(source, db_path)
        return None

    safety = _unused(safety_dir / f"history-before-restore-{stamp}.sqlite3")
    try:
        current = inspect_database(db_path)
    except (StoreError, UsageError) as problem:
        if not force:
            raise _unreadable_current(db_path, problem) from problem
        return _set_aside_and_restore(source, db_path, safety)

    _refuse_losing_shifts(source, db_path, current, force)
    backup_database(db_path, safety)
    _write_into(source, db_path)
    return safety


def _refuse_losing_shifts(
    source: Path, db_path: Path, current: DatabaseInfo, force: bool
) -> None:
    """Shifts only the current history has would be lost: ask for ``--force``."""
    lost = _shifts_missing_from(source, db_path)
    if not lost or force:
        return

    raise UsageError(
        ngettext(
            "The history {path} holds {count} shift the backup {file} does not "
            "have (latest work day {day}). Restore with --force to replace it "
            "anyway; a safety copy is kept. Nothing was changed.",
            "The history {path} holds {count} shifts the backup {file} does not "
            "have (latest work day {day}). Restore with --force to replace it "
            "anyway; a safety copy is kept. Nothing was changed.",
            lost,
        ).format(path=db_path, count=lost, file=source, day=current.last_work_day)
    )


def _shifts_missing_from(source: Path, db_path: Path) -> int:
    """How many shifts of ``db_path`` (by start instant) ``source`` lacks."""
    conn = open_readonly(db_path)
    try:
        incoming = source.resolve().as_uri() + "?mode=ro"
        conn.execute("ATTACH DATABASE ? AS incoming", (incoming,))
        (count,) = conn.execute(
            "SELECT count(*) FROM main.shifts WHERE started_at NOT IN"
            " (SELECT started_at FROM incoming.shifts)"
        ).fetchone()
    finally:
        conn.close()
    return int(count)


def _write_into(source: Path, db_path: Path) -> None:
    """Copy ``source`` over the live database, alone and under an exclusive lock.

    Leaving WAL mode only succeeds when no other connection has the file open,
    which is how a running cs-daily is detected; the exclusive locking mode
    then keeps any newcomer out until the copy is complete.
    """
    reader = open_readonly(source)
    writer = sqlite3.connect(db_path, isolation_level=None, timeout=_LOCK_TIMEOUT_S)
    try:
        writer.execute("PRAGMA locking_mode = EXCLUSIVE")
        writer.execute("PRAGMA journal_mode = DELETE")
        reader.backup(writer)
        writer.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError as error:
        raise _in_use(db_path, error) from error
    finally:
        writer.close()
        reader.close()


def _set_aside_and_restore(source: Path, db_path: Path, safety: Path) -> Path:
    """Move an unreadable history (with its -wal and -shm) aside, then restore."""
    make_folder(safety.parent)
    for suffix in ("", "-wal", "-shm"):
        found = Path(f"{db_path}{suffix}")
        if found.exists():
            os.replace(found, Path(f"{safety}{suffix}"))
    backup_database(source, db_path)
    return safety


def _unused(path: Path) -> Path:
    """``path``, or the first free ``name-2``, ``name-3``: a safety copy never
    replaces an earlier one, whatever the clock says."""
    found, n = path, 1
    while found.exists():
        n += 1
        found = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return found


def _unreadable_current(path: Path, problem: Exception) -> UsageError:
    return UsageError(
        _(
            "The current history cannot be read ({problem}). Restore with --force "
            "to move it aside into the backup folder and use the backup instead."
        ).format(problem=problem)
    )


def _in_use(path: Path, error: sqlite3.Error) -> StoreError:
    return StoreError(
        _(
            "The history {path} is in use by another cs-daily (close it first); "
            "nothing was changed. ({reason})"
        ).format(path=path, reason=error)
    )
