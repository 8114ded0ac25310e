"""Checklists: strict loading of a TOML file, and the bundled ones.

The agent may edit a copy of the bundled checklist, so loading is strict and
reports every problem of a file together (see :mod:`cs_daily.tomlcheck`).
"""

from cs_daily.checklist.bundled import (
    bundled_checklist_path,
    load_bundled_checklist,
)
from cs_daily.checklist.loading import SCHEMA, load_checklist, parse_checklist

__all__ = [
    "SCHEMA",
    "bundled_checklist_path",
    "load_bundled_checklist",
    "load_checklist",
    "parse_checklist",
]
