"""Backdrops: the places scenes happen in, drawn from ``assets/places/NAME.svg``.

Each is rasterised once per window width (16:9, at two thirds of the
window's width and at most :data:`RASTER_MAX` wide: flat shapes scale up
without a visible loss, and a dozen places then take tens of megabytes, not
hundreds); a scene's band is a slice of it, scaled to the window, and kept
(the most recently shown :data:`BANDS_KEPT`).

The drawing is done off the main path by one background thread (pygame-ce
lets other threads run meanwhile):

- :func:`band_soon` is what a screen's build asks: the band when it is
  ready, else None at once after ordering it; the screen shows its plain
  background there (its text laid out the same) and, when the band arrives,
  :data:`game.ui.art.cache.ARRIVED` is posted and the screens rebuild with it;
- :func:`warm` rasterises a scenario's places ahead, while its briefing is read;
- :func:`band` draws (or waits for) a band now, for pictures, tests and tools;
- :func:`game.ui.art.cache.wait` waits until every ordered band is drawn (tests and screenshots).

A place without its file (or one that cannot be read) simply shows no backdrop.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
import functools
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
PICTURES_KEPT = 12  # whole pictures kept to cut bands from (a scenario's places, at one window width)
DRAWN_KEPT = 24
BANDS_KEPT = 16     # bands ready to show, kept apart from the picture cache so that filling it with faces never drops one

Size = tuple[int, int]
BandKey = tuple[str, int, int]  # (place, width, height)

_cond = cache.busy
_pictures: OrderedDict[tuple[str, Size], pygame.Surface | None] = OrderedDict()  # rasterised, not converted
_drawing: set[tuple[str, Size]] = set()           # pictures being rasterised now
_ordered = cache.ordered                          # bands asked for and not yet drawn
_drawn: dict[BandKey, pygame.Surface | None] = {}  # bands drawn by the thread, not yet taken by the main thread
_bands: OrderedDict[BandKey, pygame.Surface | None] = OrderedDict()  # converted, ready to show (main thread only)
_jobs: deque[tuple[str, Size] | BandKey] = deque()
_worker: threading.Thread | None = None


@functools.cache
def _folder() -> Path:
    return assets_folder() / "places"


def svg_path(name: str) -> Path:
    return _folder() / f"{name}.svg"


def available() -> list[str]:
    """The places that have a picture (the checker knows these names)."""
    return [name for name in PLACES if svg_path(name).is_file()]


@functools.cache
def _with_files() -> frozenset[str]:
    """The places that have a picture, looked at once (a build asks at every frame after a change)."""
    return frozenset(available())


def full_size(width: int) -> Size:
    """The size of the whole picture on screen for a window ``width`` (16:9)."""
    return (width, width * 9 // 16)


def raster_size(full: Size) -> Size:
    """The size a picture shown at ``full`` is rasterised at."""
    share = min(RASTER_SHARE, RASTER_MAX / max(1, full[0]))
    return (max(1, round(full[0] * share)), max(1, round(full[1] * share)))


def _drawable(name: str, width: int, height: int) -> bool:
    return width >= 1 and height >= 1 and name in _with_files()


def _picture(name: str, size: Size) -> pygame.Surface | None:
    """The whole picture rasterised at ``size`` (with alpha, not converted), drawn once; None if it cannot be."""
    key = (name, size)
    with _cond:
        while key in _drawing:  # the other thread is drawing it: wait rather than draw it twice
            _cond.wait()
        if key in _pictures:
            _pictures.move_to_end(key)
            return _pictures[key]
        _drawing.add(key)
    try:
        image = rasterise(svg_path(name), size, convert=False)
    except (pygame.error, OSError, ValueError, MemoryError):
        image = None
    with _cond:
        _drawing.discard(key)
        _pictures[key] = image
        while len(_pictures) > PICTURES_KEPT:
            _pictures.popitem(last=False)
        _cond.notify_all()
    return image


def _draw_band(name: str, width: int, height: int) -> pygame.Surface | None:
    """A ``width`` x ``height`` slice of the place's picture, scaled to the window (not converted)."""
    full = full_size(width)
    if height > full[1]:  # a very tall band: draw the picture to cover it and cut the middle
        full = (height * 16 // 9, height)
    image = _picture(name, raster_size(full))
    if image is None:
        return None
    scale = image.get_width() / full[0]
    top = max(0, min(full[1] - height, round(full[1] * FOCUS.get(name, 0.55) - height / 2)))
    left = (full[0] - width) // 2
    source = pygame.Rect(round(left * scale), round(top * scale), max(1, round(width * scale)), max(1, round(height * scale)))
    source = source.clip(image.get_rect())
    try:
        return pygame.transform.smoothscale(image.subsurface(source), (width, height))
    except (pygame.error, ValueError, MemoryError):
        return None


def _keep(key: BandKey, image: pygame.Surface | None) -> pygame.Surface | None:
    """Keep a band for the screens, in the display's format (only the main thread converts)."""
    if image is not None and pygame.display.get_surface() is not None:
        image = image.convert()
    _bands[key] = image
    while len(_bands) > BANDS_KEPT:  # the least recently shown goes (never the one on screen)
        _bands.popitem(last=False)
    return image


def _kept(key: BandKey) -> tuple[bool, pygame.Surface | None]:
    """(whether the band is kept, the band)."""
    if key not in _bands:
        return False, None
    _bands.move_to_end(key)
    return True, _bands[key]


def _lookup(name: str, width: int, height: int) -> tuple[tuple | None, bool, pygame.Surface | None]:
    """(the band's key, whether it is kept, the kept band); the key is None when this place cannot be drawn."""
    if not _drawable(name, width, height):
        return None, False, None
    key = (name, width, height)
    kept, image = _kept(key)
    return key, kept, image


def band(name: str, width: int, height: int) -> pygame.Surface | None:
    """A ``width`` x ``height`` slice of the backdrop, now: cached, drawn by the thread (waiting for it), or drawn here."""
    key, kept, image = _lookup(name, width, height)
    if key is None or kept:
        return image
    with _cond:
        while key in _ordered:
            _cond.wait()
        found = key in _drawn
        image = _drawn.pop(key, None)
    return _keep(key, image if found else _draw_band(*key))


def band_soon(name: str, width: int, height: int) -> pygame.Surface | None:
    """The band if it is ready; else None at once, and it is drawn in the background (then ``ARRIVED`` is posted)."""
    key, kept, image = _lookup(name, width, height)
    if key is None or kept:
        return image
    with _cond:
        if key not in _drawn:
            if key not in _ordered:
                _ordered.add(key)
                _jobs.appendleft(key)  # before the places warmed ahead: this one is on screen
                _start()
            return None
        image = _drawn.pop(key)
    return _keep(key, image)


def warm(names: Iterable[str], width: int) -> None:
    """Rasterise these places for a window ``width`` in the background (each once), in this order."""
    size = raster_size(full_size(width))
    with _cond:
        for name in dict.fromkeys(names):
            key = (name, size)
            if name in _with_files() and key not in _pictures and key not in _drawing and key not in _jobs:
                _jobs.append(key)
        _start()


def idle(timeout: float = 30.0) -> bool:
    """Wait until the drawing thread has nothing left to draw (benchmarks measure frames without it); False on timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with _cond:
            if not _jobs and (_worker is None or not _worker.is_alive()):
                return True
        time.sleep(0.02)
    return False


def clear() -> None:
    """Forget every picture drawn (a benchmark measures drawing them again)."""
    with _cond:
        _pictures.clear()
        _drawn.clear()
    _bands.clear()


def _start() -> None:
    """Start the drawing thread if there is work and it is not running (called holding the lock)."""
    global _worker
    if _jobs and (_worker is None or not _worker.is_alive()):
        _worker = threading.Thread(target=_work, daemon=True, name="bridges-backdrops")
        _worker.start()


def _work() -> None:
    """The drawing thread: bands a screen waits for first, then the pictures warmed ahead; ends when none is left."""
    global _worker
    while True:
        with _cond:
            if not _jobs:
                _worker = None
                return
            job = _jobs.popleft()
        if len(job) == 2:
            _picture(*job)  # type: ignore[arg-type]
            continue
        image = _draw_band(*job)  # type: ignore[arg-type]
        with _cond:
            _drawn[job] = image  # type: ignore[index]
            while len(_drawn) > DRAWN_KEPT:  # bands no screen came back for (it closed, the window was resized)
                _drawn.pop(next(iter(_drawn)))
            _ordered.discard(job)  # type: ignore[arg-type]
            _cond.notify_all()
        if pygame.display.get_init():
            try:
                pygame.event.post(pygame.event.Event(cache.ARRIVED))
            except pygame.error:  # the window closed meanwhile
                pass
