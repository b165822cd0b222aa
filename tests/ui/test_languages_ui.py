"""Languages in the UI: the F2 chooser, the language lists, the library card's
languages, and a scenario text shown in English for want of the player's
language, marked with a small EN tag (one text block, one language)."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.core.base import Text
from game.locale import language_name, languages
from game.ui import i18n
from tests.ui.helpers import texts

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "data" / "valid" / "minimal.yaml"  # English and Bulgarian only
NEW = next(lang for lang in languages() if lang not in ("en", "bg"))


def tags(app) -> list:
    """The EN tags on the top screen."""
    app.top.refresh()
    return [label for label in app.top.view.labels() if label.lines == ["EN"]]


def test_tr_marks_a_text_that_falls_back_to_english():
    text = Text.model_validate({"en": "Partners", "bg": "Партньори", NEW: "x"})
    only_english = Text.model_validate({"en": "Partners"})
    try:
        i18n.set_language(NEW)
        assert i18n.tr(text) == "x" and not isinstance(i18n.tr(text), i18n.InEnglish)
        assert isinstance(i18n.tr(only_english), i18n.InEnglish) and i18n.tr(only_english) == "Partners"
        assert isinstance(i18n.tr({"en": "Partners"}), i18n.InEnglish)
        assert not isinstance(i18n.tr(only_english) + "!", i18n.InEnglish)  # text made from it is plain again
        i18n.set_language("en")
        assert not isinstance(i18n.tr(only_english), i18n.InEnglish)
    finally:
        i18n.set_language("en")


def test_a_scenario_without_the_players_language_shows_english_blocks_with_a_tag(make_app):
    app = make_app(size=(1280, 720), language=NEW, scenario=MINIMAL)
    assert app.current_scene_name == "briefing"
    found = tags(app)
    assert len(found) >= 3, "the title, the NGO's name and the summary are marked"
    labels = [label for label in app.top.view.labels() if label.lines != ["EN"]]
    summary = next(label for label in labels if "A tiny scenario for the tests." in " ".join(label.lines))
    beside = [tag for tag in found if tag.rect.top >= summary.rect.top - 20 and tag.rect.top < summary.rect.bottom]
    assert beside and all(tag.rect.left >= summary.rect.right for tag in beside), "the tag sits beside the block, never inside it"
    app2 = make_app(size=(1280, 720), language="bg", scenario=MINIMAL)
    assert not tags(app2), "a text written in the player's language is not marked"


def test_the_library_card_names_the_languages_a_scenario_has(make_app):
    app = make_app(size=(1920, 1080), language="en")
    app.click("play")
    page = texts(app)
    assert " · ".join(language_name(lang) for lang in ("en", "bg")) in page


def test_f2_opens_the_chooser_numbers_pick_and_esc_closes(make_app):
    app = make_app(size=(1280, 720), language="en")
    app.key(pygame.K_F2)
    assert app.current_scene_name == "language-chooser"
    shown = texts(app)
    assert all(language_name(lang) in shown for lang in languages())
    app.key(pygame.K_ESCAPE)
    assert app.current_scene_name == "title" and i18n.language() == "en"
    app.key(pygame.K_F2)
    app.key(pygame.K_F2)  # F2 again closes it
    assert app.current_scene_name == "title"
    app.key(pygame.K_F2)
    number = languages().index(NEW) + 1
    app.key(getattr(pygame, f"K_{number}"))
    assert app.current_scene_name == "title" and i18n.language() == NEW and app.prefs.language == NEW
    app.key(pygame.K_F2)
    app.key(pygame.K_UP if languages().index(NEW) > 0 else pygame.K_DOWN)
    app.key(pygame.K_RETURN)
    assert app.current_scene_name == "title" and i18n.language() != NEW
    i18n.set_language("en")


def test_with_two_languages_f2_switches_without_a_chooser(make_app, monkeypatch):
    import game.ui.app as app_module

    app = make_app(size=(1280, 720), language="en")
    monkeypatch.setattr(app_module, "languages", lambda: ("en", "bg"))  # as with only two catalogs
    app.key(pygame.K_F2)
    assert app.current_scene_name == "title" and i18n.language() == "bg"
    i18n.set_language("en")


def test_settings_list_every_language(make_app):
    app = make_app(size=(1920, 1080), language="en")
    app.click("settings")
    app.top.refresh()
    ids = {t.id for t in app.top.view.targets}
    assert {f"lang:{lang}" for lang in languages()} <= ids
    app.click(f"lang:{NEW}")
    assert i18n.language() == NEW
    i18n.set_language("en")
