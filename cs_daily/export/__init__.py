"""Exports: the weekly summary (Markdown, CSV, JSON, HTML), full backup and import.

Everything here runs the same from the CLI, the stats screen and the tests,
reads the store only through its API, takes every score from
:mod:`cs_daily.figures`, and never imports Textual.
"""

from cs_daily.export.api import FORMATS, export_week, render, summarise

__all__ = ["FORMATS", "export_week", "render", "summarise"]
