"""Parts of a screen laid out once and reused while nothing they show changes.

A click on a negotiation changes one clause row of six, a pick one card of
four: the others need not be laid out again. Each part is laid out in a
scratch view at the top of the page (y = 0) under a key that holds all it is
drawn from; the next frame adopts copies of its items moved to where the
part goes (:meth:`game.ui.view.View.adopt`). The cache belongs to a screen
and forgets every part when the window, text size, theme or language
changes.
"""

from __future__ import annotations

from typing import Callable, Hashable

from game.ui.i18n import language
from game.ui.layout import Builder
from game.ui.view import View


class LayoutCache:
    LIMIT = 64  # parts kept; all forgotten when more are asked for

    def __init__(self) -> None:
        self.made: dict[Hashable, tuple[View, int]] = {}
        self.context: tuple = ()

    def _keep_for(self, b: Builder) -> None:
        """Forget every part unless ``b`` lays out for the same window and text size, theme and language."""
        objects, words = (b.m, b.ts, b.palette), language()
        if not self.context or any(a is not c for a, c in zip(objects, self.context[0])) or words != self.context[1]:
            self.made.clear()
            self.context = (objects, words)

    def place(self, b: Builder, key: Hashable, lay_out: Callable[[Builder, int], int], y: int) -> int:
        """Add the part ``key`` at ``y``: ``lay_out(builder, y)`` lays it out and returns its bottom, the first time
        only. Returns the part's bottom at ``y``."""
        self._keep_for(b)
        made = self.made.get(key)
        if made is None:
            if len(self.made) >= self.LIMIT:
                self.made.clear()
            scratch = View(b.view.size)
            made = self.made[key] = (scratch, lay_out(Builder(scratch, b.m, b.ts, b.palette), 0))
        scratch, bottom = made
        b.view.adopt(scratch, y)
        return y + bottom
