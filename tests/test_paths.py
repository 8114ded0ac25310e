"""Every location: a flag, then the environment, then the platform's folders."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from cs_daily.paths import resolve_paths


def test_without_flags_or_environment_the_platform_folders_are_used() -> None:
    paths = resolve_paths(environ={})

    config = Path(platformdirs.user_config_dir("cs-daily", appauthor=False))
    data = Path(platformdirs.user_data_dir("cs-daily", appauthor=False))
    assert paths.settings_file == config / "settings.toml"
    assert paths.config_dir == config
    assert paths.database == data / "history.sqlite3"
    assert paths.backup_dir == data / "backups"
    assert paths.log_dir == Path(platformdirs.user_log_dir("cs-daily", appauthor=False))


def test_flags_beat_the_environment(tmp_path: Path) -> None:
    environ = {
        "CS_DAILY_DB": str(tmp_path / "env.sqlite3"),
        "CS_DAILY_CONFIG": str(tmp_path / "env" / "settings.toml"),
        "CS_DAILY_DATA_DIR": str(tmp_path / "data"),
        "CS_DAILY_LOG_DIR": str(tmp_path / "logs"),
    }
    paths = resolve_paths(
        db=tmp_path / "flag.sqlite3",
        config=tmp_path / "flag" / "settings.toml",
        environ=environ,
    )

    assert paths.database == tmp_path / "flag.sqlite3"
    assert paths.settings_file == tmp_path / "flag" / "settings.toml"
    assert paths.data_dir == tmp_path / "data"
    assert paths.backup_dir == tmp_path / "backups"
    assert paths.log_dir == tmp_path / "logs"
