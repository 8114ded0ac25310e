"""A work-around for a Textual bug that makes a long shift heavier.

Textual 8 caches ``StylesCache.get_inner_outer`` with ``functools.lru_cache``
on the method itself, so the cache's keys hold the ``StylesCache`` of every
widget it was called for: up to 1024 of them, each with the widget's rendered
lines, long after the widgets are gone (Textual issue 6665). In cs-daily that
is every modal and footer key drawn since the start, about 75 000 objects
that every full garbage collection scans again while the agent types.

The answer depends only on the two colours, so caching it by the colours alone
gives the same result and keeps no widget's lines. Once Textual fixes the bug
(the method no longer carries an ``lru_cache``), nothing is replaced.
"""

from __future__ import annotations

from functools import lru_cache

from textual._styles_cache import StylesCache
from textual.color import Color
from textual.style import Style


def release_rendered_lines() -> None:
    """Cache Textual's background pair by colour, not by the widget asking."""
    if hasattr(StylesCache.__dict__.get("get_inner_outer"), "cache_clear"):
        StylesCache.get_inner_outer = _get_inner_outer  # type: ignore[method-assign]


@lru_cache(1024)
def _inner_outer(base_background: Color, background: Color) -> tuple[Style, Style]:
    """What Textual's own method returns, as its code has it."""
    return (
        Style(background=base_background + background),
        Style(background=base_background),
    )


def _get_inner_outer(
    _cache: StylesCache, base_background: Color, background: Color
) -> tuple[Style, Style]:
    return _inner_outer(base_background, background)
