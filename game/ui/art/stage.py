"""The stage at the top of a scene: its place as a backdrop across the window,
the scene's title and text on a panel over it (or in a speech bubble beside
the face of who says it), all laid out by a scene's builder.

In the high-contrast theme there is no backdrop: the text stands on the plain
background, and faces and bubbles keep their borders.
"""

from __future__ import annotations

from typing import Any, Callable

import pygame

from game.core.looks import place_of
from game.ui import images
from game.ui.art import places, portraits
from game.ui.art.bubbles import bubble
from game.ui.art.emblems import emblem
from game.ui.art.looks import of_member
from game.ui.art.paint import Picture, Scrim
from game.ui.theme import L, M, RADIUS, S, XL
from game.ui.view import Art, Box

Rect = pygame.Rect
Content = Callable[..., int]  # content(b, x, y, width, container) -> the y below it
BAND_MIN = 320     # logical units
FACE_MAX = 300


def backdrops_on(b) -> bool:
    """Backdrops show in the standard theme only (high contrast keeps plain backgrounds)."""
    return b.palette.shadows


def warm_places(app: Any, scenario: Any) -> None:
    """Start drawing a scenario's backdrops for this window in the background (the first scene's first)."""
    if app is None or scenario is None or not app.palette.shadows:
        return
    first = scenario.scenes.get(scenario.start_scene)
    order = ([first] if first is not None else []) + list(scenario.scenes.values())
    places.warm([place_of(scene) for scene in order], app.size[0])


def face(b, member: Any, mood: str, x: int, y: int, size: int) -> None:
    """A round portrait of a cast member (with their organisation's emblem), in a ring."""
    b.art(Rect(x, y, size, size), Picture(portraits.face(of_member(member), mood, size)))
    b.view.add(Box(Rect(x, y, size, size), None, "primary", max(2, b.u(2)), size // 2))


def portrait(b, member: Any, x: int, y: int, size: int, play: Any = None, mood: str = "neutral") -> None:
    """A round portrait: the picture the scenario ships for the member, else the face the game draws (with the mood)."""
    path = images.find(play.entry.path, member.portrait) if play is not None else None
    picture = images.round_portrait(path, size) if path is not None else None
    if picture is None:
        face(b, member, mood, x, y, size)
        return
    b.art(Rect(x, y, size, size), Picture(picture))
    b.view.add(Box(Rect(x, y, size, size), None, "primary", max(2, b.u(2)), size // 2))


def bust(b, member: Any, mood: str, x: int, y: int, size: int) -> None:
    """Head and shoulders of a cast member, standing in the scene."""
    look = of_member(member)
    b.art(Rect(x, y, size, size), Picture(portraits.bust(look, mood, size)))
    if look.emblem:  # who they speak for
        mark = size * 3 // 10
        b.art(Rect(x + size - mark - size // 12, y + size - mark - size // 20, mark, mark), Picture(emblem(look, mark)))


def name_tag(b, text: str, x: int, y: int, width: int) -> int:
    """A small label with who speaks, on its own chip; returns its height."""
    w = min(width, b.text_width(text, "small_bold") + 2 * b.u(M))
    h = b.text_height(text, "small_bold", w - 2 * b.u(M)) + b.u(S)
    rect = Rect(x + (width - w) // 2, y, w, h)
    b.box(rect, "surface", "primary", 2, radius=10)
    b.text(text, "small_bold", rect.x + b.u(M), rect.y + b.u(S) // 2, w - 2 * b.u(M), container=rect)
    return h


def stage(b, play: Any, scene: Any, x: int, y: int, width: int, content: Content, *, mood: str = "neutral", panel: bool = True) -> int:
    """Lay out a scene's stage from ``y`` (the top of the scrolling area); returns where the body starts.

    ``content`` draws the title and text; with a ``speaker`` it goes in their
    speech bubble, else on a see-through panel (``panel``) over the backdrop.
    """
    show = backdrops_on(b)
    projector = getattr(play, "projector", False)  # a workshop's room screen: the backdrop only as tall as the text
    pad = (b.u(M) if projector else b.u(XL)) if show else 0
    index = b.view.mark()
    top = y
    y += pad if show else b.u(L)
    speaker = play.scenario.member(scene.speaker) if getattr(scene, "speaker", None) else None
    text_w = min(width, max(width * 3 // 5, int(b.u(1000) * b.m.text_scale)))  # the place shows beside the text
    bottom = y
    if speaker is not None:
        size = min(b.u(FACE_MAX // 2 if projector else FACE_MAX), width // 4)
        gap = b.u(L) + b.u(22)
        text_x, text_w = x + size + gap, min(width - size - gap, text_w)
        bottom = bubble(b, text_x, y, text_w, content, "left", tail_y=y + size // 3)
        face_y = max(y, bottom - size) if show else y
        bust(b, speaker, mood, x, face_y, size)
        tag_y = face_y + size + b.u(S)
        bottom = max(bottom, tag_y + name_tag(b, play.cast_name(speaker.id), x, tag_y, size))
    elif show and panel:
        inner = b.u(L)
        box = Rect(x, y, text_w, 0)
        bottom = content(b, x + inner, y + inner, text_w - 2 * inner, box) + inner
        box.h = bottom - y
        b.view.insert(index, Art(Rect(box), Scrim(box.size, b.u(RADIUS))))
    else:
        box = Rect(x, y, width if not show else text_w, 0)
        bottom = content(b, x, y, box.w, box)
        box.h = bottom - y  # the text's own block: what it must stay inside
    if not show:
        return bottom + b.u(L)
    band_bottom = max(bottom + pad, top + (0 if projector else b.u(BAND_MIN)))
    backdrop(b, index, place_of(scene), top, band_bottom)
    return band_bottom + b.u(L)


def backdrop(b, index: int, place: str, top: int, bottom: int) -> None:
    """Put a place's backdrop across the window from ``top`` to ``bottom``, under the items added since ``index``.

    A band not drawn yet is drawn in the background: until it arrives the band shows the plain background
    (everything else laid out as it will be), then the screen rebuilds with it."""
    if not backdrops_on(b):
        return
    image = places.band_soon(place, b.m.width, bottom - top)
    if image is not None:
        b.view.insert(index, Art(Rect(0, top, b.m.width, bottom - top), Picture(image)))
    b.view.insert(index + (1 if image is not None else 0), Box(Rect(0, bottom - b.u(3), b.m.width, b.u(3)), "border", None, 0, 0))


def title_and_text(title: str | None, text: str, picture: Callable[..., int] | None = None, title_role: str = "h1", text_role: str = "body") -> Content:
    """The usual content: a heading, the scenario's own picture if any, the text (a projector's tight fit: smaller roles)."""
    def content(b, x: int, y: int, w: int, box: Rect) -> int:
        if title:
            y += b.text(title, title_role, x, y, w, container=box) + b.u(S)
        if picture is not None:
            used = picture(b, x, y + b.u(S), w)
            y += used + b.u(M) if used else 0
        return y + b.text(text, text_role, x, y, w, container=box)

    return content
