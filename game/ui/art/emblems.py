"""An organisation's emblem: a white mark (leaf, wave, sun, drop, star, book, mic,
heart, tower, hands) on a rounded square of its colour, in the faces' flat style."""

from __future__ import annotations

import pygame

from game.ui.art import cache
from game.ui.art.looks import FullLook
from game.ui.art.svg import rasterise, shade

COLOURS = {"teal": "#2a9d8f", "navy": "#2f4a6d", "red": "#c8475a", "mustard": "#c98b1e", "green": "#4f8a4a",
           "purple": "#7a5c99", "grey": "#6d7781", "coral": "#e0704f"}
W = 'fill="#ffffff"'
LINE = 'fill="none" stroke="#ffffff" stroke-width="8" stroke-linecap="round" stroke-linejoin="round"'
MARKS = {
    "leaf": f'<path d="M28 72 C28 42 48 26 76 26 C76 54 58 72 28 72 Z" {W}/><path d="M30 70 L60 40" fill="none" stroke="{{c}}" stroke-width="5" stroke-linecap="round"/>',
    "wave": f'<path d="M18 44 Q30 32 42 44 Q54 56 66 44 Q78 32 86 42" {LINE}/><path d="M18 64 Q30 52 42 64 Q54 76 66 64 Q78 52 86 62" {LINE}/>',
    "sun": f'<circle cx="50" cy="50" r="15" {W}/>' + "".join(
        f'<path d="M{50 + 22 * dx:.1f} {50 + 22 * dy:.1f} L{50 + 31 * dx:.1f} {50 + 31 * dy:.1f}" {LINE}/>'
        for dx, dy in ((1, 0), (0.707, 0.707), (0, 1), (-0.707, 0.707), (-1, 0), (-0.707, -0.707), (0, -1), (0.707, -0.707))),
    "drop": f'<path d="M50 18 C50 18 27 47 27 61 A23 23 0 0 0 73 61 C73 47 50 18 50 18 Z" {W}/>',
    "star": f'<path d="M50 16 L59 39 L84 40 L64 55 L71 80 L50 66 L29 80 L36 55 L16 40 L41 39 Z" {W}/>',
    "book": f'<path d="M18 28 L47 34 L47 78 L18 72 Z" {W}/><path d="M82 28 L53 34 L53 78 L82 72 Z" {W}/>',
    "mic": f'<rect x="41" y="16" width="18" height="38" rx="9" {W}/><path d="M31 46 Q31 66 50 66 Q69 66 69 46" {LINE}/><path d="M50 66 L50 80 M38 82 L62 82" {LINE}/>',
    "heart": f'<path d="M50 80 C18 60 20 28 37 28 C45 28 50 35 50 40 C50 35 55 28 63 28 C80 28 82 60 50 80 Z" {W}/>',
    "tower": f'<path d="M28 82 L28 34 L50 20 L72 34 L72 82 Z" {W}/>' + "".join(
        f'<rect x="{x}" y="{y}" width="9" height="10" fill="{{c}}"/>' for x in (37, 54) for y in (40, 57)),
    "hands": '<circle cx="39" cy="50" r="17" fill="none" stroke="#ffffff" stroke-width="8"/><circle cx="61" cy="50" r="17" fill="none" stroke="#ffffff" stroke-width="8"/>',
}


def emblem_svg(mark: str, colour: str) -> str:
    fill = COLOURS.get(colour, COLOURS["teal"])
    body = MARKS.get(mark, MARKS["star"]).replace("{c}", fill)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100">'
            f'<rect x="3" y="3" width="94" height="94" rx="26" fill="{shade(fill, 0.8)}"/>'
            f'<rect x="3" y="3" width="94" height="90" rx="26" fill="{fill}"/>{body}</svg>')


def emblem(look: FullLook, size: int) -> pygame.Surface:
    """The organisation's emblem, ``size`` pixels square (a star if the look names none)."""
    return cache.get(("emblem", look.emblem, look.colour, size), lambda: rasterise(emblem_svg(look.emblem or "star", look.colour), (size, size)))
