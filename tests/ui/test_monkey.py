"""A seeded monkey: thousands of random clicks, taps, keys, wheel turns, drags
and resizes on every kind of screen. Nothing may raise, and no screen may be
left without a way on (an enabled target)."""

from __future__ import annotations

import random

import pygame
import pytest

from game.ui.screenshots import demo_walkthrough

KEYS = [
    pygame.K_RETURN, pygame.K_SPACE, pygame.K_ESCAPE, pygame.K_TAB, pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT,
    pygame.K_RIGHT, pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_5, pygame.K_9, pygame.K_PAGEUP,
    pygame.K_PAGEDOWN, pygame.K_HOME, pygame.K_END, pygame.K_PLUS, pygame.K_MINUS, pygame.K_F1, pygame.K_F2,
    pygame.K_F3, pygame.K_F4, pygame.K_a,
]
SIZES = [(1280, 720), (1366, 768), (1600, 900), (1920, 1080), (1280, 1024), (2560, 1440), (900, 600)]
STOPS = ["title", "library", "briefing", "choice", "allocate", "pick", "negotiate", "sequence", "event", "last-feedback", "ending", "debrief"]
EVENTS_PER_STOP = 260


class Reached(Exception):
    pass


def drive_to(app, stop: str) -> None:
    """Play the demo through the UI up to a named stop."""
    def shoot(name: str) -> None:
        if name == stop:
            raise Reached

    try:
        demo_walkthrough(app, shoot)
    except Reached:
        return
    raise AssertionError(f"the walkthrough never reached {stop}")


LEAVING = ("global:", "leave", "quit", "library", "again", "settings", "help", "language")


def random_event(app, rng: random.Random, stay: bool = False) -> None:
    """One random input; ``stay`` avoids the ways off the current screen, to exercise it longer."""
    width, height = app.size
    roll = rng.random()
    touch = {"touch": True} if rng.random() < 0.3 else {}
    if roll < 0.42:
        targets = [t for t in app.top.view.targets if t.enabled] if app.top.view else []
        if stay:
            targets = [t for t in targets if not t.id.startswith(LEAVING)] or targets
        if targets:
            target = rng.choice(targets)
            pos = app.top.view.on_screen(target, app.top.scroll).center
        else:
            pos = (rng.randrange(width), rng.randrange(height))
        app.post(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, **touch)
        app.post(pygame.MOUSEBUTTONUP, pos=pos, button=1, **touch)
    elif roll < 0.55:
        pos = (rng.randrange(width), rng.randrange(height))
        app.post(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), **touch)
        app.post(pygame.MOUSEBUTTONDOWN, pos=pos, button=rng.choice([1, 1, 3]), **touch)
        app.post(pygame.MOUSEBUTTONUP, pos=pos, button=1, **touch)
    elif roll < 0.82:
        mod = pygame.KMOD_SHIFT if rng.random() < 0.1 else (pygame.KMOD_CTRL if rng.random() < 0.05 else 0)
        key = rng.choice(KEYS)
        if stay and key in (pygame.K_ESCAPE, pygame.K_F1, pygame.K_F4):
            key = pygame.K_TAB
        app.post(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0)
    elif roll < 0.88:
        app.post(pygame.MOUSEWHEEL, x=0, y=rng.choice([-3, -1, 1, 2]), precise_x=0.0, precise_y=0.0, flipped=False)
    elif roll < 0.96:
        start = (rng.randrange(width), rng.randrange(height))
        app.post(pygame.MOUSEBUTTONDOWN, pos=start, button=1, **touch)
        for _ in range(rng.randint(1, 4)):
            app.post(pygame.MOUSEMOTION, pos=(rng.randrange(width), rng.randrange(height)), rel=(0, 0), buttons=(1, 0, 0), **touch)
        app.post(pygame.MOUSEBUTTONUP, pos=(rng.randrange(width), rng.randrange(height)), button=1, **touch)
    else:
        size = rng.choice(SIZES)
        app.post(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1])
    app.step()


@pytest.mark.parametrize("stop", STOPS)
def test_random_input_never_breaks_or_strands_a_screen(make_app, stop):
    rng = random.Random(f"monkey:{stop}")
    app = make_app(size=(1280, 720))
    drive_to(app, stop)
    for index in range(EVENTS_PER_STOP):
        random_event(app, rng, stay=index < EVENTS_PER_STOP * 0.6)
        if not app.running:  # the monkey found Quit: start again, as a player would
            app = make_app(size=(1280, 720))
            continue
        assert app.stack and app.stack[0].opaque
        app.top.refresh()
        assert any(t.enabled for t in app.top.view.targets), f"{app.current_scene_name} has nothing to press"
