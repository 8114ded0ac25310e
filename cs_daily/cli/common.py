"""What every command needs before it starts: paths, settings, language, checklist.

Each choice follows one order everywhere, so the CLI, the shift companion and
the tests never disagree about it: a flag beats the settings file, the
settings file beats the environment, and the bundled Indonesian checklist is
used when nothing else was asked for.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from cs_daily.checklist import bundled_checklist_path, load_checklist
from cs_daily.i18n import language_from_environment, set_language
from cs_daily.model import Checklist
from cs_daily.paths import Paths, resolve_paths
from cs_daily.settings import Settings, load_settings

if TYPE_CHECKING:
    from cs_daily.store import Store

DEFAULT_CHECKLIST_LANGUAGE = "id"

_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


class ChecklistSource(StrEnum):
    """Why this checklist is the one in use."""

    FLAG = "flag"
    SETTINGS = "settings"
    BUNDLED = "bundled"


class Context(NamedTuple):
    """Everything a command runs with, chosen once at start-up."""

    paths: Paths
    settings: Settings
    checklist: Checklist
    language: str
    checklist_path: Path
    checklist_source: ChecklistSource


def load_context(
    args: argparse.Namespace, environ: Mapping[str, str] | None = None
) -> Context:
    """Resolve paths, read settings, set the language and load the checklist."""
    paths = resolve_paths(
        db=getattr(args, "db", None),
        config=getattr(args, "config", None),
        environ=environ,
    )

    # A broken settings file is reported in the flag's or the locale's language;
    # once it is read, its own language choice takes over.
    apply_language(args, Settings(), environ)
    settings = load_settings(paths.settings_file)
    language = apply_language(args, settings, environ)

    path, source = choose_checklist(args, settings, environ)
    checklist = load_checklist(path)
    if settings.target is not None:
        checklist = checklist._replace(target=settings.target)

    return Context(paths, settings, checklist, language, path, source)


def apply_language(
    args: argparse.Namespace,
    settings: Settings,
    environ: Mapping[str, str] | None = None,
) -> str:
    """Set the interface language: ``--lang``, then the settings, then the locale."""
    language = _asked_language(args, settings, environ) or language_from_environment(
        environ
    )
    set_language(language)
    return language


def choose_checklist(
    args: argparse.Namespace,
    settings: Settings,
    environ: Mapping[str, str] | None = None,
) -> tuple[Path, ChecklistSource]:
    """The checklist file to use and why: flag, settings, or bundled.

    The bundled one is Indonesian unless English was asked for, by flag,
    settings or an English locale; a bare ``C`` locale says nothing about the
    agent, and most agents the checklist was written for work in Indonesian.
    """
    flag = getattr(args, "checklist", None)
    if flag is not None:
        return Path(flag).expanduser(), ChecklistSource.FLAG
    if settings.checklist is not None:
        return settings.checklist, ChecklistSource.SETTINGS

    language = _asked_language(args, settings, environ)
    bundled = bundled_checklist_path(language or DEFAULT_CHECKLIST_LANGUAGE)
    return bundled, ChecklistSource.BUNDLED


def checklist_language(
    args: argparse.Namespace,
    settings: Settings,
    environ: Mapping[str, str] | None = None,
) -> str:
    """The language of the bundled checklist this agent should get."""
    return _asked_language(args, settings, environ) or DEFAULT_CHECKLIST_LANGUAGE


def open_store(context: Context, readonly: bool = False) -> Store:
    """Open the history database; imported late so ``--help`` stays fast."""
    from cs_daily.store import Store

    return Store.open(context.paths.database, readonly=readonly)


def _asked_language(
    args: argparse.Namespace,
    settings: Settings,
    environ: Mapping[str, str] | None,
) -> str | None:
    """The language the agent asked for, if any: flag, settings, then locale."""
    flag = getattr(args, "lang", None)
    if flag:
        return str(flag)
    if settings.language:
        return settings.language

    env = os.environ if environ is None else environ
    for name in _LOCALE_VARIABLES:
        value = env.get(name, "")
        if value:
            spoken = language_from_environment({name: value})
            english = value.lower().startswith("en")
            return spoken if spoken == "id" or english else None
    return None
