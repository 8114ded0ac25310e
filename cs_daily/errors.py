"""Errors that carry a message meant for the agent, not a traceback.

The CLI prints any :class:`CsDailyError` to stderr and exits with its code;
the interface shows it in a notification or a modal. Anything else escaping is
a bug.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

EXIT_BAD_INPUT = 2
EXIT_FAILURE = 1


class CsDailyError(Exception):
    """A problem the agent can understand and act on."""

    exit_code = EXIT_FAILURE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class Problem(NamedTuple):
    """One thing wrong with an input file, located as precisely as possible."""

    file: Path
    key: str
    message: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = str(self.file)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        key = f" [{self.key}]" if self.key else ""
        return f"{where}:{key} {self.message}"


class InputFileError(CsDailyError):
    """A checklist or settings file that cannot be used; lists every problem."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class ChecklistError(InputFileError):
    """A checklist file with one or more problems."""


class SettingsError(InputFileError):
    """A settings file with one or more problems."""


class StoreError(CsDailyError):
    """The history database cannot be opened, read or written."""


class UsageError(CsDailyError):
    """A command line that asks for something impossible (a bad week, a date)."""

    exit_code = EXIT_BAD_INPUT
