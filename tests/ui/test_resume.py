"""The autosave: written after every decision, resumed at the same decision,
and a save that cannot be resumed refused with a message, never overwritten without asking."""

from __future__ import annotations

import json

import pygame

from game.store.saves import AUTOSAVE, SaveStore
from tests.ui.helpers import DEMO, choose, spread_evenly, start_demo, texts


def test_the_autosave_is_written_after_every_decision_even_inside_a_scene(make_app):
    app = make_app()
    start_demo(app)
    choose(app, "write-strategy")
    assert SaveStore().read(AUTOSAVE).decisions == 1
    app.click("continue")
    spread_evenly(app)
    app.click("continue")
    choose(app, "call-and-meet")
    app.click("continue")
    app.click("research:green-future:past-projects")  # research is a decision inside the pick scene
    saved = SaveStore().read(AUTOSAVE)
    assert saved.decisions == 4 and saved.state.log[-1]["scene"] == app.top.scene_id == "choose-partners"


def test_a_closed_game_resumes_at_the_same_decision_from_the_library(make_app):
    app = make_app()
    start_demo(app)
    choose(app, "write-strategy")
    app.click("continue")
    assert app.top.scene_id == "where-to-look"
    resources = dict(app.play.session.state.resources)
    app.close()

    again = make_app()
    again.click("play")
    assert "Your game in progress" in texts(again) and "1 decision" in texts(again)
    again.click("continue")
    assert again.current_scene_name == "allocate" and again.top.scene_id == "where-to-look"
    assert again.play.session.state.log == [{"scene": "strategy", "choose": "write-strategy"}]
    assert again.play.session.state.resources == resources


def test_the_briefing_offers_to_resume_the_autosaved_game_of_its_scenario(make_app):
    app = make_app()
    start_demo(app)
    choose(app, "write-strategy")
    app.close()
    again = make_app()
    again.click("play")
    again.click(f"play:{DEMO}")
    assert "Resume after 1 decision" in texts(again)
    again.click("resume")
    assert again.top.scene_id == "where-to-look" and len(again.play.session.state.log) == 1


def test_starting_over_asks_before_it_replaces_a_game_in_progress(make_app):
    app = make_app()
    start_demo(app)
    choose(app, "write-strategy")
    before = SaveStore().path(AUTOSAVE).read_bytes()
    app.leave_play()
    app.settle()
    app.click(f"play:{DEMO}")
    app.click("start-over")
    assert app.current_scene_name == "confirm" and "Replace the autosave?" in texts(app)
    app.click("close")
    assert app.current_scene_name == "briefing" and SaveStore().path(AUTOSAVE).read_bytes() == before
    app.click("start-over")
    app.click("yes")
    assert app.current_scene_name == "choice" and app.play.session.state.log == []


def test_a_damaged_autosave_is_refused_and_replaced_only_after_asking(make_app):
    path = SaveStore().path(AUTOSAVE)
    path.parent.mkdir(parents=True, exist_ok=True)
    damaged = b'{"kind": "bridges-save", "format": 1, "scenario": "demo-river-cleanup", "state": {"log": [{"scene": "x", "choose": "__import__"}]'
    path.write_bytes(damaged)
    app = make_app()
    app.click("play")
    assert "Your game in progress" not in texts(app)
    app.click(f"play:{DEMO}")
    app.key(pygame.K_RETURN)
    assert app.current_scene_name == "confirm"
    assert "The autosave cannot be loaded: This save is damaged, so it cannot be loaded." in texts(app)
    app.key(pygame.K_ESCAPE)
    assert path.read_bytes() == damaged
    app.click("start")
    app.click("yes")
    assert app.current_scene_name == "choice" and path.read_bytes() == damaged  # replaced only by the first decision
    choose(app, "write-strategy")
    assert SaveStore().read(AUTOSAVE).decisions == 1


def test_a_save_that_does_not_replay_is_refused_with_its_reason(make_app, demo):
    from game.core.engine import Session
    from game.core.state import content_hash
    from tests.conftest import DEMO as DEMO_PATH

    session = Session(demo, seed=3, scenario_hash=content_hash(DEMO_PATH.read_bytes()))
    session.answer({"choose": "write-strategy"})
    SaveStore().autosave(session)
    path = SaveStore().path(AUTOSAVE)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["state"]["resources"]["budget"] = 10**6  # no longer what the log replays to
    path.write_text(json.dumps(data), encoding="utf-8")
    app = make_app(language="bg")
    app.click("play")
    app.click(f"play:{DEMO}")
    assert app.top.saved is None
    assert "Запазената игра не може да продължи: Решенията в този запис вече не пасват на сценария." in texts(app)


def test_finishing_a_game_leaves_no_game_in_progress_and_shows_the_best_score(make_app):
    from game.ui.screenshots import demo_walkthrough

    app = make_app()
    demo_walkthrough(app, lambda name: None)
    assert app.current_scene_name == "debrief"
    assert SaveStore().read(AUTOSAVE).state.ending is not None  # the last decision is saved too
    overall = app.top.card["overall"]
    app.click("library")
    shown = texts(app)
    assert "Your game in progress" not in shown and "A game in progress is saved." not in shown
    assert f"Best score so far: {round(overall)} of 100" in shown
