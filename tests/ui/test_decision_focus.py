"""A decision opened from the keyboard shows no focus ring on its first option (it read as already chosen):
the first arrow press brings the ring to option 1. Choosing an option keeps its card
as it was (the tick's room is kept), so nothing reflows."""

import pygame

from tests.ui.helpers import DEMO


def test_a_decision_opens_with_no_option_looking_chosen(make_app):
    app = make_app()
    app.key(pygame.K_1)
    app.click(f"play:{DEMO}")
    app.key(pygame.K_RETURN)  # Start, from the keyboard
    scene = app.top
    assert app.current_scene_name == "choice" and app.mapper.keyboard_used
    assert scene.focus is None and not scene.ring_shown  # no ring on option 1
    app.key(pygame.K_DOWN)
    first = scene.options()[0].id
    assert scene.focused == f"option:{first}"
    app.key(pygame.K_SPACE)
    assert scene.selected == first


def test_choosing_an_option_reflows_nothing(make_app):
    app = make_app(size=(1280, 720), scale=2.0)
    app.key(pygame.K_1)
    app.click(f"play:{DEMO}")
    app.click("start")
    scene = app.top

    def cards():
        scene.refresh()
        return [(t.id, tuple(t.rect)) for t in scene.view.targets if t.id.startswith("option:")]

    def lines_in_cards():
        rects = [pygame.Rect(rect) for _id, rect in cards()]
        return [(tuple(label.rect), label.lines) for label in scene.view.labels() if any(r.contains(label.rect) for r in rects)]

    before, words = cards(), lines_in_cards()
    app.click(before[1][0])
    assert scene.selected and cards() == before
    assert lines_in_cards() == words  # same lines at the same places: the tick took the room kept for it


def test_the_debriefs_tabs_keep_their_width(make_app):
    from game.ui.layout import Builder, ButtonSpec
    from game.ui.view import View

    app = make_app()
    for chosen in range(3):
        b = Builder(View(app.size), app.metrics, app.typesetter, app.palette)
        specs = [ButtonSpec(f"tab:{i}", label, "selected" if i == chosen else "secondary", hotkey=i + 1, tick=i == chosen)
                 for i, label in enumerate(("Summary", "Decisions", "Next time"))]
        b.button_row(specs, 0, 0, 1200, "left")
        widths = [t.rect.w for t in b.view.targets]
        assert chosen == 0 or widths == first
        first = widths
