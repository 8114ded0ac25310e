"""Copies of the history database: the daily backup and `cs-daily backup`.

Copies are made with SQLite's online backup API, never by copying the file:
a file copy taken while the app writes can catch the database between two
pages, or miss the changes still waiting in the ``-wal`` file beside it. The
backup API reads one consistent snapshot through SQLite's own locks.

A copy is written to a temporary name and renamed into place only when it is
complete, so a crash never leaves half a backup under a real backup's name.
Restoring a copy is :mod:`cs_daily.store.restore`.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from cs_daily.errors import StoreError, UsageError
from cs_daily.i18n import _
from cs_daily.store import schema
from cs_daily.store.connection import SQLITE_HEADER, read_header, short_finding

DEFAULT_KEEP_DAYS = 14

# Daily copies are named after the database they copy and the local calendar
# date they were made on (``history-2026-12-03.sqlite3``), so a demo or a
# second history opened with --db never takes the place of the agent's own.
# Pruning matches this exact pattern and touches no other file in the folder.
DAILY_DATE = r"(\d{4}-\d{2}-\d{2})\.sqlite3"
_TABLES = ("checklist_snapshots", "shifts", "interactions", "ticks")


@dataclass(frozen=True)
class DatabaseInfo:
    """What a restore needs to know about a database file before using it."""

    path: Path
    version: int
    shifts: int
    last_work_day: date | None


def daily_name(day: date, stem: str = "history") -> str:
    """The file name of the automatic backup of ``<stem>.sqlite3`` made on ``day``."""
    return f"{stem}-{day.isoformat()}.sqlite3"


def daily_pattern(stem: str = "history") -> re.Pattern[str]:
    """What the daily copies of ``<stem>.sqlite3`` are called, and nothing else."""
    return re.compile(f"^{re.escape(stem)}-{DAILY_DATE}$")


def daily_backup(
    db_path: Path,
    backup_dir: Path,
    today: date,
    keep_days: int = DEFAULT_KEEP_DAYS,
    *,
    inspect: Callable[[Path], object] | None = None,
) -> Path | None:
    """Copy the history into ``backup_dir`` once per calendar day; the new copy.

    ``today`` is the local date from the app's clock. Nothing is copied when
    there is no history yet or today's copy already exists (``None``). Copies
    older than ``keep_days`` days are deleted afterwards, so the folder holds
    at most ``keep_days`` of them. ``inspect`` stands in for
    :func:`inspect_database`, as in :func:`backup_database`.
    """
    if keep_days < 1:
        raise ValueError("keep_days must be at least 1")
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return None

    made = None
    if daily_backup_due(db_path, backup_dir, today):
        target = backup_dir / daily_name(today, db_path.stem)
        made = backup_database(db_path, target, inspect=inspect)
    prune_daily_backups(backup_dir, today, keep_days, db_path.stem)
    return made


def daily_backup_due(db_path: Path, backup_dir: Path, today: date) -> bool:
    """Whether :func:`daily_backup` would copy (and so check) the history today."""
    try:
        has_history = db_path.stat().st_size > 0
    except OSError:
        return False
    return has_history and not (backup_dir / daily_name(today, db_path.stem)).exists()


def prune_daily_backups(
    backup_dir: Path, today: date, keep_days: int, stem: str = "history"
) -> list[Path]:
    """Delete the daily copies made ``keep_days`` or more days before ``today``.

    Copies dated after ``today`` (a clock that was set back) are kept: losing
    a backup to a wrong clock is worse than keeping one too many.
    """
    oldest_kept = today - timedelta(days=keep_days - 1)
    pattern = daily_pattern(stem)
    removed = []
    for path in _daily_backups(backup_dir, pattern):
        made_on = _daily_date(path, pattern)
        if made_on is not None and made_on < oldest_kept:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def _daily_backups(backup_dir: Path, pattern: re.Pattern[str]) -> list[Path]:
    try:
        return sorted(p for p in backup_dir.iterdir() if pattern.match(p.name))
    except FileNotFoundError:
        return []


def _daily_date(path: Path, pattern: re.Pattern[str]) -> date | None:
    found = pattern.match(path.name)
    try:
        return date.fromisoformat(found.group(1)) if found else None
    except ValueError:
        return None


def backup_database(
    db_path: Path, target: Path, *, inspect: Callable[[Path], object] | None = None
) -> Path:
    """Copy the history at ``db_path`` to ``target`` (replaced if it exists).

    The history is checked first, by :func:`inspect_database` or ``inspect``
    (the app shares one check between its copy and its first write).
    """
    (inspect or inspect_database)(db_path)
    make_folder(target.parent)
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    os.close(handle)

    try:
        _copy(db_path, Path(temporary))
        os.replace(temporary, target)
        _sync_folder(target.parent)
    except sqlite3.Error as error:
        raise _copy_failed(target, error) from error
    except OSError as error:
        raise _copy_failed(target, error.strerror or error) from error
    finally:
        Path(temporary).unlink(missing_ok=True)
    return target


def _copy(source: Path, target: Path) -> None:
    """One consistent snapshot of ``source`` as a single self-contained file."""
    reader = open_readonly(source)
    writer = sqlite3.connect(target, isolation_level=None)
    try:
        reader.backup(writer)
        writer.execute("PRAGMA journal_mode = DELETE")
    finally:
        writer.close()
        reader.close()


def inspect_database(path: Path) -> DatabaseInfo:
    """Check that ``path`` is a sound cs-daily history this version can read."""
    _check_header(path)
    try:
        conn = open_readonly(path)
    except sqlite3.Error as error:
        raise _not_history(path, error) from error

    try:
        return _inspect(conn, path)
    except sqlite3.Error as error:
        code = getattr(error, "sqlite_errorcode", 0) & 0xFF
        if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            raise _damaged(path, str(error)) from error
        raise _not_history(path, error) from error
    finally:
        conn.close()


def _inspect(conn: sqlite3.Connection, path: Path) -> DatabaseInfo:
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    _check_version(version, path)

    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_schema")}
    missing = [name for name in _TABLES if name not in tables]
    if missing:
        reason = _("missing tables: {names}").format(names=", ".join(missing))
        raise _not_history(path, reason)

    verdict = conn.execute("PRAGMA quick_check").fetchall()
    if verdict != [("ok",)]:
        raise _damaged(path, "\n".join(str(row[0]) for row in verdict))

    count, last = conn.execute("SELECT count(*), max(work_day) FROM shifts").fetchone()
    return DatabaseInfo(
        path, version, count, date.fromisoformat(last) if last else None
    )


def _check_version(version: int, path: Path) -> None:
    """Only versions this code wrote or can migrate: 0 is no history at all."""
    if not 1 <= version <= schema.current_version():
        raise UsageError(
            _(
                "{path} has schema version {found}; this version of cs-daily "
                "reads 1 to {known}. Nothing was changed."
            ).format(path=path, found=version, known=schema.current_version())
        )


def _check_header(path: Path) -> None:
    try:
        header = read_header(path)
    except FileNotFoundError as error:
        raise UsageError(_("There is no file {path}.").format(path=path)) from error
    except OSError as error:
        raise _not_history(path, error.strerror or error) from error

    if header is not None and header != SQLITE_HEADER:
        raise _not_history(path, _("not a SQLite database"))


def open_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection, even to a file in a folder nobody may write in.

    SQLite needs a lock file beside a WAL database to read it. Where none can
    be made and no ``-wal`` file holds changes, nobody can be writing, so the
    file is read as it stands (``immutable``): rescuing a history from a
    read-only disk must work.
    """
    try:
        return _connect_readonly(path, "?mode=ro")
    except sqlite3.OperationalError as error:
        code = getattr(error, "sqlite_errorcode", 0) & 0xFF
        wal = Path(f"{path}-wal")
        if code != sqlite3.SQLITE_CANTOPEN or (wal.exists() and wal.stat().st_size):
            raise
    return _connect_readonly(path, "?mode=ro&immutable=1")


def _connect_readonly(path: Path, query: str) -> sqlite3.Connection:
    uri = path.resolve().as_uri() + query
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=5.0)
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _copy_failed(folder, error.strerror or error) from error


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable, where the platform allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _copy_failed(target: Path, reason: object) -> StoreError:
    return StoreError(
        _("Could not write the copy {path}: {reason}").format(
            path=target, reason=reason
        )
    )


def _not_history(path: Path, reason: object) -> UsageError:
    return UsageError(
        _("{path} is not a usable cs-daily history database ({reason}).").format(
            path=path, reason=reason
        )
    )


def _damaged(path: Path, finding: str) -> UsageError:
    """SQLite's own check failed: say so plainly, and what to do about it."""
    return UsageError(
        _(
            "{path} is damaged (SQLite's check found: {finding}); nothing was "
            "changed. Restore a backup with 'cs-daily restore' ('cs-daily "
            "locate' shows where backups are kept)."
        ).format(path=path, finding=short_finding(finding))
    )
