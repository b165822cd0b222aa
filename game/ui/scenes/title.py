"""The title screen: the game's name, a bridge, and where to go."""

from __future__ import annotations

import math
from contextlib import nullcontext

import pygame

from game.ui.i18n import _
from game.ui.layout import Builder, ButtonSpec
from game.ui.scenes.base import Scene, default_focus
from game.ui.scenes.chrome import language_button, margin
from game.ui.theme import L, M, XL, Palette

Rect = pygame.Rect


def paint_river(surface: pygame.Surface, rect: Rect, palette: Palette) -> None:
    """Decoration: a tied-arch bridge over a river, drawn with primitives inside ``rect``."""
    ink = palette.header if palette.shadows else palette.text
    water = palette.primary_soft if palette.shadows else palette.surface_alt
    wave = palette.primary if palette.shadows else palette.border
    deck_y = rect.y + rect.h * 45 // 100
    thick = max(3, rect.h // 22)
    pygame.draw.rect(surface, water, Rect(rect.x, deck_y, rect.w, rect.bottom - deck_y))
    step = max(8, (rect.bottom - deck_y) // 5)
    for row, y in enumerate(range(deck_y + step, rect.bottom - step // 2, step)):
        shift = (row % 2) * step * 2
        for x in range(rect.x - shift, rect.right, step * 4):
            pygame.draw.arc(surface, wave, Rect(x, y, step * 2, step), math.radians(20), math.radians(160), max(2, thick // 2))
    left, right = rect.x + rect.w * 18 // 100, rect.x + rect.w * 82 // 100
    top = rect.y + rect.h * 4 // 100
    arch = Rect(left, top, right - left, 2 * (deck_y - top))
    pygame.draw.arc(surface, ink, arch, 0, math.pi, thick)
    for i in range(1, 12):
        x = left + (right - left) * i // 12
        half = arch.w / 2
        rise = math.sqrt(max(0.0, 1 - ((x - arch.centerx) / half) ** 2)) * (deck_y - top)
        pygame.draw.line(surface, ink, (x, deck_y), (x, round(deck_y - rise)), max(2, thick // 3))
    pygame.draw.rect(surface, ink, Rect(rect.x, deck_y - thick // 2, rect.w, thick))
    for x in (left, right):
        pygame.draw.rect(surface, ink, Rect(x - thick, deck_y, thick * 2, rect.bottom - deck_y))


class TitleScene(Scene):
    """Play, language, settings, help and quit."""

    name = "title"

    def build(self, b: Builder) -> None:
        width, height = b.m.width, b.m.height
        edge = margin(b)
        lang_bottom = b.u(M) + b.button_row([language_button()], edge, b.u(M), width - 2 * edge, "right")
        river_h = max(b.u(120), height // 5)
        b.art(Rect(0, height - river_h, width, river_h), paint_river)
        column_w = min(width - 2 * edge, b.u(720) + int(b.u(200) * (b.m.text_scale - 1)))
        x = (width - column_w) // 2
        specs = [
            ButtonSpec("play", _("Play"), "primary", "right", hotkey=1),
            ButtonSpec("workshop", _("Workshop"), "secondary", "people", hotkey=2),
            ButtonSpec("language", _("Language"), "secondary", "globe", hotkey=3),
            ButtonSpec("settings", _("Settings"), "secondary", "menu", hotkey=4),
            ButtonSpec("help", _("Help"), "secondary", "help", hotkey=5),
            ButtonSpec("quit", _("Quit"), "quiet", "cross", hotkey=6),
        ]
        title_h = b.line_height("display")
        tagline = _("Build partnerships that last")
        tag_h = b.text_height(tagline, "h3", column_w)
        rows = [[s] for s in specs]
        buttons_h = sum(b.button_height(s.label, column_w, s.icon, s.hotkey) for s in specs) + b.u(M) * (len(specs) - 1)
        total = title_h + b.u(M) + tag_h + b.u(XL) + buttons_h
        if max(b.u(96), (height - river_h - total) // 2) + total > height - b.u(M):  # too tall: two buttons a row, wider
            rows = [specs[i:i + 2] for i in range(0, len(specs), 2)]
            column_w = min(width - 2 * edge, 2 * column_w)
            x = (width - column_w) // 2
            half = (column_w - b.u(M)) // 2
            buttons_h = sum(max(b.button_height(s.label, half, s.icon, s.hotkey) for s in row) for row in rows) + b.u(M) * (len(rows) - 1)
            total = title_h + b.u(M) + tag_h + b.u(XL) + buttons_h
        y = max(b.u(96), (height - river_h - total) // 2)
        scrolls = y + total > height - b.u(M)  # a small window with large text: the menu scrolls under the language button
        if scrolls:
            y = lang_bottom + b.u(M)
        with b.view.scrolling(Rect(0, lang_bottom, width, height - lang_bottom)) if scrolls else nullcontext():
            self._menu(b, x, y, column_w, title_h, tagline, rows, edge, height - river_h)
        default_focus(b, "play")

    def _menu(self, b: Builder, x: int, y: int, column_w: int, title_h: int, tagline: str, rows, edge: int, floor: int) -> None:
        """The name, the tagline, the buttons and (when there is room above the river) the credit."""
        width = b.m.width
        icon_size = round(title_h * 0.9)
        name = _("Bridges")
        name_w = b.text_width(name, "display")
        block = icon_size + b.u(L) + name_w
        left = (width - block) // 2
        b.icon("bridge", left, y + (title_h - icon_size) // 2, icon_size, "primary")
        b.text(name, "display", left + icon_size + b.u(L), y, name_w + 1, "text")
        y += title_h + b.u(M)
        y += b.text(tagline, "h3", x, y, column_w, "muted", "center")
        y += b.u(XL)
        for row in rows:
            w = (column_w - b.u(M) * (len(row) - 1)) // len(row)
            h = max(b.button_height(spec.label, w, spec.icon, spec.hotkey) for spec in row)
            for i, spec in enumerate(row):
                b.button(spec.id, spec.label, Rect(x + i * (w + b.u(M)), y, w, h), spec.style, spec.icon, hotkey=spec.hotkey)
            y += h + b.u(M)
        credit = _("Based on the handbook “Networking: Building Partnerships” (ATSIV, Erasmus+)")
        credit_h = b.text_height(credit, "small", width - 2 * edge)
        if y + credit_h + b.u(M) < floor:
            b.text(credit, "small", edge, floor - credit_h - b.u(M), width - 2 * edge, "muted", "center")

    def activate(self, target_id: str) -> None:
        if target_id in ("play", "workshop", "language", "settings"):
            self.app.show({"play": "library", "workshop": "workshop-setup"}.get(target_id, target_id))
        elif target_id == "help":
            self.app.open_help("general")
        elif target_id == "quit":
            self.app.running = False
        else:
            super().activate(target_id)

    def default_action(self) -> None:
        self.activate("play")
