"""Faces the game draws: head and shoulders in a flat style, from a :class:`FullLook`
and a mood (neutral, pleased, doubtful, annoyed: brows, eyes and mouth change).

The face is written as a small SVG (a 200 x 200 box) and rasterised by
pygame-ce once per look, mood and size; :mod:`game.ui.art.cache` keeps it.
"""

from __future__ import annotations

from collections import OrderedDict

import pygame

from game.ui.art import cache
from game.ui.art.emblems import emblem
from game.ui.art.looks import FullLook
from game.ui.art.svg import rasterise, shade

MOODS = ("neutral", "pleased", "doubtful", "annoyed")
SKIN = ("#f6d6bf", "#ecc19f", "#d9a27c", "#bd8159", "#97633f", "#744b31")
HAIR = {"black": "#2a2321", "brown": "#5d3b28", "auburn": "#96472a", "blonde": "#d8b26a", "grey": "#9b9b9b", "white": "#e6e3dc"}
COLOURS = {"teal": "#2a9d8f", "navy": "#2f4a6d", "red": "#c8475a", "mustard": "#e0a83a", "green": "#5b8e55",
           "purple": "#7a5c99", "grey": "#7d8791", "coral": "#ee8a6a"}
INK = "#1b1311"
LIPS = "#7a3b35"

HAIR_BACK = {
    "long": '<path d="M58 96 C54 44 146 44 142 96 L148 162 Q100 176 52 162 Z" fill="{h}"/>',
    "ponytail": '<path d="M128 78 C160 84 162 140 140 156 C150 128 144 104 126 96 Z" fill="{h}"/>',
    "bun": '<circle cx="100" cy="44" r="19" fill="{h}"/>',
    "curly": ''.join(f'<circle cx="{x}" cy="{y}" r="17" fill="{{h}}"/>' for x, y in ((62, 104), (138, 104), (60, 84), (140, 84), (66, 122), (134, 122))),
}
HAIR_FRONT = {
    "short": '<path d="M62 94 C58 50 94 42 112 49 C134 53 144 70 138 94 C133 76 120 66 100 67 C84 68 70 77 62 94 Z" fill="{h}"/>',
    "long": '<path d="M59 102 C52 30 148 30 141 102 C134 76 118 64 104 62 C97 74 80 82 59 102 Z" fill="{h}"/>',
    "bun": '<path d="M60 96 C55 34 145 34 140 96 C128 70 72 70 60 96 Z" fill="{h}"/>',
    "ponytail": '<path d="M60 96 C55 34 145 34 140 96 C126 68 74 68 60 96 Z" fill="{h}"/>',
    "curly": ''.join(f'<circle cx="{x}" cy="{y}" r="{r}" fill="{{h}}"/>' for x, y, r in ((68, 76, 15), (80, 62, 16), (99, 56, 18), (118, 62, 16), (132, 76, 15))),
    "bald": '<path d="M62 104 Q59 86 66 78 L70 104 Z" fill="{h}"/><path d="M138 104 Q141 86 134 78 L130 104 Z" fill="{h}"/>',
    "headscarf": ('<path fill-rule="evenodd" d="M54 102 C50 40 150 40 146 102 C148 140 136 162 100 168 C64 162 52 140 54 102 Z '
                  'M67 98 C67 128 80 142 100 144 C120 142 133 128 133 98 C133 72 118 62 100 62 C82 62 67 72 67 98 Z" fill="{s}"/>'),
}
SCARF_BACK = '<path d="M50 104 C44 150 60 176 100 180 C140 176 156 150 150 104 Z" fill="{s}"/>'

EYES = {
    "neutral": '<ellipse cx="86" cy="98" rx="4.5" ry="5.5" fill="{i}"/><ellipse cx="114" cy="98" rx="4.5" ry="5.5" fill="{i}"/>',
    "pleased": ('<path d="M80 100 Q86 92 92 100" fill="none" stroke="{i}" stroke-width="4" stroke-linecap="round"/>'
                '<path d="M108 100 Q114 92 120 100" fill="none" stroke="{i}" stroke-width="4" stroke-linecap="round"/>'),
    "doubtful": '<ellipse cx="86" cy="98" rx="4.5" ry="5.5" fill="{i}"/><ellipse cx="114" cy="99" rx="4.5" ry="3.5" fill="{i}"/>',
    "annoyed": '<ellipse cx="86" cy="99" rx="4.5" ry="3.2" fill="{i}"/><ellipse cx="114" cy="99" rx="4.5" ry="3.2" fill="{i}"/>',
}
BROWS = {
    "neutral": ("M78 85 Q85 82 93 84", "M107 84 Q115 82 122 85"),
    "pleased": ("M78 81 Q85 75 93 79", "M107 79 Q115 75 122 81"),
    "doubtful": ("M78 80 Q85 74 93 79", "M107 87 L122 86"),
    "annoyed": ("M78 80 L94 87", "M106 87 L122 80"),
}
MOUTHS = {
    "neutral": '<path d="M90 124 Q100 130 110 124" fill="none" stroke="{l}" stroke-width="3.5" stroke-linecap="round"/>',
    "pleased": ('<path d="M85 119 Q100 140 115 119 Z" fill="{l}"/><path d="M89 120 L111 120 L109 124 L91 124 Z" fill="#ffffff"/>'
                '<circle cx="75" cy="113" r="7" fill="#f0707a" fill-opacity="0.30"/><circle cx="125" cy="113" r="7" fill="#f0707a" fill-opacity="0.30"/>'),
    "doubtful": '<path d="M89 127 C95 122 101 129 112 123" fill="none" stroke="{l}" stroke-width="3.5" stroke-linecap="round"/>',
    "annoyed": '<path d="M89 129 Q100 120 111 129" fill="none" stroke="{l}" stroke-width="3.5" stroke-linecap="round"/>',
}
GLASSES = ('<rect x="74" y="89" width="24" height="18" rx="6" fill="#ffffff" fill-opacity="0.18" stroke="#26303a" stroke-width="3"/>'
           '<rect x="102" y="89" width="24" height="18" rx="6" fill="#ffffff" fill-opacity="0.18" stroke="#26303a" stroke-width="3"/>'
           '<path d="M98 96 L102 96" stroke="#26303a" stroke-width="3"/>')
BEARD = ('<path d="M63 98 C62 142 84 150 100 150 C116 150 138 142 137 98 C134 122 122 134 100 134 C78 134 66 122 63 98 Z" fill="{h}"/>'
         '<path d="M86 121 Q100 112 114 121 Q100 118 86 121 Z" fill="{h}"/>')
LINES = ('<path d="M86 70 Q100 66 114 70" fill="none" stroke="{d}" stroke-width="2" stroke-linecap="round"/>'
         '<path d="M72 108 Q74 114 78 116" fill="none" stroke="{d}" stroke-width="2" stroke-linecap="round"/>'
         '<path d="M128 108 Q126 114 122 116" fill="none" stroke="{d}" stroke-width="2" stroke-linecap="round"/>')


def face_svg(look: FullLook, mood: str) -> str:
    """The SVG of a head and shoulders (transparent around them) in a 200 x 200 box."""
    mood = mood if mood in MOODS else "neutral"
    skin = SKIN[max(1, min(len(SKIN), look.skin)) - 1]
    dark = shade(skin, 0.82)
    hair = HAIR.get(look.hair_colour, HAIR["brown"])
    clothes = COLOURS.get(look.clothes, COLOURS["teal"])
    scarf = COLOURS.get(look.colour, COLOURS["navy"]) if look.colour != look.clothes else shade(clothes, 0.75)
    values = {"h": hair, "s": scarf, "i": INK, "l": LIPS, "d": dark}
    parts = [HAIR_BACK.get(look.hair, "")]
    if look.hair == "headscarf":
        parts.append(SCARF_BACK)
    parts += [
        f'<path d="M26 200 C28 166 52 150 80 146 L120 146 C148 150 172 166 174 200 Z" fill="{clothes}"/>',
        f'<path d="M86 116 L114 116 L117 150 Q100 164 83 150 Z" fill="{dark}"/>',
        f'<path d="M82 148 L100 170 L118 148" fill="none" stroke="{shade(clothes, 0.72)}" stroke-width="5" stroke-linejoin="round"/>',
    ]
    if look.hair != "headscarf":
        parts.append(f'<ellipse cx="63" cy="101" rx="7" ry="10" fill="{dark}"/><ellipse cx="137" cy="101" rx="7" ry="10" fill="{dark}"/>')
    parts.append(f'<ellipse cx="100" cy="97" rx="37" ry="45" fill="{skin}"/>')
    if look.age == "older":
        parts.append(LINES)
    if look.beard:
        parts.append(BEARD)
    parts.append(HAIR_FRONT.get(look.hair, HAIR_FRONT["short"]))
    brow = shade(hair, 0.7) if look.hair_colour in ("blonde", "grey", "white") else hair
    if look.hair == "headscarf":
        brow = "#3a2a22"
    for path in BROWS[mood]:
        parts.append(f'<path d="{path}" fill="none" stroke="{brow}" stroke-width="4.5" stroke-linecap="round"/>')
    parts.append(EYES[mood])
    parts.append(f'<path d="M100 101 Q95 112 101 115" fill="none" stroke="{dark}" stroke-width="3" stroke-linecap="round"/>')
    parts.append(MOUTHS[mood])
    if look.glasses:
        parts.append(GLASSES)
    body = "".join(parts).format(**values)
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" width="200" height="200">{body}</svg>'


def bust(look: FullLook, mood: str, size: int) -> pygame.Surface:
    """Head and shoulders, ``size`` pixels square, transparent around them."""
    return cache.get(("bust", look, mood, size), lambda: rasterise(face_svg(look, mood), (size, size)))


SHOWN_KEPT = 8
_shown: OrderedDict[tuple[FullLook, int], None] = OrderedDict()  # the faces shown lately (look, size), newest last


def face(look: FullLook, mood: str, size: int) -> pygame.Surface:
    """A round portrait ``size`` pixels wide: the face on a soft disc, an organisation's emblem at its corner."""
    _shown[(look, size)] = None
    _shown.move_to_end((look, size))
    while len(_shown) > SHOWN_KEPT:
        _shown.popitem(last=False)
    return _face(look, mood, size)


def _face(look: FullLook, mood: str, size: int) -> pygame.Surface:
    def draw() -> pygame.Surface:
        surface = pygame.Surface((size, size), pygame.SRCALPHA)
        tint = pygame.Color(COLOURS.get(look.colour if look.colour != look.clothes else "grey", "#7d8791"))
        disc = tint.lerp((255, 255, 255), 0.72)
        pygame.draw.circle(surface, disc, (size // 2, size // 2), size // 2)
        person = bust(look, mood, size)
        inner = pygame.Surface((size, size), pygame.SRCALPHA)
        inner.blit(person, (0, size // 20))
        mask = pygame.Surface((size, size), pygame.SRCALPHA)
        pygame.draw.circle(mask, (255, 255, 255, 255), (size // 2, size // 2), size // 2)
        inner.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
        surface.blit(inner, (0, 0))
        if look.emblem:
            mark = size * 2 // 5
            surface.blit(emblem(look, mark), (size - mark, size - mark))
        return surface

    return cache.get(("face", look, mood, size), draw)


def draw_next_mood() -> bool:
    """Draw one mood not yet drawn of a face shown lately (the newest first); False when every one is drawn.

    The game loop calls it while nothing else happens, so that when a negotiation's mood changes, or feedback
    shows a pleased or an annoyed face, the picture is ready and the frame does not wait for it."""
    if cache.size() >= cache.LIMIT - 2:  # a full cache: a mood drawn ahead would push out a picture to draw again
        return False
    for look, size in reversed(_shown):
        for mood in MOODS:
            if not cache.has(("face", look, mood, size)):
                _face(look, mood, size)
                return True
    return False


cache.ahead.append(draw_next_mood)
