"""Where the bundled checklists live, installed or in a source checkout.

The wheel carries them as ``cs_daily/checklists/<language>.toml``; an editable
install has them only in the repository's top-level ``checklists/`` folder.
"""

from __future__ import annotations

from pathlib import Path

from cs_daily.checklist.loading import load_checklist
from cs_daily.errors import UsageError
from cs_daily.i18n import LANGUAGES, _
from cs_daily.model import Checklist

# Found beside the package rather than through importlib.resources, which
# costs several milliseconds to import and gives the same folder here.
_INSTALLED_FOLDER = Path(__file__).resolve().parents[1] / "checklists"
_REPOSITORY_FOLDER = Path(__file__).resolve().parents[2] / "checklists"


def bundled_checklist_path(language: str) -> Path:
    """The bundled checklist for ``language`` (``id`` or ``en``)."""
    if language not in LANGUAGES:
        message = _('no bundled checklist for language "{language}"; choose {choices}')
        choices = ", ".join(LANGUAGES)
        raise UsageError(message.format(language=language, choices=choices))

    name = f"{language}.toml"
    installed = _INSTALLED_FOLDER / name
    if installed.is_file():
        return installed
    return _REPOSITORY_FOLDER / name


def load_bundled_checklist(language: str) -> Checklist:
    """The bundled checklist for ``language``, loaded and checked."""
    return load_checklist(bundled_checklist_path(language))
