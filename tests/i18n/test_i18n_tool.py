"""tools/i18n.py, run on a tiny package of its own, finds and fills the gaps.

The catalogue tests trust the tool's checks; these prove those checks fail
when a string is missing, fuzzy or stale, and that ``refresh`` repairs what a
machine can repair.
"""

from __future__ import annotations

import gettext
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.pofile import read_po, write_po


@pytest.fixture
def project(tool: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A package with two marked strings, and the tool pointed at it."""
    package = tmp_path / "cs_daily"
    package.mkdir()
    (package / "hello.py").write_text(
        "from cs_daily.i18n import _, ngettext\n"
        "def greet(name, count):\n"
        "    return _('Hello {name}').format(name=name) + ngettext(\n"
        "        '{count} chat', '{count} chats', count).format(count=count)\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    monkeypatch.setattr(tool, "PACKAGE", package)
    monkeypatch.setattr(tool, "LOCALE_DIR", package / "locale")
    monkeypatch.setattr(tool, "DOMAINS", (tool.APP_DOMAIN,))
    tool.refresh([])
    return package


def test_a_new_string_is_reported_until_it_is_translated(
    tool: ModuleType, project: Path
):
    gaps = tool.check()

    assert (
        "cs_daily/locale/id/LC_MESSAGES/cs_daily.po: untranslated: 'Hello {name}'"
        in gaps
    )
    assert any("'{count} chat'" in gap for gap in gaps)
    assert not any("/en/" in gap for gap in gaps)


def test_english_fills_itself_and_compiles(tool: ModuleType, project: Path):
    english = _translation(project, "en")

    assert english.gettext("Hello {name}") == "Hello {name}"
    assert english.ngettext("{count} chat", "{count} chats", 2) == "{count} chats"


def test_a_translated_catalogue_passes_and_loads(tool: ModuleType, project: Path):
    _translate(
        project, {"Hello {name}": "Halo {name}", "{count} chat": ("{count} chat",)}
    )
    tool.compile_all()

    assert tool.check() == []
    assert _translation(project, "id").gettext("Hello {name}") == "Halo {name}"


def test_a_changed_string_is_reported_again(tool: ModuleType, project: Path):
    _translate(
        project, {"Hello {name}": "Halo {name}", "{count} chat": ("{count} chat",)}
    )
    source = project / "hello.py"
    source.write_text(
        source.read_text(encoding="utf-8").replace("Hello", "Hi"), encoding="utf-8"
    )

    assert any("is out of date" in gap for gap in tool.check())
    tool.refresh([])
    gaps = tool.check()

    assert (
        "cs_daily/locale/id/LC_MESSAGES/cs_daily.po: fuzzy, needs review: 'Hi {name}'"
        in gaps
    )


def test_a_lost_placeholder_and_a_stale_mo_are_reported(
    tool: ModuleType, project: Path
):
    _translate(project, {"Hello {name}": "Halo", "{count} chat": ("{count} chat",)})

    gaps = tool.check()

    assert any("placeholders differ in 'Halo'" in gap for gap in gaps)
    assert any(gap.endswith("run `python tools/i18n.py compile`") for gap in gaps)


def test_an_untranslated_plural_is_left_out_of_the_mo(tool: ModuleType, project: Path):
    _translate(project, {"Hello {name}": "Halo {name}"})
    tool.compile_all()

    indonesian = _translation(project, "id")

    assert indonesian.ngettext("{count} chat", "{count} chats", 2) == "{count} chats"


def _translate(package: Path, table: dict[str, object]) -> None:
    """Write ``table``'s translations into the package's Indonesian catalogue."""
    path = package / "locale" / "id" / "LC_MESSAGES" / "cs_daily.po"
    with path.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        if key in table:
            message.string = table[key]
            message.flags.discard("fuzzy")
    with path.open("wb") as handle:
        write_po(handle, catalog)


def _translation(package: Path, language: str) -> gettext.NullTranslations:
    """The compiled catalogue, loaded the way the app loads it."""
    return gettext.translation(
        "cs_daily", localedir=package / "locale", languages=[language]
    )
