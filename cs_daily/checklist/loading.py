"""Turning a checklist file into a :class:`~cs_daily.model.Checklist`, strictly.

Everything wrong with the file is reported at once in one
:class:`~cs_daily.errors.ChecklistError`: encoding and syntax first (nothing
else can be read then), then every key of every table.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cs_daily.errors import ChecklistError
from cs_daily.i18n import _
from cs_daily.model import Category, Channel, Checklist, Item, Phase, Scope
from cs_daily.tomlcheck import BOOLEAN, INTEGER, ROOT, STRING, Checker, Node
from cs_daily.tomlfile import TomlFileError, load, read_bytes

SCHEMA = 1
DEFAULT_TARGET = 0.80

_TOP_KEYS = (
    "schema",
    "id",
    "language",
    "title",
    "target",
    "categories",
    "channels",
    "items",
)
_TOP_REQUIRED = (
    "schema",
    "id",
    "language",
    "title",
    "categories",
    "channels",
    "items",
)
_CATEGORY_KEYS = ("id", "label")
_CHANNEL_KEYS = ("id", "label", "key")
_ITEM_KEYS = (
    "id",
    "scope",
    "phase",
    "category",
    "label",
    "hint",
    "na",
    "critical",
    "weight",
)
_ITEM_REQUIRED = ("id", "scope", "category", "label", "hint")


def load_checklist(path: Path) -> Checklist:
    """Read and check the checklist file at ``path``."""
    try:
        data = read_bytes(path)
    except TomlFileError as error:
        raise ChecklistError([error.problem]) from None
    return parse_checklist(data, path)


def parse_checklist(data: bytes, source: Path) -> Checklist:
    """Check the bytes of a checklist file; ``source`` names it in messages."""
    try:
        text, document = load(data, source)
    except TomlFileError as error:
        raise ChecklistError([error.problem]) from None

    checker = Checker(source, text)
    checklist = _checklist(checker, document)
    if checker.problems or checklist is None:
        raise ChecklistError(checker.problems)
    return checklist


def _checklist(checker: Checker, document: dict[str, Any]) -> Checklist | None:
    checker.keys(document, ROOT, _TOP_KEYS, _TOP_REQUIRED)

    schema = _schema(checker, document)
    checklist_id = checker.identifier(document, ROOT, "id")
    language = _language(checker, document)
    title = checker.text(document, ROOT, "title")
    target = checker.fraction(document, ROOT, "target")
    categories = _categories(checker, document)
    channels = _channels(checker, document)
    items = _items(checker, document)

    if checker.problems:
        return None
    assert schema is not None and checklist_id is not None
    assert language is not None and title is not None
    return Checklist(
        id=checklist_id,
        schema=schema,
        language=language,
        title=title,
        target=DEFAULT_TARGET if target is None else target,
        categories=categories,
        channels=channels,
        items=items,
    )


def _schema(checker: Checker, document: dict[str, Any]) -> int | None:
    schema = checker.value(document, ROOT, "schema", INTEGER)
    if schema is not None and schema != SCHEMA:
        message = _(
            "schema {found} is not supported; this version of cs-daily reads "
            "schema {supported}"
        )
        checker.report(ROOT, "schema", message.format(found=schema, supported=SCHEMA))
        return None
    return schema


def _language(checker: Checker, document: dict[str, Any]) -> str | None:
    language = checker.value(document, ROOT, "language", STRING)
    if language is None:
        return None
    if not (language.isascii() and language.isalpha() and 2 <= len(language) <= 3):
        message = _('must be a language code such as "id" or "en", not "{value}"')
        checker.report(ROOT, "language", message.format(value=language))
        return None
    return language.lower()


def _categories(checker: Checker, document: dict[str, Any]) -> tuple[Category, ...]:
    categories = []
    for node, table in _tables(checker, document, "categories"):
        checker.keys(table, node, _CATEGORY_KEYS, _CATEGORY_KEYS)
        category_id = checker.identifier(table, node, "id")
        label = checker.text(table, node, "label")
        if category_id is not None and label is not None:
            categories.append(Category(id=category_id, label=label))
    return tuple(categories)


def _channels(checker: Checker, document: dict[str, Any]) -> tuple[Channel, ...]:
    channels = []
    keys_seen: dict[str, str] = {}
    for node, table in _tables(checker, document, "channels"):
        checker.keys(table, node, _CHANNEL_KEYS, _CHANNEL_KEYS)
        channel_id = checker.identifier(table, node, "id")
        label = checker.text(table, node, "label")
        key = _channel_key(checker, node, table, keys_seen)
        if channel_id is not None and label is not None and key is not None:
            channels.append(Channel(id=channel_id, label=label, key=key))
            keys_seen[key] = channel_id
    return tuple(channels)


def _channel_key(
    checker: Checker, node: Node, table: dict[str, Any], keys_seen: dict[str, str]
) -> str | None:
    """One keystroke that picks the channel, used by no other channel."""
    key = checker.value(table, node, "key", STRING)
    if key is None:
        return None
    if len(key) != 1 or not key.isprintable() or key.isspace():
        message = _('must be a single character, not "{value}"')
        checker.report(node, "key", message.format(value=key))
        return None
    if key in keys_seen:
        message = _('duplicate key "{key}", already used by channel "{channel}"')
        checker.report(node, "key", message.format(key=key, channel=keys_seen[key]))
        return None
    return key


def _items(checker: Checker, document: dict[str, Any]) -> tuple[Item, ...]:
    category_ids = _raw_ids(document.get("categories"))
    items = []
    for node, table in _tables(checker, document, "items"):
        item = _item(checker, node, table, category_ids)
        if item is not None:
            items.append(item)
    return tuple(items)


def _item(
    checker: Checker, node: Node, table: dict[str, Any], category_ids: list[str]
) -> Item | None:
    before = len(checker.problems)
    checker.keys(table, node, _ITEM_KEYS, _ITEM_REQUIRED)

    item_id = checker.identifier(table, node, "id")
    scope = checker.choice(table, node, "scope", [s.value for s in Scope])
    phase = _phase(checker, node, table, scope)
    category = _category_ref(checker, node, table, category_ids)
    label = checker.text(table, node, "label")
    hint = checker.text(table, node, "hint")
    na = checker.value(table, node, "na", BOOLEAN)
    critical = checker.value(table, node, "critical", BOOLEAN)
    weight = checker.positive(table, node, "weight")

    if len(checker.problems) > before:
        return None
    return Item(
        id=str(item_id),
        scope=Scope(scope),
        category=str(category),
        label=str(label),
        hint=str(hint),
        phase=None if phase is None else Phase(phase),
        na=bool(na),
        critical=bool(critical),
        weight=1.0 if weight is None else weight,
    )


def _phase(
    checker: Checker, node: Node, table: dict[str, Any], scope: str | None
) -> str | None:
    """Shift items say when in the shift they are answered; others must not."""
    phase = checker.choice(table, node, "phase", [p.value for p in Phase])
    if scope == Scope.SHIFT and "phase" not in table:
        checker.report(node, "phase", _('a shift item needs phase = "start" or "end"'))
    if scope == Scope.INTERACTION and "phase" in table:
        message = _('only shift items have a phase; remove it or set scope = "shift"')
        checker.report(node, "phase", message)
        return None
    return phase


def _category_ref(
    checker: Checker, node: Node, table: dict[str, Any], category_ids: list[str]
) -> str | None:
    category = checker.value(table, node, "category", STRING)
    if category is not None and category not in category_ids:
        message = _('unknown category "{category}"; the categories are: {known}')
        known = ", ".join(category_ids) or "-"
        checker.report(node, "category", message.format(category=category, known=known))
        return None
    return category


def _tables(
    checker: Checker, document: dict[str, Any], key: str
) -> list[tuple[Node, dict[str, Any]]]:
    """The tables of one array; an empty array is a problem of its own."""
    tables = checker.tables(document, key)
    if isinstance(document.get(key), list) and not document[key]:
        messages = {
            "categories": _("the checklist has no categories"),
            "channels": _("the checklist has no channels"),
            "items": _("the checklist has no items"),
        }
        checker.report(ROOT, key, messages[key])
    return tables


def _raw_ids(array: object) -> list[str]:
    """The string ids of an array of tables, valid or not, for cross-checks."""
    if not isinstance(array, list):
        return []
    return [
        t["id"] for t in array if isinstance(t, dict) and isinstance(t.get("id"), str)
    ]
