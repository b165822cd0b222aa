"""A screen opens before its backdrop is drawn: it shows the plain background where the picture goes, with its text
where it will stay, and the picture is swapped in when the background drawing posts that it is ready."""

from __future__ import annotations

import pygame

from game.ui.art import cache, places
from game.ui.view import Art, Label
from tests.ui.helpers import DEMO


def band(app):
    app.top.refresh()
    return [i for i in app.top.view.items if isinstance(i, Art) and i.rect.w == app.size[0]]


def label_rects(app):
    return [(tuple(i.rect), tuple(i.lines)) for i in app.top.view.items if isinstance(i, Label)]


def test_the_briefing_shows_at_once_and_its_backdrop_when_drawn_without_moving_its_text(make_app):
    app = make_app(size=(1280, 720))
    app.click("play")
    places.clear()  # nothing drawn yet, as at the first start
    pos = app.target_center(f"play:{DEMO}")
    app.post(pygame.MOUSEBUTTONDOWN, pos=pos, button=1)
    app.post(pygame.MOUSEBUTTONUP, pos=pos, button=1)
    app.step()
    assert app.current_scene_name == "briefing"
    assert band(app) == []                      # not drawn yet: the plain background
    before = label_rects(app)
    assert cache.wait(10)
    frames = app.frames
    app.step()                                  # the "arrived" event: the screen rebuilds with the picture
    assert band(app) and app.frames == frames + 1
    assert label_rects(app) == before           # the text did not move


def test_idle_waits_until_the_places_warmed_ahead_are_drawn(make_app):
    make_app(size=(1280, 720))
    places.clear()
    places.warm(places.available()[:3], 1280)
    assert places.idle(30)
    assert not places._jobs and (places._worker is None or not places._worker.is_alive())
