"""Every place cs-daily reads or writes, in one module.

Each path comes from platformdirs and can be moved with an environment
variable, so tests and agents with unusual machines can point everything at a
folder of their choice. Nothing here creates a folder: callers that write do
that, so that a read-only command never leaves an empty directory behind.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Literal, NamedTuple

APP_NAME = "cs-daily"

ENV_DB = "CS_DAILY_DB"
ENV_CONFIG = "CS_DAILY_CONFIG"
ENV_DATA_DIR = "CS_DAILY_DATA_DIR"
ENV_BACKUP_DIR = "CS_DAILY_BACKUP_DIR"
ENV_LOG_DIR = "CS_DAILY_LOG_DIR"

DB_FILENAME = "history.sqlite3"
SETTINGS_FILENAME = "settings.toml"


class Paths(NamedTuple):
    """Where one run of cs-daily keeps its files."""

    config_dir: Path
    settings_file: Path
    data_dir: Path
    database: Path
    backup_dir: Path
    log_dir: Path


def resolve_paths(
    db: Path | None = None,
    config: Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Paths:
    """Work out every path, flags first, then the environment, then platformdirs.

    ``config`` names the settings file; its folder becomes the config dir, so a
    checklist copied with ``checklist init`` lands beside the settings that
    point to it.
    """
    env = os.environ if environ is None else environ

    settings_file = _pick(config, env.get(ENV_CONFIG))
    if settings_file is None:
        settings_file = _user_dir("config") / SETTINGS_FILENAME

    data_dir = _pick(None, env.get(ENV_DATA_DIR)) or _user_dir("data")
    database = _pick(db, env.get(ENV_DB)) or data_dir / DB_FILENAME
    backup_dir = _pick(None, env.get(ENV_BACKUP_DIR)) or database.parent / "backups"
    log_dir = _pick(None, env.get(ENV_LOG_DIR)) or _user_dir("log")

    return Paths(
        config_dir=settings_file.parent,
        settings_file=settings_file,
        data_dir=data_dir,
        database=database,
        backup_dir=backup_dir,
        log_dir=log_dir,
    )


def _user_dir(kind: Literal["config", "data", "log"]) -> Path:
    """The platform's folder of ``kind`` for cs-daily.

    platformdirs is imported here, when a folder was not given by a flag or
    the environment, rather than at every start (it loads ``tempfile`` too).
    """
    import platformdirs

    finders = {
        "config": platformdirs.user_config_dir,
        "data": platformdirs.user_data_dir,
        "log": platformdirs.user_log_dir,
    }
    return Path(finders[kind](APP_NAME, appauthor=False))


def _pick(flag: Path | None, env_value: str | None) -> Path | None:
    """A flag beats the environment; an empty variable counts as unset."""
    if flag is not None:
        return flag.expanduser()
    if env_value:
        return Path(env_value).expanduser()
    return None
