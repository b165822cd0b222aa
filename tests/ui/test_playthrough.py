"""A scripted playthrough of the demo through the real UI: posted keys, mouse
clicks, touch taps and drags, from the title screen to the debrief."""

from __future__ import annotations

import pygame

from tests.ui.helpers import drag, texts

DEMO = "demo-river-cleanup"

EXPECTED_LOG = [
    {"scene": "strategy", "choose": "write-strategy"},
    {"scene": "where-to-look", "allocate": {"regional-forum": 5, "local-visits": 5}},
    {"scene": "first-contact", "choose": "call-and-meet"},
    {"scene": "choose-partners", "research": {"cast": "green-future", "action": "past-projects"}},
    {"scene": "choose-partners", "research": {"cast": "school-eco-club", "action": "ask-network"}},
    {"scene": "choose-partners", "pick": ["green-future", "school-eco-club"]},
    {"scene": "negotiate-agreement", "propose": {
        "goals": "shared-goals", "responsibilities": "town-logistics", "contributions": "trucks-and-money",
        "period": "one-year", "mechanism": "monthly", "benefits": "shared-credit"}},
    {"scene": "negotiate-agreement", "ask": "contributions"},
    {"scene": "negotiate-agreement", "concede": "mechanism"},
    {"scene": "negotiate-agreement", "propose": {"contributions": "trucks-and-some"}},
    {"scene": "negotiate-agreement", "sign": True},
    {"scene": "media-steps", "order": ["goals", "motivation", "connect", "values", "comms", "events", "monitor"]},
    {"scene": "partner-slips", "choose": "talk-openly"},
    {"scene": "cleanup-day", "choose": "facts"},
    {"scene": "evaluate", "choose": "joint-review"},
    {"scene": "thank-partners", "choose": "personal-thanks"},
]


def at(app, name: str, scene_id: str | None = None) -> None:
    assert app.current_scene_name == name, f"expected {name}, on {app.current_scene_name}"
    if scene_id is not None:
        assert app.top.scene_id == scene_id


def test_the_demo_plays_from_title_to_debrief_through_keys_clicks_taps_and_drags(make_app, demo, rulebook):
    app = make_app(size=(1280, 720), motion=True)
    at(app, "title")

    app.key(pygame.K_1)                                   # number key: Play
    at(app, "library")
    app.click(f"play:{DEMO}", touch=True)                 # a finger on the card's Play button
    at(app, "briefing")
    app.key(pygame.K_RETURN)                              # Enter: Start
    at(app, "choice", "strategy")

    app.key(pygame.K_2)
    app.key(pygame.K_RETURN)
    at(app, "feedback")
    assert ("flow.before.strategy", "honours") in app.top.evidence()
    app.click("continue")

    at(app, "allocate", "where-to-look")
    app.key(pygame.K_1)                                   # focus the first share, then + five times
    for _ in range(5):
        app.key(pygame.K_PLUS)
    app.key(pygame.K_2)
    for _ in range(5):
        app.key(pygame.K_KP_PLUS)
    assert app.top.points == {"regional-forum": 5, "local-visits": 5, "business-fair": 0}
    app.key(pygame.K_RETURN)
    at(app, "feedback")
    app.key(pygame.K_RETURN)

    at(app, "choice", "first-contact")
    app.click("option:call-and-meet")
    app.click("confirm", touch=True)
    at(app, "feedback")
    app.click("continue", touch=True)

    at(app, "pick", "choose-partners")
    app.click("research:green-future:past-projects")
    app.click("research:school-eco-club:ask-network", touch=True)
    assert app.play.session.state.revealed == {"green-future": ["reliability"], "school-eco-club": ["values_fit"]}
    assert "Reliability: low" in texts(app)
    app.key(pygame.K_1)
    app.key(pygame.K_2)
    app.key(pygame.K_RETURN)
    at(app, "feedback")
    app.click("continue")

    at(app, "negotiate", "negotiate-agreement")
    for element, term in (("goals", "shared-goals"), ("responsibilities", "town-logistics"), ("contributions", "trucks-and-money"),
                          ("period", "one-year"), ("mechanism", "monthly"), ("benefits", "shared-credit")):
        app.click(f"term:{element}:{term}")
    app.click("propose")
    assert "This year's budget is already tight." in texts(app)      # the counterpart's reason, in the bubble
    app.click("ask:contributions", touch=True)
    app.click("concede:mechanism")
    app.click("term:contributions:trucks-and-some")
    app.click("propose")
    assert len(app.play.session.state.negotiations["negotiate-agreement"].agreed) == 6
    app.click("sign")
    at(app, "feedback")
    app.click("continue")

    at(app, "sequence", "media-steps")
    scene = app.top
    correct = [s.id for s in scene.scene_model.steps]
    first = correct[0]
    drag(app, f"step:{first}", (app.target_center(f"step:{scene.order[0]}")[0], app.top.view.scroll_rect.top + 4))
    assert scene.order[0] == first                                    # dragged to the top
    second = correct[1]
    if scene.order.index(second) != 1:                                # keyboard: focus, Space, arrows, Space
        scene.focus = f"step:{second}"
        app.mapper.keyboard_used = True
        app.key(pygame.K_SPACE)
        while scene.order.index(second) > 1:
            app.key(pygame.K_UP)
        app.key(pygame.K_SPACE)
    assert scene.order[:2] == correct[:2]
    for index, step in enumerate(correct):                            # the rest with the arrow buttons, by touch
        while scene.order.index(step) > index:
            app.click(f"up:{step}", touch=True)
    assert scene.order == correct
    app.click("confirm")
    at(app, "feedback")
    assert "Every step was in the right order." in texts(app)
    app.click("continue")

    at(app, "event", "partner-slips")                                 # the unreliable partner lets you down
    app.key(pygame.K_F2)                                              # switch to Bulgarian mid-game: everything re-renders
    app.click("lang:bg")
    assert "Как ще реагирате?" in texts(app)
    app.post(pygame.VIDEORESIZE, size=(1920, 1080), w=1920, h=1080)
    app.settle()
    assert app.size == (1920, 1080)
    app.key(pygame.K_F2)
    app.click("lang:en")
    assert "How do you respond?" in texts(app)
    app.key(pygame.K_2)
    app.key(pygame.K_RETURN)
    at(app, "feedback")
    app.click("continue")

    for scene_id, option in (("cleanup-day", "facts"), ("evaluate", "joint-review"), ("thank-partners", "personal-thanks")):
        at(app, "choice", scene_id)
        app.click(f"option:{option}")
        app.click("confirm")
        at(app, "feedback")
        app.click("continue")

    at(app, "ending", "partly-clean")  # accepting their vague "when needed" mechanism keeps the best ending out of reach
    app.click("debrief")
    at(app, "debrief")

    from game.scoring.grader import grade_log

    session = app.play.session
    assert session.state.log == EXPECTED_LOG
    card = app.top.card
    assert card == grade_log(demo, session.state.seed, session.state.log, rulebook)
    assert card["ending"] == "partly-clean" and card["outcome"] == "mixed"
    assert all(goal["met"] for goal in card["goals"])
    assert card["grade"] in ("A", "B") and card["overall"] >= 75
    shown = texts(app)
    assert f"{round(card['overall'])} of 100" in shown and card["grade"] in shown
    app.click("tab:decisions")
    assert "You chose: Hold a review meeting with every partner" in texts(app)
    app.click("tab:next", touch=True)
    for item in card["next_time"]:
        assert item["title"]["en"] in texts(app)
