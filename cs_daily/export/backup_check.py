"""Reading a backup file strictly, collecting every problem with where it is.

A backup may have been edited by hand or cut short in transit, so each value
is checked before anything is imported: the layout and version, each
checklist snapshot against its own hash, and every shift, interaction and
tick against the snapshot it names. A problem is located by its JSON path
(``shifts[3].interactions[0].channel``), and by line for a syntax error.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cs_daily.errors import Problem
from cs_daily.export.backup import BACKUP_FORMAT, BACKUP_VERSION
from cs_daily.export.json_ import SUMMARY_FORMAT
from cs_daily.i18n import _
from cs_daily.model import Checklist, Scope, TickState
from cs_daily.store import InteractionData
from cs_daily.store.rows import shift_zone, to_text


@dataclass(frozen=True)
class ShiftToImport:
    """One shift from a backup, checked and ready for ``Store.import_shift``."""

    key: tuple[str, str]
    checklist: Checklist
    started_at: datetime
    ended_at: datetime | None
    focus: str | None
    reflection: str | None
    ticks: dict[str, TickState]
    interactions: tuple[InteractionData, ...]


class _Bad(Exception):
    """One value is wrong; the reader records it and moves to the next one."""


class BackupReader:
    """Reads one backup file; ``problems`` lists everything wrong with it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self._checklists: dict[str, Checklist] = {}

    def read(self) -> list[ShiftToImport]:
        document = self._document()
        if document is None or not self._header(document):
            return []

        self._read_checklists(document.get("checklists"))
        raw_shifts = document.get("shifts")
        if not isinstance(raw_shifts, list):
            self._problem("shifts", _("must be a list of shifts"))
            return []

        shifts = [self._guarded(f"shifts[{n}]", s) for n, s in enumerate(raw_shifts)]
        found = [s for s in shifts if s is not None]
        self._check_unique(found)
        return found

    # -- the file and its header ---------------------------------------------

    def _document(self) -> dict[str, Any] | None:
        try:
            text = self.path.read_bytes().decode("utf-8-sig")
            document = json.loads(text, parse_constant=_no_constant)
        except FileNotFoundError:
            return self._problem("", _("no such file"))
        except IsADirectoryError:
            return self._problem("", _("this is a folder, not a file"))
        except OSError as error:
            reason = error.strerror or str(error)
            return self._problem(
                "", _("cannot read the file: {reason}").format(reason=reason)
            )
        except UnicodeDecodeError:
            return self._problem("", _("the file is not UTF-8 text"))
        except json.JSONDecodeError as error:
            message = _("not valid JSON: {reason}").format(reason=error.msg)
            self.problems.append(
                Problem(self.path, "", message, line=error.lineno, column=error.colno)
            )
            return None
        except ValueError as error:
            return self._problem("", str(error))

        if not isinstance(document, dict):
            return self._problem("", _("a backup is a JSON object"))
        return document

    def _header(self, document: dict[str, Any]) -> bool:
        kind, version = document.get("format"), document.get("version")
        if kind == SUMMARY_FORMAT:
            self._problem(
                "format",
                _(
                    "this is a weekly summary, not a backup; make a backup with "
                    "'cs-daily export --all --format json'"
                ),
            )
        elif kind != BACKUP_FORMAT:
            self._problem(
                "format", _("must be '{expected}'").format(expected=BACKUP_FORMAT)
            )
        elif not isinstance(version, int) or isinstance(version, bool):
            self._problem("version", _("must be a whole number"))
        elif version > BACKUP_VERSION:
            self._problem(
                "version",
                _(
                    "version {found} was written by a newer cs-daily; this one "
                    "reads version {known}"
                ).format(found=version, known=BACKUP_VERSION),
            )
        elif version < 1:
            self._problem("version", _("must be 1 or more"))
        return not self.problems

    def _read_checklists(self, raw: object) -> None:
        if not isinstance(raw, dict):
            self._problem("checklists", _("must be an object of checklist snapshots"))
            return
        for digest, body in raw.items():
            checklist = self._checklist(f"checklists.{digest}", body)
            if checklist is None:
                continue
            if checklist.content_hash() != digest:
                self._problem(
                    f"checklists.{digest}",
                    _("the snapshot does not match its hash; it was changed"),
                )
                continue
            self._checklists[digest] = checklist

    def _checklist(self, key: str, body: object) -> Checklist | None:
        try:
            if not isinstance(body, dict):
                raise TypeError
            return Checklist.from_dict(body)
        except (KeyError, TypeError, ValueError, AttributeError):
            return self._problem(key, _("not a valid checklist snapshot"))

    # -- shifts ----------------------------------------------------------------

    def _guarded(self, key: str, raw: object) -> ShiftToImport | None:
        try:
            return self._shift(key, raw)
        except _Bad:
            return None

    def _shift(self, key: str, raw: object) -> ShiftToImport:
        shift = self._object(key, raw)
        digest = self._string(f"{key}.checklist", shift.get("checklist"))
        checklist = self._checklists.get(digest)
        if checklist is None:
            raise self._bad(f"{key}.checklist", _("names no checklist in the file"))

        zone_name = self._string(f"{key}.zone", shift.get("zone"))
        start = self._instant(f"{key}.started_at", shift.get("started_at"))
        offset = start.utcoffset()
        assert offset is not None
        start = start.astimezone(
            shift_zone(zone_name, int(offset.total_seconds() // 60))
        )
        self._check_work_day(key, shift.get("work_day"), start)
        end = self._end(f"{key}.ended_at", shift.get("ended_at"), start)

        return ShiftToImport(
            key=(to_text(start), digest),
            checklist=checklist,
            started_at=start,
            ended_at=end,
            focus=self._focus(f"{key}.focus_item", shift.get("focus_item"), checklist),
            reflection=self._text(f"{key}.reflection", shift.get("reflection")),
            ticks=self._ticks(
                f"{key}.ticks", shift.get("ticks"), checklist, Scope.SHIFT
            ),
            interactions=self._interactions(key, shift.get("interactions"), checklist),
        )

    def _check_work_day(self, key: str, raw: object, start: datetime) -> None:
        text = self._string(f"{key}.work_day", raw)
        if text != start.date().isoformat():
            raise self._bad(
                f"{key}.work_day",
                _("is {found}, but the shift started on {expected} in its zone").format(
                    found=text, expected=start.date().isoformat()
                ),
            )

    def _end(self, key: str, raw: object, start: datetime) -> datetime | None:
        if raw is None:
            return None
        end = self._instant(key, raw)
        if end < start:
            raise self._bad(key, _("is before the shift started"))
        return end.astimezone(start.tzinfo)

    def _focus(self, key: str, raw: object, checklist: Checklist) -> str | None:
        focus = self._text(key, raw)
        if focus is not None and focus not in {i.id for i in checklist.items}:
            raise self._bad(
                key, _("'{item}' is not in the checklist").format(item=focus)
            )
        return focus

    def _interactions(
        self, key: str, raw: object, checklist: Checklist
    ) -> tuple[InteractionData, ...]:
        if not isinstance(raw, list):
            raise self._bad(f"{key}.interactions", _("must be a list"))
        return tuple(
            self._interaction(f"{key}.interactions[{n}]", item, checklist)
            for n, item in enumerate(raw)
        )

    def _interaction(
        self, key: str, raw: object, checklist: Checklist
    ) -> InteractionData:
        data = self._object(key, raw)
        channel = self._string(f"{key}.channel", data.get("channel"))
        if channel not in {c.id for c in checklist.channels}:
            raise self._bad(
                f"{key}.channel",
                _("'{channel}' is not a channel of the checklist").format(
                    channel=channel
                ),
            )
        start = self._instant(f"{key}.started_at", data.get("started_at"))
        ended = data.get("ended_at")
        return InteractionData(
            channel=channel,
            started_at=start,
            ticks=self._ticks(
                f"{key}.ticks", data.get("ticks"), checklist, Scope.INTERACTION
            ),
            ended_at=None if ended is None else self._instant(f"{key}.ended_at", ended),
            ref=self._text(f"{key}.ref", data.get("ref")),
            note=self._text(f"{key}.note", data.get("note")),
        )

    def _ticks(
        self, key: str, raw: object, checklist: Checklist, scope: Scope
    ) -> dict[str, TickState]:
        ticks = self._object(key, raw)
        items = {item.id: item for item in checklist.items}
        found = {}
        for item_id, state in ticks.items():
            item = items.get(item_id)
            if item is None or item.scope is not scope:
                raise self._bad(
                    f"{key}.{item_id}",
                    _("is not a {scope} item of the checklist").format(scope=scope),
                )
            found[item_id] = self._state(f"{key}.{item_id}", state, item.na)
        return found

    def _state(self, key: str, raw: object, na_allowed: bool) -> TickState:
        try:
            state = TickState(raw)
        except ValueError:
            raise self._bad(key, _("must be done, missed or na")) from None
        if state is TickState.NA and not na_allowed:
            raise self._bad(key, _("cannot be n/a for this item"))
        return state

    def _check_unique(self, shifts: list[ShiftToImport]) -> None:
        seen: set[tuple[str, str]] = set()
        open_shifts = 0
        for number, shift in enumerate(shifts):
            if shift.key in seen:
                self._problem(f"shifts[{number}]", _("the same shift appears twice"))
            seen.add(shift.key)
            open_shifts += shift.ended_at is None
        if open_shifts > 1:
            self._problem("shifts", _("more than one shift is still open"))

    # -- plain values ----------------------------------------------------------

    def _object(self, key: str, raw: object) -> dict[str, Any]:
        if not isinstance(raw, dict):
            raise self._bad(key, _("must be an object"))
        return raw

    def _string(self, key: str, raw: object) -> str:
        if not isinstance(raw, str) or not raw:
            raise self._bad(key, _("must be a non-empty string"))
        return raw

    def _text(self, key: str, raw: object) -> str | None:
        if raw is not None and not isinstance(raw, str):
            raise self._bad(key, _("must be a string or null"))
        return raw

    def _instant(self, key: str, raw: object) -> datetime:
        text = self._string(key, raw)
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise self._bad(
                key, _("'{text}' is not a date and time").format(text=text)
            ) from None
        if moment.utcoffset() is None:
            raise self._bad(key, _("needs a UTC offset, like +07:00"))
        return moment

    def _bad(self, key: str, message: str) -> _Bad:
        self._problem(key, message)
        return _Bad(message)

    def _problem(self, key: str, message: str) -> None:
        self.problems.append(Problem(self.path, key, message))


def _no_constant(name: str) -> None:
    raise ValueError(_("not valid JSON: {name} is not allowed").format(name=name))
