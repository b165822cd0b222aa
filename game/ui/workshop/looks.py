"""How teams look on screen, and the workshop's extra icons.

A team is told apart by its colour (the Okabe-Ito colour-blind-safe set in
:mod:`game.ui.symbols`), by its symbol (a shape drawn with primitives) and by
its name: never by colour alone. Symbols get an outline in the palette's text
colour, so the black team shows on the high-contrast theme's black too.
"""

from __future__ import annotations

import pygame

from game.ui import icons
from game.ui.layout import Builder
from game.ui.symbols import SYMBOL_NAMES, TEAM_COLOURS, draw_symbol
from game.ui.theme import RADIUS_SMALL, TARGET
from game.ui.view import Box, Label

Rect = pygame.Rect
STYLES = len(TEAM_COLOURS)


def colour(style: int) -> tuple[int, int, int]:
    """A team style's colour as RGB."""
    value = TEAM_COLOURS[style % STYLES].lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def style_record(style: int) -> dict[str, str]:
    """What the results store keeps about a team's look."""
    return {"colour": TEAM_COLOURS[style % STYLES], "symbol": SYMBOL_NAMES[style % STYLES]}


def paint_team_field(style: int):
    """A rectangle filled with a team's colour (the handover card's field, the band of the team that plays)."""

    def paint(surface: pygame.Surface, rect: Rect, palette) -> None:
        pygame.draw.rect(surface, colour(style), rect)

    return paint


def paint_symbol(style: int):
    """A painter for a team's symbol, filling its rect (outlined, so it shows on any background)."""

    def paint(surface: pygame.Surface, rect: Rect, palette) -> None:
        size = min(rect.w, rect.h)
        outline = max(2, size // 10)
        centre = rect.center
        draw_symbol(pygame, surface, style, centre, size - outline, palette.text)
        draw_symbol(pygame, surface, style, centre, size - 3 * outline, colour(style))

    return paint


def symbol(b: Builder, style: int, x: int, y: int, size: int) -> None:
    b.art(Rect(x, y, size, size), paint_symbol(style))


def team_tag(b: Builder, style: int, name: str, x: int, y: int, width: int, role: str = "strong", color: str = "text", container: Rect | None = None) -> int:
    """A team's symbol and name on one line (the name wraps if it must); returns the height."""
    size = b.line_height(role)
    symbol(b, style, x, y, size)
    h = b.text(name, role, x + size + b.u(8), y, max(1, width - size - b.u(8)), color, container=container)
    return max(h, size)


def team_tag_width(b: Builder, name: str, role: str = "strong") -> int:
    return b.line_height(role) + b.u(8) + b.text_width(name, role) + 1


def team_button(b: Builder, target_id: str, style: int, label: str, rect: Rect, selected: bool = False, role: str = "strong") -> Rect:
    """A pressable chip with a team's symbol and a label."""
    rect = Rect(rect)
    fill, border, width = ("primary_soft", "primary", 4) if selected else ("surface", "border", 2)
    b.view.add(Box(rect, fill, border, b.u(width), b.u(RADIUS_SMALL), 0, target_id, "hover", "pressed"))
    pad = b.u(16)
    size = b.line_height(role)
    symbol(b, style, rect.x + pad, rect.centery - size // 2, size)
    text_x = rect.x + pad + size + b.u(12)
    text_w = max(1, rect.right - pad - text_x)
    lines = b.lines(label, role, text_w)
    line_h = b.line_height(role)
    used = max((b.ts.width(line, b.font(role)) for line in lines), default=0)
    b.view.add(Label(Rect(text_x, rect.centery - line_h * len(lines) // 2, used, line_h * len(lines)), lines, b.font(role), "text", line_h, "left", rect))
    b.view.target(target_id, rect, label=label)
    return rect


def team_button_size(b: Builder, label: str, width: int, role: str = "strong") -> tuple[int, int]:
    """(natural width capped at ``width``, height) of a team button."""
    pad, size = b.u(16), b.line_height(role)
    natural = min(width, 2 * pad + size + b.u(12) + b.text_width(label, role) + 1)
    text_w = max(1, natural - 2 * pad - size - b.u(12))
    return natural, max(b.u(TARGET), b.text_height(label, role, text_w) + 2 * b.u(10))


# ----- icons the trainer bar needs (added to the shared registry) -------------------------
def _pause(pen: icons.Pen) -> None:
    pen.rect(24, 18, 18, 64, radius=4)
    pen.rect(58, 18, 18, 64, radius=4)


def _play(pen: icons.Pen) -> None:
    pen.poly([(28, 14), (84, 50), (28, 86)])


def _skip(pen: icons.Pen) -> None:
    pen.poly([(12, 18), (50, 50), (12, 82)])
    pen.poly([(46, 18), (84, 50), (46, 82)])
    pen.rect(82, 18, 10, 64)


def _undo(pen: icons.Pen) -> None:
    pen.arc(54, 56, 28, -90, 150, 10)
    pen.poly([(8, 34), (40, 14), (40, 54)])


def _timer(pen: icons.Pen) -> None:
    pen.circle(50, 56, 36, 8)
    pen.rect(42, 6, 16, 10, radius=2)
    pen.line(50, 56, 50, 34, 8)
    pen.line(50, 56, 66, 64, 8)


def _podium(pen: icons.Pen) -> None:
    pen.rect(36, 30, 28, 60)
    pen.rect(8, 50, 28, 40)
    pen.rect(64, 62, 28, 28)


def _stop(pen: icons.Pen) -> None:
    pen.rect(20, 20, 60, 60, radius=8)


for _name, _draw in {"pause": _pause, "play": _play, "skip": _skip, "undo": _undo, "timer": _timer, "podium": _podium, "stop": _stop}.items():
    icons.ICONS.setdefault(_name, _draw)
