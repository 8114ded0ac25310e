"""Checklist snapshots: each shift keeps the checklist it was started with.

A snapshot is stored once per content hash and never changes, so a parsed
copy can be cached for the life of a Store: five years of history usually
share a handful of snapshots.
"""

from __future__ import annotations

import json
import sqlite3

from cs_daily.errors import StoreError
from cs_daily.i18n import _
from cs_daily.model import Checklist, Item


class Snapshots:
    """Saves snapshots and hands back parsed, cached copies by hash."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._checklists: dict[str, Checklist] = {}
        self._items: dict[str, dict[str, Item]] = {}
        self._bodies: dict[int, tuple[Checklist, str, str]] = {}

    def save(self, checklist: Checklist) -> str:
        """Store ``checklist`` unless an identical one is there; its hash.

        The insert always runs, even for a cached hash: the transaction that
        first stored it may have been rolled back since.
        """
        digest, body = self._serialised(checklist)
        self._conn.execute(
            "INSERT OR IGNORE INTO checklist_snapshots (hash, checklist_id, body)"
            " VALUES (?, ?, ?)",
            (digest, checklist.id, body),
        )
        self._checklists[digest] = checklist
        return digest

    def _serialised(self, checklist: Checklist) -> tuple[str, str]:
        """The hash and stored body of ``checklist``, worked out once per object.

        Checklists are frozen, and an import saves the same one for every
        shift: hashing it again each time cost more than writing the shift.
        The object is kept alongside, so its id cannot be reused meanwhile.
        """
        known = self._bodies.get(id(checklist))
        if known is not None and known[0] is checklist:
            return known[1], known[2]

        digest = checklist.content_hash()
        body = json.dumps(checklist.to_dict(), sort_keys=True, ensure_ascii=False)
        self._bodies[id(checklist)] = (checklist, digest, body)
        return digest, body

    def checklist(self, digest: str) -> Checklist:
        """The checklist stored under ``digest``."""
        cached = self._checklists.get(digest)
        if cached is not None:
            return cached

        row = self._conn.execute(
            "SELECT body FROM checklist_snapshots WHERE hash = ?", (digest,)
        ).fetchone()
        if row is None:
            raise StoreError(
                _("The checklist snapshot {hash} is missing from the history.").format(
                    hash=digest[:12]
                )
            )

        checklist = Checklist.from_dict(json.loads(row[0]))
        self._checklists[digest] = checklist
        return checklist

    def items(self, digest: str) -> dict[str, Item]:
        """Item id to item for one snapshot; shared, so never mutate it."""
        cached = self._items.get(digest)
        if cached is None:
            cached = {item.id: item for item in self.checklist(digest).items}
            self._items[digest] = cached
        return cached
