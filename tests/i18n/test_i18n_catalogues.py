"""The catalogues cover every string in the code, faithfully, and ship compiled.

These tests extract the strings from the code as it is now, so a new ``_()``
without an Indonesian translation fails here until someone runs
``python tools/i18n.py refresh`` and translates it.
"""

from __future__ import annotations

import ast
from types import ModuleType

import pytest
from babel.messages.catalog import Message

from cs_daily.i18n import _, set_language


def test_every_string_in_the_code_has_an_indonesian_translation(tool: ModuleType):
    assert tool.untranslated("id", tool.APP_DOMAIN) == []


def test_the_english_catalogue_covers_every_string_too(tool: ModuleType):
    assert tool.untranslated("en", tool.APP_DOMAIN) == []


@pytest.mark.parametrize("language", ["id", "en"])
def test_argparse_words_are_translated(tool: ModuleType, language: str):
    assert tool.untranslated(language, tool.ARGPARSE_DOMAIN) == []


def test_the_running_pythons_argparse_strings_are_in_the_template(tool: ModuleType):
    import argparse
    from pathlib import Path

    running = tool.extract_argparse([Path(argparse.__file__)])
    committed = tool._read(tool.template_path(tool.ARGPARSE_DOMAIN))
    assert tool._ids(running) <= tool._ids(committed)


@pytest.mark.parametrize("domain", ["cs_daily", "argparse"])
@pytest.mark.parametrize("language", ["id", "en"])
def test_translations_keep_the_placeholders(
    tool: ModuleType, language: str, domain: str
):
    assert tool.placeholder_mismatches(language, domain) == []


def test_committed_mo_files_match_their_po_files(tool: ModuleType):
    assert tool.stale_mo_files() == []


def test_no_string_is_built_before_it_is_translated(tool: ModuleType):
    assert list(tool.badly_marked_strings()) == []


def test_indonesian_is_loaded_from_the_compiled_catalogue():
    set_language("id")

    assert _("interface language (default: settings, then the locale)") == (
        "bahasa tampilan (bawaan: pengaturan, lalu locale sistem)"
    )


def test_argparse_is_given_the_indonesian_words_with_one_plural_form():
    import argparse

    set_language("id")

    one = argparse.ngettext("expected %s argument", "expected %s arguments", 1)
    many = argparse.ngettext("expected %s argument", "expected %s arguments", 3)

    assert one == many == "perlu %s argumen"


def test_placeholders_are_found_in_both_styles(tool: ModuleType):
    found = tool.placeholders("{name} took {count:>3} %(prog)s %s 100%% {{x}}")

    assert found == {"{name}", "{count}", "%(prog)s", "%s"}


@pytest.mark.parametrize(
    ("message", "reason"),
    [
        (None, "not in the catalogue (run refresh)"),
        (Message("Shift", ""), "untranslated"),
        (Message("Shift", "Shift", flags=["fuzzy"]), "fuzzy, needs review"),
        (Message(("chat", "chats"), ("",)), "untranslated"),
        (Message("Shift", "Shift"), ""),
    ],
)
def test_gaps_are_recognised(tool: ModuleType, message: Message | None, reason: str):
    assert tool._translation_gap(message) == reason


def test_a_plural_translation_must_carry_the_plurals_placeholders(tool: ModuleType):
    from babel.messages.catalog import Catalog

    catalog = Catalog(locale="id")
    message = Message(("one chat", "{count} chats"), ("satu chat",))

    pairs = list(tool._expected_placeholders(message, catalog))

    assert pairs == [("satu chat", {"{count}"})]


@pytest.mark.parametrize(
    ("source", "flagged"),
    [
        ('_("Shift {n}").format(n=1)', False),
        ("_(LABELS[key])", False),
        ('_(f"Shift {n}")', True),
        ('_("Shift " + name)', True),
        ('_("Shift {n}".format(n=1))', True),
        ('ngettext("one chat", f"{n} chats", n)', True),
    ],
)
def test_text_built_inside_the_call_is_flagged(
    tool: ModuleType, source: str, flagged: bool
):
    call = ast.parse(source).body[0].value
    while not tool._is_marker_call(call):
        call = call.func.value

    assert (not all(map(tool._is_fixed_text, tool._texts(call)))) == flagged
