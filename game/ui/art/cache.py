"""One cache for every picture the game draws (faces, emblems, backdrops), kept
small: what is drawn once is reused until the cache is full, then dropped."""

from __future__ import annotations

from typing import Callable, Hashable

import pygame

LIMIT = 240

_surfaces: dict[Hashable, pygame.Surface] = {}


def get(key: Hashable, draw: Callable[[], pygame.Surface]) -> pygame.Surface:
    """The surface for ``key``, drawn the first time it is asked for."""
    surface = _surfaces.get(key)
    if surface is None:
        if len(_surfaces) >= LIMIT:
            _surfaces.clear()
        surface = _surfaces[key] = draw()
    return surface


def has(key: Hashable) -> bool:
    return key in _surfaces


def clear() -> None:
    _surfaces.clear()


def size() -> int:
    return len(_surfaces)
