"""Backdrops: the places scenes happen in, drawn from ``assets/places/NAME.svg``.

Each is rasterised once per window width (16:9, as wide as the window) and
cached; a scene's band shows a slice of it. A place without its file (or one
that cannot be read) simply shows no backdrop.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game.core.looks import PLACES
from game.resources import assets_folder
from game.ui.art import cache
from game.ui.art.svg import rasterise

FOCUS = 0.56  # which part of the picture a band shows: 0 the top, 1 the bottom


def svg_path(name: str) -> Path:
    return assets_folder() / "places" / f"{name}.svg"


def available() -> list[str]:
    """The places that have a picture (the checker knows these names)."""
    return [name for name in PLACES if svg_path(name).is_file()]


def picture(name: str, size: tuple[int, int]) -> pygame.Surface | None:
    """The whole backdrop drawn at ``size`` (opaque), or None if it cannot be drawn."""
    def draw() -> pygame.Surface:
        image = rasterise(svg_path(name), size)
        return image.convert() if pygame.display.get_surface() is not None else image

    if name not in PLACES or not svg_path(name).is_file():
        return None
    try:
        return cache.get(("place", name, size), draw)
    except (pygame.error, OSError, ValueError, MemoryError):
        return None


def band(name: str, width: int, height: int) -> pygame.Surface | None:
    """A ``width`` x ``height`` slice of the backdrop, cut from one picture per window width."""
    if width < 1 or height < 1:
        return None
    full = (width, width * 9 // 16)
    if height > full[1]:  # a very tall band: draw the picture to cover it and cut the middle
        full = (height * 16 // 9, height)
    image = picture(name, full)
    if image is None:
        return None

    def cut() -> pygame.Surface:
        top = max(0, min(full[1] - height, round(full[1] * FOCUS - height / 2)))
        left = (full[0] - width) // 2
        return image.subsurface(pygame.Rect(left, top, width, height))

    return cache.get(("band", name, width, height, id(image)), cut)
