"""Every shipped scenario plays to its debrief through the UI, in English,
Bulgarian and every other language it is written in, and every screen on the way lays out cleanly on a small window
with large text."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from tests.ui.languages import scenario_cases
from tests.ui.test_layout import build, problems_in

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = sorted(p.stem for p in (ROOT / "scenarios").glob("*.yaml") if p.name != "rulebook.yaml")


def answer_through_the_ui(app) -> None:
    """One plain, valid answer on the current screen, given as a player would."""
    scene = app.top
    name = scene.name
    if name in ("choice", "event"):
        app.key(pygame.K_1)
        app.key(pygame.K_RETURN)
    elif name == "allocate":
        shares = [s.id for s in scene.scene_model.options]
        index = 0
        while scene.left > 0:
            app.click(f"plus:{shares[index % len(shares)]}")
            index += 1
        app.click("confirm")
    elif name == "pick":
        for card in scene.scene_model.pool[: scene.count]:
            app.click(f"pick:{card.cast}")
        app.click("confirm")
    elif name == "negotiate":
        for clause in scene.scene_model.clauses:
            if clause.element in scene.open_elements():
                app.click(f"term:{clause.element}:{clause.terms[-1].id}")  # what they want: always accepted
        app.click("propose")
        if app.top is scene:
            app.click("sign")
            if app.current_scene_name == "confirm":
                app.click("yes")
    elif name == "sequence":
        app.click("confirm")
    elif name == "feedback":
        app.click("continue")
    elif name == "ending":
        app.click("debrief")
    else:
        raise AssertionError(f"unexpected screen {name}")


@pytest.mark.parametrize("scenario,lang", scenario_cases([ROOT / "scenarios" / f"{name}.yaml" for name in SCENARIOS]))
def test_each_scenario_plays_to_its_debrief_and_lays_out_cleanly(make_app, scenario, lang):
    app = make_app(size=(1280, 720), language=lang, scenario=ROOT / "scenarios" / f"{scenario}.yaml")
    assert app.current_scene_name == "briefing"
    app.key(pygame.K_RETURN)
    found: list[str] = []
    seen: set[str] = set()
    for _ in range(200):
        if app.current_scene_name == "debrief":
            break
        seen.add(app.current_scene_name)
        for size, scale in (((1280, 720), 2.0), ((1920, 1080), 1.0)):
            found += problems_in(app, build(app, app.top, size, scale), size, scale, f"{scenario} {lang} {app.current_scene_name}")
        answer_through_the_ui(app)
    assert app.current_scene_name == "debrief", f"stuck on {app.current_scene_name}"
    assert app.top.card is not None and app.top.card["finished"]
    assert {"feedback", "ending"} <= seen and len(app.play.session.state.log) >= 3
    for tab in ("tab:decisions", "tab:next", "tab:summary"):
        app.click(tab)
        found += problems_in(app, build(app, app.top, (1280, 720), 2.0), (1280, 720), 2.0, f"{scenario} {lang} debrief {tab}")
    assert not found, "\n".join(found[:20])
