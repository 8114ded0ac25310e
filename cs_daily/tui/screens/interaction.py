"""The modal for logging one interaction, or editing one already logged.

Built for speed: the channel is one key (the last one used is the default),
interaction items open ticked done (unless the settings say otherwise), a
number key moves an item to missed, and Enter saves from anywhere. The
interaction is written to the store before the modal closes.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static

from cs_daily.errors import StoreError
from cs_daily.i18n import N_, _
from cs_daily.model import Interaction, Shift, TickState
from cs_daily.tui.context import Context
from cs_daily.tui.feedback import show_error
from cs_daily.tui.keys import localize_bindings
from cs_daily.tui.screens.confirm import ConfirmModal
from cs_daily.tui.widgets.channel_bar import ChannelBar
from cs_daily.tui.widgets.key_footer import KeyFooter
from cs_daily.tui.widgets.tick_list import TickList

REF_MAX = 40
NOTE_MAX = 200


class Draft(NamedTuple):
    """What the modal would save; compared with the opening draft on Escape."""

    channel: str
    ticks: tuple[tuple[str, TickState | None], ...]
    ref: str
    note: str


class InteractionModal(ModalScreen[Interaction | None]):
    """Log a new interaction, or edit ``editing`` when one is given."""

    AUTO_FOCUS = "TickList"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "save", N_("Save"), id="interaction.save"),
        Binding("escape", "discard", N_("Discard"), id="interaction.discard"),
        # A priority key moves the focus as it arrives, so the reference typed
        # straight after it lands in the field, not on the item list.
        Binding(
            "tab",
            "app.focus_next",
            N_("Next field"),
            id="interaction.next",
            priority=True,
        ),
        Binding("question_mark", "app.help", N_("Help"), id="interaction.help"),
    ]

    def __init__(
        self, context: Context, shift: Shift, editing: Interaction | None = None
    ) -> None:
        super().__init__(classes="dialog-screen")
        localize_bindings(self)
        self.context = context
        self.shift = shift
        self.editing = editing
        self.opening = self._opening_draft()
        # ``closing`` is set as Enter arrives: the keys typed after it, the
        # next interaction's among them, wait for the screen below. Once the
        # modal is saved or left (``_leaving``), a second Enter in the same
        # burst (a bouncing key, a scanner's carriage return) saves nothing.
        self.closing = False
        self._typed_while_closing: list[events.Key] = []
        self._leaving = False

    def compose(self) -> ComposeResult:
        checklist = self.context.session.checklist
        with Vertical(classes="dialog", id="interaction-dialog"):
            yield Static(self._title(), classes="dialog-title", markup=False)
            yield ChannelBar(checklist.channels, self.opening.channel, id="channels")
            yield TickList(
                checklist.interaction_items(),
                {k: v for k, v in self.opening.ticks if v is not None},
                self.shift.focus_item,
                id="ticks",
            )
            yield Static("", id="hint", classes="hint", markup=False)
            with Horizontal(classes="field"):
                yield Label(_("Ref"), classes="field-label")
                yield self._input(
                    "ref", self.opening.ref, REF_MAX, _("ticket or order no.")
                )
            with Horizontal(classes="field"):
                yield Label(_("Note"), classes="field-label")
                yield self._input("note", self.opening.note, NOTE_MAX, _("optional"))
            yield Static(
                _("No customer names or phone numbers in Ref or Note."),
                classes="privacy",
            )
        yield KeyFooter(compact=True)

    def _input(self, name: str, value: str, limit: int, placeholder: str) -> Input:
        return Input(
            value, placeholder=placeholder, max_length=limit, compact=True, id=name
        )

    def _title(self) -> str:
        if self.editing is not None:
            return _("Edit interaction {seq}").format(seq=self.editing.seq)
        return _("Log an interaction: channel key, number keys for misses, Enter")

    def _opening_draft(self) -> Draft:
        """Defaults for a new interaction, or the stored one being edited."""
        items = self.context.session.checklist.interaction_items()
        if self.editing is not None:
            stored = {t.item_id: t.state for t in self.editing.ticks}
            return Draft(
                self.editing.channel,
                tuple((i.id, stored.get(i.id)) for i in items),
                self.editing.ref or "",
                self.editing.note or "",
            )

        preticked = TickState.DONE if self.context.settings.pretick else None
        return Draft(
            self._default_channel(),
            tuple((i.id, preticked) for i in items),
            "",
            "",
        )

    def _default_channel(self) -> str:
        channels = [c.id for c in self.context.session.checklist.channels]
        try:
            last = self.context.store.last_channel()
        except StoreError:
            last = None
        return last if last in channels else channels[0]

    def current_draft(self) -> Draft:
        """What Enter would save right now."""
        ticks = self.query_one(TickList)
        return Draft(
            self.query_one(ChannelBar).selected,
            tuple((i.id, ticks.tick(i.id)) for i in ticks.items),
            self.query_one("#ref", Input).value.strip(),
            self.query_one("#note", Input).value.strip(),
        )

    def on_mount(self) -> None:
        self._show_hint(0)

    def on_key(self, event: events.Key) -> None:
        """A channel's key picks it, unless the agent is typing in a field.

        Once the modal is closing, keys typed straight after Enter (the next
        ``i``, its channel, its misses) are kept for Today and whatever it
        opens next; see :meth:`on_unmount`.
        """
        if self.closing:
            self._typed_while_closing.append(event)
            event.stop()
            event.prevent_default()
            return
        if event.key == "enter" and not isinstance(self.focused, Input):
            # Its binding saves a moment later, and the next interaction's
            # ``i`` may already be queued behind it: from here on, keys wait.
            self.closing = True
            return
        channel = self.query_one(ChannelBar).channel_for_key(event.key)
        if channel is not None and not isinstance(self.focused, Input):
            self.query_one(ChannelBar).selected = channel.id
            event.stop()
            event.prevent_default()

    @on(OptionList.OptionHighlighted, "#ticks")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_hint(event.option_index)

    def _show_hint(self, index: int) -> None:
        items = self.query_one(TickList).items
        if index < len(items):
            self.query_one("#hint", Static).update(items[index].hint)

    @on(Input.Submitted)
    def _field_submitted(self) -> None:
        """Enter in the reference or note field saves, as it does anywhere."""
        self.action_save()

    def action_save(self) -> None:
        """Write the interaction, then close; a refusal keeps the modal open."""
        if self._leaving:
            return
        try:
            saved = self._write(self.current_draft())
        except StoreError as error:
            show_error(self, error)
            self._stay_open()
            return
        self._close(saved)

    def _close(self, result: Interaction | None) -> None:
        """Leave, with the focus let go so every later key reaches :meth:`on_key`."""
        self.closing = True
        self._leaving = True
        self.set_focus(None)
        self.dismiss(result)

    def _stay_open(self) -> None:
        """After a refused save, the keys typed meanwhile are this modal's again."""
        self.closing = False
        self._hand_on_typed_keys()

    def on_unmount(self) -> None:
        """Hand the keys typed while closing to the screen below."""
        self._hand_on_typed_keys()

    def _hand_on_typed_keys(self) -> None:
        """Send the held keys to whichever screen is on top now, in order."""
        typed, self._typed_while_closing = self._typed_while_closing, []
        for key in typed:
            self.app.post_message(events.Key(key.key, key.character))

    def _write(self, draft: Draft) -> Interaction:
        """Add a new interaction, or replace the one being edited."""
        store, now = self.context.store, self.context.clock.now()
        ref, note = draft.ref or None, draft.note or None
        if self.editing is not None:
            return store.edit_interaction(
                self.editing.id,
                at=now,
                channel=draft.channel,
                ticks=dict(draft.ticks),
                ref=ref,
                note=note,
            )

        answered = {item: state for item, state in draft.ticks if state is not None}
        return store.add_interaction(
            self.shift.id, draft.channel, now, answered, ref, note
        )

    def action_discard(self) -> None:
        """Close without saving; ask first if anything was changed."""
        if self._leaving:
            return
        if self.current_draft() == self.opening:
            self._close(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmModal(_("Discard this interaction?"), _("Your changes are lost.")),
            answered,
        )
