"""Today: the screen the agent comes back to after every step.

It says whether a shift is open, today's score so far, the current streak,
the last few interactions and the keys that matter now. On a fresh install
it is a short welcome that says what to press.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from cs_daily.errors import StoreError
from cs_daily.i18n import N_, _, ngettext
from cs_daily.model import Interaction, Shift
from cs_daily.tui.context import Context, companion
from cs_daily.tui.display import (
    clock_time,
    item_label,
    long_date,
    percent,
    short_date,
)
from cs_daily.tui.feedback import show_error
from cs_daily.tui.keys import localize_bindings
from cs_daily.tui.overview import Overview, overview
from cs_daily.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from cs_daily.tui.widgets.interaction_table import InteractionTable

RECENT = 5
NEEDS_SHIFT = frozenset(
    {
        "app.start_items",
        "app.log_interaction",
        "app.list_interactions",
        "app.end_shift",
    }
)
REDRAW_SECONDS = 60


class TodayScreen(Screen[None]):
    """The hub of a shift: status, figures, recent interactions, next keys."""

    # Priority keys act the moment they arrive, before the keys typed after
    # them are handed on: ``i``, a channel key and a number typed in one burst
    # must all reach the interaction modal, not Today.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "n", "app.start_shift", N_("Start shift"), id="today.start", priority=True
        ),
        Binding(
            "i", "app.log_interaction", N_("Interaction"), id="today.log", priority=True
        ),
        Binding(
            "l", "app.list_interactions", N_("List"), id="today.list", priority=True
        ),
        Binding(
            "p",
            "app.start_items",
            N_("Start items"),
            id="today.prep",
            show=False,
            priority=True,
        ),
        Binding("e", "app.end_shift", N_("End shift"), id="today.end", priority=True),
        Binding("s", "app.stats", N_("Stats"), id="today.stats", priority=True),
        Binding("u,ctrl+z", "app.undo", N_("Undo"), id="today.undo"),
    ]

    def __init__(self, context: Context) -> None:
        super().__init__(id="today")
        localize_bindings(self)
        self.context = context

    def compose(self) -> ComposeResult:
        with Vertical(id="today-body"):
            yield Static(id="today-date", classes="screen-title")
            yield Static(id="today-shift", markup=False)
            yield Static(id="today-figures", markup=False)
            yield Static(id="today-welcome", markup=False)
            yield Static(_("Last interactions"), id="recent-title", classes="section")
            yield Static(id="today-keys", classes="keys-hint", markup=False)
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        # With no shift open, "today" follows the clock: redraw past midnight.
        self.set_interval(REDRAW_SECONDS, self.refresh_view)

    async def on_key(self, event: events.Key) -> None:
        """A key hidden for want of a shift still gets an answer.

        The app hides those keys from the footer while it believes no shift is
        open; pressed anyway, the action runs, looks at the store again (another
        copy of cs-daily may have started one) and says what to press if not.
        """
        if self.app.screen is not self:
            return  # typed in a burst before the screen now over Today opened
        action = self._bound_action(event.key)
        if action in NEEDS_SHIFT:
            companion(self).changed()
            if self.context.session.shift is None:
                self.notify(_("No shift is open. Press n to start one."))
            else:
                await self.run_action(action)
        elif action == "app.start_shift":
            self.notify(_("A shift is already open."))

    def _bound_action(self, key: str) -> str | None:
        for binding in self.BINDINGS:
            if isinstance(binding, Binding) and key in binding.key.split(","):
                return binding.action
        return None

    def on_screen_resume(self) -> None:
        """Draw on every return to Today, the first showing included."""
        self.refresh_view()

    def refresh_view(self) -> None:
        """Redraw everything from the store; called after every change."""
        session = self.context.session
        shift, work_day = session.shift, session.work_day()
        try:
            figures = overview(self.context.store, session.checklist, work_day)
            recent = self._recent(shift)
            last = (
                None if shift else next(iter(self.context.store.latest_shifts(1)), None)
            )
        except StoreError as error:
            show_error(self, error)
            return

        self.query_one("#today-date", Static).update(long_date(work_day))
        line = self._shift_line(shift, recent) if shift else self._closed_line(last)
        self.query_one("#today-shift", Static).update(line)
        self.query_one("#today-figures", Static).update(self._figures_line(figures))
        self._show_welcome(shift is None and not figures.has_history)
        self._show_recent(shift, recent)
        self.query_one("#today-keys", Static).update(self._keys_line(shift))

    def _recent(self, shift: Shift | None) -> list[Interaction]:
        if shift is None:
            return []
        return self.context.store.interactions(shift.id)

    def _closed_line(self, last: Shift | None) -> str:
        """No shift open; when there was one before, when it ran."""
        if last is None or last.ended_at is None:
            return _("No shift open.")
        return _("No shift open. Last shift: {day}, {start}–{end}.").format(
            day=short_date(last.work_day),
            start=clock_time(last.started_at),
            end=clock_time(last.ended_at),
        )

    def _shift_line(self, shift: Shift, logged: list[Interaction]) -> str:
        count = ngettext(
            "{count} interaction", "{count} interactions", len(logged)
        ).format(count=len(logged))
        line = _("Shift open since {time} · {count}").format(
            time=clock_time(shift.started_at), count=count
        )
        if shift.focus_item:
            label = item_label(self.context.session.checklist, shift.focus_item)
            line += "\n" + _("Focus: ★ {item}").format(item=label)
        return line

    def _figures_line(self, figures: Overview) -> str:
        score = _("Score today: {score} (target {target})").format(
            score=percent(figures.score), target=percent(figures.target)
        )
        streak = ngettext(
            "Streak: {count} good day (best {best})",
            "Streak: {count} good days (best {best})",
            figures.streak,
        ).format(count=figures.streak, best=figures.best_streak)
        line = f"{score}\n{streak}"
        if figures.critical_misses:
            line += "\n" + ngettext(
                "{count} critical item missed today",
                "{count} critical items missed today",
                figures.critical_misses,
            ).format(count=figures.critical_misses)
        return line

    def _show_welcome(self, fresh: bool) -> None:
        welcome = self.query_one("#today-welcome", Static)
        welcome.display = fresh
        self.query_one("#today-figures").display = not fresh
        if fresh:
            welcome.update(
                _(
                    "Welcome to cs-daily. Press n to start your first shift: you "
                    "tick your preparation items, then press i after each customer "
                    "interaction, and e to end the shift. Press ? for every key."
                )
            )

    def _show_recent(self, shift: Shift | None, logged: list[Interaction]) -> None:
        shown = shift is not None
        self.query_one("#recent-title").display = shown
        if not shown:
            self.query("#recent").set(display=False)
            return

        table = self._recent_table()
        table.display = True
        table.checklist = self.context.session.checklist
        table.show(list(reversed(logged))[:RECENT])

    def _recent_table(self) -> InteractionTable:
        """The table of last interactions, made when a shift is first shown open.

        Its module loads Textual's table widget, which Today with no shift
        open has no use for: a start of the day is drawn sooner without it.
        """
        from cs_daily.tui.widgets.interaction_table import InteractionTable

        found = self.query(InteractionTable)
        if found:
            return found.first()
        table = InteractionTable(self.context.checklist, id="recent")
        self.query_one("#today-body").mount(table, after="#recent-title")
        return table

    def _keys_line(self, shift: Shift | None) -> str:
        if shift is None:
            return _("n start a shift · s stats · ? help · q quit")
        return _("i log an interaction · l list · e end the shift · u undo")
