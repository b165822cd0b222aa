"""Fonts, word wrapping and rendered text, all cached.

Fonts are Noto Sans Regular and Bold from ``assets/fonts`` (OFL), opened at
native pixel sizes. Rendering text is the costly part of a frame, so every
rendered line is kept (least recently used out) and a repaint only blits.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

import pygame

from game.ui.metrics import FontSpec

FONT_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"
REGULAR = FONT_DIR / "NotoSans-Regular.ttf"
BOLD = FONT_DIR / "NotoSans-Bold.ttf"
# Characters Noto Sans lacks, shown as their plain look-alikes rather than as boxes.
# (tests/ui/test_glyphs.py still fails on them, so authors fix the text.)
SUBSTITUTES = str.maketrans({"\u2212": "-", "\u2192": "->", "\u2190": "<-", "\u2713": "v", "\u2717": "x"})


class Typesetter:
    """Opens fonts, wraps text to a width and renders lines, with caches."""

    def __init__(self, max_lines: int = 3000):
        self._fonts: dict[FontSpec, pygame.font.Font] = {}
        self._lines: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self._wraps: OrderedDict[tuple, list[str]] = OrderedDict()
        self._widths: dict[tuple, int] = {}
        self._max = max_lines
        self.renders = 0  # lines actually rendered (a cache miss); read by tests and the benchmark

    def font(self, spec: FontSpec) -> pygame.font.Font:
        font = self._fonts.get(spec)
        if font is None:
            font = pygame.font.Font(str(BOLD if spec.bold else REGULAR), spec.px)
            self._fonts[spec] = font
        return font

    def line_height(self, spec: FontSpec) -> int:
        return self.font(spec).get_linesize()

    def width(self, text: str, spec: FontSpec) -> int:
        key = (text, spec)
        width = self._widths.get(key)
        if width is None:
            if len(self._widths) > 20000:
                self._widths.clear()
            width = self._widths[key] = self.font(spec).size(text.translate(SUBSTITUTES))[0]
        return width

    def wrap(self, text: str, spec: FontSpec, width: int) -> list[str]:
        """Greedy word wrap to ``width`` pixels; words longer than a line are broken."""
        key = (text, spec, width)
        lines = self._wraps.get(key)
        if lines is not None:
            return lines
        lines = self._wrap(text.translate(SUBSTITUTES), spec, max(1, width))
        self._wraps[key] = lines
        if len(self._wraps) > self._max:
            self._wraps.popitem(last=False)  # oldest first (a simple bounded cache)
        return lines

    def _wrap(self, text: str, spec: FontSpec, width: int) -> list[str]:
        font = self.font(spec)
        lines: list[str] = []
        for paragraph in text.split("\n"):
            line = ""
            for word in paragraph.split():
                candidate = f"{line} {word}" if line else word
                if font.size(candidate)[0] <= width:
                    line = candidate
                    continue
                if line:
                    lines.append(line)
                line = word
                while font.size(line)[0] > width and len(line) > 1:
                    cut = len(line) - 1
                    while cut > 1 and font.size(line[:cut])[0] > width:
                        cut -= 1
                    lines.append(line[:cut])
                    line = line[cut:]
            lines.append(line)
        return lines

    def render(self, line: str, spec: FontSpec, color: tuple[int, int, int]) -> pygame.Surface:
        """One line of text as a surface (cached)."""
        key = (line, spec, color)
        surface = self._lines.get(key)
        if surface is not None:
            return surface
        surface = self.font(spec).render(line.translate(SUBSTITUTES), True, color)
        if pygame.display.get_surface() is not None:
            surface = surface.convert_alpha()
        self.renders += 1
        self._lines[key] = surface
        if len(self._lines) > self._max:
            self._lines.popitem(last=False)
        return surface

    def clear(self) -> None:
        self._lines.clear()
