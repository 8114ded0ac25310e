"""The one translation function every user-facing string goes through.

Strings are written in English in the code and looked up in the gettext
catalogue of the active language (``cs_daily/locale/<lang>/LC_MESSAGES``).
The language is chosen once at start-up, from the settings, a ``--lang`` flag
or the environment's locale, and can be switched again by tests.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from pathlib import Path

DOMAIN = "cs_daily"
LANGUAGES = ("id", "en")
LOCALE_DIR = Path(__file__).parent / "locale"

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def _(message: str) -> str:
    """Translate ``message`` into the active language."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Translate a message whose wording depends on a count."""
    return _translation.ngettext(singular, plural, count)


def set_language(language: str) -> None:
    """Make ``language`` (``id`` or ``en``) the active language for every string."""
    global _translation, _language

    if language not in LANGUAGES:
        raise ValueError(f"unsupported language: {language!r}")

    _language = language
    _translation = gettext.translation(
        DOMAIN, localedir=LOCALE_DIR, languages=[language], fallback=True
    )


def current_language() -> str:
    """The language strings are translated into right now."""
    return _language


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """Indonesian for an Indonesian locale, English for anything else.

    The variables are read in the order POSIX gives them precedence, and the
    first one that is set decides, as it would for any other program.
    """
    env = os.environ if environ is None else environ

    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "id" if value.lower().startswith(("id", "in_")) else "en"

    return "en"
