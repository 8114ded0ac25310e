"""Small TOML files read strictly and written atomically; where each key is.

The checklist and the settings file are both hand-edited by agents, so both
get the same treatment: a missing file, a folder, a huge file, a file in the
wrong encoding or with a syntax slip is reported with the file, the line and
the column, never as a traceback. :class:`KeyLines` finds the line of a key by
a light scan of the text, because ``tomllib`` keeps no positions.
"""

from __future__ import annotations

import os
import re
import tempfile
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cs_daily.errors import Problem
from cs_daily.i18n import _

MAX_BYTES = 1024 * 1024

# A path to a table inside a document: keys, and 0-based indexes into arrays.
TablePath = tuple[str | int, ...]

_LOCATION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_END_OF_DOCUMENT = re.compile(r"\s*\(at end of document\)\s*$")
_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\[\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*([A-Za-z0-9_-]+|"[^"\\]*"|'[^']*')\s*[=.]""")


class TomlFileError(Exception):
    """Raised inside this module with the one problem that stops reading."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing what cannot be a small hand-written file."""
    try:
        if path.is_dir():
            raise _fail(path, _("this is a folder, not a file"))
        if path.exists() and not path.is_file():
            raise _fail(path, _("this is not a regular file"))
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _fail(path, _too_large(size))
        with path.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise _fail(path, _("no such file")) from None
    except OSError as error:
        message = _("cannot read the file: {reason}").format(reason=error.strerror)
        raise _fail(path, message) from None

    check_size(data, path)
    return data


def check_size(data: bytes, source: Path) -> None:
    """Refuse more than :data:`MAX_BYTES`; no checklist or settings file is that big."""
    if len(data) > MAX_BYTES:
        raise _fail(source, _too_large(len(data)))


def decode(data: bytes, source: Path) -> str:
    """UTF-8 text, with a leading byte-order mark dropped.

    UTF-16 is named as such, because Windows editors save it silently and
    "not UTF-8" alone would leave the agent guessing.
    """
    if _looks_like_utf16(data):
        raise _fail(source, _("the file is saved as UTF-16; save it as UTF-8"), 1)

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        message = _("the file is not UTF-8 text (byte {offset}); save it as UTF-8")
        raise _fail(source, message.format(offset=error.start + 1), line) from None

    return text.removeprefix("\ufeff")


def parse(text: str, source: Path) -> dict[str, Any]:
    """The document as a dict, or the syntax problem with its line and column."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise TomlFileError(_syntax_problem(str(error), text, source)) from None
    except RecursionError:
        # tomllib parses nested arrays and tables recursively; thousands of
        # brackets exhaust Python's stack long before any real file would.
        raise _fail(source, _("values are nested too deeply to read")) from None


def load(data: bytes, source: Path) -> tuple[str, dict[str, Any]]:
    """Size, encoding and syntax checked in one go: the text and the document."""
    check_size(data, source)
    text = decode(data, source)
    return text, parse(text, source)


def toml_type(value: object) -> str:
    """The TOML name of a parsed value's type, for messages."""
    names = (
        (bool, "boolean"),
        (int, "integer"),
        (float, "float"),
        (str, "string"),
        (list, "array"),
        (dict, "table"),
    )
    for kind, name in names:
        if isinstance(value, kind):
            return name
    return "date-time"


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all, creating its folder.

    The bytes go to a temporary file beside the target, which is then renamed
    over it in one step, so a crash never leaves half a file behind.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class KeyLines:
    """The line of each table header and key in a TOML text, found by a light scan.

    Good enough for hand-written files: headers ``[a]``/``[[a]]`` and keys at
    the start of a line. Keys inside inline tables fall back to the line of
    the key holding them.
    """

    def __init__(self, text: str) -> None:
        self._headers: dict[TablePath, int] = {}
        self._keys: dict[tuple[TablePath, str], int] = {}
        self._scan(text)

    def line(self, table: TablePath, key: str | None = None) -> int | None:
        """The line of ``key`` in ``table`` (or of the table), or of what holds it."""
        if key is not None:
            for found in (
                self._keys.get((table, key)),
                self._headers.get((*table, key)),
                self._headers.get((*table, key, 0)),
            ):
                if found is not None:
                    return found
        if table in self._headers:
            return self._headers[table]
        return self._parent_line(table)

    def _parent_line(self, table: TablePath) -> int | None:
        if not table:
            return None
        if isinstance(table[-1], int):
            return self.line(table[:-2], str(table[-2])) if len(table) >= 2 else None
        return self.line(table[:-1], table[-1])

    def _scan(self, text: str) -> None:
        table: TablePath = ()
        counts: dict[tuple[str, ...], int] = {}

        for number, line in _code_lines(text):
            header = _HEADER.match(line)
            if header:
                table = self._enter(header, counts, number)
                continue
            key = _KEY.match(line)
            if key:
                self._keys.setdefault((table, _unquote(key.group(1))), number)

    def _enter(
        self, header: re.Match[str], counts: dict[tuple[str, ...], int], number: int
    ) -> TablePath:
        names = tuple(_unquote(part.strip()) for part in header.group(2).split("."))
        table: TablePath = names
        if header.group(1) == "[[":
            index = counts.get(names, 0)
            counts[names] = index + 1
            table = (*names, index)
        self._headers.setdefault(table, number)
        return table


def _code_lines(text: str) -> Iterator[tuple[int, str]]:
    """Numbered lines, leaving out those inside multi-line strings."""
    inside: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        starts_inside = inside is not None
        for quote in ('"""', "'''"):
            if inside in (None, quote) and line.count(quote) % 2 == 1:
                inside = None if inside == quote else quote
        if not starts_inside:
            yield number, line


def _unquote(name: str) -> str:
    if len(name) >= 2 and name[0] == name[-1] and name[0] in "\"'":
        return name[1:-1]
    return name


def _syntax_problem(message: str, text: str, source: Path) -> Problem:
    located = _LOCATION.search(message)
    if located:
        reason = message[: located.start()]
        line, column = int(located.group(1)), int(located.group(2))
    else:
        reason = _END_OF_DOCUMENT.sub("", message)
        line, column = text.count("\n") + 1, None
    return Problem(
        file=source,
        key="",
        message=_("not valid TOML: {reason}").format(reason=reason),
        line=line,
        column=column,
    )


def _looks_like_utf16(data: bytes) -> bool:
    """A UTF-16 byte-order mark, or the NUL every other byte of UTF-16 text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    sample = data[:512]
    if len(sample) < 2:
        return False
    return min(sample[0::2].count(0), sample[1::2].count(0)) == 0 and (
        max(sample[0::2].count(0), sample[1::2].count(0)) >= len(sample) // 4
    )


def _too_large(size: int) -> str:
    message = _("the file is {size} bytes; at most {limit} bytes (1 MiB) are read")
    return message.format(size=size, limit=MAX_BYTES)


def _fail(source: Path, message: str, line: int | None = None) -> TomlFileError:
    return TomlFileError(Problem(file=source, key="", message=message, line=line))
