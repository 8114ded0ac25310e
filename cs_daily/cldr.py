"""Babel locales that keep only the CLDR data cs_daily formats with.

Babel's own :class:`babel.Locale` loads everything CLDR knows about a language
the first time any of it is read: the names of every language, territory,
currency, unit and time zone, merged over the root locale, and before that
Babel's global table (likely subtags, territory languages, zone aliases), read
only to find the locale's parent. For Indonesian that is about 4 MiB, held for
the whole run, to write one weekday and one month on the first screen.

:func:`format_locale` reads the same two files Babel would, the root locale
and the language's own, keeps only the parts Babel's date, time and number
formatting reads (:data:`FORMAT_KEYS`), merged the way Babel merges them, and
lets the rest go. Babel still does all the formatting. Anything else asked of
such a locale (a currency name, say) is answered from Babel's full data,
loaded at that moment: a wider use costs memory, never a wrong word.

This module imports Babel; :mod:`cs_daily.i18n` imports it only when the first
date or number is written.
"""

from __future__ import annotations

import pickle
from typing import Any

from babel import Locale, localedata

# The parts of a locale's data that babel.dates and babel.numbers read for the
# forms cs_daily writes: weekday and month names, clock times and their day
# periods, decimals and percentages. A test writes every such form with these
# alone.
FORMAT_KEYS: tuple[str, ...] = (
    "days",
    "months",
    "day_periods",
    "time_formats",
    "decimal_formats",
    "percent_formats",
    "number_symbols",
)

# Locales that inherit straight from CLDR's root locale, so no other file and
# no table of parents is needed; a test checks this against Babel's table.
ROOT_CHILDREN: tuple[str, ...] = ("id", "en")

# What reading a locale file could raise if a later Babel stored its data
# another way; the locale then comes from Babel itself, at Babel's memory cost.
_UNREADABLE = (
    AttributeError,
    KeyError,
    OSError,
    TypeError,
    ValueError,
    pickle.UnpicklingError,
)


class _FormatData(dict[Any, Any]):
    """A locale's data cut down to :data:`FORMAT_KEYS`, completed on demand.

    A key that was left out is looked up in Babel's full data for the locale,
    which Babel loads (and keeps) the first time that happens.
    """

    def __init__(self, name: str, data: dict[Any, Any]) -> None:
        super().__init__(data)
        self.name = name

    def __missing__(self, key: Any) -> Any:
        return localedata.load(self.name)[key]


class _FormatLocale(Locale):
    """A Babel locale over a :class:`_FormatData`.

    Babel reaches a locale's data only through its ``_data`` property (its
    own ``babel.dates`` and ``babel.numbers`` read it directly), so that is
    the one thing replaced; every name and pattern still comes from CLDR.
    """

    def __init__(self, name: str, data: _FormatData) -> None:
        super().__init__(name)
        self._format_data = localedata.LocaleDataDict(data)

    @property
    def _data(self) -> localedata.LocaleDataDict:
        return self._format_data


def format_locale(name: str) -> Locale:
    """A Babel locale for ``name`` holding only what formatting reads.

    For a locale outside :data:`ROOT_CHILDREN` this is Babel's own locale.
    """
    if name not in ROOT_CHILDREN:
        return Locale.parse(name)

    try:
        data = _format_part("root")
        localedata.merge(data, _format_part(name))
    except _UNREADABLE:
        return Locale.parse(name)
    return _FormatLocale(name, _FormatData(name, data))


def _format_part(name: str) -> dict[Any, Any]:
    """The :data:`FORMAT_KEYS` of one locale file, without what it inherits.

    The file is read as ``babel.localedata.load`` reads it. That loader is not
    used, since it keeps every file it reads for the rest of the run, which is
    the memory this module saves.
    """
    with open(localedata.resolve_locale_filename(name), "rb") as file:
        everything = pickle.load(file)
    return {key: everything[key] for key in FORMAT_KEYS if key in everything}
