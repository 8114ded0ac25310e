"""``cs-daily checklist``: check, show and copy checklist files.

``validate`` is for agents and team leads who edit a checklist by hand: it
reports every problem of every file in the ``file:line: [key] message`` form
editors understand. ``init`` copies a bundled checklist somewhere the agent
can edit it and points the settings at the copy.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cs_daily.cli.main import add_common_options
from cs_daily.errors import ChecklistError, SettingsError, UsageError
from cs_daily.i18n import _, ngettext
from cs_daily.paths import resolve_paths

if TYPE_CHECKING:
    from cs_daily.model import Checklist

COPY_NAME = "checklist.toml"


def register(commands: Any) -> None:
    """Add ``checklist`` and its three sub-commands."""
    parser = commands.add_parser(
        "checklist",
        help=_("check, show or copy a checklist file"),
        description=_("Check, show or copy checklist files."),
    )
    actions = parser.add_subparsers(dest="action", metavar=_("ACTION"), required=True)
    _register_validate(actions)
    _register_show(actions)
    _register_init(actions)


def _register_validate(actions: Any) -> None:
    parser = actions.add_parser(
        "validate",
        help=_("check checklist files and report every problem"),
        description=_(
            "Check each checklist file and report every problem with its line "
            "and key. Exits with 2 if any file has a problem."
        ),
    )
    parser.add_argument(
        "files", nargs="+", type=Path, metavar=_("FILE"), help=_("checklist file")
    )
    add_common_options(parser)
    parser.set_defaults(run=run_validate)


def _register_show(actions: Any) -> None:
    parser = actions.add_parser(
        "show",
        help=_("list the items of a checklist"),
        description=_(
            "List the items of a checklist by shift start, interaction and "
            "shift end. Without FILE, the checklist in use is shown."
        ),
    )
    parser.add_argument(
        "file",
        nargs="?",
        type=Path,
        metavar=_("FILE"),
        help=_("checklist file (default: the one in use)"),
    )
    add_common_options(parser)
    parser.set_defaults(run=run_show)


def _register_init(actions: Any) -> None:
    parser = actions.add_parser(
        "init",
        help=_("copy a bundled checklist to edit, and use it"),
        description=_(
            "Copy a bundled checklist (in the --lang language, Indonesian by "
            "default) to PATH or the config folder, and point the settings at "
            "the copy."
        ),
    )
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        metavar=_("PATH"),
        help=_("where to put the copy (default: the config folder)"),
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help=_("replace an existing file at PATH"),
    )
    add_common_options(parser)
    parser.set_defaults(run=run_init)


def run_validate(args: argparse.Namespace) -> int:
    """Check every file; OK lines on stdout, problems on stderr."""
    from cs_daily.checklist import load_checklist

    _quiet_language(args)

    failed = False
    for path in args.files:
        try:
            checklist = load_checklist(path)
        except ChecklistError as error:
            failed = True
            for problem in error.problems:
                print(problem, file=sys.stderr)
            continue
        print(_ok_line(path, checklist))
    return 2 if failed else 0


def run_show(args: argparse.Namespace) -> int:
    """Print the checklist as tables that fit an 80-column terminal."""
    from cs_daily.checklist import load_checklist
    from cs_daily.cli.checklist_view import print_checklist
    from cs_daily.cli.common import load_context

    if args.file is not None:
        _quiet_language(args)
        checklist = load_checklist(args.file)
    else:
        checklist = load_context(args).checklist

    print_checklist(checklist)
    return 0


def run_init(args: argparse.Namespace) -> int:
    """Copy a bundled checklist, never over an existing file without --force."""
    from cs_daily.checklist import bundled_checklist_path
    from cs_daily.cli.common import apply_language, checklist_language
    from cs_daily.settings import Settings, load_settings, update_settings
    from cs_daily.tomlfile import write_atomically

    paths = resolve_paths(
        db=getattr(args, "db", None), config=getattr(args, "config", None)
    )
    apply_language(args, Settings())
    settings = load_settings(paths.settings_file)
    apply_language(args, settings)

    language = checklist_language(args, settings)
    source = bundled_checklist_path(language)
    target = _copy_target(args.path, paths.config_dir)
    if target.exists() and not args.force:
        message = _("{path} already exists; add --force to replace it")
        raise UsageError(message.format(path=target))

    write_atomically(target, source.read_bytes())
    update_settings(paths.settings_file, checklist=target.resolve())

    print(
        _("Copied the bundled checklist ({language}) to {path}").format(
            language=language, path=target
        )
    )
    print(_("The settings in {path} now use it.").format(path=paths.settings_file))
    return 0


def _quiet_language(args: argparse.Namespace) -> None:
    """Set the language without failing on a broken settings file.

    ``validate`` and ``show FILE`` look at one named file; a problem in the
    settings should not stop them, so it only costs the settings' language.
    """
    from cs_daily.cli.common import apply_language
    from cs_daily.settings import Settings, load_settings

    paths = resolve_paths(config=getattr(args, "config", None))
    try:
        settings = load_settings(paths.settings_file)
    except SettingsError:
        settings = Settings()
    apply_language(args, settings)


def _ok_line(path: Path, checklist: Checklist) -> str:
    count = len(checklist.items)
    message = ngettext("{path}: OK, {count} item", "{path}: OK, {count} items", count)
    return message.format(path=path, count=count)


def _copy_target(path: Path | None, config_dir: Path) -> Path:
    if path is None:
        return config_dir / COPY_NAME
    path = path.expanduser()
    return path / COPY_NAME if path.is_dir() else path
