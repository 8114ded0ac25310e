"""A small hand-built history for the export tests, written through the Store API.

Two weeks in Jakarta (UTC+7): 2026-W48 as the week before, and 2026-W49 with
three day shifts, untrusted text in refs and notes, a missed critical item,
and a night shift starting Sunday 22:00 that belongs to the Sunday.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from cs_daily.model import Checklist, Phase, TickState
from cs_daily.store import Store

JAKARTA = ZoneInfo("Asia/Jakarta")

DONE, MISSED, NA = TickState.DONE, TickState.MISSED, TickState.NA

# A note and a reference an agent could type, with everything that breaks a
# Markdown table or a CSV row, and a spreadsheet formula.
NASTY_NOTE = 'Customer said "refund, now" | escalated\nsecond line\r\nthird'
NASTY_REF = '=HYPERLINK("http://x","y")'


def at(day: str, clock: str) -> datetime:
    """A local Jakarta instant, ``at("2026-11-30", "08:00")``."""
    return datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=JAKARTA)


@dataclass(frozen=True)
class Contact:
    """One interaction: its channel, the items missed or n/a, and its text."""

    channel: str
    missed: tuple[str, ...] = ()
    na: tuple[str, ...] = ()
    ref: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class ShiftPlan:
    start: datetime
    hours: int = 8
    missed_start: tuple[str, ...] = ()
    contacts: tuple[Contact, ...] = ()
    missed_end: tuple[str, ...] = ()
    reflection: str | None = None
    end: bool = True
    extra: dict[str, TickState] = field(default_factory=dict)


def log_shift(store: Store, checklist: Checklist, plan: ShiftPlan) -> int:
    """Log one shift the way the companion would, minute by minute."""
    shift = store.start_shift(checklist, plan.start)
    for item in checklist.shift_items(Phase.START):
        state = MISSED if item.id in plan.missed_start else DONE
        store.set_tick(shift.id, item.id, state, plan.start)

    for number, contact in enumerate(plan.contacts, start=1):
        moment = plan.start + timedelta(minutes=20 * number)
        store.add_interaction(
            shift.id,
            contact.channel,
            moment,
            _ticks(checklist, contact),
            ref=contact.ref,
            note=contact.note,
        )

    if plan.end:
        end = plan.start + timedelta(hours=plan.hours)
        for item in checklist.shift_items(Phase.END):
            state = MISSED if item.id in plan.missed_end else DONE
            store.set_tick(shift.id, item.id, state, end)
        store.end_shift(shift.id, end, plan.reflection)
    return shift.id


def _ticks(checklist: Checklist, contact: Contact) -> dict[str, TickState]:
    ticks = {}
    for item in checklist.interaction_items():
        if item.id in contact.missed:
            ticks[item.id] = MISSED
        elif item.id in contact.na:
            ticks[item.id] = NA
        else:
            ticks[item.id] = DONE
    return ticks


def repeat(contact: Contact, times: int) -> tuple[Contact, ...]:
    return (contact,) * times


def week_before() -> list[ShiftPlan]:
    """2026-W48: two shifts, slower replies, and a missed preparation item."""
    slow = Contact("whatsapp", missed=("respond", "expect"), na=("greet",))
    fine = Contact("phone", na=("ask", "solve"))
    return [
        ShiftPlan(
            at("2026-11-25", "08:00"),
            missed_start=("sop",),
            contacts=(*repeat(slow, 3), *repeat(fine, 2)),
        ),
        ShiftPlan(
            at("2026-11-26", "08:00"),
            contacts=(*repeat(slow, 2), *repeat(fine, 2)),
            missed_end=("team",),
        ),
    ]


def this_week() -> list[ShiftPlan]:
    """2026-W49: better replies, one critical miss, notes, a Sunday night shift."""
    quick = Contact("whatsapp", na=("greet",))
    late = Contact("whatsapp", missed=("expect",))
    call = Contact("phone", missed=("logged",), na=("ask",))
    return [
        ShiftPlan(
            at("2026-11-30", "08:00"),
            contacts=(*repeat(quick, 3), late, call),
            reflection="Quiet morning.",
        ),
        ShiftPlan(
            at("2026-12-01", "08:00"),
            missed_start=("crisis",),
            contacts=(
                Contact(
                    "live_chat", missed=("honest",), ref=NASTY_REF, note=NASTY_NOTE
                ),
                late,
                call,
                quick,
            ),
            reflection="Promised a refund I could not give.\nTell the lead | today",
        ),
        ShiftPlan(
            at("2026-12-06", "22:00"),
            contacts=(quick, quick, Contact("email", na=("greet", "ask"))),
            reflection="Night shift, =SUM(A1:A3) tickets left",
        ),
    ]


def build_history(
    store: Store, checklist: Checklist, plans: Iterable[ShiftPlan]
) -> None:
    for plan in plans:
        log_shift(store, checklist, plan)


def make_history_db(path: Path, checklist: Checklist) -> Path:
    """A database at ``path`` holding both weeks."""
    with Store.open(path) as store:
        build_history(store, checklist, [*week_before(), *this_week()])
    return path
