"""The sequence's feedback names the step that came too early, and the step it belongs after, in plain words."""

from game.ui.i18n import tr
from tests.ui.helpers import DEMO, texts


def test_a_step_put_first_is_named_as_too_early(make_app):
    app = make_app()
    entry = next(e for e in app.library() if e.id == DEMO)
    assert app.play_from_scene(entry, "media-steps")
    scene = app.top
    steps = {s.id: tr(s.text) for s in scene.scene_model.steps}
    correct = list(steps)
    last = correct[-1]
    while scene.order.index(last) > 0:
        app.click(f"up:{last}")
    for index, step in enumerate(correct[:-1], 1):  # the rest in their right order below it
        while scene.order.index(step) > index:
            app.click(f"up:{step}")
    app.click("confirm")
    assert app.current_scene_name == "feedback"
    said = texts(app)
    assert f"“{steps[last]}” came too early: it belongs after “{steps[correct[-2]]}”." in said
    assert "pairs of steps" not in said
