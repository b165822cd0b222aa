"""Team symbols drawn with primitives (no font glyphs needed), so teams are told
apart by shape as well as by colour. Colours: the Okabe-Ito colour-blind-safe set."""

from __future__ import annotations

import math

TEAM_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#8C6D1F", "#000000"]
SYMBOL_NAMES = ["circle", "triangle", "square", "diamond", "star", "triangle-down", "plus", "hexagon"]


def _polygon(center: tuple[float, float], radius: float, points: int, rotation: float = -90.0) -> list[tuple[float, float]]:
    cx, cy = center
    return [(cx + radius * math.cos(math.radians(rotation + i * 360 / points)), cy + radius * math.sin(math.radians(rotation + i * 360 / points))) for i in range(points)]


def draw_symbol(pygame, surface, index: int, center: tuple[float, float], size: float, colour) -> None:
    """Draw team ``index``'s symbol, ``size`` pixels across, centred."""
    r = size / 2
    cx, cy = center
    name = SYMBOL_NAMES[index % len(SYMBOL_NAMES)]
    if name == "circle":
        pygame.draw.circle(surface, colour, (int(cx), int(cy)), int(r))
    elif name == "triangle":
        pygame.draw.polygon(surface, colour, _polygon(center, r * 1.1, 3))
    elif name == "square":
        pygame.draw.rect(surface, colour, (cx - r * 0.85, cy - r * 0.85, r * 1.7, r * 1.7))
    elif name == "diamond":
        pygame.draw.polygon(surface, colour, _polygon(center, r, 4))
    elif name == "star":
        outer, inner = _polygon(center, r * 1.05, 5), _polygon(center, r * 0.45, 5, -54.0)
        pygame.draw.polygon(surface, colour, [p for pair in zip(outer, inner) for p in pair])
    elif name == "triangle-down":
        pygame.draw.polygon(surface, colour, _polygon(center, r * 1.1, 3, 90.0))
    elif name == "plus":
        t = r * 0.38
        pygame.draw.rect(surface, colour, (cx - r, cy - t, 2 * r, 2 * t))
        pygame.draw.rect(surface, colour, (cx - t, cy - r, 2 * t, 2 * r))
    else:
        pygame.draw.polygon(surface, colour, _polygon(center, r, 6))
