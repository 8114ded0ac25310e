"""Parse the command line and hand over to one command.

Each command lives in its own module with two functions: ``register`` adds its
sub-parser and ``run`` carries it out. Errors meant for the agent are printed
to stderr with their exit code; stdout is kept for data.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from cs_daily import __version__, collector
from cs_daily.cli.language import startup_language
from cs_daily.errors import CsDailyError
from cs_daily.i18n import LANGUAGES, _, set_language

# Modules under ``cs_daily.cli`` that each add one top-level command.
COMMAND_MODULES: tuple[str, ...] = (
    "checklist_cmd",
    "locate_cmd",
    "stats_cmd",
    "demo_cmd",
    "export_cmd",
    "import_cmd",
    "backup_cmd",
    "restore_cmd",
    "recount_cmd",
)

# The options of ``add_common_options``, which all take a value.
_VALUE_OPTIONS = ("--db", "--config", "--checklist", "--lang")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command tree, with ``--help`` on every level.

    With ``only``, just that command's module is imported and its sub-parser
    built: a run of one command need not pay for all of them. An empty
    ``only`` builds no command at all, for opening the app.
    """
    parser = argparse.ArgumentParser(
        prog="cs-daily",
        description=_(
            "Keep your customer-service checklist, shift by shift. "
            "Run without a command to open the shift companion."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"cs-daily {__version__}",
        # Python before 3.13 leaves this default help untranslated.
        help=_("show program's version number and exit"),
    )
    add_common_options(parser)

    commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"))
    for name in COMMAND_MODULES:
        if only is None or name == f"{only}_cmd":
            module = importlib.import_module(f"cs_daily.cli.{name}")
            module.register(commands)

    return parser


def command_named(argv: Sequence[str]) -> str | None:
    """The command ``argv`` runs, when that is certain before parsing.

    Only the plain shape counts: common options given in full, each with its
    value, then a command's name; with no name after them, the empty string
    (no command: the app opens). Anything else (help, an abbreviated option)
    gives ``None``, and the whole tree is built so that argparse can answer
    or complain as usual.
    """
    commands = {name.removesuffix("_cmd") for name in COMMAND_MODULES}
    tokens = iter(argv)
    for token in tokens:
        if token in commands:
            return token
        option, equals, _value = token.partition("=")
        if option not in _VALUE_OPTIONS:
            return None
        if not equals and next(tokens, "-").startswith("-"):
            return None
    return ""


def add_common_options(parser: argparse.ArgumentParser) -> None:
    """Options every command understands, also accepted after the command name."""
    parser.add_argument(
        "--db",
        type=Path,
        default=argparse.SUPPRESS,
        help=_("history database to use (default: $CS_DAILY_DB or the data dir)"),
    )
    parser.add_argument(
        "--config",
        type=Path,
        default=argparse.SUPPRESS,
        help=_("settings file to use (default: $CS_DAILY_CONFIG or the config dir)"),
    )
    parser.add_argument(
        "--checklist",
        type=Path,
        default=argparse.SUPPRESS,
        help=_("checklist file to use instead of the one in the settings"),
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help=_("interface language (default: settings, then the locale)"),
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code.

    Commands run with the cyclic garbage collector paused (see
    :mod:`cs_daily.collector`); the app turns it back on once it is drawn.
    """
    with collector.paused():
        return _run(sys.argv[1:] if argv is None else list(argv))


def _run(argv: list[str]) -> int:
    set_language(startup_language(argv))
    parser = build_parser(only=command_named(argv))
    args = parser.parse_args(argv)

    try:
        if args.command is None:
            from cs_daily.cli import tui_cmd

            return tui_cmd.run(args)
        return int(args.run(args))
    except CsDailyError as error:
        print(f"cs-daily: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
