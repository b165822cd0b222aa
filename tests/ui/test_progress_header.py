"""The in-game header counts decisions on the path taken ("Decision 2"), names the phase in words, has no
phase chips that look pressable, and its progress track stands out from the header (3:1) in both themes."""

import pytest

from game.ui.theme import HIGH_CONTRAST, STANDARD
from game.ui.view import Bar, Box
from tests.ui.helpers import choose, spread_evenly, start_demo, texts
from tests.ui.test_art import contrast


def _track(view):
    bar = next(i for i in view.items if isinstance(i, Bar))
    outline = next(i for i in view.items if isinstance(i, Box) and i.rect.contains(bar.rect) and i.border == "on_header_muted")
    return bar, outline


@pytest.mark.parametrize("palette", [STANDARD, HIGH_CONTRAST], ids=["standard", "high-contrast"])
def test_the_progress_track_stands_out_from_the_header(palette):
    for colour in ("on_header_muted", "accent", "on_header"):
        assert contrast(getattr(palette, colour), palette.header) >= 3.0, colour


def test_the_header_counts_decisions_and_names_the_phase_in_words(make_app):
    app = make_app()
    start_demo(app)
    said = texts(app)
    assert "Decision 1" in said and "Before the partnership" in said and "Step " not in said
    bar, outline = _track(app.top.view)
    assert (bar.fill, outline.border) == ("accent", "on_header_muted")
    assert not [t for t in app.top.view.targets if t.id.startswith("phase")]
    choose(app, "write-strategy")
    assert app.current_scene_name == "feedback" and "Decision 1" in texts(app)  # the feedback is about the decision answered
    app.click("continue")
    assert "Decision 2" in texts(app) and app.top.play.session.decision_number == 2
    spread_evenly(app)
    assert "Decision 2" in texts(app)
    app.click("continue")
    assert "Decision 3" in texts(app)
