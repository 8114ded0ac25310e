"""``cs-daily locate``: where every file lives, and which checklist is in use.

Agents need this to back up their history, to find the settings file to
edit, or to tell a team lead which checklist they are running.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from cs_daily.cli.main import add_common_options
from cs_daily.i18n import _
from cs_daily.paths import resolve_paths


def register(commands: Any) -> None:
    """Add the ``locate`` command."""
    parser = commands.add_parser(
        "locate",
        help=_("show where settings, history, backups and logs are kept"),
        description=_(
            "Show the config folder, settings file, data folder, history "
            "database, backup and log folders, and the checklist in use."
        ),
    )
    parser.add_argument(
        "--json", action="store_true", help=_("print the locations as JSON")
    )
    add_common_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print every location, as aligned lines or as JSON."""
    locations = _locations(args)
    if args.json:
        print(json.dumps(locations, indent=2, ensure_ascii=False))
        return 0

    from rich.cells import cell_len

    rows = _rows(locations)
    width = max(cell_len(label) for label, _value in rows)
    for label, value in rows:
        print(f"{label}{' ' * (width - cell_len(label))}  {value}")
    return 0


def _locations(args: argparse.Namespace) -> dict[str, str]:
    """Every location as text, keyed by stable English names for scripts."""
    from cs_daily.cli.common import apply_language, choose_checklist
    from cs_daily.settings import Settings, load_settings

    paths = resolve_paths(
        db=getattr(args, "db", None), config=getattr(args, "config", None)
    )
    apply_language(args, Settings())
    settings = load_settings(paths.settings_file)
    apply_language(args, settings)
    checklist, source = choose_checklist(args, settings)

    return {
        "config_dir": str(paths.config_dir),
        "settings_file": str(paths.settings_file),
        "data_dir": str(paths.data_dir),
        "database": str(paths.database),
        "backup_dir": str(paths.backup_dir),
        "log_dir": str(paths.log_dir),
        "checklist": str(checklist),
        "checklist_source": source.value,
    }


def _rows(locations: dict[str, str]) -> list[tuple[str, str]]:
    from cs_daily.cli.common import ChecklistSource

    sources = {
        ChecklistSource.FLAG.value: _("from --checklist"),
        ChecklistSource.SETTINGS.value: _("from the settings"),
        ChecklistSource.BUNDLED.value: _("bundled"),
    }
    checklist = _("{path} ({source})").format(
        path=locations["checklist"], source=sources[locations["checklist_source"]]
    )
    return [
        (_("config folder"), locations["config_dir"]),
        (_("settings file"), _maybe_missing(locations["settings_file"])),
        (_("data folder"), locations["data_dir"]),
        (_("history database"), _maybe_missing(locations["database"])),
        (_("backup folder"), locations["backup_dir"]),
        (_("log folder"), locations["log_dir"]),
        (_("checklist"), checklist),
    ]


def _maybe_missing(path: str) -> str:
    """Say so when a file does not exist yet, so nobody hunts for it in vain."""
    if Path(path).exists():
        return path
    return _("{path} (not created yet)").format(path=path)
