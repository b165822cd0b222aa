"""One cache for the pictures the game draws (faces, emblems, panels), kept
small: what is drawn once is reused; when the cache is full the picture
used least recently goes (so a screen's own faces stay drawn).

A picture that cannot be drawn is kept as None, so it is not tried again.
:data:`ARRIVED` is the event a background drawing posts when a picture a
screen asked for is ready: the screens then rebuild to show it; :func:`wait`
waits for every picture ordered so (tests and screenshots).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable, Hashable

import pygame

LIMIT = 240
ARRIVED = pygame.event.custom_type()

busy = threading.Condition()
"""Held while the background drawing's bookkeeping changes; notified when a picture is drawn."""
ordered: set[Hashable] = set()
"""The pictures screens asked for that the background drawing has not finished yet."""

_MISSING = object()
_surfaces: OrderedDict[Hashable, pygame.Surface | None] = OrderedDict()


def get(key: Hashable, draw: Callable[[], pygame.Surface | None]) -> pygame.Surface | None:
    """The surface for ``key``, drawn the first time it is asked for."""
    surface = _surfaces.get(key, _MISSING)
    if surface is _MISSING:
        surface = _surfaces[key] = draw()
        if len(_surfaces) > LIMIT:
            _surfaces.popitem(last=False)
    else:
        _surfaces.move_to_end(key)
    return surface  # type: ignore[return-value]


def has(key: Hashable) -> bool:
    return key in _surfaces


def clear() -> None:
    _surfaces.clear()


def size() -> int:
    return len(_surfaces)


ahead: list[Callable[[], bool]] = []
"""Work to do while the game loop has nothing else to do: each draws one picture a screen may soon need and
returns True, or False when it has none left (the art modules add theirs when imported)."""


def draw_ahead() -> bool:
    """One piece of the drawing ahead; False when none is left."""
    return any(work() for work in ahead)


def wait(timeout: float = 10.0) -> bool:
    """Wait until every picture ordered from the background is drawn; False if that took over ``timeout`` seconds."""
    with busy:
        return busy.wait_for(lambda: not ordered, timeout)
