"""The long monkey: thousands of random inputs through the real UI, roaming the
title, the library, every shipped scenario, the Save / Load screen, the help,
the glossary and the settings, with F-keys, typed text and window resizes on
the way. Nothing may raise, no screen may be left without a way on, and every
step must come back quickly (the app stays responsive).

The seed and the number of events come from the environment, so a failure can
be replayed and CI can run a longer one::

    BRIDGES_MONKEY_SEED=7 BRIDGES_MONKEY_EVENTS=20000 python -m pytest tests/ui/test_monkey_long.py

Each stretch of roaming starts from a place picked at random, so the monkey
does not spend its whole run on the screen it happens to stumble into.
"""

from __future__ import annotations

import os
import random
import time

import pygame

from tests.ui.test_monkey import random_event

SEED = os.environ.get("BRIDGES_MONKEY_SEED", "bridges-long-monkey")
EVENTS = int(os.environ.get("BRIDGES_MONKEY_EVENTS", "3000"))
STRETCH = (40, 160)          # events between two jumps to a place picked at random
STEP_LIMIT_S = 15.0          # one step (a whole screen change included) must come back within this, even on a loaded machine
DECISIONS = {"choice", "event", "pick", "allocate", "negotiate", "sequence"}
PLACES = ("library", "scenario", "saves", "help", "glossary", "settings", "title")
F_KEYS = (pygame.K_F1, pygame.K_F2, pygame.K_F3, pygame.K_F4, pygame.K_F5, pygame.K_F11)
TYPED = ("Орли", "=cmd|' /C calc'!A0", "x" * 400, "🌉🌊", "\u202eevil", "a\tb", "".join(chr(c) for c in range(0x21, 0x7f)))


def go_to(app, place: str, rng: random.Random) -> None:
    """Jump to a place as a player would get there (through the library for a scenario)."""
    from game.ui.scenes.library import LibraryScene
    from game.ui.scenes.settings import SettingsScene
    from game.ui.scenes.title import TitleScene

    if place == "title":
        app.play = None
        app.reset(TitleScene())
    elif place in ("library", "scenario"):
        app.play = None
        app.reset(LibraryScene())
        if place == "scenario":
            app.top.refresh()
            playable = [t.id for t in app.top.view.targets if t.id.startswith("play:") and t.enabled]
            app.click(rng.choice(playable))
            for button in ("start", "start-over", "resume"):
                if app.top.view.find(button) is not None:
                    app.click(button)
                    break
            if app.current_scene_name == "confirm":  # a game in the autosave: the game asks before replacing it
                app.key(pygame.K_RETURN)
    elif place == "saves":
        app.open_saves()
    elif place == "help":
        app.open_help(app.top.help_topic)
    elif place == "glossary":
        app.open_glossary()
    elif place == "settings":
        app.push(SettingsScene())
    app.settle()


def extra_event(app, rng: random.Random) -> None:
    """What the short monkey does not send: every F-key (reload and fullscreen too) and typed text."""
    if rng.random() < 0.6:
        app.post(pygame.KEYDOWN, key=rng.choice(F_KEYS), mod=0, unicode="", scancode=0)
    else:
        app.post(pygame.TEXTINPUT, text=rng.choice(TYPED))
    app.step()


def test_thousands_of_random_inputs_across_the_game(make_app):
    rng = random.Random(SEED)
    replay = f"replay: BRIDGES_MONKEY_SEED={SEED} BRIDGES_MONKEY_EVENTS={EVENTS}"
    app = make_app(size=(1280, 720))
    visited: set[str] = set()
    slowest = (0.0, "")
    next_jump = 0
    for index in range(EVENTS):
        if index == next_jump:
            place = PLACES[index // STRETCH[0] % len(PLACES)] if index < STRETCH[0] * len(PLACES) else rng.choice(PLACES)
            go_to(app, place, rng)
            next_jump = index + rng.randint(*STRETCH)
        where = app.current_scene_name
        started = time.perf_counter()
        try:
            if rng.random() < 0.04:
                extra_event(app, rng)
            else:
                random_event(app, rng, stay=rng.random() < 0.5)
        except Exception as exc:
            raise AssertionError(f"event {index} on '{where}' raised {type(exc).__name__}: {exc}; {replay}") from exc
        took = time.perf_counter() - started
        slowest = max(slowest, (took, f"event {index} on '{where}'"))
        assert took < STEP_LIMIT_S, f"event {index} on '{where}' took {took:.1f} s; {replay}"
        if not app.running:  # the monkey found Quit: start again, as a player would
            app = make_app(size=(1280, 720))
            continue
        visited.add(app.current_scene_name)
        assert app.stack and app.stack[0].opaque, f"event {index}: no screen; {replay}"
        app.top.refresh()
        assert any(t.enabled for t in app.top.view.targets), f"event {index}: {app.current_scene_name} has nothing to press; {replay}"
    # still responsive at the end: the library opens and its Saved games button works
    go_to(app, "library", rng)
    app.click("saves")
    assert app.current_scene_name == "saves", replay
    assert {"title", "library", "saves", "help", "glossary", "settings"} <= visited, f"visited only {sorted(visited)}; {replay}"
    assert visited & DECISIONS, f"no decision was reached: {sorted(visited)}; {replay}"
    print(f"long monkey: {EVENTS} events, {len(visited)} screens, slowest step {slowest[0]:.2f} s ({slowest[1]}); {replay}")
