"""Resume from the last decision, and saves that cannot be resumed."""

from __future__ import annotations

import pygame

from game.ui import resume
from tests.ui.helpers import texts

DEMO = "demo-river-cleanup"


def start_demo(app):
    app.click("play")
    app.click(f"play:{DEMO}")
    app.click("start")


def test_a_closed_game_resumes_from_the_last_decision(make_app):
    app = make_app()
    start_demo(app)
    app.click("option:write-strategy")
    app.click("confirm")
    app.click("continue")
    assert app.top.scene_id == "where-to-look"
    assert resume.has_autosave(DEMO)
    app.close()

    again = make_app()
    again.click("play")
    again.click(f"play:{DEMO}")
    assert "Resume after 1 decision" in texts(again)
    again.click("resume")
    assert again.current_scene_name == "allocate" and again.top.scene_id == "where-to-look"
    assert again.play.session.state.log == [{"scene": "strategy", "choose": "write-strategy"}]
    assert again.play.session.state.resources["weeks"] == 14


def test_a_damaged_save_is_refused_with_a_message_and_the_game_starts_again(make_app):
    path = resume.autosave_path(DEMO)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"format": 1, "scenario": "demo-river-cleanup", "log": [{"scene": "x", "choose": "__import__"}]', encoding="utf-8")
    app = make_app()
    app.click("play")
    app.click(f"play:{DEMO}")
    assert app.current_scene_name == "briefing"
    assert "could not be loaded" in texts(app)
    app.key(pygame.K_RETURN)
    assert app.current_scene_name == "choice" and app.play.session.state.log == []


def test_a_save_that_does_not_replay_is_refused(make_app, demo):
    from game.core.engine import Session

    session = Session(demo, seed=3)
    session.answer({"choose": "write-strategy"})
    text = session.to_json().replace("write-strategy", "wait")  # the log no longer matches the state
    path = resume.autosave_path(DEMO)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    app = make_app()
    app.click("play")
    app.click(f"play:{DEMO}")
    assert app.top.saved is None and app.top.resume_problem


def test_finishing_a_game_removes_its_autosave_and_records_the_best_score(make_app):
    from game.ui import records
    from game.ui.screenshots import demo_walkthrough

    app = make_app()
    demo_walkthrough(app, lambda name: None)
    assert app.current_scene_name == "debrief"
    assert not resume.has_autosave(DEMO)
    assert records.best_scores()[DEMO]["overall"] == round(app.top.card["overall"], 1)
    app.click("library")
    assert "Best score so far" in texts(app)
