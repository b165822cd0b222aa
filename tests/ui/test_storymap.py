"""The trainer's story map (issue 16, part 3): from a library card and from F5's problems overlay;
zoom and pan; a click on a scene opens it in play, without touching the player's autosave."""

from __future__ import annotations

import shutil
from pathlib import Path

import pygame

from tests.ui.helpers import texts

ROOT = Path(__file__).resolve().parents[2]
DEMO = "demo-river-cleanup"


def test_the_library_card_opens_the_map_and_a_click_plays_that_scene(make_app, data_dir):
    app = make_app()
    app.click("play")
    app.click(f"map:{DEMO}")
    assert app.current_scene_name == "story-map"
    shown = texts(app)
    assert "Story map: The River Clean-up" in shown and "strategy" in shown and "Ending: success" in shown
    assert "river-clean" not in shown  # only whole boxes are drawn; the map moves sideways to the rest
    app.click("zoom-in")
    assert app.top.zoom == 3
    app.click("pan-right")
    assert app.top.pan > 0
    app.click("pan-left")
    assert app.top.pan == 0
    app.click("zoom-out")
    app.click("zoom-out")
    for _ in range(12):
        app.top.refresh()
        if app.top.view.find("scene:media-steps") is not None:
            break
        app.click("pan-right")
    assert "river-clean" in texts(app) or app.top.view.find("scene:media-steps") is not None
    app.click("scene:media-steps")
    if app.current_scene_name == "story-map" and app.top.search is not None:  # the search runs off the frame loop
        assert "Looking for a play" in texts(app)
        app.top.search.wait(60)
        app.settle()
    assert app.current_scene_name == "sequence" and app.play.session.scene_id == "media-steps"
    assert app.play.preview and app.play.results is None
    assert len(app.play.session.state.log) >= 4  # reached by real answers: strategy, allocation, contact, picks, negotiation
    assert not list((data_dir / "saves").glob("*")) if (data_dir / "saves").exists() else True


def test_f5s_problems_overlay_opens_the_map_of_the_version_being_played(make_app, tmp_path):
    folder = tmp_path / "trainer"
    folder.mkdir()
    copy = Path(shutil.copy(ROOT / "scenarios" / f"{DEMO}.yaml", folder))
    app = make_app(scenario=copy)
    app.click("start")
    copy.write_text(copy.read_text(encoding="utf-8").replace("next: choose-partners", "next: choose-partner", 1), encoding="utf-8")
    app.key(pygame.K_F5)
    assert app.current_scene_name == "reload-problems"
    assert "Until this is fixed no path reaches" in texts(app)  # one problem, its consequences folded in
    app.click("map")
    assert app.current_scene_name == "story-map" and app.top.entry is app.play.entry
    app.key(pygame.K_ESCAPE)
    assert app.current_scene_name == "choice"


def test_a_pick_with_refuse_offers_picking_nobody_in_the_authors_words(make_app, tmp_path):
    from tests.core.test_refuse_all import refusing
    from tests.ui.helpers import choose

    app = make_app(scenario=refusing(tmp_path))
    app.click("start")
    choose(app, "plan")
    app.click("continue")
    assert app.current_scene_name == "pick"
    assert "Take neither of them" in texts(app)
    app.click("refuse")
    assert app.play.session.state.chosen["choose"] == "none"
    assert "You go on alone for now." in texts(app)
