"""Fonts, word wrapping and rendered text, all cached.

Fonts are Noto Sans Regular and Bold from ``assets/fonts`` (OFL; see game.resources), opened at
native pixel sizes. Rendering text is the costly part of a frame, so every
rendered line is kept (least recently used out) and a repaint only blits.
"""

from __future__ import annotations

from collections import OrderedDict

import pygame

from game.resources import font
from game.ui.metrics import FontSpec

REGULAR = font("NotoSans-Regular.ttf")
BOLD = font("NotoSans-Bold.ttf")
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

    def warm(self, spec: FontSpec, characters: str) -> None:
        """Open a font and load its glyphs for these characters, so the first screen that measures words with it is quick
        (a cold glyph costs a few tenths of a millisecond the first time it is measured)."""
        self.font(spec).size(characters.translate(SUBSTITUTES))

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
        """Greedy wrap in time linear in the text: each measure is at most a line long, and a word
        wider than the line is cut where its characters' advances add up to the width."""
        font = self.font(spec)
        lines: list[str] = []
        for paragraph in text.split("\n"):
            line = ""
            for word in paragraph.split():
                candidate = f"{line} {word}" if line else word
                if len(candidate) <= 4 * width and font.size(candidate)[0] <= width:  # (no glyph is under 1/4 px wide)
                    line = candidate
                    continue
                if line:
                    lines.append(line)
                line = word
                if len(word) > 4 * width or font.size(word)[0] > width:
                    pieces = self._break_word(font, word, width)
                    lines += pieces[:-1]
                    line = pieces[-1]
            lines.append(line)
        return lines

    @staticmethod
    def _break_word(font: pygame.font.Font, word: str, width: int) -> list[str]:
        """A word too wide for a line, in pieces that fit (at least one character each)."""
        advances = [m[4] if m else 0 for m in font.metrics(word)]
        pieces, start, used = [], 0, 0
        for index, advance in enumerate(advances):
            if used + advance > width and index > start:
                pieces.append(word[start:index])
                start, used = index, 0
            used += advance
        pieces.append(word[start:])
        return pieces

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
