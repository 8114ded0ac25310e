"""The one translation function every user-facing string goes through.

Strings are written in English in the code and looked up in the gettext
catalogue of the active language (``cs_daily/locale/<lang>/LC_MESSAGES``).
The language is chosen once at start-up, from the settings, a ``--lang`` flag
or the environment's locale, and can be switched again by tests.

Dates, weekdays, months, numbers and percentages are written the way the
active language writes them, from Babel's CLDR data ("Senin, 7 Desember 2026",
"83%", "12.345"). Babel is imported inside those functions only, so that a
plain ``cs-daily --help`` does not pay for loading it, and the locale they
hand it keeps only the CLDR data they read (:mod:`cs_daily.cldr`).
"""

from __future__ import annotations

import argparse
import gettext
import os
from collections.abc import Mapping
from datetime import date, datetime, time
from decimal import ROUND_DOWN, Decimal, localcontext
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from babel import Locale

DOMAIN = "cs_daily"
ARGPARSE_DOMAIN = "argparse"
LANGUAGES = ("id", "en")
LOCALE_DIR = Path(__file__).parent / "locale"

# What a rate with nothing answered is shown as: never 0 % or 100 %.
NO_VALUE = "–"

DateStyle = Literal["full", "long", "medium", "short"]

# Date patterns per language, in CLDR pattern syntax; Babel fills in the
# names. They follow CLDR except where people write dates otherwise: CLDR's
# Indonesian full form pads the day ("Senin, 07 Desember"), which hardly anyone
# writes by hand. "short" is the fixed-width form for table rows.
_DATE_PATTERNS: dict[str, dict[DateStyle, str]] = {
    "id": {
        "full": "EEEE, d MMMM y",
        "long": "d MMMM y",
        "medium": "d MMM y",
        "short": "EEE dd/MM",
    },
    "en": {
        "full": "EEEE, MMMM d, y",
        "long": "MMMM d, y",
        "medium": "MMM d, y",
        "short": "EEE MM/dd",
    },
}

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"
_babel_locales: dict[str, Locale] = {}


def _(message: str) -> str:
    """Translate ``message`` into the active language."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Translate a message whose wording depends on a count."""
    return _translation.ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it yet.

    For English texts kept in tables at import time (before a language is
    chosen) and passed to ``_`` later: ``_(LABELS[key])``. The extraction tool
    finds them by this name.
    """
    return message


def set_language(language: str) -> None:
    """Make ``language`` (``id`` or ``en``) the active language for every string.

    This also covers the words argparse writes itself ("usage:", "options",
    its error messages), so that ``--help`` reads in one language.
    """
    global _translation, _language

    if language not in LANGUAGES:
        raise ValueError(f"unsupported language: {language!r}")

    _language = language
    _translation = gettext.translation(
        DOMAIN, localedir=LOCALE_DIR, languages=[language], fallback=True
    )
    _translate_argparse(language)


def _translate_argparse(language: str) -> None:
    """Point argparse's own strings at our ``argparse`` catalogue.

    argparse marks its strings for gettext (the Python argparse how-to shows
    how to extract them) and looks them up through the names ``_`` and
    ``ngettext`` it imports from gettext into its module. The documented hook,
    ``gettext.textdomain``, is process-wide and takes the language from the
    environment only, so it could not follow ``--lang`` or the settings.
    Rebinding those two module names to a translation of our own keeps the
    change to argparse and to the language we chose. Parsers read some of
    these strings when they are built, so call this before building one.
    """
    translation = gettext.translation(
        ARGPARSE_DOMAIN, localedir=LOCALE_DIR, languages=[language], fallback=True
    )
    argparse._ = translation.gettext  # type: ignore[attr-defined]
    argparse.ngettext = translation.ngettext  # type: ignore[attr-defined]


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


def format_percent(rate: float | None, decimals: int = 0) -> str:
    """A rate (0.0 to 1.0) as a percentage: "83%", or "83,5%" in Indonesian.

    Whole percentages by default: the ticks are self-reported, and a tenth of
    a percent would claim a precision they do not have. Digits beyond those
    shown are cut, not rounded, so a day at 79.6 % never shows "80%" next to
    an 80 % target it missed, and "100%" means nothing was missed. A rate with
    nothing answered (``None``) is "–".
    """
    if rate is None:
        return NO_VALUE

    from babel.numbers import parse_pattern

    locale = _babel_locale()
    pattern = parse_pattern(locale.percent_formats[None].pattern)
    pattern.frac_prec = (decimals, decimals)

    with localcontext() as context:
        context.rounding = ROUND_DOWN
        return pattern.apply(Decimal(repr(rate)), locale)


def format_number(number: float) -> str:
    """A count or measure with the language's separators: "12.345" in Indonesian."""
    from babel.numbers import format_decimal

    return format_decimal(number, locale=_babel_locale())


def format_date(day: date, style: DateStyle = "medium") -> str:
    """A date as the active language writes it.

    ``full`` "Senin, 7 Desember 2026", ``long`` "7 Desember 2026", ``medium``
    "7 Des 2026", ``short`` "Sen 07/12" (fixed width, for table rows). A
    datetime is written as its own calendar date.
    """
    from babel.dates import format_date as babel_format_date

    pattern = _DATE_PATTERNS[_language][style]
    return babel_format_date(_as_date(day), pattern, locale=_babel_locale())


def format_weekday(day: date, short: bool = True) -> str:
    """The day of the week: "Sen" or "Senin" in Indonesian, "Mon" or "Monday"."""
    from babel.dates import format_date as babel_format_date

    pattern = "EEE" if short else "EEEE"
    return babel_format_date(_as_date(day), pattern, locale=_babel_locale())


def format_month(day: date, with_year: bool = True, short: bool = False) -> str:
    """The month a date falls in, on its own: "Desember 2026" or "Desember".

    ``short`` gives the abbreviated name ("Des 2026", "Des"), as over the
    columns of the heat map.
    """
    from babel.dates import format_date as babel_format_date

    name = "LLL" if short else "LLLL"
    pattern = f"{name} y" if with_year else name
    return babel_format_date(_as_date(day), pattern, locale=_babel_locale())


def format_time(moment: time | datetime) -> str:
    """A clock time, short: "22.05" in Indonesian, "10:05 PM" in English.

    A datetime is written as its own wall-clock time, with no zone
    conversion: convert it to the zone you mean to show before calling.
    """
    from babel.dates import format_time as babel_format_time

    if isinstance(moment, datetime):
        moment = moment.time()
    return babel_format_time(moment, "short", locale=_babel_locale())


def _as_date(day: date) -> date:
    """The calendar date of a date or a datetime, without any zone conversion."""
    return day.date() if isinstance(day, datetime) else day


def _babel_locale() -> Locale:
    """Babel's CLDR locale for the active language (loaded lazily, cached).

    It holds only the CLDR data formatting reads (see :mod:`cs_daily.cldr`):
    Babel's own locale would keep about 4 MiB of names never shown.
    """
    locale = _babel_locales.get(_language)
    if locale is None:
        from cs_daily.cldr import format_locale

        locale = _babel_locales.setdefault(_language, format_locale(_language))
    return locale
