"""Turning SVG text into a pygame surface (pygame-ce rasterises SVG itself), and colour helpers."""

from __future__ import annotations

import io
from pathlib import Path

import pygame


def rasterise(svg: str | Path, size: tuple[int, int], convert: bool = True) -> pygame.Surface:
    """An SVG (text, or a file) drawn at ``size`` pixels, with alpha; with ``convert``, in the display's format when
    there is one (only the main thread may convert)."""
    source = io.BytesIO(svg.encode("utf-8")) if isinstance(svg, str) else str(svg)
    surface = pygame.image.load_sized_svg(source, size)
    if surface.get_size() != size:  # the picture keeps its proportions: centre it on the size asked for
        framed = pygame.Surface(size, pygame.SRCALPHA)
        framed.blit(surface, ((size[0] - surface.get_width()) // 2, (size[1] - surface.get_height()) // 2))
        surface = framed
    if convert and pygame.display.get_surface() is not None:
        surface = surface.convert_alpha()
    return surface


def shade(colour: str, factor: float) -> str:
    """A hex colour made darker (factor < 1) or lighter towards white (factor > 1)."""
    value = colour.lstrip("#")
    rgb = [int(value[i:i + 2], 16) for i in (0, 2, 4)]
    if factor <= 1:
        rgb = [round(c * factor) for c in rgb]
    else:
        rgb = [round(c + (255 - c) * min(1.0, factor - 1)) for c in rgb]
    return "#" + "".join(f"{c:02x}" for c in rgb)
