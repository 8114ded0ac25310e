"""Key bindings whose descriptions are translated when a screen is made.

``BINDINGS`` are class attributes, built when the module is imported, which
may be before the interface language is chosen. Their descriptions are
therefore written with ``N_`` (marked, not translated) and translated here
for each new screen, so the footer always speaks the language in use.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from cs_daily.i18n import _


def localize_bindings(node: DOMNode) -> None:
    """Translate the descriptions of ``node``'s own copy of its bindings."""
    bindings = node._bindings.key_to_bindings
    for key, found in bindings.items():
        bindings[key] = [_translated(binding) for binding in found]


def _translated(binding: Binding) -> Binding:
    if not binding.description:
        return binding
    return replace(binding, description=_(binding.description))
