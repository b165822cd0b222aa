"""The Save / Load screen: three slots and the autosave, saves that cannot be
loaded shown with their reason in English and Bulgarian, and nothing lost."""

from __future__ import annotations

import json

import pygame
import pytest

from game.store.saves import AUTOSAVE, SaveStore
from tests.ui.helpers import DEMO, choose, spread_evenly, start_demo, texts


def play_two_decisions(app):
    start_demo(app)
    choose(app, "write-strategy")
    app.click("continue")
    spread_evenly(app)
    app.click("continue")
    assert app.top.scene_id == "first-contact"


def open_saves_from_the_menu(app):
    app.key(pygame.K_ESCAPE)
    assert app.current_scene_name == "pause"
    app.click("saves")
    assert app.current_scene_name == "saves"


def test_a_game_saved_in_a_slot_loads_back_at_the_same_decision(make_app):
    app = make_app()
    play_two_decisions(app)
    log = list(app.play.session.state.log)
    open_saves_from_the_menu(app)
    app.click("save:slot2")
    assert "Saved in Slot 2." in texts(app)
    slot = app.top.slot("slot2")
    assert slot.loadable and slot.info.decisions == 2 and "The River Clean-up" in texts(app)
    app.key(pygame.K_ESCAPE)
    app.key(pygame.K_ESCAPE)
    choose(app, "call-and-meet")  # one more decision: the autosave moves on, slot 2 stays
    app.click("continue")
    assert app.top.scene_id == "choose-partners"
    open_saves_from_the_menu(app)
    app.click("load:slot2")
    assert app.current_scene_name == "confirm" and "Replace the autosave?" in texts(app)  # the game in progress would be lost
    app.click("yes")
    assert app.current_scene_name == "choice" and app.top.scene_id == "first-contact"
    assert app.play.session.state.log == log


def test_the_library_loads_a_saved_game_without_offering_to_save(make_app):
    app = make_app()
    play_two_decisions(app)
    open_saves_from_the_menu(app)
    app.click("save:slot1")
    app.leave_play()
    app.settle()
    app.click("saves")
    assert app.current_scene_name == "saves" and "Load a saved game" in texts(app)
    assert not [t.id for t in app.top.view.targets if t.id.startswith("save:")]
    app.key(pygame.K_1)  # the first slot's number key loads it
    assert app.current_scene_name == "confirm"  # the autosave holds the same game, still in progress
    app.click("yes")
    assert app.top.scene_id == "first-contact" and len(app.play.session.state.log) == 2


def test_while_playing_a_slots_number_key_saves_into_it(make_app):
    app = make_app()
    play_two_decisions(app)
    open_saves_from_the_menu(app)
    app.key(pygame.K_2)
    assert SaveStore().read("slot2").state.log == app.play.session.state.log
    app.key(pygame.K_2)  # now it holds a game: asked before it is replaced
    assert app.current_scene_name == "confirm"


def _bad_saves(demo) -> dict[str, bytes]:
    """slot1 damaged, slot2 foreign, slot3 another version of Bridges, autosave another version of the scenario."""
    from game.core.engine import Session

    store = SaveStore()
    session = Session(demo, seed=3, scenario_hash="0123456789abcdef")  # not the shipped file's hash
    session.answer({"choose": "write-strategy"})
    store.save("slot3", session)
    store.autosave(session)
    data = json.loads(store.path("slot3").read_text(encoding="utf-8"))
    data["format"] = 99
    store.path("slot3").write_text(json.dumps(data), encoding="utf-8")
    store.path("slot1").write_bytes(store.path(AUTOSAVE).read_bytes()[:200])
    store.path("slot2").write_bytes(b'{"shopping": ["milk", "bread"]}')
    return {slot: store.path(slot).read_bytes() for slot in ("slot1", "slot2", "slot3", AUTOSAVE)}


MESSAGES = {
    "en": ["This save is damaged, so it cannot be loaded.", "This file is not a Bridges save.",
           "This save was made by another version of Bridges.",
           "The scenario has changed since this save was made, so the game cannot go on from it."],
    "bg": ["Този запис е повреден и не може да се зареди.", "Този файл не е запис на „Мостове“.",
           "Този запис е направен от друга версия на „Мостове“.",
           "Сценарият е променен, откакто е направен този запис, затова играта не може да продължи от него."],
}


@pytest.mark.parametrize("lang", ["en", "bg"])
def test_damaged_foreign_and_other_version_saves_show_their_reason_and_nothing_is_lost(make_app, demo, lang):
    files = _bad_saves(demo)
    app = make_app(language=lang)
    app.click("play")
    app.click("saves")
    shown = texts(app)
    for message in MESSAGES[lang]:
        assert message in shown
    assert [s.code for s in app.top.slots] == ["damaged", "foreign", "format", "changed"]
    assert not [t for t in app.top.view.targets if t.id.startswith("load:")]
    app.key(pygame.K_ESCAPE)
    app.click(f"play:{DEMO}")
    app.click("start")  # the autosave of another version: asked before it is replaced
    assert app.current_scene_name == "confirm"
    app.key(pygame.K_ESCAPE)
    assert {slot: SaveStore().path(slot).read_bytes() for slot in files} == files


def test_saving_over_a_save_that_cannot_be_loaded_asks_first(make_app, demo):
    files = _bad_saves(demo)
    app = make_app()
    start_demo(app)
    app.click("yes")
    open_saves_from_the_menu(app)
    app.click("save:slot1")
    assert app.current_scene_name == "confirm" and "Slot 1 holds a file that cannot be loaded" in texts(app)
    app.click("close")
    assert SaveStore().path("slot1").read_bytes() == files["slot1"]
    app.click("save:slot1")
    app.click("yes")
    assert app.current_scene_name == "saves" and app.top.slot("slot1").loadable
    assert SaveStore().path("slot2").read_bytes() == files["slot2"]
