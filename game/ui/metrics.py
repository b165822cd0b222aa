"""Logical units to pixels: one unit is one pixel at 1920x1080.

Layout is written in logical units; :class:`Metrics` turns them into pixels
for the real window, so the same layout fits 1280x720 and 3840x2160. Text
sizes also follow the player's text scale (100, 125, 150 or 200 %), and fonts
are opened at the resulting pixel size, so text is always rendered at native
resolution, never scaled as a bitmap.

Text never shrinks below the size its text scale gives at 1280x720
(:data:`TEXT_FLOOR_SIZE`): in a smaller window the layouts wrap and scroll
instead (body text at 800x450: 18 px, as at 1280x720; it was 11 px).
"""

from __future__ import annotations

from typing import NamedTuple

from game.ui.theme import ROLES

BASE_SIZE = (1920, 1080)
TEXT_SCALES = (1.0, 1.25, 1.5, 2.0)
MIN_SCALE = 0.35
TEXT_FLOOR_SIZE = (1280, 720)
TEXT_FLOOR = min(TEXT_FLOOR_SIZE[0] / BASE_SIZE[0], TEXT_FLOOR_SIZE[1] / BASE_SIZE[1])
"""The window scale text keeps in any smaller window (2/3: 1280x720's)."""


class FontSpec(NamedTuple):
    """A font at one pixel size (a tuple: cheap to hash, as cache keys need)."""

    px: int
    bold: bool = False


class Metrics:
    """Pixel sizes for a window size and a text scale."""

    def __init__(self, size: tuple[int, int], text_scale: float = 1.0):
        self.width, self.height = max(1, size[0]), max(1, size[1])
        self.scale = max(MIN_SCALE, min(self.width / BASE_SIZE[0], self.height / BASE_SIZE[1]))
        self.text_scale = text_scale
        self.text_unit = max(self.scale, TEXT_FLOOR)  # text's own window scale: never below 1280x720's
        self._fonts: dict[str, FontSpec] = {}

    def u(self, units: float) -> int:
        """Logical units to whole pixels (never 0 for a non-zero length)."""
        if not units:
            return 0
        value = round(units * self.scale)
        return value if value else (1 if units > 0 else -1)

    def font(self, role: str) -> FontSpec:
        """The font for a text role at this window size and text scale (never smaller than at 1280x720)."""
        font = self._fonts.get(role)
        if font is None:
            spec = ROLES[role]
            font = self._fonts[role] = FontSpec(max(8, round(spec.size * self.text_unit * self.text_scale)), spec.bold)
        return font

    def fixed_font(self, role: str) -> FontSpec:
        """A role's font that ignores the text scale (for decoration such as the grade letter)."""
        spec = ROLES[role]
        return FontSpec(max(8, round(spec.size * self.scale)), spec.bold)
