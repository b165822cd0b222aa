"""The UI text catalogs: every message the code uses is in English and
Bulgarian, Bulgarian is complete with both plural forms, placeholders match,
and the committed .mo files are what Babel compiles from the .po files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

babel = pytest.importorskip("babel")

from babel.messages.pofile import read_po  # noqa: E402

from game.locale.compile import catalogs, compile_po  # noqa: E402
from game.locale.extract import extract, po_path  # noqa: E402

PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def load(language: str):
    with po_path(language).open("rb") as stream:
        return read_po(stream, locale=language, domain="bridges")


def ids(catalog) -> set:
    return {m.id for m in catalog if m.id}


def test_every_message_in_the_code_is_in_both_catalogs():
    used = ids(extract())
    for language in ("en", "bg"):
        missing = sorted(map(str, used - ids(load(language))))
        assert not missing, f"{language}: missing messages (run python -m game.locale.extract): {missing}"


def test_catalogs_hold_no_messages_the_code_no_longer_uses():
    used = ids(extract())
    for language in ("en", "bg"):
        assert not sorted(map(str, ids(load(language)) - used)), f"{language}: stale messages; run python -m game.locale.extract"


@pytest.mark.parametrize("language", ["en", "bg"])
def test_every_message_is_translated_and_not_fuzzy(language):
    catalog = load(language)
    assert catalog.num_plurals == 2 and "nplurals=2" in catalog.plural_forms
    for message in catalog:
        if not message.id:
            continue
        assert not message.fuzzy, f"{language}: fuzzy {message.id!r}"
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = 2 if message.pluralizable else 1
        assert len(strings) == expected and all(s and s.strip() for s in strings), f"{language}: untranslated {message.id!r}"


def test_bulgarian_is_written_in_cyrillic():
    for message in load("bg"):
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        source = message.id[0] if isinstance(message.id, tuple) else message.id
        if re.search(r"[A-Za-z]{3,}", PLACEHOLDER.sub("", source)) and source not in ("Enter", "Esc", "Page Up / Page Down", "Tab, arrows", "Ctrl + / Ctrl -"):
            for string in strings:
                assert re.search("[а-яА-Я]", string), f"not translated into Bulgarian: {source!r} -> {string!r}"


@pytest.mark.parametrize("language", ["en", "bg"])
def test_translations_keep_the_placeholders(language):
    for message in load(language):
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        wanted = set(PLACEHOLDER.findall(sources[-1])) | set(PLACEHOLDER.findall(sources[0]))
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            assert set(PLACEHOLDER.findall(string)) <= wanted, f"{language}: {string!r} has placeholders {sources!r} lacks"


def test_committed_mo_files_are_what_babel_compiles_from_the_po_files():
    found = catalogs()
    assert {p.parent.parent.name for p in found} == {"en", "bg"}
    for po in found:
        mo = po.with_suffix(".mo")
        assert mo.is_file(), f"{mo} is not committed"
        assert mo.read_bytes() == compile_po(po), f"{mo} is stale: run python -m game.locale.compile"


def test_the_game_reads_the_compiled_catalogs_with_plural_forms():
    from game.ui import i18n

    try:
        i18n.set_language("bg")
        assert i18n._("Continue") == "Продължи"
        assert i18n.ngettext("{n} pick left", "{n} picks left", 1).format(n=1) == "Остава 1 избор"
        assert i18n.ngettext("{n} pick left", "{n} picks left", 3).format(n=3) == "Остават 3 избора"
        i18n.set_language("en")
        assert i18n.ngettext("{n} pick left", "{n} picks left", 3).format(n=3) == "3 picks left"
    finally:
        i18n.set_language("en")


def test_the_locale_folder_is_shipped_as_package_data():
    text = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8")
    assert '"game.locale" = ["*/LC_MESSAGES/*.po", "*/LC_MESSAGES/*.mo"]' in text
