"""The command palette (ctrl+p): every action of the app by name.

Agents who forget a key can type what they want ("end", "undo") instead.
Each command runs the same app action as its key.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.command import DiscoveryHit, Hit, Hits, Provider

from cs_daily.i18n import _


def journey_commands() -> list[tuple[str, str, str]]:
    """(title, help, action) for every action the palette offers."""
    return [
        (
            _("Start shift"),
            _("Record the start of a shift and tick the preparation"),
            "start_shift",
        ),
        (
            _("Start items"),
            _("Tick the preparation items of the open shift again"),
            "start_items",
        ),
        (_("Log interaction"), _("Log one customer interaction"), "log_interaction"),
        (
            _("List interactions"),
            _("Review, edit or delete this shift's interactions"),
            "list_interactions",
        ),
        (
            _("End shift"),
            _("Tick the closing items, reflect and close the shift"),
            "end_shift",
        ),
        (_("Undo"), _("Undo the last change"), "undo"),
        (_("Statistics"), _("Scores, streaks and weak areas"), "stats"),
        (_("Help"), _("Every key of the app"), "help"),
    ]


class JourneyCommands(Provider):
    """Start, log, list, end, undo, stats and help, found by typing."""

    def _run(self, action: str) -> Callable[[], object]:
        """The app's own action method, so the palette and the key agree."""
        method: Callable[[], object] = getattr(self.app, f"action_{action}")
        return method

    async def discover(self) -> Hits:
        for title, help_text, action in journey_commands():
            yield DiscoveryHit(title, self._run(action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action in journey_commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(title),
                    self._run(action),
                    text=title,
                    help=help_text,
                )
