"""While nothing happens, the game loop draws ahead the other moods of the faces on screen, so a mood that
changes (a negotiation's round, feedback) shows without drawing in that frame; then it stops (no idle churn)."""

from __future__ import annotations

from game.ui.art import cache, portraits
from tests.ui.test_motion import at_negotiation


def test_idle_time_draws_the_other_moods_of_a_face_on_screen_then_rests(make_app):
    cache.clear()  # as at a first start (other tests may have drawn these faces)
    app = make_app(size=(1920, 1080))
    at_negotiation(app)
    look, size = next(reversed(portraits._shown))
    missing = [m for m in portraits.MOODS if not cache.has(("face", look, m, size))]
    assert missing  # the counterpart was drawn in one mood only
    for _ in range(10_000):
        if not app.idle_work():
            break
    else:
        raise AssertionError("idle work never ends")
    assert all(cache.has(("face", look, m, size)) for m in portraits.MOODS)
    assert not app.idle_work() and not app.idle_work()  # nothing left: the loop sleeps
    drawn = cache.size()
    app.click("propose")  # a round: the mood may change, and its face is ready
    app.settle()
    assert all(cache.has(("face", look, m, size)) for m in portraits.MOODS) and cache.size() >= drawn


def test_a_full_cache_is_not_filled_further_by_idle_work(make_app, monkeypatch):
    cache.clear()
    app = make_app(size=(1280, 720))
    at_negotiation(app)
    look, size = next(reversed(portraits._shown))
    assert not all(cache.has(("face", look, m, size)) for m in portraits.MOODS)  # there is work ahead...
    monkeypatch.setattr(cache, "LIMIT", cache.size() + 1)
    assert not portraits.draw_next_mood()  # ...but not at the cost of a picture on screen
