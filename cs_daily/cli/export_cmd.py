"""``cs-daily export``: the weekly summary for the team lead, or a full backup.

The command reads the history read-only and writes one file atomically (or
standard output with ``-o -``), then prints the path it wrote. Every check on
the command line happens before the history is opened, so a typo in a week
costs nothing and writes nothing.
"""

from __future__ import annotations

import argparse
import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from cs_daily.cli.main import add_common_options
from cs_daily.errors import UsageError
from cs_daily.export.naming import (
    BACKUP_FORMAT,
    DEFAULT_FORMAT,
    FORMATS,
    TICK_FORMATS,
    backup_filename,
    default_filename,
)
from cs_daily.i18n import _

if TYPE_CHECKING:
    from cs_daily.cli.common import Context
    from cs_daily.clock import Clock
    from cs_daily.store import Store


def register(commands: Any) -> None:
    """Add the ``export`` command."""
    parser = commands.add_parser(
        "export",
        help=_("write the weekly summary for your team lead, or a full backup"),
        description=_(
            "Write a summary of one week (this week by default) as Markdown, "
            "CSV, JSON or HTML, or a full backup of the history with "
            "--all --format json. Files are never replaced without --force."
        ),
    )
    which = parser.add_mutually_exclusive_group()
    which.add_argument(
        "--week",
        metavar=_("WEEK"),
        help=_("the week to export: 2026-W49, or any date in it"),
    )
    which.add_argument(
        "--all",
        action="store_true",
        help=_("a full backup of every shift (needs --format json)"),
    )
    parser.add_argument(
        "--from", dest="first", metavar=_("DATE"), help=_("first work day")
    )
    parser.add_argument("--to", dest="last", metavar=_("DATE"), help=_("last work day"))
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help=_("md (default), csv, json or html; json with --all"),
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar=_("FILE"),
        help=_(
            "where to write; - for standard output; a folder for the default "
            "name there (default: cs-daily-WEEK.FORMAT in the current folder)"
        ),
    )
    parser.add_argument(
        "--force", action="store_true", help=_("replace the file if it exists")
    )
    parser.add_argument(
        "--include-notes",
        action="store_true",
        help=_("include your own shift-end and interaction notes"),
    )
    parser.add_argument(
        "--no-bom",
        action="store_true",
        help=_("CSV without the byte-order mark some spreadsheets need"),
    )
    add_common_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Export as of the real clock."""
    from cs_daily.clock import SystemClock

    return export(args, SystemClock())


class _Choice(NamedTuple):
    """Where and how to write, as the flags asked."""

    fmt: str
    output: str | None
    force: bool


def export(args: argparse.Namespace, clock: Clock) -> int:
    """Export with ``clock`` deciding what "this week" is; the exit code."""
    from cs_daily.cli.common import load_context

    choice = _check_flags(args)
    context = load_context(args)
    if args.all:
        return _backup(context, choice, clock.now().date())
    return _summary(args, context, choice, clock.now().date())


def _check_flags(args: argparse.Namespace) -> _Choice:
    """Refuse combinations that cannot work, before anything is read."""
    if (args.first is None) != (args.last is None):
        raise UsageError(_("--from and --to go together; give both."))
    if args.first is not None and (args.week or args.all):
        raise UsageError(_("Give either --week, --from/--to or --all, not several."))

    fmt = args.format or (BACKUP_FORMAT if args.all else DEFAULT_FORMAT)
    if args.all and fmt != BACKUP_FORMAT:
        raise UsageError(
            _("--all writes a full backup, which is JSON: use --format json.")
        )
    return _Choice(fmt=fmt, output=args.output, force=args.force)


def _summary(
    args: argparse.Namespace, context: Context, choice: _Choice, today: date
) -> int:
    from cs_daily.export import api, period

    week_start = context.settings.week_start
    if args.first is not None:
        chosen = period.date_range(
            period.parse_date(args.first, "--from"),
            period.parse_date(args.last, "--to"),
        )
    elif args.week:
        chosen = period.parse_week(args.week, week_start)
    else:
        chosen = period.week_containing(today, week_start)

    with _open_store(context) as store:
        summary = api.summarise(
            store,
            context.checklist,
            context.settings,
            chosen,
            include_notes=args.include_notes,
            tick_rows=choice.fmt in TICK_FORMATS,
        )
    data = api.render(summary, choice.fmt, bom=not args.no_bom)
    return _write(data, choice, default_filename(chosen.label, choice.fmt))


def _backup(context: Context, choice: _Choice, today: date) -> int:
    from cs_daily.export.backup import render_backup

    with _open_store(context) as store:
        data = render_backup(store)
    return _write(data, choice, backup_filename(today))


def _open_store(context: Context) -> Store:
    """The history, read-only: exporting never writes to it."""
    from cs_daily.cli.common import open_store

    return open_store(context, readonly=True)


def _write(data: bytes, choice: _Choice, default_name: str) -> int:
    from cs_daily.export.files import write_output

    written = write_output(
        _target(choice.output, default_name), data, force=choice.force
    )
    if written is not None:
        print(written)
    return 0


def _target(output: str | None, default_name: str) -> Path | str:
    """The file to write: as named, the default name in a folder, or ``-``."""
    from cs_daily.export.files import STDOUT

    if output is None:
        return Path.cwd() / default_name
    if output == STDOUT:
        return STDOUT

    path = Path(output).expanduser()
    if path.is_dir():
        return path / default_name
    if output.endswith(("/", os.sep)):
        raise UsageError(
            _("Cannot write to {folder}: the folder does not exist.").format(
                folder=output
            )
        )
    return path
