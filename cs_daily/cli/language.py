"""The language of the command line, known before the parser is built.

argparse reads help texts, group titles and its own words ("usage:",
"options") while the parser is being built, so the language has to be chosen
from the raw command line first. The order is the one every command follows:
``--lang``, then the settings file, then the locale. ``load_context`` makes the
same choice again once the arguments are parsed; this early guess only has to
agree with it, and quietly steps aside when something is wrong (a bad
``--lang`` value, an unreadable settings file) so that the proper error is
reported later, by argparse or by ``load_context``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from cs_daily.errors import CsDailyError
from cs_daily.i18n import LANGUAGES, language_from_environment
from cs_daily.paths import resolve_paths


def startup_language(
    argv: Sequence[str], environ: Mapping[str, str] | None = None
) -> str:
    """``id`` or ``en`` for this run, from ``--lang``, the settings or the locale."""
    flag = option_value(argv, "--lang")
    if flag in LANGUAGES:
        return flag

    settings_language = _settings_language(option_value(argv, "--config"), environ)
    if settings_language in LANGUAGES:
        return settings_language

    return language_from_environment(environ)


def option_value(argv: Sequence[str], option: str) -> str | None:
    """The value given to ``option`` (``--x V`` or ``--x=V``); the last one wins.

    Scanning stops at ``--``, after which everything is a plain argument.
    """
    value = None
    for index, token in enumerate(argv):
        if token == "--":
            break
        if token == option and index + 1 < len(argv):
            value = argv[index + 1]
        elif token.startswith(option + "="):
            value = token.partition("=")[2]
    return value


def _settings_language(
    config: str | None, environ: Mapping[str, str] | None
) -> str | None:
    """The settings file's ``language``, or ``None`` if it has none or is broken."""
    from cs_daily.settings import load_settings

    paths = resolve_paths(config=Path(config) if config else None, environ=environ)
    try:
        return load_settings(paths.settings_file).language
    except (CsDailyError, OSError):
        return None
