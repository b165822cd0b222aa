"""Short animations that help: easing, a timeline of named runs, and a card's turn.

Every animation of the game goes through a :class:`Timeline`: the scene asks
how far a run has gone (``progress``, 0 to 1, eased) while it builds, and the
app advances it between frames. With the player's motion setting off a run
never starts, so the first frame is already the final one; a key or a click
during a run finishes every run at once (``App.finish_motion``), then acts::

    self.motion = Timeline()                        # a scene's runs (the app finds them by this name)
    self.motion.start(("trust", cast), TRUST_MS, on=app.prefs.motion)
    shown = between(old, new, self.motion.progress(("trust", cast)))

    def update(self, dt):                            # the scene's frame step
        return self.motion.step(dt, self.invalidate)

Nothing here asks for frames: a scene's ``update`` returns True only while a
run is going, so an idle screen costs nothing.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any, Callable, Hashable

import pygame

from game.ui.view import Art, Interaction, Item, Painter, View

Rect = pygame.Rect


def ease_out(t: float) -> float:
    """Fast, then settling (cubic)."""
    t = max(0.0, min(1.0, t))
    return 1 - (1 - t) ** 3


def ease_in_out(t: float) -> float:
    """Slow at both ends (cubic)."""
    t = max(0.0, min(1.0, t))
    return 4 * t ** 3 if t < 0.5 else 1 - (-2 * t + 2) ** 3 / 2


def linear(t: float) -> float:
    return max(0.0, min(1.0, t))


def between(start: float, end: float, progress: float) -> float:
    return start + (end - start) * progress


class Timeline:
    """Named runs, each with its length in ms; a finished run is forgotten (its progress is then 1)."""

    def __init__(self) -> None:
        self._runs: dict[Hashable, list[float]] = {}  # key: [elapsed ms, length ms]
        self._held: set[Hashable] = set()  # runs that show something steady until they end (no frame in between)

    def start(self, key: Hashable, duration_ms: float, on: bool = True, held: bool = False) -> None:
        """Run ``key`` from its start; with motion off (``on`` False) it is over at once. A ``held`` run
        shows the same thing all along (a label that stays a moment): only its start and end repaint."""
        if on and duration_ms > 0:
            self._runs[key] = [0.0, float(duration_ms)]
            (self._held.add if held else self._held.discard)(key)
        else:
            self._runs.pop(key, None)

    def running(self, key: Hashable) -> bool:
        return key in self._runs

    def progress(self, key: Hashable, ease: Callable[[float], float] = ease_out) -> float:
        """How far ``key`` has gone, eased: 0 at its start, 1 when over (or never started)."""
        run = self._runs.get(key)
        return 1.0 if run is None else ease(run[0] / run[1])

    def step(self, dt: float, changed: Callable[[], None] | None = None) -> bool:
        """Advance every run by ``dt`` ms; calls ``changed`` when any moved (the last frame included).
        True while a run is still going."""
        if not self._runs:
            return False
        moved = False
        for key, run in list(self._runs.items()):
            run[0] += dt
            if run[0] >= run[1]:
                del self._runs[key]
                self._held.discard(key)
                moved = True
            elif key not in self._held:
                moved = True
        if moved and changed is not None:
            changed()
        return bool(self._runs)

    def finish(self) -> bool:
        """End every run now (final state); True if one was going."""
        going = bool(self._runs)
        self._runs.clear()
        self._held.clear()
        return going

    def __bool__(self) -> bool:
        return bool(self._runs)


def finish_all(scenes: list[Any]) -> bool:
    """Finish the runs of every scene that has a ``motion`` timeline; True if one was going (the scene is rebuilt)."""
    going = False
    for scene in scenes:
        timeline = getattr(scene, "motion", None)
        if isinstance(timeline, Timeline) and timeline.finish():
            scene.invalidate()
            going = True
    return going


def turn(view: View, start: int, end: int, rect: Rect, progress: float, face: Callable[[], list[Item]] | None, painter: Painter,
         margin: int, pictures: dict | None = None) -> None:
    """Show the items ``view.items[start:end]`` (a card inside ``rect``) turning about its vertical axis.

    ``progress`` runs 0 to 1: the card narrows to nothing by the half, then widens again. Before the half
    it shows ``face()`` (the items of the card as it was, laid out elsewhere) when given, after it the items
    themselves. The items are replaced by one picture of the card, drawn at its width of the moment;
    ``pictures`` keeps each side's picture from frame to frame (the caller empties it when the turn is over),
    so a side is laid out and painted once."""
    items = view.items[start:end]
    first_half = face is not None and progress < 0.5
    scale = abs(math.cos(math.pi * progress))
    scrolled = bool(items) and items[0].scroll
    area = Rect(rect.x, rect.y, rect.w, rect.h + margin)  # room for the card's shadow
    pictures = {} if pictures is None else pictures
    side = (first_half, area.size, painter.palette.name)
    picture = pictures.get(side)
    if picture is None:
        shown = face() if first_half and face is not None else items
        flat = View(area.size, [replace(item, rect=item.rect.move(-area.x, -area.y), scroll=False) for item in shown])
        picture = pictures[side] = pygame.Surface(area.size, pygame.SRCALPHA)
        painter.paint(picture, flat, 0, Interaction(None, None, None, False))

    def paint(surface: pygame.Surface, at: Rect, _palette: Any) -> None:
        width = round(at.w * scale)
        if width >= 2:
            surface.blit(pygame.transform.smoothscale(picture, (width, at.h)), (at.x + (at.w - width) // 2, at.y))

    art = Art(area, paint)
    art.scroll = scrolled
    view.items[start:end] = [art]
