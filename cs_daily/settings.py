"""The agent's settings file: which checklist, which language, a few choices.

It is small, hand-editable TOML, so it is read as strictly as a checklist:
unknown keys, wrong types and bad values are all reported together with file,
line and key. A missing file simply means the defaults; nothing is written
until the agent changes something, and then atomically, so a crash mid-write
never leaves half a file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from cs_daily.errors import SettingsError
from cs_daily.i18n import LANGUAGES, _
from cs_daily.tomlcheck import BOOLEAN, ROOT, Checker
from cs_daily.tomlfile import TomlFileError, load, read_bytes, write_atomically

WEEK_STARTS = ("monday", "sunday")
ALIAS_MAX = 40

_KEYS = ("checklist", "language", "target", "week_start", "pretick", "alias")


class Settings(NamedTuple):
    """The agent's choices; every field has a default, so no file is needed."""

    checklist: Path | None = None
    """The checklist file in use; ``None`` means the bundled one."""

    language: str | None = None
    """``id`` or ``en``; ``None`` means the one the environment's locale asks for."""

    target: float | None = None
    """Overrides the checklist's target (a share in (0, 1]) when set."""

    week_start: str = "monday"
    """``monday`` (ISO weeks) or ``sunday``."""

    pretick: bool = True
    """New interactions open with every item ticked done, to untick the misses."""

    alias: str | None = None
    """A short name the agent chooses to appear on exports instead of nothing."""


def load_settings(path: Path) -> Settings:
    """The settings in ``path``, or the defaults if there is no such file."""
    if not path.exists() and not path.is_symlink():
        return Settings()

    try:
        data = read_bytes(path)
    except TomlFileError as error:
        raise SettingsError([error.problem]) from None
    return parse_settings(data, path)


def parse_settings(data: bytes, source: Path) -> Settings:
    """Check the bytes of a settings file; relative paths are taken from its folder."""
    try:
        text, document = load(data, source)
    except TomlFileError as error:
        raise SettingsError([error.problem]) from None

    checker = Checker(source, text)
    settings = _settings(checker, document, source.parent)
    if checker.problems:
        raise SettingsError(checker.problems)
    return settings


def save_settings(path: Path, settings: Settings) -> None:
    """Write ``settings`` to ``path`` atomically, creating its folder.

    The text is checked by reading it back first, so settings that could not
    be loaded again are refused before anything touches the disk.
    """
    import tomli_w  # only saving needs the writer; every command reads settings

    data = tomli_w.dumps(_to_document(settings, path.parent)).encode("utf-8")
    parse_settings(data, path)

    write_atomically(path, data)


def update_settings(path: Path, **changes: Any) -> Settings:
    """Change some settings in ``path``, keep the rest, and return the result."""
    settings = load_settings(path)._replace(**changes)
    save_settings(path, settings)
    return load_settings(path)


def _settings(checker: Checker, document: dict[str, Any], folder: Path) -> Settings:
    checker.keys(document, ROOT, _KEYS)
    defaults = Settings()

    checklist = checker.text(document, ROOT, "checklist")
    language = checker.choice(document, ROOT, "language", LANGUAGES)
    target = checker.fraction(document, ROOT, "target")
    week_start = checker.choice(document, ROOT, "week_start", WEEK_STARTS)
    pretick = checker.value(document, ROOT, "pretick", BOOLEAN)
    alias = _alias(checker, document)

    return Settings(
        checklist=None if checklist is None else folder / Path(checklist).expanduser(),
        language=language,
        target=target,
        week_start=week_start or defaults.week_start,
        pretick=defaults.pretick if pretick is None else pretick,
        alias=alias,
    )


def _alias(checker: Checker, document: dict[str, Any]) -> str | None:
    alias = checker.text(document, ROOT, "alias")
    if alias is not None and len(alias) > ALIAS_MAX:
        message = _("must be at most {limit} characters long, not {length}")
        checker.report(
            ROOT, "alias", message.format(limit=ALIAS_MAX, length=len(alias))
        )
        return None
    return alias


def _to_document(settings: Settings, folder: Path) -> dict[str, Any]:
    """The TOML form: unset values left out, the checklist relative when nearby.

    A checklist inside the settings folder is written relative to it, so the
    agent can move or copy the whole folder and keep it working.
    """
    document: dict[str, Any] = {}
    if settings.checklist is not None:
        document["checklist"] = _portable(settings.checklist, folder)
    for key in ("language", "target"):
        value = getattr(settings, key)
        if value is not None:
            document[key] = value
    document["week_start"] = settings.week_start
    document["pretick"] = settings.pretick
    if settings.alias is not None:
        document["alias"] = settings.alias
    return document


def _portable(checklist: Path, folder: Path) -> str:
    try:
        return checklist.relative_to(folder).as_posix()
    except ValueError:
        return str(checklist)
