"""Typed fields for a screen: press a field, type, Backspace erases, Enter or Esc ends (the "who is playing" screen, the settings).

``fields = TextFields({"name": 40, "email": 80}, scene.invalidate, done)``; the
scene passes its actions to :meth:`TextFields.on_action` first and draws each
field with :meth:`TextFields.draw` (target id ``field:KEY``). ``done(key)``
runs when the typing of a field ends. A field drawn with ``hidden=True``
shows one dot a character (a secret), the caret too while typing.
"""

from __future__ import annotations

from typing import Callable

import pygame

from game.ui.input import Action
from game.ui.layout import Builder
from game.ui.theme import M, S

Rect = pygame.Rect
DOT = "•"
PASS_ON = ("activate", "scroll", "page", "next", "prev", "drag_start", "drag_move", "drop")


class TextFields:
    def __init__(self, limits: dict[str, int], invalidate: Callable[[], None], done: Callable[[str], None] | None = None):
        self.limits = limits
        self.values = {key: "" for key in limits}
        self.editing: str | None = None
        self.invalidate = invalidate
        self.done = done

    def start(self, key: str) -> None:
        self.stop()
        self.editing = key
        pygame.key.start_text_input()
        self.invalidate()

    def stop(self) -> None:
        if self.editing is not None:
            key = self.editing
            self.values[key] = " ".join(self.values[key].split())
            self.editing = None
            pygame.key.stop_text_input()
            self.invalidate()
            if self.done is not None:
                self.done(key)

    def on_action(self, action: Action) -> bool:
        """True when the action was typing (the scene does nothing more with it)."""
        if self.editing is None:
            return False
        key, kind = self.editing, action.kind
        if kind == "text":
            self.values[key] = "".join(c for c in self.values[key] + (action.target or "") if c.isprintable())[: self.limits[key]]
            self.invalidate()
            return True
        if kind == "erase":
            self.values[key] = self.values[key][:-1]
            self.invalidate()
            return True
        if kind in ("confirm", "back"):
            self.stop()
            return True
        if kind in PASS_ON:
            if kind in ("activate", "next", "prev"):
                self.stop()
            return False
        return True  # letters, digits and Space are typing, not commands

    def draw(self, b: Builder, key: str, label: str, placeholder: str, x: int, y: int, w: int, hidden: bool = False) -> int:
        """The field's label and its button; returns the y under it."""
        y += b.text(label, "strong", x, y, w) + b.u(S)
        editing = self.editing == key
        value = DOT * len(self.values[key]) if hidden else self.values[key]
        text = (value + "|") if editing else (value or placeholder)
        h = b.button_height(text, w, "textsize")
        b.button(f"field:{key}", text, Rect(x, y, w, h), "selected" if editing else "option", "textsize", align="left")
        return y + h + b.u(M)
