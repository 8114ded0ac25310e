"""The period's own shifts, read tick by tick: rows, readiness and notes.

This is the only part of an export that reads individual ticks, and only for
the shifts of the period asked for, so a long history does not slow it down.
Each tick is described by the checklist snapshot its shift was started with
(category, critical), and named by the checklist in use.
"""

from __future__ import annotations

from typing import NamedTuple

from cs_daily import figures
from cs_daily.export.labels import Labels
from cs_daily.export.period import ExportPeriod
from cs_daily.export.summary import NoteRow, Readiness, ReadinessRow, TickRow
from cs_daily.model import Checklist, Interaction, Item, Phase, Shift, Tick, TickState
from cs_daily.store import Store


class PeriodTicks(NamedTuple):
    """What only the period's own ticks can tell: rows, readiness, notes."""

    rows: tuple[TickRow, ...]
    readiness: Readiness
    notes: tuple[NoteRow, ...]


class _Readiness:
    """Running totals while the shifts are read."""

    def __init__(self) -> None:
        self.done: dict[str, int] = {}
        self.shifts = 0
        self.complete = 0

    def add(self, snapshot: Checklist, ticks: dict[str, Tick]) -> None:
        start_items = snapshot.shift_items(Phase.START)
        done = [i.id for i in start_items if _state(ticks, i.id) is TickState.DONE]
        for item_id in done:
            self.done[item_id] = self.done.get(item_id, 0) + 1
        self.shifts += 1
        self.complete += bool(start_items) and len(done) == len(start_items)


def read_period(
    store: Store,
    period: ExportPeriod,
    labels: Labels,
    week_start: str,
    include_notes: bool,
    *,
    tick_rows: bool = True,
) -> PeriodTicks:
    """Every tick of the period's shifts, oldest shift first, in checklist order.

    Without ``tick_rows`` only the shifts' own ticks are read (for readiness)
    and ``rows`` stays empty: the interactions' ticks, most of a week's data,
    are needed only by the formats that list every answer.
    """
    rows: list[TickRow] = []
    notes: list[NoteRow] = []
    readiness = _Readiness()
    start_ids: list[str] = []

    for shift in store.shifts_between(period.first, period.last):
        snapshot = store.shift_checklist(shift.id)
        labels.learn(snapshot)
        shift_ticks = store.shift_ticks(shift.id)
        if tick_rows:
            week = figures.week_of(shift.work_day, week_start).label
            context = _ShiftContext(shift, snapshot, labels, week, include_notes)
            rows.extend(context.shift_rows(shift_ticks))
            for interaction in store.interactions(shift.id):
                rows.extend(context.interaction_rows(interaction))
        readiness.add(snapshot, shift_ticks)
        start_ids += [i.id for i in snapshot.shift_items(Phase.START)]
        if include_notes and shift.reflection and shift.reflection.strip():
            notes.append(NoteRow(shift.work_day, shift.started_at, shift.reflection))

    return PeriodTicks(
        rows=tuple(rows),
        readiness=_readiness(readiness, start_ids, labels),
        notes=tuple(notes),
    )


def _state(ticks: dict[str, Tick], item_id: str) -> TickState | None:
    tick = ticks.get(item_id)
    return tick.state if tick else None


def _readiness(totals: _Readiness, start_ids: list[str], labels: Labels) -> Readiness:
    ids = list(dict.fromkeys(start_ids))
    return Readiness(
        items=tuple(
            ReadinessRow(
                id=item_id,
                label=labels.item(item_id),
                done=totals.done.get(item_id, 0),
                shifts=totals.shifts,
            )
            for item_id in ids
        ),
        complete_shifts=totals.complete,
        shifts=totals.shifts,
    )


class _ShiftContext(NamedTuple):
    """What every row of one shift shares, its week worked out once."""

    shift: Shift
    snapshot: Checklist
    labels: Labels
    week: str
    include_notes: bool

    def shift_rows(self, ticks: dict[str, Tick]) -> list[TickRow]:
        """The shift's own answers; the shift-end note goes with its end items."""
        rows = []
        for item in self._ordered(ticks):
            note = self.shift.reflection if item.phase is Phase.END else None
            rows.append(self._row(item, ticks[item.id].state, None, note))
        return rows

    def interaction_rows(self, interaction: Interaction) -> list[TickRow]:
        ticks = {t.item_id: t for t in interaction.ticks}
        return [
            self._row(item, ticks[item.id].state, interaction, interaction.note)
            for item in self._ordered(ticks)
        ]

    def _ordered(self, ticks: dict[str, Tick]) -> list[Item]:
        """The answered items in the snapshot's order.

        The store only accepts ticks for items of the shift's own snapshot,
        so walking the snapshot finds every tick.
        """
        return [i for i in self.snapshot.items if i.id in ticks]

    def _row(
        self,
        item: Item,
        state: TickState,
        interaction: Interaction | None,
        note: str | None,
    ) -> TickRow:
        return TickRow(
            week=self.week,
            work_day=self.shift.work_day,
            shift_start=self.shift.started_at,
            interaction=interaction.seq if interaction else None,
            channel=interaction.channel if interaction else None,
            ref=interaction.ref if interaction else None,
            item=item.id,
            item_label=self.labels.item(item.id),
            category=item.category,
            state=state,
            critical=item.critical,
            note=note if self.include_notes else None,
        )
