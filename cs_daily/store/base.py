"""The common ground of the Store: opening, transactions, undo.

Every write method of the Store runs inside :meth:`StoreBase._transaction`
and records one undo entry with :meth:`StoreBase._record`; the method groups
(shifts, interactions, ticks) build on this class. What only writes need (the
undo entries, the bulk import and its tally) is imported by the methods that
write, so a read-only store, as an export opens it, never loads it.
"""

from __future__ import annotations

import functools
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Concatenate, ParamSpec, Self, TypeVar

from cs_daily.errors import StoreError
from cs_daily.i18n import _
from cs_daily.model import Checklist, Shift
from cs_daily.store import connection, reads
from cs_daily.store.daycache import DayCountsCache
from cs_daily.store.snapshots import Snapshots

if TYPE_CHECKING:
    from cs_daily.store.tally import Tally
    from cs_daily.store.undo import UndoEntry

# How many changes one Store can undo, most recent first.
MAX_UNDO = 200

# How long a write waits for another program's write (an import, a second
# copy of the app) before giving up with a message.
WRITE_WAIT_SECONDS = 120.0

P = ParamSpec("P")
R = TypeVar("R")
S = TypeVar("S", bound="StoreBase")


def guarded(
    method: Callable[Concatenate[S, P], R],
) -> Callable[Concatenate[S, P], R]:
    """Turn any SQLite error escaping ``method`` into a StoreError.

    A disk that fills up or a file damaged after opening must reach the agent
    as a message naming the file, never as a traceback.
    """

    def wrapper(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as error:
            raise StoreError(
                _("Cannot use the history database {path}: {reason}").format(
                    path=self.path, reason=connection.reason(error, self.path)
                )
            ) from error

    functools.update_wrapper(wrapper, method)
    return wrapper


class StoreBase:
    """The connection, its transactions and the undo stack."""

    def __init__(self, conn: sqlite3.Connection, path: Path, readonly: bool) -> None:
        self._conn = conn
        self._path = path
        self._readonly = readonly
        self._held = connection.hold(path)
        self._snapshots = Snapshots(conn)
        self._days = DayCountsCache(conn, self._snapshots, writable=not readonly)
        self._undo: list[UndoEntry] = []
        self._bulk_depth = 0
        self._tally: Tally | None = None
        self._write_check: Callable[[], None] | None = None

    # -- opening and closing -------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, readonly: bool = False) -> Self:
        """Open the database at ``path``, creating and migrating it unless read-only."""
        path = Path(path)
        return cls(connection.connect(path, readonly=readonly), path, readonly)

    def close(self) -> None:
        self._conn.close()
        connection.release(self._held)
        self._held = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def path(self) -> Path:
        return self._path

    @property
    def readonly(self) -> bool:
        """Opened for reading only: every write method refuses."""
        return self._readonly

    @property
    def schema_version(self) -> int:
        (version,) = self._conn.execute("PRAGMA user_version").fetchone()
        return int(version)

    # -- transactions --------------------------------------------------------

    def check_before_writing(self, check: Callable[[], None]) -> None:
        """Have ``check`` run before the next write; it raises to refuse it.

        The app checks the whole file beside it as it starts, and a write must
        not reach a file that check is about to find damaged. A check that
        passes is not asked again; one that refuses keeps refusing.
        """
        self._write_check = check

    @contextmanager
    def _transaction(self, *, tallied: bool = False) -> Iterator[sqlite3.Connection]:
        """One write transaction, or a step of the surrounding bulk block.

        Only a ``tallied`` write (an import that counts its own answers) may
        run while a bulk block has the count triggers down; any other write
        puts them back first.
        """
        if self._readonly:
            raise StoreError(
                _("The history database {path} was opened read-only.").format(
                    path=self._path
                )
            )
        if self._write_check is not None:
            self._write_check()
            self._write_check = None
        if self._bulk_depth:
            if not tallied:
                self._settle_counts()
            yield self._conn
            return

        try:
            self._begin()
        except sqlite3.Error as error:
            raise self._write_failed(error) from error

        try:
            yield self._conn
        except sqlite3.Error as error:
            self._rollback()
            raise self._write_failed(error) from error
        except BaseException:
            self._rollback()
            raise

        self._conn.execute("COMMIT")

    def _begin(self) -> None:
        """Take the write lock, waiting out another program's long write.

        Each attempt waits the connection's busy timeout; importing years of
        history holds the lock far longer than that, and a tick that waits a
        little is better than one refused with "database is locked".
        """
        deadline = time.monotonic() + WRITE_WAIT_SECONDS
        while True:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                busy = error.sqlite_errorcode & 0xFF == sqlite3.SQLITE_BUSY
                if not busy or time.monotonic() >= deadline:
                    raise

    def _rollback(self) -> None:
        """Roll back, unless SQLite already did (it does on a full disk)."""
        if self._conn.in_transaction:
            self._conn.execute("ROLLBACK")

    def _write_failed(self, error: sqlite3.Error) -> StoreError:
        return StoreError(
            _("Could not write to the history database {path}: {reason}").format(
                path=self._path, reason=connection.reason(error, self._path)
            )
        )

    @contextmanager
    def bulk(self) -> Iterator[Self]:
        """Many writes in one transaction, without undo; all or nothing."""
        with self._transaction():
            self._bulk_depth += 1
            if self._bulk_depth == 1:
                self._days.pause()
            try:
                yield self
                if self._bulk_depth == 1:
                    self._settle_counts()
            finally:
                self._bulk_depth -= 1
                if not self._bulk_depth:
                    self._tally = None
                    self._days.resume()

    def _tally_in_bulk(self) -> Tally | None:
        """Inside a bulk block, the tally that imports count into (triggers down)."""
        if not self._bulk_depth:
            return None
        if self._tally is None:
            from cs_daily.store.tally import Tally

            self._tally = Tally.start(self._conn)
        return self._tally

    def _settle_counts(self) -> None:
        """Write what the tally holds and put the count triggers back."""
        if self._tally is not None:
            tally, self._tally = self._tally, None
            tally.finish()

    def _record(self, entry: UndoEntry) -> None:
        if self._bulk_depth:
            return
        self._undo.append(entry)
        del self._undo[:-MAX_UNDO]

    # -- undo ----------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @guarded
    def undo(self) -> str | None:
        """Revert the last change made through this Store; what was undone.

        A change that can no longer be reverted (another program logged into
        the shift meanwhile) is dropped with an error rather than blocking
        every earlier change.
        """
        if not self._undo:
            return None

        entry = self._undo.pop()
        with self._transaction() as conn:
            entry.revert(conn)
        return entry.describe()

    # -- look-ups every method group needs ------------------------------------

    @guarded
    def shift(self, shift_id: int) -> Shift:
        return reads.shift(self._conn, shift_id)

    @guarded
    def shift_checklist(self, shift_id: int) -> Checklist:
        """The checklist the shift was started with, whatever the file says now."""
        return self._snapshots.checklist(
            reads.shift(self._conn, shift_id).checklist_hash
        )
