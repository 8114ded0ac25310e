"""The shift companion app and the one factory that builds it.

The app holds the flow of a shift: which screen comes next, what the store is
asked to write, and what the agent is told when something goes wrong. The
screens draw and collect keys. The CLI, the Pilot tests and the snapshot
tests all build the app with :func:`build_app`.

Only Today is drawn at start, so every other screen (and the command
palette's provider) is imported where it is first opened: the agent sees
Today without waiting for modules it may not need this shift. For the same
reason the day's copy of the history is taken in a thread once Today is on
screen, not before the app starts.
"""

from __future__ import annotations

import asyncio
import signal
from datetime import datetime, timedelta
from functools import partial
from typing import ClassVar, cast

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from cs_daily import collector
from cs_daily.clock import Clock
from cs_daily.errors import CsDailyError, StoreError
from cs_daily.i18n import N_, _
from cs_daily.model import Checklist, Interaction, Shift
from cs_daily.settings import Settings
from cs_daily.store import Store
from cs_daily.tui.context import Context
from cs_daily.tui.daily_copy import CopyCheck, DailyCopy
from cs_daily.tui.display import clock_time, long_date
from cs_daily.tui.feedback import show_error, show_warning
from cs_daily.tui.keys import localize_bindings
from cs_daily.tui.overview import proposed_focus
from cs_daily.tui.screens.today import TodayScreen
from cs_daily.tui.screens.too_small import TooSmallScreen
from cs_daily.tui.session import Session
from cs_daily.tui.textual_fixes import release_rendered_lines

STALE_AFTER = timedelta(hours=16)
MIN_WIDTH = 60
MIN_HEIGHT = 20

# Actions that only make sense while a shift is open.
SHIFT_ACTIONS = frozenset(
    {"start_items", "log_interaction", "list_interactions", "end_shift"}
)


def journey_commands() -> type[Provider]:
    """The palette's provider, imported when the palette first opens."""
    from cs_daily.tui.commands import JourneyCommands

    return JourneyCommands


class CsDailyApp(App[None]):
    """The keyboard-first companion for one agent's shifts."""

    CSS_PATH = "app.tcss"
    TITLE = "cs-daily"
    COMMANDS: ClassVar = App.COMMANDS | {journey_commands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", N_("Help"), id="app.help"),
        Binding("f1", "help", N_("Help"), id="app.help_f1", show=False, priority=True),
        Binding("q", "quit", N_("Quit"), id="app.quit", show=False),
    ]

    def __init__(self, context: Context, daily_copy: DailyCopy | None = None) -> None:
        super().__init__()
        localize_bindings(self)
        self.context = context
        self.session = context.session
        self._daily_copy = daily_copy
        self._copy_check: CopyCheck | None = None
        self._copy_worker: Worker[CsDailyError | None] | None = None
        if daily_copy is not None:
            self._copy_check = CopyCheck(daily_copy, context.clock.now().date())
            context.store.check_before_writing(self._copy_check.before_writing)
        self._waiting_warnings: list[tuple[str, str]] | None = []
        self._stopped_by: CsDailyError | None = None
        self._stale_check_waiting = False

    @property
    def shift(self) -> Shift | None:
        return self.session.shift

    # --- Start-up ----------------------------------------------------------

    def get_default_screen(self) -> Screen:
        self.reload_shift()
        return TodayScreen(self.context)

    def warn(self, title: str, message: str) -> None:
        """Something the agent should read: shown now, or once the app is up."""
        if self._waiting_warnings is None:
            show_warning(self, title, message)
        else:
            self._waiting_warnings.append((title, message))

    def on_mount(self) -> None:
        self._check_size(self.size.width, self.size.height)
        waiting, self._waiting_warnings = self._waiting_warnings or [], None
        for title, message in waiting:
            show_warning(self, title, message)
        self.call_after_refresh(self._offer_to_close_stale_shift)
        self.call_after_refresh(self._start_daily_copy)
        self.call_after_refresh(collector.resume_after_start)
        self._quit_on_signals()

    def _quit_on_signals(self) -> None:
        """A ``kill`` or a closed terminal quits the app as ``q`` does.

        Every acknowledged tick is committed already; what SIGTERM or SIGHUP
        would otherwise leave behind is the terminal, still in full-screen
        mode with echo off. A headless run (a test) has no terminal to give
        back, and the process's own handlers stay as they were.
        """
        if self.is_headless:
            return
        loop = asyncio.get_running_loop()
        for name in ("SIGTERM", "SIGHUP"):
            number = getattr(signal, name, None)
            if number is not None:
                try:
                    loop.add_signal_handler(number, self.exit)
                except (NotImplementedError, RuntimeError):
                    return  # an event loop without signal support

    # --- The day's copy of the history --------------------------------------

    def _start_daily_copy(self) -> None:
        """Copy and check the history in a thread, now that Today is drawn.

        The copy opens its own connections in the thread; the store's
        connection stays on this one.
        """
        check = self._copy_check
        if self._daily_copy is None or check is None or self._copy_worker is not None:
            return
        self._copy_worker = self.run_worker(
            partial(self._daily_copy.take, check.today, check),
            name="daily backup",
            description="daily backup",
            thread=True,
        )

    @property
    def daily_copy_worker(self) -> Worker[CsDailyError | None] | None:
        """The thread taking the day's copy, once it has been started."""
        return self._copy_worker

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """What the day's copy found: a copy not written only warns, damage stops.

        The copy returns the problems meant for the agent; only a bug ends it
        in an error, and that stops the app as any other bug would.
        """
        if event.worker is not self._copy_worker or event.state != WorkerState.SUCCESS:
            return
        problem = cast("CsDailyError | None", event.worker.result)
        if isinstance(problem, StoreError):
            self.warn(_("No backup today"), str(problem))
        elif problem is not None:
            self.stop_writing(problem)

    @property
    def stopped_by(self) -> CsDailyError | None:
        """Why the app stopped writing to the history, if it did."""
        return self._stopped_by

    def stop_writing(self, problem: CsDailyError) -> None:
        """The history is damaged: say so, and take no key but quit from now on.

        Logging on into a damaged file could lose more of it, so nothing more
        is written; the launcher repeats the message once the app has quit.
        Under the too-small warning the message waits for a bigger window.
        """
        self._stopped_by = problem
        self.refresh_bindings()
        self._show_stopped()

    def _show_stopped(self) -> None:
        """Cover the app with the damage message, once there is room for it."""
        from cs_daily.tui.screens.stopped import StoppedScreen

        problem = self._stopped_by
        if problem is None or isinstance(self.screen, TooSmallScreen):
            return
        if not any(isinstance(s, StoppedScreen) for s in self.screen_stack):
            self.push_screen(StoppedScreen(problem))

    def _offer_to_close_stale_shift(self) -> None:
        """A shift left open too long is offered a close at its last activity.

        Under the too-small warning the question waits for a bigger window, so
        that it never hides the warning or is hidden by it. A damaged history
        is not written to, so nothing is offered then.
        """
        if self._stopped_by is not None:
            return
        if isinstance(self.screen, TooSmallScreen):
            self._stale_check_waiting = True
            return
        shift = self.shift
        if shift is None:
            return
        try:
            last = self.context.store.last_activity(shift.id)
        except StoreError as error:
            show_error(self, error)
            return
        if self.context.clock.now() - last < STALE_AFTER:
            return

        from cs_daily.tui.screens.stale_shift import StaleShiftModal

        self.push_screen(
            StaleShiftModal(long_date(shift.work_day), clock_time(last)),
            partial(self._answered_stale, shift, last),
        )

    async def _answered_stale(self, shift: Shift, last: datetime, close: bool) -> None:
        """Close the old shift at its last activity, then start the new one.

        Starting straight away is what the agent who pressed ``n`` came for;
        the keys typed after it belong to the new shift's start list.
        """
        if close and self._close_stale(shift, last):
            await self.action_start_shift()

    def _close_stale(self, shift: Shift, last: datetime) -> bool:
        try:
            self.context.store.end_shift(shift.id, last, None)
        except StoreError as error:
            show_error(self, error)
            return False
        self.notify(
            _("The old shift was closed at {time}.").format(time=clock_time(last))
        )
        self.changed()
        return True

    # --- State shared by the screens ----------------------------------------

    def reload_shift(self) -> None:
        """Read the open shift again after anything that may have changed it."""
        try:
            self.session.reload()
        except StoreError as error:
            show_error(self, error)

    def changed(self) -> None:
        """Something was written: re-read the shift and redraw what shows it."""
        self.reload_shift()
        self.refresh_bindings()
        for screen in self.screen_stack:
            refresh = getattr(screen, "refresh_view", None)
            # A screen still being built (keys in one burst can get here
            # first) draws itself from the store once it is mounted.
            if refresh is not None and screen.is_mounted:
                refresh()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the keys that make no sense right now, so the footer stays short.

        Under the too-small warning only quitting works: anything opened there
        could not be read, and would hide the warning's going away. Once the
        history is found damaged, only quitting works too.
        """
        if self._stopped_by is not None or isinstance(self.screen, TooSmallScreen):
            return action == "quit"
        if action == "start_shift":
            return self.shift is None
        if action in SHIFT_ACTIONS:
            return self.shift is not None
        return True

    # --- The journey --------------------------------------------------------

    async def action_start_shift(self) -> None:
        """Record the start first, propose a focus item, then show the start list."""
        if self.shift is not None:
            self.notify(_("A shift is already open."))
            return
        store, checklist = self.context.store, self.context.checklist
        try:
            shift = store.start_shift(checklist, self.context.clock.now())
            focus = proposed_focus(store, checklist, shift.work_day)
            if focus is not None:
                store.set_focus(shift.id, focus)
        except StoreError as error:
            show_error(self, error)
            self.changed()
            return
        self.changed()
        from cs_daily.tui.screens.start_shift import StartShiftScreen

        await self.push_screen(StartShiftScreen(self.context, proposed=focus))

    async def action_log_interaction(self) -> None:
        """Open the interaction modal, holding later keys until it can take them.

        Awaiting the mount matters: an agent types ``i``, a channel key and a
        number in one burst, and those keys belong to the modal, not to Today.
        """
        shift = self._open_shift()
        if shift is not None:
            from cs_daily.tui.screens.interaction import InteractionModal

            await self.push_screen(InteractionModal(self.context, shift), self._logged)

    def edit_interaction(self, interaction: Interaction) -> None:
        """Reopen the modal filled in with a logged interaction."""
        shift = self._open_shift()
        if shift is not None:
            from cs_daily.tui.screens.interaction import InteractionModal

            modal = InteractionModal(self.context, shift, interaction)
            self.push_screen(modal, self._logged)

    def _logged(self, saved: Interaction | None) -> None:
        if saved is None:
            return
        self.notify(_("Interaction {seq} saved.").format(seq=saved.seq), timeout=2)
        self.changed()

    async def action_start_items(self) -> None:
        """Back to the preparation items and focus item of the open shift."""
        if self._open_shift() is not None:
            from cs_daily.tui.screens.start_shift import StartShiftScreen

            await self.push_screen(StartShiftScreen(self.context))

    async def action_list_interactions(self) -> None:
        if self._open_shift() is not None:
            from cs_daily.tui.screens.interactions import InteractionsScreen

            await self.push_screen(InteractionsScreen(self.context))

    async def action_end_shift(self) -> None:
        if self._open_shift() is not None:
            from cs_daily.tui.screens.end_shift import EndShiftScreen

            await self.push_screen(EndShiftScreen(self.context))

    async def action_stats(self) -> None:
        from cs_daily.tui.screens.stats import StatsScreen

        c = self.context
        await self.push_screen(StatsScreen(c.store, c.checklist, c.clock, c.settings))

    def action_undo(self) -> None:
        """Undo the last change, whatever screen it was made on."""
        try:
            undone = self.context.store.undo()
        except StoreError as error:
            show_error(self, error)
            self.changed()
            return
        if undone is None:
            self.notify(_("Nothing to undo."))
            return
        self.notify(undone, title=_("Undone"), markup=False)
        self.changed()

    def action_help(self) -> None:
        from cs_daily.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.context))

    def _open_shift(self) -> Shift | None:
        """The open shift as the store has it now; if none, say what to press.

        Read again rather than trusted: another copy of cs-daily may have
        started or ended a shift since this one last looked.
        """
        before = self.shift
        self.reload_shift()
        if self.shift != before:
            self.changed()
        if self.shift is None:
            self.notify(_("No shift is open. Press n to start one."))
        return self.shift

    # --- Terminal size --------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        """Cover the app with a plain message below the smallest usable size."""
        too_small = width < MIN_WIDTH or height < MIN_HEIGHT
        showing = isinstance(self.screen, TooSmallScreen)
        if too_small and not showing:
            self.push_screen(TooSmallScreen(MIN_WIDTH, MIN_HEIGHT))
        elif not too_small and showing:
            self.pop_screen()
            if self._stopped_by is not None:
                self.call_after_refresh(self._show_stopped)
            if self._stale_check_waiting:
                self._stale_check_waiting = False
                self.call_after_refresh(self._offer_to_close_stale_shift)


def build_app(
    checklist: Checklist,
    store: Store,
    clock: Clock,
    settings: Settings,
    daily_copy: DailyCopy | None = None,
) -> CsDailyApp:
    """The one way to make the app, for the CLI and every test alike.

    The CLI passes ``daily_copy`` so that the app takes the day's copy of the
    history once it is up; tests that leave it out get no copy, and no thread.
    """
    release_rendered_lines()
    session = Session(store, checklist, clock)
    context = Context(checklist, store, clock, settings, session)
    return CsDailyApp(context, daily_copy)
