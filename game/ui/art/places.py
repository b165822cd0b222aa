"""Backdrops: the places scenes happen in, drawn from ``assets/places/NAME.svg``.

Each is rasterised once per window width (16:9, at two thirds of the
window's width and at most :data:`RASTER_MAX` wide: flat shapes scale up
without a visible loss, and a dozen places then take tens of megabytes, not
hundreds) and cached; a scene's band is a slice of it, scaled to the window. :func:`warm` rasterises a
scenario's places in a background thread before they are needed (pygame-ce
lets other threads run meanwhile), so a scene opens without that wait. A place
without its file (or one that cannot be read) simply shows no backdrop.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Iterable

import pygame

from game.core.looks import PLACES
from game.resources import assets_folder
from game.ui.art import cache
from game.ui.art.svg import rasterise

FOCUS = {  # which part of each picture a band shows: 0 its top, 1 its bottom
    "phone-call": 0.42, "school": 0.4, "radio-studio": 0.45, "tv-studio": 0.45, "community-centre": 0.42,
    "meeting-table": 0.58, "riverside": 0.62, "park": 0.6, "municipal-office": 0.5,
}

RASTER_SHARE, RASTER_MAX = 2 / 3, 1600

_lock = threading.Lock()
_ready: dict[tuple[str, tuple[int, int]], pygame.Surface | None] = {}   # rasterised in the background, not yet converted
_pending: dict[tuple[str, tuple[int, int]], threading.Event] = {}


def svg_path(name: str) -> Path:
    return assets_folder() / "places" / f"{name}.svg"


def available() -> list[str]:
    """The places that have a picture (the checker knows these names)."""
    return [name for name in PLACES if svg_path(name).is_file()]


def full_size(width: int) -> tuple[int, int]:
    """The size of the whole picture on screen for a window ``width`` (16:9)."""
    return (width, width * 9 // 16)


def raster_size(full: tuple[int, int]) -> tuple[int, int]:
    """The size a picture shown at ``full`` is rasterised at."""
    share = min(RASTER_SHARE, RASTER_MAX / max(1, full[0]))
    return (max(1, round(full[0] * share)), max(1, round(full[1] * share)))


def warm(names: Iterable[str], width: int) -> None:
    """Rasterise these places for a window ``width`` in a background thread (each once)."""
    size = raster_size(full_size(width))
    with _lock:
        todo = [n for n in dict.fromkeys(names) if n in PLACES and (n, size) not in _ready and (n, size) not in _pending
                and not cache.has(("place", n, size)) and svg_path(n).is_file()]
        for name in todo:
            _pending[(name, size)] = threading.Event()
    if todo:
        threading.Thread(target=_rasterise_all, args=(todo, size), daemon=True, name="bridges-backdrops").start()


def _rasterise_all(names: list[str], size: tuple[int, int]) -> None:
    for name in names:
        try:
            image = rasterise(svg_path(name), size, convert=False)
        except (pygame.error, OSError, ValueError, MemoryError):
            image = None
        with _lock:
            _ready[(name, size)] = image
            _pending.pop((name, size)).set()


def _take(name: str, size: tuple[int, int]) -> tuple[bool, pygame.Surface | None]:
    """A picture the background thread drew (waiting for it if it is being drawn): (found, picture)."""
    with _lock:
        event = _pending.get((name, size))
    if event is not None:
        event.wait()
    with _lock:
        if (name, size) in _ready:
            return True, _ready.pop((name, size))
    return False, None


def picture(name: str, size: tuple[int, int]) -> pygame.Surface | None:
    """The whole backdrop drawn at ``size`` (opaque), or None if it cannot be drawn."""
    def draw() -> pygame.Surface:
        found, image = _take(name, size)
        if not found:
            image = rasterise(svg_path(name), size)
        elif image is None:
            raise pygame.error(f"cannot draw {name}")
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
    full = full_size(width)
    if height > full[1]:  # a very tall band: draw the picture to cover it and cut the middle
        full = (height * 16 // 9, height)
    image = picture(name, raster_size(full))
    if image is None:
        return None

    def cut() -> pygame.Surface:
        scale = image.get_width() / full[0]
        top = max(0, min(full[1] - height, round(full[1] * FOCUS.get(name, 0.55) - height / 2)))
        left = (full[0] - width) // 2
        source = pygame.Rect(round(left * scale), round(top * scale), max(1, round(width * scale)), max(1, round(height * scale)))
        source = source.clip(image.get_rect())
        return pygame.transform.smoothscale(image.subsurface(source), (width, height))

    return cache.get(("band", name, width, height, id(image)), cut)
