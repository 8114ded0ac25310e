"""Both bundled checklists hold the sixteen items of the domain notes."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from cs_daily.checklist import (
    bundled_checklist_path,
    load_bundled_checklist,
    load_checklist,
)
from cs_daily.errors import UsageError
from cs_daily.model import Phase, Scope

# id, scope, phase, category, n/a allowed, critical: the table in DOMAIN.md.
DOMAIN_ITEMS = [
    ("prep", "shift", "start", "ready", False, False),
    ("sop", "shift", "start", "ready", False, False),
    ("tools", "shift", "start", "ready", False, False),
    ("crisis", "shift", "start", "ready", False, False),
    ("respond", "interaction", None, "speed", False, False),
    ("expect", "interaction", None, "speed", False, False),
    ("greet", "interaction", None, "comm", True, False),
    ("clear", "interaction", None, "comm", False, False),
    ("ask", "interaction", None, "comm", True, False),
    ("calm", "interaction", None, "attitude", False, False),
    ("honest", "interaction", None, "attitude", False, True),
    ("solve", "interaction", None, "resolve", True, False),
    ("logged", "interaction", None, "resolve", False, False),
    ("close", "interaction", None, "resolve", True, False),
    ("sweep", "shift", "end", "resolve", False, False),
    ("team", "shift", "end", "resolve", True, False),
]
DOMAIN_CATEGORIES = ["ready", "speed", "comm", "attitude", "resolve"]
DOMAIN_CHANNELS = [
    ("whatsapp", "w"),
    ("phone", "p"),
    ("live_chat", "c"),
    ("email", "e"),
    ("social", "s"),
]
LANGUAGES = ["id", "en"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_items_match_the_domain_table(language: str) -> None:
    checklist = load_bundled_checklist(language)

    found = [
        (
            item.id,
            item.scope.value,
            None if item.phase is None else item.phase.value,
            item.category,
            item.na,
            item.critical,
        )
        for item in checklist.items
    ]
    assert found == DOMAIN_ITEMS
    assert all(item.weight == 1.0 for item in checklist.items)


@pytest.mark.parametrize("language", LANGUAGES)
def test_header_categories_and_channels(language: str) -> None:
    checklist = load_bundled_checklist(language)

    assert (checklist.id, checklist.schema, checklist.language) == (
        "cs-daily",
        1,
        language,
    )
    assert checklist.target == 0.80
    assert [c.id for c in checklist.categories] == DOMAIN_CATEGORIES
    assert [(c.id, c.key) for c in checklist.channels] == DOMAIN_CHANNELS


@pytest.mark.parametrize("language", LANGUAGES)
def test_labels_fit_beside_a_number_key_in_80_columns(language: str) -> None:
    checklist = load_bundled_checklist(language)

    too_long = [i.label for i in checklist.items if cell_len(i.label) > 40]
    assert too_long == []
    assert all(len(c.label) <= 30 for c in checklist.categories)


def test_the_two_languages_say_different_things() -> None:
    indonesian = load_bundled_checklist("id")
    english = load_bundled_checklist("en")

    pairs = zip(indonesian.items, english.items, strict=True)
    assert all(a.label != b.label and a.hint != b.hint for a, b in pairs)
    assert indonesian.title != english.title


def test_shift_items_by_phase() -> None:
    checklist = load_bundled_checklist("id")

    start = [i.id for i in checklist.shift_items(Phase.START)]
    end = [i.id for i in checklist.shift_items(Phase.END)]
    assert start == ["prep", "sop", "tools", "crisis"]
    assert end == ["sweep", "team"]
    assert len(checklist.interaction_items()) == 10
    assert {i.scope for i in checklist.interaction_items()} == {Scope.INTERACTION}


@pytest.mark.parametrize("language", LANGUAGES)
def test_path_names_a_file_that_loads_to_the_same_checklist(language: str) -> None:
    path = bundled_checklist_path(language)

    assert path.name == f"{language}.toml"
    assert load_checklist(path) == load_bundled_checklist(language)


def test_unknown_language_is_refused() -> None:
    with pytest.raises(UsageError, match='language "fr"'):
        bundled_checklist_path("fr")
