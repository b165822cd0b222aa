"""The whole demo can be played with the keyboard alone: every button the
walkthrough presses is reached with Tab and pressed with Enter."""

from __future__ import annotations

import pygame

from game.ui.screenshots import demo_walkthrough


def test_every_button_of_the_demo_is_reachable_with_tab_and_enter(make_app):
    app = make_app(size=(1280, 720))
    presses = []

    def press_with_keyboard(target_id: str, touch: bool = False) -> None:
        scene = app.top
        scene.refresh()
        for _ in range(len(scene.view.targets) + 2):
            if app.mapper.keyboard_used and scene.focused == target_id:
                break
            app.key(pygame.K_TAB)
        assert scene.focused == target_id, f"Tab never reaches {target_id} on {scene.name}"
        app.key(pygame.K_RETURN)
        presses.append(target_id)

    app.click = press_with_keyboard
    demo_walkthrough(app, lambda name: None)
    assert app.current_scene_name == "debrief" and len(presses) > 60
