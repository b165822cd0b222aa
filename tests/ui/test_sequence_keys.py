"""A sequence's steps move with the keys the footer and the tutorial name: Ctrl (or Alt) with an arrow carries the
focused step at once; Space, the arrows and Space again do the same in three presses; a plain arrow only moves the focus."""

import pygame

from tests.ui.helpers import DEMO, texts


def _sequence(make_app):
    app = make_app()
    entry = next(e for e in app.library() if e.id == DEMO)
    assert app.play_from_scene(entry, "media-steps")
    app.mapper.keyboard_used = True
    app.top.refresh()
    return app, app.top


def test_ctrl_or_alt_with_an_arrow_carries_the_focused_step_and_the_focus_goes_with_it(make_app):
    app, scene = _sequence(make_app)
    assert "move the focused step with Ctrl+up or down" in texts(app)
    step = scene.order[2]
    scene.focus = f"step:{step}"
    app.key(pygame.K_UP, pygame.KMOD_LCTRL)
    assert scene.order.index(step) == 1 and scene.focused == f"step:{step}"
    app.key(pygame.K_DOWN, pygame.KMOD_LALT)
    app.key(pygame.K_DOWN, pygame.KMOD_LALT)
    assert scene.order.index(step) == 3 and scene.focused == f"step:{step}"
    scene.focus = f"down:{scene.order[0]}"  # on a step's own arrow button, the key carries that step
    first = scene.order[0]
    app.key(pygame.K_DOWN, pygame.KMOD_LCTRL)
    assert scene.order.index(first) == 1


def test_a_plain_arrow_moves_the_focus_and_space_arrows_space_carries_the_step(make_app):
    app, scene = _sequence(make_app)
    before = list(scene.order)
    step = before[3]
    scene.focus = f"step:{step}"
    app.key(pygame.K_UP)
    assert scene.order == before and scene.focused != f"step:{step}"
    scene.focus = f"step:{step}"
    app.key(pygame.K_SPACE)
    assert "Moving step 4" in texts(app)
    app.key(pygame.K_UP)
    app.key(pygame.K_UP)
    app.key(pygame.K_SPACE)
    assert scene.order.index(step) == 1 and scene.grabbed is None
