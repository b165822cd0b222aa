"""The UI text catalogs, for every language that has one: every message the
code uses is there, each language is complete (a list of what is missing
otherwise), with as many plural forms as its catalog header says (and as
Babel knows for the language), in its own script and letters, placeholders
kept; the committed .mo files are what Babel compiles from the .po files,
and the .pot template is what the extractor writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

babel = pytest.importorskip("babel")

from babel.messages.plurals import get_plural  # noqa: E402
from babel.messages.pofile import read_po  # noqa: E402

from game.locale import languages as game_languages  # noqa: E402
from game.locale.compile import catalogs, compile_po  # noqa: E402
from game.locale.extract import POT_PATH, extract, languages, po_path, template_text  # noqa: E402

PLACEHOLDER = re.compile(r"\{[^{}]*\}")
LANGUAGES = languages()
KEYS = ("Enter", "Esc", "Page Up / Page Down", "Tab, arrows", "Ctrl + / Ctrl -")  # written the same in every language
SCRIPTS = {
    # language: (letters its words are written in, letters of its own that most sentences show, letters that must not appear)
    "bg": ("[а-яА-ЯёЁ]", "[а-яА-Я]", "[α-ωΑ-Ω]"),
    "el": ("[\u0370-\u03ff\u1f00-\u1fff]", "[άέήίόύώΆΈΉΊΌΎΏ]", "[а-яА-Я]"),
    "ro": ("[A-Za-zăâîșțĂÂÎȘȚ]", "[ăâîșțĂÂÎȘȚ]", "[а-яА-Яα-ωΑ-Ωşţ]"),
    "pl": ("[A-Za-ząćęłńóśźżĄĆĘŁŃÓŚŹŻ]", "[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]", "[а-яА-Яα-ωΑ-Ω]"),
}
"""A language with no line here is checked for completeness, plurals and placeholders only."""


def load(language: str):
    with po_path(language).open("rb") as stream:
        return read_po(stream, locale=language, domain="bridges")


def ids(catalog) -> set:
    return {m.id for m in catalog if m.id}


def strings_of(message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def source_of(message) -> str:
    return message.id[0] if isinstance(message.id, tuple) else message.id


def incomplete(catalog) -> list[str]:
    """What a translator still has to do, one line per message."""
    expected = catalog.num_plurals
    todo = []
    for message in catalog:
        if not message.id:
            continue
        strings = strings_of(message)
        if message.fuzzy:
            todo.append(f"fuzzy: {source_of(message)!r}")
        elif not all(s and s.strip() for s in strings):
            todo.append(f"untranslated: {source_of(message)!r}")
        elif message.pluralizable and len(strings) != expected:
            todo.append(f"{len(strings)} plural forms, needs {expected}: {source_of(message)!r}")
    return todo


def test_the_game_offers_every_catalog():
    assert LANGUAGES[0] == "en" and "bg" in LANGUAGES
    assert game_languages() == LANGUAGES, "a catalog without its .mo (or the reverse): run python -m game.locale.compile"


def test_every_message_in_the_code_is_in_every_catalog():
    used = ids(extract())
    for language in LANGUAGES:
        missing = sorted(map(str, used - ids(load(language))))
        assert not missing, f"{language}: missing messages (run python -m game.locale.extract): {missing}"


def test_catalogs_hold_no_messages_the_code_no_longer_uses():
    used = ids(extract())
    for language in LANGUAGES:
        assert not sorted(map(str, ids(load(language)) - used)), f"{language}: stale messages; run python -m game.locale.extract"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_not_fuzzy(language):
    todo = incomplete(load(language))
    assert not todo, f"{language}: {len(todo)} message(s) to translate (python -m game.locale.fill {language} FILE.json):\n" + "\n".join(todo)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_plural_forms_are_the_languages_own(language):
    catalog = load(language)
    count, rule = get_plural(language)
    assert catalog.num_plurals == count and f"nplurals={count}" in catalog.plural_forms, f"{language}: the header says {catalog.plural_forms!r}; {language} has {count} forms: {rule}"


def test_the_completeness_check_lists_what_is_missing():
    from babel.messages.catalog import Catalog

    catalog = Catalog(locale="pl")
    catalog.add("Continue", "Dalej")
    catalog.add("Back", "")
    catalog.add(("{n} pick left", "{n} picks left"), ("Został {n} wybór", "Zostały {n} wybory"))
    assert incomplete(catalog) == ["untranslated: 'Back'", "2 plural forms, needs 3: '{n} pick left'"]


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang in SCRIPTS])
def test_each_language_is_written_in_its_own_script_and_letters(language):
    script, own, foreign = (re.compile(p) for p in SCRIPTS[language])
    sentences = with_own_letters = 0
    for message in load(language):
        source = source_of(message) if message.id else ""
        if not re.search(r"[A-Za-z]{3,}", PLACEHOLDER.sub("", source)) or source in KEYS:
            continue
        for string in strings_of(message):
            if not string:
                continue  # untranslated: the completeness test lists it
            text = PLACEHOLDER.sub("", string)
            assert script.search(text), f"{language}: not in its script: {source!r} -> {string!r}"
            assert not foreign.search(text), f"{language}: letters of another script (or Romanian ş ţ with a cedilla instead of ș ț): {string!r}"
            if language in ("ro", "pl") and len(source.split()) >= 4:
                assert text.strip() != PLACEHOLDER.sub("", source).strip(), f"{language}: still in English: {string!r}"
            if len(source.split()) >= 6:
                sentences += 1
                with_own_letters += bool(own.search(text))
    if sentences:
        assert with_own_letters / sentences > 0.6, f"{language}: only {with_own_letters} of {sentences} sentences use the letters {SCRIPTS[language][1]}: left in English?"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders(language):
    for message in load(language):
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        wanted = set(PLACEHOLDER.findall(sources[-1])) | set(PLACEHOLDER.findall(sources[0]))
        for string in strings_of(message):
            assert set(PLACEHOLDER.findall(string)) <= wanted, f"{language}: {string!r} has placeholders {sources!r} lacks"


def test_committed_mo_files_are_what_babel_compiles_from_the_po_files():
    found = catalogs()
    assert tuple(sorted(p.parent.parent.name for p in found)) == tuple(sorted(LANGUAGES))
    for po in found:
        mo = po.with_suffix(".mo")
        assert mo.is_file(), f"{mo} is not committed"
        assert mo.read_bytes() == compile_po(po), f"{mo} is stale: run python -m game.locale.compile"


def test_the_template_is_what_the_extractor_writes():
    assert POT_PATH.is_file(), "run python -m game.locale.extract"
    assert POT_PATH.read_text(encoding="utf-8") == template_text(), "game/locale/bridges.pot is stale: run python -m game.locale.extract"


def test_the_game_reads_the_compiled_catalogs_with_plural_forms():
    from game.ui import i18n

    try:
        i18n.set_language("bg")
        assert i18n._("Continue") == "Продължи"
        assert i18n.ngettext("{n} pick left", "{n} picks left", 1).format(n=1) == "Остава 1 избор"
        assert i18n.ngettext("{n} pick left", "{n} picks left", 3).format(n=3) == "Остават 3 избора"
        for language in LANGUAGES:
            assert i18n.set_language(language) == language
            count = load(language).num_plurals
            forms = {i18n.ngettext("{n} pick left", "{n} picks left", n) for n in (1, 2, 5, 22, 25)}
            assert len(forms) == count, f"{language}: {forms} for 1, 2, 5, 22, 25; the catalog has {count} forms"
        i18n.set_language("en")
        assert i18n.ngettext("{n} pick left", "{n} picks left", 3).format(n=3) == "3 picks left"
        assert i18n.set_language("xx") == "en"
    finally:
        i18n.set_language("en")


def test_the_locale_folder_is_shipped_as_package_data():
    text = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8")
    assert '"game.locale" = ["*/LC_MESSAGES/*.po", "*/LC_MESSAGES/*.mo"]' in text
