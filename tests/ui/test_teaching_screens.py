"""What the player is taught, on screen: every verdict once and where it was earned, the
handbook section behind each piece of advice, the glossary from the help and the debrief,
and a broken story that says so."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest

from tests.builders import NO_OPTION_AVAILABLE
from tests.ui.helpers import texts

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = ROOT / "scenarios" / "tutorial-first-steps.yaml"


def _play_plan(app, plan: list[dict]) -> list:
    """Give a golden plan's answers through the decision screens; returns every feedback screen seen."""
    feedbacks = []
    for answer in plan:
        while app.current_scene_name in ("feedback", "ending"):
            if app.current_scene_name == "feedback":
                feedbacks.append(app.top)
            app.click("continue" if app.current_scene_name == "feedback" else "debrief")
        app.top.commit(answer)
        app.settle()
    for _ in range(5):
        if app.current_scene_name == "feedback":
            feedbacks.append(app.top)
            app.click("continue")
        elif app.current_scene_name == "ending":
            app.click("debrief")
    return feedbacks


@pytest.mark.parametrize("lang", ["en", "bg"])
def test_the_tutorials_debrief_shows_every_broken_rule_at_the_decision_that_broke_it(make_app, lang):
    plan = json.loads((ROOT / "tests" / "data" / "plans" / "tutorial-first-steps-mistakes.json").read_text(encoding="utf-8"))
    app = make_app(size=(1920, 1080), language=lang, scenario=TUTORIAL)
    app.key(pygame.K_RETURN)
    feedbacks = _play_plan(app, plan["plan"])
    assert app.current_scene_name == "debrief"
    card = app.top.card
    broken = [r for r in card["rules"] if r["broken"]]
    assert broken, "the mistakes plan breaks rules"
    shown_at = {(e["rule"], e["verdict"]) for step in card["timeline"] for e in step["evidence"]}
    shown_at |= {(c["rule"], c["verdict"]) for c in card["checks"] if c["decision"] is None}
    for rule in broken:
        assert (rule["rule"], "breaks") in shown_at, rule["rule"]
    app.click("tab:decisions")
    page = texts(app)
    for rule in broken:
        assert app.play.rule_title(rule["rule"]) in page, rule["rule"]
    for screen in feedbacks:
        rules = [rule for rule, _ in screen.evidence()]
        assert len(rules) == len(set(rules)), rules


def test_feedback_names_the_handbook_section_of_each_rule_and_events_their_own_title(make_app):
    plan = json.loads((ROOT / "tests" / "data" / "plans" / "tutorial-first-steps-expert.json").read_text(encoding="utf-8"))
    app = make_app(size=(1920, 1080), language="en", scenario=TUTORIAL)
    app.key(pygame.K_RETURN)
    feedbacks = _play_plan(app, plan["plan"])
    with_rules = [f for f in feedbacks if f.evidence()]
    assert with_rules
    for screen in with_rules:
        app.stack.append(screen)
        page = texts(app)
        app.stack.pop()
        for rule, _ in screen.evidence():
            section = app.rulebook.section_of(rule)
            assert f"Handbook: {section.title.en}" in page
    titles = {f.decision_title for f in feedbacks}
    scenes = app.play.scenario.scenes
    events = [s for sid, s in scenes.items() if s.kind == "event" and sid in app.play.session.state.visited]
    for event in events:
        assert (event.title or event.headline).en in titles


@pytest.mark.parametrize("lang", ["en", "bg"])
def test_the_glossary_opens_from_the_help_and_from_the_debrief(make_app, lang):
    app = make_app(size=(1280, 720), language=lang)
    app.key(pygame.K_F1)
    assert app.current_scene_name == "help"
    app.click("glossary")
    assert app.current_scene_name == "glossary"
    page = texts(app)
    assert ("Лиезон (свръзка)" if lang == "bg" else "Liaison") in page
    assert ("Наръчник:" if lang == "bg" else "Handbook:") in page
    app.key(pygame.K_ESCAPE)
    assert app.current_scene_name == "help"
    app2 = make_app(size=(1280, 720), language=lang, scenario=TUTORIAL)
    app2.key(pygame.K_RETURN)
    plan = json.loads((ROOT / "tests" / "data" / "plans" / "tutorial-first-steps-expert.json").read_text(encoding="utf-8"))
    _play_plan(app2, plan["plan"])
    assert app2.current_scene_name == "debrief"
    app2.click("glossary")
    assert app2.current_scene_name == "glossary"


def test_a_story_that_offers_no_option_says_so_and_lets_the_player_leave(make_app, tmp_path):
    path = tmp_path / "stuck.yaml"
    path.write_text(NO_OPTION_AVAILABLE, encoding="utf-8")
    app = make_app(size=(1280, 720), language="en", scenario=path)
    app.key(pygame.K_RETURN)
    assert app.current_scene_name == "choice"
    assert "The story cannot go on from here" in texts(app)
    app.click("leave")
    assert app.current_scene_name == "library"
