"""Keep cs-daily's translations in step with the code.

Usage, from anywhere in the repository::

    python tools/i18n.py refresh   # extract + update + compile, then list gaps
    python tools/i18n.py check     # list every gap; exit 1 if there is one

and the single steps ``extract`` (code -> ``.pot`` templates), ``update``
(templates -> each language's ``.po``) and ``compile`` (``.po`` -> ``.mo``).

Two gettext domains live in ``cs_daily/locale``: ``cs_daily`` holds every
string the code passes to ``_``, ``ngettext`` or ``N_``; ``argparse`` holds
the words argparse writes itself. argparse's strings change a little between
Python versions, so its template only ever grows: each extraction adds the
running Python's strings to those already there.

The English catalogue is filled with the English wording itself wherever it
has no translation, so only Indonesian needs a translator. The compiled
``.mo`` files are committed, so that a wheel built from the tree is complete.
"""

from __future__ import annotations

import argparse
import ast
import io
import string
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "cs_daily"
LOCALE_DIR = PACKAGE / "locale"
APP_DOMAIN = "cs_daily"
ARGPARSE_DOMAIN = "argparse"
DOMAINS = (APP_DOMAIN, ARGPARSE_DOMAIN)
LANGUAGES = ("id", "en")
KEYWORDS = {"_": None, "ngettext": (1, 2), "N_": None}
PROJECT = "cs-daily"

# Header lines that change on every run without any message changing; a file
# that differs only in these is left alone, so the tree stays clean.
VOLATILE_HEADERS = ('"POT-Creation-Date:', '"PO-Revision-Date:', '"Generated-By:')


def template_path(domain: str) -> Path:
    """Where a domain's ``.pot`` template lives."""
    return LOCALE_DIR / f"{domain}.pot"


def po_path(language: str, domain: str) -> Path:
    """Where one language's catalogue of one domain lives (``.mo`` beside it)."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po"


def extract_app() -> Catalog:
    """Every string marked for translation in the package, in file order."""
    catalog = _new_catalog(APP_DOMAIN)
    results = extract_from_dir(
        PACKAGE,
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in results:
        location = (f"cs_daily/{Path(filename).as_posix()}", lineno)
        catalog.add(message, None, [location], auto_comments=comments, context=context)
    return catalog


def extract_argparse(sources: Iterable[Path]) -> Catalog:
    """argparse's own strings: those already in the template plus ``sources``'."""
    catalog = _new_catalog(ARGPARSE_DOMAIN)
    if template_path(ARGPARSE_DOMAIN).exists():
        for message in _read(template_path(ARGPARSE_DOMAIN)):
            if message.id:
                catalog[message.id] = message

    for source in sources:
        for lineno, text, _comments, context in extract_from_file(
            "python", source, keywords={"_": None, "ngettext": (1, 2)}
        ):
            if text not in catalog:
                catalog.add(text, None, [("argparse.py", lineno)], context=context)
    return catalog


def extract(argparse_sources: Iterable[Path]) -> None:
    """Write both ``.pot`` templates from the code."""
    _write_po_file(template_path(APP_DOMAIN), extract_app())
    _write_po_file(template_path(ARGPARSE_DOMAIN), extract_argparse(argparse_sources))


def update() -> None:
    """Bring every language's ``.po`` in line with the templates."""
    for domain in DOMAINS:
        template = _read(template_path(domain))
        for language in LANGUAGES:
            path = po_path(language, domain)
            catalog = _read(path) if path.exists() else _new_catalog(domain, language)
            catalog.update(template)
            if language == "en":
                _fill_with_english(catalog)
            _write_po_file(path, catalog)


def compile_all() -> None:
    """Compile every ``.po`` into the ``.mo`` gettext loads; gaps left out.

    A string left out is shown in English, which beats an empty one.
    """
    for po in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")):
        catalog = _read(po)
        for message in list(catalog):
            if message.id and _translation_gap(message):
                # Babel would write a plural with an empty form, which gettext
                # then returns as an empty string: leave gaps out entirely.
                del catalog[message.id]

        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != buffer.getvalue():
            mo.write_bytes(buffer.getvalue())


def refresh(argparse_sources: Iterable[Path]) -> None:
    """The one command after changing strings: extract, update, compile."""
    extract(argparse_sources)
    update()
    compile_all()


def check() -> list[str]:
    """Every gap between the code and the catalogues, one line each."""
    problems = list(badly_marked_strings())
    problems += stale_templates()
    for domain in DOMAINS:
        for language in LANGUAGES:
            problems += untranslated(language, domain)
            problems += placeholder_mismatches(language, domain)
    problems += stale_mo_files()
    return problems


def badly_marked_strings() -> Iterator[str]:
    """Calls of ``_`` and friends whose text is built at run time.

    Such a text can never match a catalogue entry: an f-string, a
    concatenation or an already formatted string inside ``_()`` stays English.
    """
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if _is_marker_call(node) and not all(map(_is_fixed_text, _texts(node))):
                where = f"{_rel(path)}:{node.lineno}"
                yield f"{where}: translate a plain string literal, then .format() it"


def stale_templates() -> list[str]:
    """The app template misses or keeps strings the code no longer has."""
    path = template_path(APP_DOMAIN)
    if not path.exists():
        return [f"{_rel(path)} is missing: run `python tools/i18n.py refresh`"]
    if _ids(extract_app()) != _ids(_read(path)):
        return [f"{_rel(path)} is out of date: run `python tools/i18n.py refresh`"]
    return []


def untranslated(language: str, domain: str) -> list[str]:
    """Strings in the code (or template) with no usable translation."""
    path = po_path(language, domain)
    if not path.exists():
        return [f"{_rel(path)} is missing: run `python tools/i18n.py refresh`"]

    wanted = extract_app() if domain == APP_DOMAIN else _read(template_path(domain))
    catalog = _read(path)
    problems = []
    for message in wanted:
        if not message.id:
            continue
        found = catalog.get(message.id)
        reason = _translation_gap(found)
        if reason:
            problems.append(f"{_rel(path)}: {reason}: {_first_form(message.id)!r}")
    return problems


def placeholder_mismatches(language: str, domain: str) -> list[str]:
    """Translations whose placeholders differ from their English text's."""
    path = po_path(language, domain)
    if not path.exists():
        return []

    catalog = _read(path)
    problems = []
    for message in catalog:
        if message.id and not _translation_gap(message):
            for form, expected in _expected_placeholders(message, catalog):
                found = placeholders(form)
                if found != expected:
                    problems.append(
                        f"{_rel(path)}: placeholders differ in {form!r}: "
                        f"expected {sorted(expected)}, found {sorted(found)}"
                    )
    return problems


def stale_mo_files() -> list[str]:
    """Compiled catalogues that do not say what their ``.po`` says."""
    problems = []
    for po in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        if not mo.exists() or _mo_content(mo) != _po_content(po):
            problems.append(
                f"{_rel(mo)} is out of date: run `python tools/i18n.py compile`"
            )
    return problems


def placeholders(text: str) -> set[str]:
    """The ``{name}`` and ``%(name)s`` / ``%s`` slots in a message."""
    found: set[str] = set()
    try:
        for _literal, field, _spec, _conversion in string.Formatter().parse(text):
            if field is not None:
                found.add("{" + field + "}")
    except ValueError:
        found.add("<unbalanced braces>")

    found.update(_percent_placeholders(text))
    return found


def _percent_placeholders(text: str) -> Iterator[str]:
    """printf-style slots as argparse uses them; ``%%`` is a plain percent sign."""
    index = 0
    while (index := text.find("%", index)) != -1:
        if text.startswith("%%", index):
            index += 2
            continue
        if text.startswith("%(", index):
            end = text.find(")", index)
            yield text[index : end + 2]
            index = end + 2
        elif index + 1 < len(text) and text[index + 1].isalpha():
            yield text[index : index + 2]
            index += 2
        else:
            index += 1


def _expected_placeholders(
    message: Message, catalog: Catalog
) -> Iterator[tuple[str, set[str]]]:
    """Pair each translated form with the placeholders it must carry.

    A language with one plural form (Indonesian) uses that form for every
    count, so it must carry the plural's placeholders.
    """
    if not isinstance(message.id, tuple | list):
        yield str(message.string), placeholders(str(message.id))
        return

    forms = list(message.string)
    for index, form in enumerate(forms):
        source = message.id[-1] if len(forms) == 1 else message.id[min(index, 1)]
        yield form, placeholders(source)


def _translation_gap(message: Message | None) -> str:
    """Why a catalogue entry cannot be used, or "" when it can."""
    if message is None:
        return "not in the catalogue (run refresh)"
    if message.fuzzy:
        return "fuzzy, needs review"
    strings = (
        message.string if isinstance(message.string, tuple | list) else [message.string]
    )
    if not all(strings):
        return "untranslated"
    return ""


def _fill_with_english(catalog: Catalog) -> None:
    """English reads the code's own wording wherever nothing fuller was written."""
    for message in catalog:
        if not message.id:
            continue
        strings = (
            message.string if isinstance(message.id, tuple | list) else [message.string]
        )
        if message.fuzzy or not all(strings):
            message.string = (
                tuple(message.id)
                if isinstance(message.id, tuple | list)
                else message.id
            )
            message.flags.discard("fuzzy")


def _new_catalog(domain: str, language: str | None = None) -> Catalog:
    """An empty catalogue with cs-daily's header."""
    what = "template" if language is None else f"{language} catalogue"
    return Catalog(
        locale=language,
        domain=domain,
        project=PROJECT,
        version="",
        header_comment=f"# cs-daily: {domain} {what}.\n"
        "# Made with `python tools/i18n.py refresh`; translate in place.\n#",
        fuzzy=False,
    )


def _write_po_file(path: Path, catalog: Catalog) -> None:
    """Write a ``.po``/``.pot`` unless only its dates would change."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, include_lineno=False, width=79)
    new = buffer.getvalue()
    if path.exists() and _stable_lines(path.read_bytes()) == _stable_lines(new):
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(new)


def _stable_lines(data: bytes) -> list[bytes]:
    """A file's lines without the header lines that change on every run."""
    volatile = tuple(prefix.encode() for prefix in VOLATILE_HEADERS)
    return [line for line in data.splitlines() if not line.startswith(volatile)]


def _read(path: Path) -> Catalog:
    """A ``.po`` or ``.pot`` file as a catalogue; any syntax error is fatal."""
    with path.open("rb") as handle:
        return read_po(handle, abort_invalid=True)


def _po_content(path: Path) -> dict[object, object]:
    """What a ``.po`` says, as the compiled file should say it (fuzzy left out)."""
    return {
        _frozen(message.id): _frozen(message.string)
        for message in _read(path)
        if message.id and not _translation_gap(message)
    }


def _mo_content(path: Path) -> dict[object, object]:
    """What a compiled ``.mo`` says."""
    with path.open("rb") as handle:
        catalog = read_mo(handle)
    return {
        _frozen(message.id): _frozen(message.string)
        for message in catalog
        if message.id
    }


def _frozen(value: object) -> object:
    """Plural ids and strings come back from ``.mo`` files as lists: make tuples."""
    return tuple(value) if isinstance(value, list | tuple) else value


def _ids(catalog: Catalog) -> set[object]:
    """The message ids of a catalogue, header left out."""
    return {message.id for message in catalog if message.id}


def _first_form(message_id: object) -> str:
    """The singular of a plural id, or the id itself."""
    return str(message_id[0] if isinstance(message_id, tuple | list) else message_id)


def _is_marker_call(node: ast.AST) -> bool:
    """A call of ``_``, ``ngettext`` or ``N_``, by plain name or attribute."""
    if not isinstance(node, ast.Call) or not node.args:
        return False
    func = node.func
    if isinstance(func, ast.Name):
        return func.id in KEYWORDS
    return isinstance(func, ast.Attribute) and func.attr in KEYWORDS


def _texts(call: ast.Call) -> list[ast.expr]:
    """The arguments of a marker call that are message texts."""
    name = call.func.id if isinstance(call.func, ast.Name) else call.func.attr
    return call.args[:2] if name == "ngettext" else call.args[:1]


def _is_fixed_text(node: ast.expr) -> bool:
    """A plain string written in the code, or a name holding a marked one."""
    return (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    ) or isinstance(node, ast.Name | ast.Attribute | ast.Subscript)


def _rel(path: Path) -> str:
    """A path as the repository names it."""
    return path.relative_to(ROOT).as_posix()


def main(argv: list[str] | None = None) -> int:
    """Run one step; ``check`` and ``refresh`` print the gaps they find."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "step", choices=("extract", "update", "compile", "check", "refresh")
    )
    parser.add_argument(
        "--argparse-source",
        type=Path,
        action="append",
        default=[],
        help="an argparse.py to take strings from (default: this Python's)",
    )
    args = parser.parse_args(argv)
    sources = args.argparse_source or [Path(argparse.__file__)]

    steps = {
        "extract": lambda: extract(sources),
        "update": update,
        "compile": compile_all,
        "refresh": lambda: refresh(sources),
        "check": lambda: None,
    }
    steps[args.step]()
    if args.step not in ("check", "refresh"):
        return 0

    problems = check()
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s)" if problems else "All strings translated.")
    return 1 if problems and args.step == "check" else 0


if __name__ == "__main__":
    sys.exit(main())
