"""Icons drawn with pygame.draw primitives: cast kinds, handbook areas,
resources and interface symbols. No image files to ship or license.

Each icon is a small function drawing on a 100x100 grid; :func:`icon`
supersamples it and smooth-scales it down (anti-aliased edges) and caches
the result per name, pixel size and colour.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from typing import Callable

import pygame

SUPERSAMPLE = 3
_cache: OrderedDict[tuple, pygame.Surface] = OrderedDict()


class Pen:
    """Draws on a 100x100 grid scaled to a surface."""

    def __init__(self, surface: pygame.Surface, color: tuple[int, int, int]):
        self.surface = surface
        self.color = color
        self.k = surface.get_width() / 100

    def p(self, x: float, y: float) -> tuple[int, int]:
        return round(x * self.k), round(y * self.k)

    def w(self, width: float) -> int:
        return max(1, round(width * self.k)) if width else 0

    def circle(self, x: float, y: float, r: float, width: float = 0) -> None:
        pygame.draw.circle(self.surface, self.color, self.p(x, y), round(r * self.k), self.w(width))

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float = 8) -> None:
        pygame.draw.line(self.surface, self.color, self.p(x1, y1), self.p(x2, y2), self.w(width))
        for x, y in ((x1, y1), (x2, y2)):  # round caps
            pygame.draw.circle(self.surface, self.color, self.p(x, y), max(1, self.w(width) // 2))

    def lines(self, points: list[tuple[float, float]], width: float = 8) -> None:
        for a, b in zip(points, points[1:]):
            self.line(*a, *b, width=width)

    def rect(self, x: float, y: float, w: float, h: float, radius: float = 0, width: float = 0) -> None:
        box = pygame.Rect(*self.p(x, y), round(w * self.k), round(h * self.k))
        pygame.draw.rect(self.surface, self.color, box, self.w(width), round(radius * self.k))

    def poly(self, points: list[tuple[float, float]], width: float = 0) -> None:
        pygame.draw.polygon(self.surface, self.color, [self.p(x, y) for x, y in points], self.w(width))

    def arc(self, x: float, y: float, r: float, start: float, stop: float, width: float = 8) -> None:
        box = pygame.Rect(0, 0, round(2 * r * self.k), round(2 * r * self.k))
        box.center = self.p(x, y)
        pygame.draw.arc(self.surface, self.color, box, math.radians(start), math.radians(stop), self.w(width))

    def clear_circle(self, x: float, y: float, r: float) -> None:
        pygame.draw.circle(self.surface, (0, 0, 0, 0), self.p(x, y), round(r * self.k))


def person(pen: Pen, x: float, y: float, scale: float = 1.0) -> None:
    pen.circle(x, y - 14 * scale, 10 * scale)
    pen.rect(x - 16 * scale, y, 32 * scale, 26 * scale, radius=12 * scale)


# ----- cast kinds --------------------------------------------------------------
def _partner(pen: Pen) -> None:
    pen.circle(38, 50, 26, 9)
    pen.circle(62, 50, 26, 9)


def _liaison(pen: Pen) -> None:
    person(pen, 22, 50, 0.8)
    person(pen, 78, 50, 0.8)
    pen.line(36, 44, 64, 44, 6)
    pen.circle(50, 44, 8)


def _facilitator(pen: Pen) -> None:
    pen.line(50, 16, 50, 84, 7)
    pen.line(24, 28, 76, 28, 7)
    pen.line(30, 84, 70, 84, 8)
    for cx in (24, 76):
        pen.line(cx, 28, cx - 12, 58, 4)
        pen.line(cx, 28, cx + 12, 58, 4)
        pen.arc(cx, 52, 14, 180, 360, 7)


def _supporter(pen: Pen) -> None:
    pen.circle(35, 38, 18)
    pen.circle(65, 38, 18)
    pen.poly([(18, 46), (82, 46), (50, 84)])


def _media(pen: Pen) -> None:
    pen.rect(36, 12, 28, 46, radius=14)
    pen.arc(50, 44, 24, 180, 360, 6)
    pen.line(50, 68, 50, 84, 6)
    pen.line(34, 86, 66, 86, 6)


def _sponsor(pen: Pen) -> None:
    for i, y in enumerate((74, 60, 46)):
        pen.rect(22 + i * 4, y, 56, 12, radius=6)
    pen.circle(66, 28, 16, 7)


def _counterpart(pen: Pen) -> None:
    pen.poly([(12, 34), (50, 12), (88, 34)])
    for x in (20, 38, 56, 74):
        pen.rect(x, 38, 8, 36)
    pen.rect(12, 78, 76, 9)


# ----- handbook areas ----------------------------------------------------------
def _document(pen: Pen) -> None:
    pen.rect(22, 10, 56, 80, radius=8, width=7)
    for y in (32, 48, 64):
        pen.line(34, y, 66, y, 6)


def _agreement(pen: Pen) -> None:
    pen.rect(16, 10, 52, 76, radius=8, width=7)
    for y in (30, 44):
        pen.line(28, y, 56, y, 6)
    pen.lines([(28, 66), (36, 58), (42, 68), (50, 60)], 5)
    pen.line(88, 30, 62, 80, 9)


def _coalitions(pen: Pen) -> None:
    pen.circle(50, 30, 20, 7)
    pen.circle(32, 64, 20, 7)
    pen.circle(68, 64, 20, 7)


def _networking(pen: Pen) -> None:
    nodes = [(50, 20), (20, 60), (80, 60), (50, 84), (50, 52)]
    for a in nodes[:4]:
        pen.line(*a, *nodes[4], 5)
    pen.line(20, 60, 50, 20, 5)
    pen.line(80, 60, 50, 84, 5)
    for x, y in nodes:
        pen.circle(x, y, 11)


def _dynamics(pen: Pen) -> None:
    pen.arc(50, 50, 32, 20, 160, 8)
    pen.arc(50, 50, 32, 200, 340, 8)
    pen.poly([(12, 42), (30, 38), (18, 58)])
    pen.poly([(88, 58), (70, 62), (82, 42)])


def _flow(pen: Pen) -> None:
    for x in (20, 50, 80):
        pen.circle(x, 50, 10)
    pen.line(30, 50, 40, 50, 6)
    pen.line(60, 50, 70, 50, 6)
    pen.poly([(70, 26), (88, 14), (88, 34)])


def _sources(pen: Pen) -> None:
    pen.circle(42, 42, 24, 9)
    pen.line(60, 60, 84, 84, 12)


def _licensing(pen: Pen) -> None:
    pen.circle(50, 40, 26, 8)
    pen.circle(50, 40, 10)
    pen.poly([(34, 60), (28, 90), (44, 80), (50, 66)])
    pen.poly([(66, 60), (72, 90), (56, 80), (50, 66)])


def _relationship(pen: Pen) -> None:
    person(pen, 28, 58, 0.9)
    person(pen, 72, 58, 0.9)
    pen.circle(43, 18, 8)
    pen.circle(57, 18, 8)
    pen.poly([(35, 21), (65, 21), (50, 38)])


def _crowd(pen: Pen) -> None:
    for x, y in ((20, 40), (50, 40), (80, 40), (35, 76), (65, 76)):
        person(pen, x, y, 0.6)


# ----- resources ---------------------------------------------------------------
def _budget(pen: Pen) -> None:
    pen.circle(50, 50, 38, 8)
    pen.circle(50, 50, 24, 5)
    pen.line(50, 36, 50, 64, 6)


def _weeks(pen: Pen) -> None:
    pen.rect(12, 18, 76, 70, radius=10, width=7)
    pen.rect(12, 18, 76, 18, radius=6)
    pen.line(32, 10, 32, 24, 7)
    pen.line(68, 10, 68, 24, 7)
    for x in (30, 50, 70):
        for y in (52, 72):
            pen.rect(x - 5, y - 5, 10, 10)


def _star(pen: Pen, filled: bool = True) -> None:
    points = []
    for i in range(10):
        radius = 42 if i % 2 == 0 else 18
        angle = math.radians(-90 + i * 36)
        points.append((50 + radius * math.cos(angle), 54 + radius * math.sin(angle)))
    pen.poly(points, 0 if filled else 6)


def _reputation(pen: Pen) -> None:
    _star(pen)


def _resource(pen: Pen) -> None:
    pen.rect(18, 18, 64, 64, radius=14, width=8)
    pen.circle(50, 50, 10)


# ----- interface symbols -------------------------------------------------------
def _check(pen: Pen) -> None:
    pen.lines([(16, 52), (40, 76), (86, 24)], 13)


def _cross(pen: Pen) -> None:
    pen.line(22, 22, 78, 78, 13)
    pen.line(78, 22, 22, 78, 13)


def _mixed(pen: Pen) -> None:
    pen.circle(50, 50, 36, 9)
    pen.line(32, 50, 68, 50, 10)


def _warning(pen: Pen) -> None:
    pen.poly([(50, 8), (94, 88), (6, 88)], 8)
    pen.line(50, 36, 50, 60, 9)
    pen.circle(50, 74, 6)


def _question(pen: Pen) -> None:
    pen.arc(50, 36, 20, -60, 180, 9)
    pen.line(50, 56, 60, 52, 9)
    pen.line(50, 56, 50, 66, 9)
    pen.circle(50, 82, 6)


def _arrow(pen: Pen, direction: str) -> None:
    shapes = {
        "left": [(62, 16), (26, 50), (62, 84)],
        "right": [(38, 16), (74, 50), (38, 84)],
        "up": [(16, 62), (50, 26), (84, 62)],
        "down": [(16, 38), (50, 74), (84, 38)],
    }
    pen.lines(shapes[direction], 12)


def _grip(pen: Pen) -> None:
    for x in (36, 64):
        for y in (22, 50, 78):
            pen.circle(x, y, 8)


def _plus(pen: Pen) -> None:
    pen.line(50, 16, 50, 84, 13)
    pen.line(16, 50, 84, 50, 13)


def _minus(pen: Pen) -> None:
    pen.line(16, 50, 84, 50, 13)


def _people(pen: Pen) -> None:
    person(pen, 34, 52, 1.0)
    person(pen, 68, 58, 0.85)


def _globe(pen: Pen) -> None:
    pen.circle(50, 50, 38, 7)
    pen.line(12, 50, 88, 50, 5)
    pen.arc(50, 50, 38, 0, 360, 5)
    box = pygame.Rect(0, 0, round(36 * pen.k), round(76 * pen.k))
    box.center = pen.p(50, 50)
    pygame.draw.ellipse(pen.surface, pen.color, box, pen.w(5))


def _menu(pen: Pen) -> None:
    for y in (26, 50, 74):
        pen.line(18, y, 82, y, 10)


def _help(pen: Pen) -> None:
    pen.circle(50, 50, 42, 7)
    pen.arc(50, 40, 14, -60, 180, 8)
    pen.line(50, 54, 57, 50, 8)
    pen.line(50, 54, 50, 62, 8)
    pen.circle(50, 74, 5)


def _lock(pen: Pen) -> None:
    pen.rect(20, 44, 60, 44, radius=8)
    pen.arc(50, 44, 20, 0, 180, 9)
    pen.line(30, 44, 30, 36, 9)
    pen.line(70, 44, 70, 36, 9)


def _search(pen: Pen) -> None:
    _sources(pen)


def _flag(pen: Pen) -> None:
    pen.line(22, 10, 22, 90, 8)
    pen.poly([(26, 14), (82, 28), (26, 50)])


def _news(pen: Pen) -> None:
    pen.rect(10, 16, 80, 68, radius=6, width=7)
    pen.rect(20, 28, 26, 22)
    for y in (32, 44, 60, 72):
        pen.line(54 if y < 52 else 22, y, 78, y, 5)


def _bubble(pen: Pen) -> None:
    pen.rect(8, 12, 84, 56, radius=16)
    pen.poly([(26, 62), (22, 90), (48, 64)])


def _face(pen: Pen, mood: str) -> None:
    pen.circle(50, 50, 42, 7)
    pen.circle(36, 40, 6)
    pen.circle(64, 40, 6)
    if mood == "warm":
        pen.arc(50, 52, 22, 200, 340, 7)
    elif mood == "open":
        pen.arc(50, 48, 20, 220, 320, 7)
    elif mood == "tense":
        pen.line(34, 68, 66, 68, 7)
    else:
        pen.arc(50, 86, 22, 35, 145, 7)


def _textsize(pen: Pen) -> None:
    pen.lines([(8, 86), (34, 14), (60, 86)], 9)
    pen.line(18, 60, 50, 60, 8)
    pen.lines([(60, 86), (76, 44), (92, 86)], 7)
    pen.line(66, 72, 86, 72, 6)


def _contrast(pen: Pen) -> None:
    pen.circle(50, 50, 40, 8)
    pen.poly([(50, 10)] + [(50 + 40 * math.cos(math.radians(a)), 50 + 40 * math.sin(math.radians(a))) for a in range(-90, 91, 10)])


def _screen(pen: Pen) -> None:
    pen.rect(8, 14, 84, 56, radius=6, width=8)
    pen.line(50, 70, 50, 84, 8)
    pen.line(30, 86, 70, 86, 8)


def _motion(pen: Pen) -> None:
    pen.circle(64, 50, 22)
    for y, x in ((34, 20), (50, 10), (66, 20)):
        pen.line(x, y, 36, y, 7)


def _eye(pen: Pen) -> None:
    pen.arc(50, 78, 50, 40, 140, 8)
    pen.arc(50, 22, 50, 220, 320, 8)
    pen.circle(50, 50, 14)


def _bridge(pen: Pen) -> None:
    pen.rect(4, 22, 92, 12, radius=3)
    pen.rect(10, 34, 80, 32)
    pen.clear_circle(50, 70, 26)
    pen.clear_circle(12, 74, 8)
    pen.clear_circle(88, 74, 8)
    for x in (14, 46, 78):
        pen.arc(x + 4, 92, 10, 30, 150, 5)


def _heart(pen: Pen) -> None:
    _supporter(pen)


def _trophy(pen: Pen) -> None:
    pen.rect(28, 12, 44, 36, radius=16)
    pen.arc(28, 30, 14, 90, 270, 7)
    pen.arc(72, 30, 14, -90, 90, 7)
    pen.line(50, 48, 50, 70, 9)
    pen.rect(30, 72, 40, 14, radius=4)


def _timeline(pen: Pen) -> None:
    pen.line(22, 10, 22, 90, 7)
    for y in (22, 50, 78):
        pen.circle(22, y, 10)
        pen.line(42, y, 86, y, 8)


def _reload(pen: Pen) -> None:
    pen.arc(50, 52, 32, 100, 400, 9)
    pen.poly([(44, 6), (66, 20), (44, 34)])


def _save(pen: Pen) -> None:
    pen.rect(16, 14, 68, 72, radius=8, width=8)
    pen.rect(32, 18, 34, 20, radius=3)
    pen.rect(28, 56, 44, 26, radius=4, width=7)


ICONS: dict[str, Callable[[Pen], None]] = {
    # cast kinds
    "partner": _partner, "liaison": _liaison, "facilitator": _facilitator, "supporter": _supporter,
    "media": _media, "sponsor": _sponsor, "counterpart": _counterpart,
    # areas
    "forms": _document, "agreement": _agreement, "coalitions": _coalitions, "networking": _networking,
    "dynamics": _dynamics, "flow": _flow, "sources": _sources, "liaison-facilitator": _facilitator,
    "supporters": _supporter, "relationship-marketing": _relationship, "licensing": _licensing,
    "sponsors": _sponsor, "crowdsourcing": _crowd,
    # resources
    "budget": _budget, "weeks": _weeks, "reputation": _reputation, "network": _networking, "resource": _resource,
    # interface
    "check": _check, "cross": _cross, "mixed": _mixed, "warning": _warning, "question": _question,
    "left": lambda p: _arrow(p, "left"), "right": lambda p: _arrow(p, "right"),
    "up": lambda p: _arrow(p, "up"), "down": lambda p: _arrow(p, "down"),
    "grip": _grip, "plus": _plus, "minus": _minus, "people": _people, "globe": _globe, "menu": _menu,
    "help": _help, "lock": _lock, "search": _search, "flag": _flag, "news": _news, "bubble": _bubble,
    "mood-warm": lambda p: _face(p, "warm"), "mood-open": lambda p: _face(p, "open"),
    "mood-tense": lambda p: _face(p, "tense"), "mood-cold": lambda p: _face(p, "cold"),
    "bridge": _bridge, "eye": _eye,
    "reload": _reload, "save": _save,
    "textsize": _textsize, "contrast": _contrast, "screen": _screen, "motion": _motion, "heart": _heart, "trophy": _trophy, "timeline": _timeline, "star": _star,
}


def icon(name: str, px: int, color: tuple[int, int, int]) -> pygame.Surface:
    """An anti-aliased icon, ``px`` pixels square (unknown names draw the generic resource icon)."""
    px = max(4, int(px))
    key = (name, px, color)
    surface = _cache.get(key)
    if surface is not None:
        _cache.move_to_end(key)
        return surface
    big = pygame.Surface((px * SUPERSAMPLE, px * SUPERSAMPLE), pygame.SRCALPHA)
    ICONS.get(name, _resource)(Pen(big, color))
    surface = pygame.transform.smoothscale(big, (px, px))
    _cache[key] = surface
    if len(_cache) > 600:
        _cache.popitem(last=False)
    return surface
