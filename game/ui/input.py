"""Input at the edge: raw pygame events become :class:`Action` values.

Scenes never see pygame events. Keyboard, mouse and touch are one path:
touch arrives as the mouse events SDL generates from it (``event.touch`` is
True) and FINGER* events are ignored, so a tap fires exactly once. A press
activates a target when it is released over the same target; moving further
than a small threshold turns the press into a drag (of a draggable target) or
a scroll (of the scrolling area), as a finger expects.

Keys::

    Enter            confirm            Space            select
    Esc              back               Tab / Shift+Tab  next / prev
    arrows           up down left right 1-9              option N
    PageUp/PageDown  page               Home / End       home / end
    + / -            increase/decrease  Ctrl + / Ctrl -  text bigger / smaller
    F1               help               F2               language
    F3               contrast           F4               people (relationships)
    F5               reload the scenario file (while playing)
    F11              fullscreen         Ctrl+Q           quit
    Backspace        erase              a-z              letter (by key position on any layout)

Typed text (``TEXTINPUT``, only while a scene has started text input) becomes
a ``text`` action.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import pygame

DRAG_THRESHOLD = 14  # logical units
WHEEL_STEP = 110     # logical units per wheel notch


@dataclass(frozen=True)
class Action:
    """What the player asked for, independent of the device."""

    kind: str
    target: str | None = None
    value: int = 0
    pos: tuple[int, int] | None = None


CARRY = 1
"""``Action("up"/"down").value`` with Ctrl (Cmd) or Alt held: move the focused item itself, not the focus."""

GLOBAL_ACTIONS = {"language", "fullscreen", "contrast", "text_bigger", "text_smaller", "quit"}

_KEYS = {
    pygame.K_RETURN: "confirm", pygame.K_KP_ENTER: "confirm", pygame.K_SPACE: "select",
    pygame.K_ESCAPE: "back", pygame.K_UP: "up", pygame.K_DOWN: "down", pygame.K_LEFT: "left",
    pygame.K_RIGHT: "right", pygame.K_HOME: "home", pygame.K_END: "end",
    pygame.K_F1: "help", pygame.K_F2: "language", pygame.K_F3: "contrast", pygame.K_F4: "people", pygame.K_F5: "reload",
    pygame.K_F11: "fullscreen",
}
_DIGITS = {getattr(pygame, f"K_{n}"): n for n in range(1, 10)} | {getattr(pygame, f"K_KP{n}"): n for n in range(1, 10)}
_PLUS = {pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS}
_MINUS = {pygame.K_MINUS, pygame.K_KP_MINUS}


def _letter(key: int, scancode: int) -> str | None:
    """The Latin letter of a key, or of its position when the layout is not Latin (Cyrillic, Greek)."""
    if pygame.K_a <= key <= pygame.K_z:
        return chr(key)
    if 4 <= scancode <= 29:  # SDL_SCANCODE_A .. SDL_SCANCODE_Z
        return chr(ord("a") + scancode - 4)
    return None


class HitTester(Protocol):
    def hit(self, pos: tuple[int, int]) -> object | None: ...
    def draggable(self, target_id: str) -> bool: ...
    def in_scroll_area(self, pos: tuple[int, int]) -> bool: ...


class InputMapper:
    """Turns pygame events into actions and tracks hover and press for the painter."""

    def __init__(self, unit=lambda v: v):
        self.u = unit
        self.hovered: str | None = None
        self.pressed: str | None = None
        self.keyboard_used = False
        self.changed = False  # hover, press or focus visibility changed: repaint
        self._down: tuple[int, int] | None = None
        self._down_target: str | None = None
        self._mode: str | None = None  # None, "press", "drag", "scroll"
        self._last: tuple[int, int] | None = None

    def reset_pointer(self) -> None:
        """Forget a press in progress (the scene under it changed)."""
        self._down = self._down_target = self._mode = self._last = None
        if self.pressed or self.hovered:
            self.changed = True
        self.pressed = self.hovered = None

    def convert(self, event: pygame.event.Event, hits: HitTester) -> list[Action]:
        kind = event.type
        if kind == pygame.KEYDOWN:
            return self._key(event)
        if kind == pygame.TEXTINPUT:
            return [Action("text", target=event.text)] if getattr(event, "text", "") else []
        if kind == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 1) == 1:
            return self._press(tuple(event.pos), hits, bool(getattr(event, "touch", False)))
        if kind == pygame.MOUSEMOTION:
            return self._motion(tuple(event.pos), hits, bool(getattr(event, "touch", False)))
        if kind == pygame.MOUSEBUTTONUP and getattr(event, "button", 1) == 1:
            return self._release(tuple(event.pos), hits, bool(getattr(event, "touch", False)))
        if kind == pygame.MOUSEWHEEL:
            amount = getattr(event, "precise_y", None) or getattr(event, "y", 0)
            return [Action("scroll", value=-round(amount * self.u(WHEEL_STEP)))] if amount else []
        return []  # FINGER* events: their mouse twins carry the touch

    # ----- keyboard -----------------------------------------------------------
    def _key(self, event: pygame.event.Event) -> list[Action]:
        key, mods = event.key, getattr(event, "mod", 0)
        ctrl = bool(mods & (pygame.KMOD_CTRL | pygame.KMOD_META))
        if not self.keyboard_used:
            self.keyboard_used = self.changed = True
        if ctrl and key == pygame.K_q:
            return [Action("quit")]
        if key in _PLUS:
            return [Action("text_bigger" if ctrl else "increase")]
        if key in _MINUS:
            return [Action("text_smaller" if ctrl else "decrease")]
        if key == pygame.K_TAB:
            return [Action("prev" if mods & pygame.KMOD_SHIFT else "next")]
        if key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            return [Action("page", value=-1 if key == pygame.K_PAGEUP else 1)]
        if key in (pygame.K_UP, pygame.K_DOWN) and mods & (pygame.KMOD_CTRL | pygame.KMOD_META | pygame.KMOD_ALT):
            return [Action(_KEYS[key], value=CARRY)]  # "carry the focused item" (a sequence step); elsewhere a plain arrow
        if key in _DIGITS and not ctrl:
            return [Action("option", value=_DIGITS[key])]
        if key in _KEYS:
            return [Action(_KEYS[key])]
        if key == pygame.K_BACKSPACE:
            return [Action("erase")]
        letter = _letter(key, getattr(event, "scancode", 0))
        if letter and not ctrl:
            return [Action("letter", target=letter)]
        return []

    # ----- pointer ------------------------------------------------------------
    def _pointer_used(self) -> None:
        if self.keyboard_used:
            self.keyboard_used = False
            self.changed = True

    def _press(self, pos: tuple[int, int], hits: HitTester, touch: bool) -> list[Action]:
        self._pointer_used()
        target = hits.hit(pos)
        self._down, self._last, self._mode = pos, pos, "press"
        self._down_target = getattr(target, "id", None)
        self._set("pressed", self._down_target)
        if touch:
            self._set("hovered", None)
        return []

    def _motion(self, pos: tuple[int, int], hits: HitTester, touch: bool) -> list[Action]:
        actions: list[Action] = []
        if self._mode is None:
            if not touch:
                self._set("hovered", getattr(hits.hit(pos), "id", None))
            return actions
        last, self._last = self._last or pos, pos
        if self._mode == "press":
            dx, dy = pos[0] - self._down[0], pos[1] - self._down[1]
            if max(abs(dx), abs(dy)) < self.u(DRAG_THRESHOLD):
                over = getattr(hits.hit(pos), "id", None)
                self._set("pressed", self._down_target if over == self._down_target else None)
                return actions
            if self._down_target and hits.draggable(self._down_target):
                self._mode = "drag"
                self._set("pressed", None)
                return [Action("drag_start", self._down_target, pos=self._down), Action("drag_move", self._down_target, pos=pos)]
            if hits.in_scroll_area(self._down):
                self._mode = "scroll"
                self._set("pressed", None)
                return [Action("scroll", value=self._down[1] - pos[1])]
            over = getattr(hits.hit(pos), "id", None)
            self._set("pressed", self._down_target if over == self._down_target else None)
            return actions
        if self._mode == "drag":
            return [Action("drag_move", self._down_target, pos=pos)]
        if self._mode == "scroll" and pos[1] != last[1]:
            return [Action("scroll", value=last[1] - pos[1])]
        return actions

    def _release(self, pos: tuple[int, int], hits: HitTester, touch: bool) -> list[Action]:
        mode, target = self._mode, self._down_target
        self._down = self._down_target = self._mode = self._last = None
        self._set("pressed", None)
        if not touch:
            self._set("hovered", getattr(hits.hit(pos), "id", None))
        if mode == "drag":
            return [Action("drop", target, pos=pos)]
        if mode == "press" and target is not None and getattr(hits.hit(pos), "id", None) == target:
            return [Action("activate", target, pos=pos)]
        return []

    def _set(self, name: str, value: str | None) -> None:
        if getattr(self, name) != value:
            setattr(self, name, value)
            self.changed = True
