"""A full backup of the history as JSON, and its layout.

``cs-daily export --all --format json`` writes every shift with the checklist
snapshot it was started with, its own ticks, and its interactions with theirs.
Database ids, tick times and interaction numbers are left out: they are
re-created on import, and leaving them out makes export, import into a new
database and export again give the very same bytes.

A shift is identified by its start instant (in UTC) together with the hash of
its checklist snapshot; :mod:`cs_daily.export.restore` skips a shift whose
key is already in the database, so importing a backup twice adds nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import Any

from cs_daily.model import Checklist, Interaction, Shift, Tick
from cs_daily.store import Store

BACKUP_FORMAT = "cs-daily-backup"
BACKUP_VERSION = 1


def render_backup(store: Store) -> bytes:
    """Every shift in the store as UTF-8 JSON, one checklist or shift a line.

    One record a line keeps the file readable and diffable, and lets the
    fast C encoder write each record: an indented dump of five years of
    history goes through Python's slow encoder and takes several times as
    long.
    """
    document = backup_document(store)
    lines = ["{"]
    lines.append(f'"format": {_dump(document["format"])},')
    lines.append(f'"version": {_dump(document["version"])},')
    lines.append('"checklists": {')
    lines += _records(
        f"{_dump(k)}: {_dump(v)}" for k, v in document["checklists"].items()
    )
    lines.append("},")
    lines.append('"shifts": [')
    lines += _records(_dump(shift) for shift in document["shifts"])
    lines.append("]")
    lines.append("}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _records(texts: Iterable[str]) -> list[str]:
    """One record a line, commas between them, none after the last."""
    records = list(texts)
    return [f"{text}," for text in records[:-1]] + records[-1:]


def backup_document(store: Store) -> dict[str, Any]:
    """The backup as plain dicts and lists, shifts oldest first."""
    checklists: dict[str, dict[str, Any]] = {}
    shifts = []
    for shift in store.shifts_between(date.min, date.max):
        snapshot = store.shift_checklist(shift.id)
        if shift.checklist_hash not in checklists:
            checklists[shift.checklist_hash] = snapshot.to_dict()
        shifts.append(_shift(store, shift, snapshot))

    return {
        "format": BACKUP_FORMAT,
        "version": BACKUP_VERSION,
        "checklists": dict(sorted(checklists.items())),
        "shifts": shifts,
    }


def _shift(store: Store, shift: Shift, snapshot: Checklist) -> dict[str, Any]:
    return {
        "started_at": shift.started_at.isoformat(),
        "zone": shift.zone,
        "work_day": shift.work_day.isoformat(),
        "ended_at": shift.ended_at.isoformat() if shift.ended_at else None,
        "checklist": shift.checklist_hash,
        "focus_item": shift.focus_item,
        "reflection": shift.reflection,
        "ticks": _ticks(store.shift_ticks(shift.id), snapshot),
        "interactions": [
            _interaction(interaction, snapshot)
            for interaction in store.interactions(shift.id)
        ],
    }


def _interaction(interaction: Interaction, snapshot: Checklist) -> dict[str, Any]:
    ended = interaction.ended_at
    return {
        "channel": interaction.channel,
        "started_at": interaction.started_at.isoformat(),
        "ended_at": ended.isoformat() if ended else None,
        "ref": interaction.ref,
        "note": interaction.note,
        "ticks": _ticks({t.item_id: t for t in interaction.ticks}, snapshot),
    }


def _ticks(ticks: dict[str, Tick], snapshot: Checklist) -> dict[str, str]:
    """Item id to state, in the checklist's order so the file reads like it."""
    return {
        item.id: ticks[item.id].state.value
        for item in snapshot.items
        if item.id in ticks
    }
