"""Interactions of a shift as table rows: number, time, channel, misses, ref.

Today shows the last few with it, the interaction list all of them. Rows are
keyed by interaction id so the list can edit or delete the highlighted one.

Every heading and cell is a ``Text``, never a ``str``: the DataTable reads a
string as Rich markup with emoji codes, and the first such string loads Rich's
table of emoji names (about 0.8 MiB held for the rest of the run, on the first
frame of Today).
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.widgets import DataTable

from cs_daily.i18n import _, ngettext
from cs_daily.model import Checklist, Interaction, TickState
from cs_daily.tui.display import channel_label, clock_time, item_label

CHANNEL_WIDTH = 12
MISSES_WIDTH = 32
REF_WIDTH = 10


class InteractionTable(DataTable[Text]):
    """A read-only row per interaction; the cursor picks one to act on."""

    DEFAULT_CSS = """
    InteractionTable {
        height: auto;
        max-height: 1fr;
    }
    """

    def __init__(self, checklist: Checklist, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.checklist = checklist
        # Rows asked for before the columns exist, shown once they do.
        self._waiting: list[Interaction] | None = None

    def on_mount(self) -> None:
        self.add_column(Text("#"), key="seq")
        self.add_column(Text(_("Time")), key="time")
        self.add_column(Text(_("Channel")), key="channel", width=CHANNEL_WIDTH)
        self.add_column(Text(_("Misses")), key="misses", width=MISSES_WIDTH)
        self.add_column(Text(_("Ref")), key="ref", width=REF_WIDTH)
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self._fill(waiting)

    def show(self, interactions: Iterable[Interaction]) -> None:
        """Replace the rows, keeping the cursor where it was when possible.

        Rows given before the table is mounted wait for its columns.
        """
        if not self.columns:
            self._waiting = list(interactions)
            return
        self._fill(interactions)

    def _fill(self, interactions: Iterable[Interaction]) -> None:
        row = self.cursor_row
        self.clear()
        for interaction in interactions:
            self.add_row(*self._cells(interaction), key=str(interaction.id))
        if self.row_count:
            self.move_cursor(row=min(row, self.row_count - 1))

    def highlighted_id(self) -> int | None:
        """The id of the interaction under the cursor, if there is one."""
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        return int(key.value) if key.value is not None else None

    def _cells(self, interaction: Interaction) -> tuple[Text, ...]:
        return (
            _plain(str(interaction.seq)),
            _plain(clock_time(interaction.started_at)),
            _cut(channel_label(self.checklist, interaction.channel)),
            self._misses(interaction),
            _cut(interaction.ref or ""),
        )

    def _misses(self, interaction: Interaction) -> Text:
        missed = [t.item_id for t in interaction.ticks if t.state is TickState.MISSED]
        if not missed:
            return Text("✓ " + _("all kept"), style="green")
        labels = ", ".join(item_label(self.checklist, item) for item in missed)
        count = ngettext("{count} missed", "{count} missed", len(missed)).format(
            count=len(missed)
        )
        return Text(
            f"✗ {count}: {labels}", style="red", overflow="ellipsis", no_wrap=True
        )


def _plain(text: str) -> Text:
    """A cell shown as written: what the DataTable makes of a plain string."""
    return Text(text, no_wrap=True, end="")


def _cut(text: str) -> Text:
    """A cell that ends in an ellipsis rather than wrapping or widening the table."""
    return Text(text, overflow="ellipsis", no_wrap=True)
