"""Exports: the weekly summary (Markdown, CSV, JSON, HTML), full backup and import.

Everything here runs the same from the CLI, the stats screen and the tests,
reads the store only through its API, takes every score from
:mod:`cs_daily.figures`, and never imports Textual. The names below are
loaded on first use, so importing a small module of this package (the
format names, the period parser) stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cs_daily.export.api import export_week, render, summarise

__all__ = ["export_week", "render", "summarise"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from cs_daily.export import api

        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
