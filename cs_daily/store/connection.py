"""Opening the history file safely, or refusing with a clear reason.

Every refusal happens before anything is written: a file from a newer
cs-daily, a file that is not a SQLite database, or a folder that cannot be
created leaves the disk exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections import Counter
from pathlib import Path

from cs_daily.errors import StoreError
from cs_daily.i18n import _, ngettext
from cs_daily.store import schema

SQLITE_HEADER = b"SQLite format 3\x00"

# Checked at every open: what the shift companion reads before anything else.
# The interactions and ticks are left out; checking them takes longer than
# the whole start-up, and a fault there still surfaces as a StoreError.
CHECKED_AT_OPEN = (
    "checklist_snapshots",
    "shifts",
    "day_item_counts",
    "day_channel_counts",
)
BUSY_TIMEOUT_MS = 5000

# The files a Store in this process has open, by device and inode. On POSIX,
# closing any descriptor of a file drops every lock the process holds on it,
# SQLite's included: reading a header with a plain open() while a Store is
# open would let another program take the file for unused and delete the
# write-ahead log from under the Store. A file held here was checked when the
# Store opened it, and is only ever read through SQLite again.
_HELD: Counter[tuple[int, int]] = Counter()
_HELD_LOCK = threading.Lock()


def hold(path: Path) -> tuple[int, int] | None:
    """Note that a Store has ``path`` open; the key to :func:`release` it by."""
    key = _file_key(path)
    if key is not None:
        with _HELD_LOCK:
            _HELD[key] += 1
    return key


def release(key: tuple[int, int] | None) -> None:
    """The Store that :func:`hold` noted has closed its connection."""
    if key is None:
        return
    with _HELD_LOCK:
        _HELD[key] -= 1
        if _HELD[key] <= 0:
            del _HELD[key]


def held_here(path: Path) -> bool:
    """Whether a Store in this process has ``path`` open (see :func:`hold`)."""
    key = _file_key(path)
    with _HELD_LOCK:
        return key is not None and key in _HELD


def read_header(path: Path) -> bytes | None:
    """The file's first bytes, to tell a SQLite file; None while a Store here has it.

    A file a Store in this process holds was checked when the Store opened
    it, and reading it outside SQLite now would drop the Store's locks (see
    :func:`hold`). ``OSError`` from reading is the caller's to word.
    """
    if held_here(path):
        return None
    with path.open("rb") as file:
        return file.read(len(SQLITE_HEADER))


def _file_key(path: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_dev, found.st_ino)


def connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    """A connection at the current schema version (or checked, when read-only)."""
    if readonly:
        return _connect_readonly(path)
    return _connect_writable(path)


def _connect_writable(path: Path) -> sqlite3.Connection:
    _make_folder(path)
    _check_header(path)
    conn = _raw_connect(str(path), uri=False, path=path)

    try:
        found = _read_version(conn, path)
        _refuse_newer(found, path)
        _check_sound(conn, path)
        _set_pragmas(conn, readonly=False)
        schema.migrate(conn, found)
    except sqlite3.Error as error:
        conn.close()
        raise _unusable(path, error) from error
    except BaseException:
        conn.close()
        raise

    return conn


def _connect_readonly(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise StoreError(_("There is no history database at {path}.").format(path=path))

    _check_header(path)
    try:
        return _open_readonly(path, "?mode=ro")
    except StoreError as refused:
        if _left_mid_change(refused):
            _finish_recovery(path)
            return _open_readonly(path, "?mode=ro")
        if not _in_read_only_folder(refused, path):
            raise

    return _open_readonly(path, "?mode=ro&immutable=1")


def _left_mid_change(refused: StoreError) -> bool:
    """Whether a program was killed mid-change, leaving a journal to roll back.

    Only a restore writes outside WAL mode, so only a restore cut short leaves
    such a journal; a read-only connection may not roll it back itself.
    """
    code = getattr(refused.__cause__, "sqlite_errorcode", 0)
    return code == sqlite3.SQLITE_READONLY_ROLLBACK


def _finish_recovery(path: Path) -> None:
    """Let SQLite roll back the interrupted change, as any writer would first."""
    conn = _raw_connect(str(path), uri=False, path=path)
    try:
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    except sqlite3.Error as error:
        raise _unusable(path, error) from error
    finally:
        conn.close()


def _open_readonly(path: Path, query: str) -> sqlite3.Connection:
    conn = _raw_connect(path.resolve().as_uri() + query, uri=True, path=path)

    try:
        found = _read_version(conn, path)
        _refuse_newer(found, path)
        _refuse_older(found, path)
        _check_sound(conn, path)
        _set_pragmas(conn, readonly=True)
    except sqlite3.Error as error:
        conn.close()
        raise _unusable(path, error) from error
    except BaseException:
        conn.close()
        raise

    return conn


def _in_read_only_folder(refused: StoreError, path: Path) -> bool:
    """Whether SQLite only failed to create its lock file in a read-only folder.

    With no ``-wal`` file holding changes, nobody can be writing there, so the
    file can be read as it stands (SQLite's ``immutable`` mode, no lock file).
    """
    cause = refused.__cause__
    code = getattr(cause, "sqlite_errorcode", 0) & 0xFF
    wal = Path(f"{path}-wal")
    has_changes = wal.exists() and wal.stat().st_size > 0
    return code == sqlite3.SQLITE_CANTOPEN and not has_changes


def _make_folder(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(
            _(
                "Cannot create the folder {folder} for the history database: {reason}"
            ).format(folder=path.parent, reason=error.strerror or error)
        ) from error

    if path.exists() and not path.is_file():
        raise StoreError(
            _("{path} is not a file, so it cannot hold the history.").format(path=path)
        )


def _check_header(path: Path) -> None:
    """Refuse anything that is not an empty file or a SQLite database.

    SQLite itself would only notice on the first read, and by then a journal
    or WAL file may already have been created beside the stranger's file.
    """
    try:
        header = read_header(path)
    except FileNotFoundError:
        return
    except OSError as error:
        raise StoreError(
            _("Cannot read the history database {path}: {reason}").format(
                path=path, reason=error.strerror or error
            )
        ) from error

    if header and header != SQLITE_HEADER:  # None: held here, checked already
        raise StoreError(
            _(
                "{path} is not a cs-daily history database (not a SQLite file); "
                "nothing was changed."
            ).format(path=path)
        )


def _raw_connect(target: str, *, uri: bool, path: Path) -> sqlite3.Connection:
    try:
        return sqlite3.connect(
            target,
            uri=uri,
            isolation_level=None,
            timeout=BUSY_TIMEOUT_MS / 1000,
            check_same_thread=False,
        )
    except sqlite3.Error as error:
        raise _unusable(path, error) from error


def _read_version(conn: sqlite3.Connection, path: Path) -> int:
    """The file's schema version; this is also the first real read of it."""
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    return int(version)


def _refuse_newer(found: int, path: Path) -> None:
    known = schema.current_version()
    if found > known:
        raise StoreError(
            _(
                "{path} was written by a newer version of cs-daily (schema {found}, "
                "this version knows {known}); nothing was changed."
            ).format(path=path, found=found, known=known)
        )


def _refuse_older(found: int, path: Path) -> None:
    known = schema.OLDEST_READABLE
    if found < known:
        raise StoreError(
            _(
                "{path} uses an older schema ({found}; this version needs {known}). "
                "Open it once with cs-daily to upgrade it, then try again."
            ).format(path=path, found=found, known=known)
        )


def _check_sound(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a damaged file before anything is written to it.

    SQLite notices damage only when it reads the damaged page, which could
    be halfway through the agent's shift; the tables read at start-up are
    checked here instead, in milliseconds even for years of history.
    """
    present = {
        row[0]
        for row in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")
    }
    for table in CHECKED_AT_OPEN:
        if table not in present:
            continue
        try:
            verdict = conn.execute(f"PRAGMA quick_check({table})").fetchall()
        except sqlite3.DatabaseError as error:
            raise _damaged(path, str(error)) from error
        if verdict != [("ok",)]:
            raise _damaged(path, "\n".join(str(row[0]) for row in verdict))


def _damaged(path: Path, detail: str) -> StoreError:
    return StoreError(
        _("Cannot use the history database {path}: {reason}").format(
            path=path, reason=damaged_reason(detail)
        )
    )


def _set_pragmas(conn: sqlite3.Connection, *, readonly: bool) -> None:
    """Durability first: every acknowledged tick must survive a power cut."""
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")


def _unusable(path: Path, error: sqlite3.Error) -> StoreError:
    return StoreError(
        _("Cannot use the history database {path}: {reason}").format(
            path=path, reason=reason(error, path)
        )
    )


def reason(error: sqlite3.Error, path: Path) -> str:
    """SQLite's complaint in words the agent can act on."""
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    if code in (sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR):
        return _(
            "the disk is full or cannot be written ({error}). Everything saved "
            "before is safe; free some space and try again."
        ).format(error=error)
    if code in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM):
        return _(
            "the file or its folder {folder} is read-only ({error}); nothing was "
            "changed."
        ).format(folder=path.parent, error=error)
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return damaged_reason(str(error))
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return _(
            "another program (a second cs-daily, or an import) is still writing "
            "to it ({error}); nothing was changed. Try again when it has finished."
        ).format(error=error)
    return str(error)


def damaged_reason(detail: str) -> str:
    """What to do about a damaged file; ``detail`` is SQLite's finding."""
    return _(
        "the file is damaged ({error}); nothing was changed. Restore a "
        "backup with 'cs-daily restore' ('cs-daily locate' shows where "
        "backups are kept)."
    ).format(error=short_finding(detail))


def short_finding(finding: str) -> str:
    """SQLite's finding in one line: its first problem and how many more.

    ``PRAGMA quick_check`` reports every damaged cell, up to a hundred lines
    under a ``*** in database main ***`` heading; printed whole, that buries
    the one sentence the agent needs, which says what to do.
    """
    lines = [line.strip() for line in finding.splitlines()]
    problems = [line for line in lines if line and not line.startswith("***")]
    if not problems:
        return finding.strip()
    more = len(problems) - 1
    if not more:
        return problems[0]
    return ngettext(
        "{problem}, and {count} more problem",
        "{problem}, and {count} more problems",
        more,
    ).format(problem=problems[0], count=more)
