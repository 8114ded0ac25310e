"""Checking a parsed TOML document key by key, collecting every problem at once.

An agent who fixes one mistake only to be told about the next is wasting a
shift start, so nothing here stops at the first problem: each check records a
:class:`~cs_daily.errors.Problem` naming the file, the line and the key path
(``items[id=greet].na``, ``items[3].category``) and returns ``None``, and the
caller builds the result only when the list is empty.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from cs_daily.errors import Problem
from cs_daily.i18n import _
from cs_daily.tomlfile import KeyLines, TablePath, toml_type

_IDENTIFIER = re.compile(r"^[A-Za-z0-9_-]{1,40}$")


class Node(NamedTuple):
    """A table in the document: where to look up lines, and how to name it."""

    path: TablePath
    name: str

    def key_name(self, key: str | None) -> str:
        """The printed key path of ``key`` inside this table."""
        if not key:
            return self.name
        return f"{self.name}.{key}" if self.name else key


ROOT = Node((), "")


class Checker:
    """Collects the problems of one file while its tables are read."""

    def __init__(self, source: Path, text: str) -> None:
        self.source = source
        self.problems: list[Problem] = []
        self._lines = KeyLines(text)

    def report(self, node: Node, key: str | None, message: str) -> None:
        """Record one problem at ``key`` of ``node`` (or at the table itself)."""
        problem = Problem(
            file=self.source,
            key=node.key_name(key),
            message=message,
            line=self._lines.line(node.path, key),
        )
        self.problems.append(problem)

    def keys(
        self,
        table: dict[str, Any],
        node: Node,
        allowed: Sequence[str],
        required: Sequence[str] = (),
    ) -> None:
        """Report unknown keys and missing required ones."""
        for key in table:
            if key not in allowed:
                message = _("unknown key; expected one of: {keys}")
                self.report(node, key, message.format(keys=", ".join(allowed)))

        for key in required:
            if key not in table:
                self.report(node, key, _("missing required key"))

    def value(
        self, table: dict[str, Any], node: Node, key: str, kind: Kind
    ) -> Any | None:
        """The value at ``key`` if present and of the right kind, else ``None``."""
        if key not in table:
            return None

        value = table[key]
        if not kind.accepts(value):
            self.report(node, key, kind.message().format(found=toml_type(value)))
            return None
        return value

    def text(self, table: dict[str, Any], node: Node, key: str) -> str | None:
        """A non-empty, single-line string: a title, a label, a hint."""
        value = self.value(table, node, key, STRING)
        if value is None:
            return None
        if not value.strip():
            self.report(node, key, _("must not be empty"))
            return None
        if "\n" in value or "\r" in value:
            self.report(node, key, _("must be a single line"))
            return None
        return value

    def identifier(self, table: dict[str, Any], node: Node, key: str) -> str | None:
        """An id: short, and safe to print in key paths, exports and file names."""
        value = self.value(table, node, key, STRING)
        if value is None:
            return None
        if not _IDENTIFIER.match(value):
            message = _('must be 1 to 40 letters, digits, "-" or "_", not "{value}"')
            self.report(node, key, message.format(value=value))
            return None
        return value

    def choice(
        self, table: dict[str, Any], node: Node, key: str, choices: Sequence[str]
    ) -> str | None:
        """One of a few fixed words, such as a scope or a weekday."""
        value = self.value(table, node, key, STRING)
        if value is None:
            return None
        if value not in choices:
            quoted = ", ".join(f'"{choice}"' for choice in choices)
            message = _('must be one of {choices}, not "{value}"')
            self.report(node, key, message.format(choices=quoted, value=value))
            return None
        return value

    def fraction(self, table: dict[str, Any], node: Node, key: str) -> float | None:
        """A share such as a target: above 0 and at most 1."""
        value = self.value(table, node, key, NUMBER)
        if value is None:
            return None
        if not 0 < value <= 1:
            message = _("must be above 0 and at most 1, not {value}")
            self.report(node, key, message.format(value=value))
            return None
        return float(value)

    def positive(self, table: dict[str, Any], node: Node, key: str) -> float | None:
        """A finite number above 0, such as an item's weight."""
        value = self.value(table, node, key, NUMBER)
        if value is None:
            return None
        if not (math.isfinite(value) and value > 0):
            message = _("must be a finite number above 0, not {value}")
            self.report(node, key, message.format(value=value))
            return None
        return float(value)

    def tables(
        self, document: dict[str, Any], key: str
    ) -> list[tuple[Node, dict[str, Any]]]:
        """The tables of an array such as ``[[items]]``, each with its own node.

        A table with a valid id that is new is named ``items[id=greet]``; any
        other by its position, ``items[3]`` (counted from 1 as in the file).
        Duplicate ids are reported here, so every caller gets that for free.
        """
        array = self.value(document, ROOT, key, ARRAY)
        if array is None:
            return []

        found: list[tuple[Node, dict[str, Any]]] = []
        first_seen: dict[str, str] = {}
        for index, element in enumerate(array):
            node = self._element_node(key, index, element, first_seen)
            if isinstance(element, dict):
                found.append((node, element))
            else:
                message = _("must be a table (found {found})")
                self.report(node, None, message.format(found=toml_type(element)))
        return found

    def _element_node(
        self, key: str, index: int, element: Any, first_seen: dict[str, str]
    ) -> Node:
        by_position = Node((key, index), f"{key}[{index + 1}]")
        element_id = element.get("id") if isinstance(element, dict) else None
        if not (isinstance(element_id, str) and _IDENTIFIER.match(element_id)):
            return by_position

        if element_id in first_seen:
            message = _('duplicate id "{id}", already used by {first}')
            first = first_seen[element_id]
            self.report(by_position, "id", message.format(id=element_id, first=first))
            return by_position

        first_seen[element_id] = by_position.name
        return Node((key, index), f"{key}[id={element_id}]")


class Kind(NamedTuple):
    """A TOML value type a key accepts, and the message when it gets another.

    The message is a function so that it is translated when reported, in the
    language active then, not when this module is imported.
    """

    accepts: Callable[[Any], bool]
    message: Callable[[], str]


def _is_number(value: object) -> bool:
    """Integers and floats, but not booleans, which Python counts as integers."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_integer(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


STRING = Kind(
    lambda v: isinstance(v, str),
    lambda: _("must be a string in quotes (found {found})"),
)
NUMBER = Kind(_is_number, lambda: _("must be a number (found {found})"))
INTEGER = Kind(_is_integer, lambda: _("must be a whole number (found {found})"))
BOOLEAN = Kind(
    lambda v: isinstance(v, bool),
    lambda: _("must be true or false (found {found})"),
)
ARRAY = Kind(
    lambda v: isinstance(v, list),
    lambda: _("must be an array of tables (found {found})"),
)
