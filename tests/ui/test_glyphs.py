"""Every character the game can show is in the shipped fonts (Noto Sans
Regular and Bold): every string of every UI catalog, every text of every
shipped scenario, the rulebook and the glossary, in every language they hold
(Greek with tonos, Romanian ș ț with the comma below, Polish ą ć ę ł ń ó ś ź ż),
and the language names and headings shown without a catalog. Romanian written
with the cedilla letters ş ţ (a common keyboard slip) is flagged as wrong."""

from __future__ import annotations

from pathlib import Path

import pygame.freetype
import pytest
import yaml

from game.core.base import is_language_code
from game.locale import LANGUAGE_NAMES
from game.ui.scenes.language import CHOOSE

ROOT = Path(__file__).resolve().parents[2]
FONTS = [ROOT / "assets" / "fonts" / "NotoSans-Regular.ttf", ROOT / "assets" / "fonts" / "NotoSans-Bold.ttf"]
LETTERS = {
    "el": "άέήίόύώΆΈΉΊΌΎΏϊϋΐΰς",
    "ro": "ăâîșțĂÂÎȘȚ",
    "pl": "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ",
    "bg": "абвгдежзийклмнопрстуфхцчшщъьюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЬЮЯ",
}
"""Each language's own letters: in the fonts even before a text uses them."""
CEDILLA = {"ş": "ș (U+0219)", "ţ": "ț (U+021B)", "Ş": "Ș (U+0218)", "Ţ": "Ț (U+021A)"}
EXTRA = [*CHOOSE.values(), *LANGUAGE_NAMES.values(), *LETTERS.values(), "ABCDE–-+0123456789 %·EN"]  # text shown without a catalog
DATA_FILES = [*sorted((ROOT / "scenarios").glob("*.yaml")), ROOT / "game" / "data" / "glossary.yaml"]


def text_values(node, where: str, found: list[tuple[str, str, str]]) -> None:
    """Collect (place, language, text) of every text map (``{en: ..., el: ...}``) in a YAML tree."""
    if isinstance(node, dict):
        if isinstance(node.get("en"), str) and all(is_language_code(k) for k in node):
            found += [(f"{where} [{lang}]", lang, value) for lang, value in node.items() if isinstance(value, str)]
        for key, value in node.items():
            text_values(value, f"{where}.{key}", found)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            text_values(value, f"{where}[{index}]", found)


def catalog_strings() -> list[tuple[str, str, str]]:
    from babel.messages.pofile import read_po

    found = []
    for po in sorted((ROOT / "game" / "locale").glob("*/LC_MESSAGES/bridges.po")):
        lang = po.parent.parent.name
        with po.open("rb") as stream:
            for message in read_po(stream):
                for value in (message.string if isinstance(message.string, tuple) else (message.string,)):
                    if value:
                        found.append((f"{lang} catalog: {message.id!r}", lang, value))
    return found


def data_strings() -> list[tuple[str, str, str]]:
    found: list[tuple[str, str, str]] = []
    for path in DATA_FILES:
        text_values(yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)), path.name, found)
    return found


def shown_strings() -> list[tuple[str, str, str]]:
    return [("no catalog", "", text) for text in EXTRA] + catalog_strings() + data_strings()


def missing_glyphs(font: pygame.freetype.Font, characters: set[str]) -> set[str]:
    missing = set()
    for char in characters:
        if char.isspace() or not char.isprintable():
            continue
        metrics = font.get_metrics(char)
        if not metrics or metrics[0] is None:
            missing.add(char)
    return missing


@pytest.fixture(scope="module")
def strings() -> list[tuple[str, str, str]]:
    pytest.importorskip("babel")
    return shown_strings()


@pytest.mark.parametrize("font_path", FONTS, ids=lambda p: p.stem)
def test_the_font_has_a_glyph_for_every_character_the_game_shows(font_path, strings):
    pygame.freetype.init()
    languages = {lang for _, lang, _ in strings}
    assert {"en", "bg"} <= languages and len(strings) > 500  # catalogs, scenarios, rulebook and glossary were all read
    font = pygame.freetype.Font(str(font_path), 24)
    missing = missing_glyphs(font, {c for _, _, text in strings for c in text})
    where = [f"{place}: {text[:60]!r}" for place, _, text in strings if set(text) & missing][:10]
    assert not missing, f"{font_path.name} lacks {sorted(missing)!r}, used in: {where}"


def test_romanian_uses_the_comma_below_not_the_cedilla(strings):
    wrong = [f"{place}: {text[:60]!r} has {', '.join(c for c in CEDILLA if c in text)}" for place, lang, text in strings if lang == "ro" and set(text) & set(CEDILLA)]
    assert not wrong, "write " + ", ".join(f"{k} as {v}" for k, v in CEDILLA.items()) + ":\n" + "\n".join(wrong[:20])


def test_the_cedilla_check_catches_a_cedilla():
    found: list[tuple[str, str, str]] = []
    text_values({"title": {"en": "Partnership", "ro": "Parteneriat şi cooperare"}}, "x", found)
    assert [t for _, lang, t in found if lang == "ro" and set(t) & set(CEDILLA)] == ["Parteneriat şi cooperare"]


def test_the_glyph_check_catches_a_missing_glyph():
    pygame.freetype.init()
    font = pygame.freetype.Font(str(FONTS[0]), 24)
    assert missing_glyphs(font, set("aάșł✓б")) == {"✓"}
