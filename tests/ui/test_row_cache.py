"""The negotiation's clause rows and the pick's cards are laid out once and reused while nothing they show
changes (game.ui.layout_cache): what a frame shows from the cache is what a fresh layout gives, at every step
of a round or a pick, and the cache never hands out the items of an earlier frame (the painter compares
frames to know what to repaint)."""

from __future__ import annotations

from game.ui.view import Label
from tests.ui.test_motion import DEMO, at_negotiation


def signature(view):
    items = [(type(i).__name__, tuple(i.rect), i.scroll, getattr(i, "lines", None), getattr(i, "fill", None), getattr(i, "color", None),
              tuple(i.container) if isinstance(i, Label) and i.container is not None else None) for i in view.items]
    targets = [(t.id, tuple(t.rect), t.scroll, t.enabled, t.hotkey, t.label) for t in view.targets]
    return items, targets, view.content_bottom


def fresh(scene):
    (scene.rows if hasattr(scene, "rows") else scene.laid).made.clear()
    scene.invalidate()
    scene.refresh()
    return signature(scene.view)


def test_cached_rows_are_what_a_fresh_layout_gives_through_a_round(make_app):
    for size, scale in (((1920, 1080), 1.0), ((1280, 720), 1.5)):
        app = make_app(size=size, scale=scale)
        at_negotiation(app)
        scene = app.top
        terms = [t.id for t in scene.view.targets if t.id.startswith("term:")]
        steps = [terms[0], terms[1], terms[-1], terms[0], "propose"]
        reused = 0
        for step in steps:
            before = scene.view
            app.click(step)
            scene.refresh()
            cached = signature(scene.view)
            reused += len(scene.rows.made)
            assert not {id(i) for i in scene.view.items} & {id(i) for i in before.items}  # new items every frame
            assert cached == fresh(scene), f"{step} at {size}"
        assert reused > len(steps)  # rows were kept between frames


def test_the_cache_forgets_its_rows_when_the_text_size_changes(make_app):
    app = make_app(size=(1280, 720))
    at_negotiation(app)
    scene = app.top
    kept = [view for view, _bottom in scene.rows.made.values()]  # held, so no new view can take an old one's id
    assert kept
    app.set_text_scale(1.5)
    scene.refresh()
    assert scene.rows.made and not {id(view) for view in kept} & {id(view) for view, _bottom in scene.rows.made.values()}
    assert signature(scene.view) == fresh(scene)


def test_cached_cards_are_what_a_fresh_layout_gives_through_picks_and_research(make_app):
    for size, scale in (((1920, 1080), 1.0), ((1280, 720), 1.5)):
        app = make_app(size=size, scale=scale)
        entry = next(e for e in app.library() if e.id == DEMO)
        assert app.play_from_scene(entry, "choose-partners")
        app.settle()
        scene = app.top
        assert scene.name == "pick"
        ids = [t.id for t in scene.view.targets if t.id.startswith(("pick:", "research:")) and t.enabled]
        research = [i for i in ids if i.startswith("research:")]
        picks = [i for i in ids if i.startswith("pick:")]
        assert research and len(picks) >= 3
        for step in [picks[0], picks[1], research[0], picks[0], picks[2]]:
            before = scene.view
            app.click(step)
            app.settle()
            scene.refresh()
            assert not {id(i) for i in scene.view.items} & {id(i) for i in before.items}
            assert signature(scene.view) == fresh(scene), f"{step} at {size}"
        assert len(scene.laid.made) >= len(picks)
