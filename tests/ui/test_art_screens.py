"""The art on the play screens: a backdrop behind the scene (none in high contrast), faces
that react in the feedback, and a speaker's bubble beside their face."""

from __future__ import annotations

from game.ui.art.paint import Picture, Scrim, Tail
from game.ui.scenes.feedback import FeedbackScene
from game.ui.view import Art
from tests.ui.helpers import start_demo, texts


def arts(app, kind):
    app.top.refresh()
    return [i for i in app.top.view.items if isinstance(i, Art) and isinstance(i.paint, kind)]


def test_the_first_decision_stands_on_its_backdrop_with_its_text_on_a_panel(make_app):
    app = make_app(size=(1280, 720))
    start_demo(app)
    width = app.size[0]
    assert [a for a in arts(app, Picture) if a.rect.w == width]          # the place, across the window
    panel = arts(app, Scrim)[0]
    title = next(label for label in app.top.view.labels() if label.lines and label.lines[0].startswith("Where do we"))
    assert panel.rect.contains(title.rect)                                 # the title is on the panel


def test_high_contrast_keeps_a_plain_background(make_app):
    app = make_app(size=(1280, 720), high_contrast=True)
    start_demo(app)
    assert not [a for a in arts(app, Picture) if a.rect.w == app.size[0]]
    assert not arts(app, Scrim)


def test_whoever_trust_moved_shows_it_on_their_face_in_the_feedback(make_app):
    app = make_app(size=(1920, 1080))
    start_demo(app)
    play = app.top.play
    feedback = FeedbackScene(play, [{"type": "trust", "cast": "green-future", "delta": -20, "value": 30}], "")
    app.replace(feedback)
    app.settle()
    assert feedback.reactions() == [("green-future", "annoyed")]
    assert "We expected more from you." in texts(app)
    assert arts(app, Tail)                                                 # said in a bubble
    faces = [a for a in arts(app, Picture) if a.rect.w == a.rect.h]
    assert faces
