"""Every character the game can show is in the shipped fonts (Noto Sans
Regular and Bold): the UI catalogs, every Text of every shipped scenario
(en and bg) and the rulebook's titles, advice and area names."""

from __future__ import annotations

from pathlib import Path

import pygame.freetype
import pytest
import yaml

from game.ui.i18n import LANGUAGE_NAMES
from game.ui.scenes.language import HEADING

ROOT = Path(__file__).resolve().parents[2]
FONTS = [ROOT / "assets" / "fonts" / "NotoSans-Regular.ttf", ROOT / "assets" / "fonts" / "NotoSans-Bold.ttf"]
EXTRA = [HEADING, *LANGUAGE_NAMES.values(), "ABCDE–-+0123456789 %·"]  # text shown without a catalog


def text_values(node, where: str, found: list[tuple[str, str]]) -> None:
    """Collect the strings of every {en: ..., bg: ...} map in a YAML tree."""
    if isinstance(node, dict):
        if "en" in node and all(isinstance(v, str) for k, v in node.items() if k in ("en", "bg")):
            found += [(f"{where} [{lang}]", node[lang]) for lang in ("en", "bg") if isinstance(node.get(lang), str)]
        for key, value in node.items():
            text_values(value, f"{where}.{key}", found)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            text_values(value, f"{where}[{index}]", found)


def shown_strings() -> list[tuple[str, str]]:
    from babel.messages.pofile import read_po

    found: list[tuple[str, str]] = [("ui", text) for text in EXTRA]
    for po in sorted((ROOT / "game" / "locale").glob("*/LC_MESSAGES/bridges.po")):
        with po.open("rb") as stream:
            for message in read_po(stream):
                for value in (message.id if isinstance(message.id, tuple) else (message.id,)) + (message.string if isinstance(message.string, tuple) else (message.string,)):
                    if value:
                        found.append((po.parent.parent.name, value))
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        text_values(yaml.safe_load(path.read_text(encoding="utf-8")), path.name, found)
    return found


def missing_glyphs(font: pygame.freetype.Font, characters: set[str]) -> set[str]:
    missing = set()
    for char in characters:
        if char.isspace() or not char.isprintable():
            continue
        metrics = font.get_metrics(char)
        if not metrics or metrics[0] is None:
            missing.add(char)
    return missing


@pytest.mark.parametrize("font_path", FONTS, ids=lambda p: p.stem)
def test_the_font_has_a_glyph_for_every_character_the_game_shows(font_path):
    pytest.importorskip("babel")
    pygame.freetype.init()
    strings = shown_strings()
    assert len(strings) > 500  # catalogs, scenarios and the rulebook were all read
    font = pygame.freetype.Font(str(font_path), 24)
    missing = missing_glyphs(font, {c for _, text in strings for c in text})
    where = [f"{place}: {text[:60]!r}" for place, text in strings if set(text) & missing][:10]
    assert not missing, f"{font_path.name} lacks {sorted(missing)!r}, used in: {where}"


def test_the_glyph_check_catches_a_missing_glyph():
    pygame.freetype.init()
    font = pygame.freetype.Font(str(FONTS[0]), 24)
    assert missing_glyphs(font, set("a✓б")) == {"✓"}
