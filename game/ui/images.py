"""Pictures a scenario names: a scene's ``image``, a cast member's ``portrait``
and the scenario's ``image``.

A name is looked up in the scenario's own folder first, then in the shared
``assets/`` folder, and never outside them (the checker refuses ``..`` and
absolute paths; this looks again, since a file may have changed). A picture
that is missing or cannot be read is simply not shown.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pygame

from game.core.imagesize import ImageProblem, image_size
from game.resources import assets_folder

ASSETS = assets_folder()

_cache: dict[tuple, pygame.Surface | None] = {}


def find(scenario_path: Path | None, name: str | None) -> Path | None:
    """Where a picture named in a scenario is: its folder first, then assets/ (None if in neither)."""
    if not name:
        return None
    pure = PurePosixPath(name.replace("\\", "/"))
    if pure.is_absolute() or ".." in pure.parts:
        return None
    folders = ([scenario_path.parent] if scenario_path is not None else []) + [ASSETS]
    for folder in folders:
        try:
            root = folder.resolve()
            candidate = (root / pure).resolve()
            if candidate.is_relative_to(root) and candidate.is_file():
                return candidate
        except (OSError, ValueError):
            continue
    return None


def _load(path: Path) -> pygame.Surface | None:
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return None
    key = ("file", str(path), stamp)
    if key not in _cache:
        try:
            expected = image_size(path)  # from the header: a picture too large to decode is never decoded
            image = pygame.image.load(str(path))
            if image.get_size() != expected:
                image = None  # the header lied about the pixels
            elif pygame.display.get_surface() is not None:
                image = image.convert_alpha()
            elif image.get_bitsize() not in (24, 32):  # smoothscale needs true colour
                full = pygame.Surface(image.get_size(), pygame.SRCALPHA, 32)
                full.blit(image, (0, 0))
                image = full
        except (pygame.error, OSError, ValueError, MemoryError, ImageProblem):
            image = None
        _remember(key, image)
    return _cache[key]


def _remember(key: tuple, value: pygame.Surface | None) -> pygame.Surface | None:
    if len(_cache) > 400:
        _cache.clear()
    _cache[key] = value
    return value


def fitted(path: Path, width: int, height: int) -> pygame.Surface | None:
    """The picture scaled to fit inside width x height, keeping its proportions."""
    image = _load(path)
    if image is None or width < 1 or height < 1:
        return None
    key = ("fit", id(image), width, height)
    if key not in _cache:
        w, h = image.get_size()
        scale = min(width / w, height / h)
        size = (max(1, round(w * scale)), max(1, round(h * scale)))
        return _remember(key, pygame.transform.smoothscale(image, size) if size != (w, h) else image)
    return _cache[key]


def round_portrait(path: Path, size: int) -> pygame.Surface | None:
    """A portrait cut to a circle, ``size`` pixels wide (None if it cannot be read)."""
    image = _load(path)
    if image is None or size < 1:
        return None
    key = ("round", id(image), size)
    if key not in _cache:
        side = min(image.get_size())
        square = image.subsurface(pygame.Rect((image.get_width() - side) // 2, (image.get_height() - side) // 2, side, side))
        scaled = pygame.transform.smoothscale(square, (size, size))
        mask = pygame.Surface((size, size), pygame.SRCALPHA)
        pygame.draw.circle(mask, (255, 255, 255, 255), (size // 2, size // 2), size // 2)
        scaled.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
        return _remember(key, scaled)
    return _cache[key]


def add_picture(b, path: Path | None, x: int, y: int, width: int, height: int, align: str = "center") -> int:
    """Add a picture, fitted into width x height (centred, or at the left), to a builder's view; returns the height used (0 if none)."""
    if path is None:
        return 0
    surface = fitted(path, width, height)
    if surface is None:
        return 0
    w, h = surface.get_size()
    rect = pygame.Rect(x + ((width - w) // 2 if align == "center" else 0), y, w, h)
    b.art(rect, lambda target, where, palette: target.blit(surface, where.topleft))
    return h


def forget() -> None:
    """Drop every cached picture (after a reload, so edited pictures show)."""
    _cache.clear()
