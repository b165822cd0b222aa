"""Painting frames: everything, or only what changed.

A mixin of :class:`game.ui.app.App`. A frame repaints everything after a
resize, a new screen or a scroll; after a rebuild it repaints only the items
that differ (see :mod:`game.ui.damage`); after a hover or a press only that
button. An overlay's backdrop (the scenes under it, dimmed) is painted once
and reused. A change of screen fades the old picture out over 150 ms while
it slides a little: to the left going forward, to the right going back (an
overlay only fades). A key or a click during it ends it at once.
"""

from __future__ import annotations

import pygame

from game.ui.damage import changed_regions, merge
from game.ui.motion import ease_out, finish_all

FADE_MS = 150
SLIDE = 48  # logical units the old screen moves while it fades


class Frames:
    """Frame painting for the App (needs its surface, stack, palette, metrics and mapper)."""

    @property
    def animating(self) -> bool:
        return self._fade is not None or self._animating

    def update(self, dt: float) -> None:
        busy = False
        if self._fade is not None:
            self._fade_ms += dt
            if self._fade_ms >= FADE_MS:
                self._fade = None
            self.dirty = True
        for scene in list(self.stack):
            if scene.update(dt):
                busy = True
        self._animating = busy

    def art_arrived(self) -> None:
        """A picture drawn in the background is ready (see :mod:`game.ui.art.places`): the screens rebuild with it, and
        only what differs is repainted."""
        for scene in self.stack:
            scene.invalidate()

    def finish_motion(self) -> None:
        """A key or a click: every animation jumps to its end (the press then acts on the final screen)."""
        if self._fade is not None:
            self._fade = None
            self.dirty = True
        finish_all(self.stack)

    def draw(self) -> None:
        """Repaint the visible scenes (only the top one's overlays dim what is below)."""
        self._paint()
        pygame.display.flip()
        self.frames += 1
        self.dirty = False
        self.touched = []

    def draw_touched(self) -> None:
        """Repaint only the touched regions (targets whose hover or press changed, items a rebuild changed), each
        place once: a pressed button is touched by the press and by the rebuild that follows it."""
        regions = [r.clip(self.surface.get_rect()) for r in self.touched]
        regions = merge([r for r in regions if r.w and r.h])
        for region in regions:
            self.surface.set_clip(region)
            self._paint()
        self.surface.set_clip(None)
        pygame.display.update(regions)
        self.frames += 1
        self.touched = []

    def _paint(self) -> None:
        for scene in self.stack:
            scene.refresh()
        first = len(self.stack) - 1
        while first > 0 and not self.stack[first].opaque:
            first -= 1
        top = len(self.stack) - 1
        if first < top:
            self._paint_backdrop(first, top)
        else:
            self.surface.fill(self.palette.bg)
        self.stack[top].draw(self.surface)
        self.stack[top].painted_scroll = self.stack[top].scroll
        if self._fade is not None:
            gone = ease_out(self._fade_ms / FADE_MS)
            self._fade.set_alpha(round(255 * (1 - gone)))
            self.surface.blit(self._fade, (-round(self._fade_way * self.metrics.u(SLIDE) * gone), 0))

    def _paint_backdrop(self, first: int, top: int) -> None:
        """What shows under an overlay (the scenes below, dimmed): painted once, then reused."""
        key = (self.size, self.palette.name, tuple((id(s), id(s.view), s.scroll) for s in self.stack[first:top]))
        if self._backdrop is not None and self._backdrop_key == key:
            self.surface.blit(self._backdrop, (0, 0))
            return
        self.surface.fill(self.palette.bg)
        for index in range(first, top):
            if index > first:
                self.surface.blit(self._dimmer(), (0, 0))
            self.stack[index].draw(self.surface)
        self.surface.blit(self._dimmer(), (0, 0))
        if self.surface.get_clip() == self.surface.get_rect():  # only a whole picture can be reused
            self._backdrop, self._backdrop_key = self.surface.copy(), key

    def _dimmer(self) -> pygame.Surface:
        if self._dim is None or self._dim.get_size() != self.size:
            self._dim = pygame.Surface(self.size, pygame.SRCALPHA)
            self._dim.fill(self.palette.dim)
        return self._dim

    def _repaint_if_needed(self) -> None:
        """Repaint all, or only what changed: the items that differ after a rebuild, or hover and press."""
        if self.dirty or self._fade is not None:
            self.draw()
            return
        stale = [scene for scene in self.stack if scene.stale]
        if stale:
            top = self.top
            if stale != [top]:
                self.draw()
                return
            top.refresh()
            # the items are compared at one scroll: if the page moved since it was painted (a rebuild that
            # reset or clamped the scroll, a jump to a target), everything on it moved too
            moved = top.scroll != getattr(top, "painted_scroll", top.scroll)
            regions = None if moved else changed_regions(
                top.previous_view, top.view, top.scroll, self.surface.get_rect(), self.metrics.u(24))
            if regions is None or (self.mapper.keyboard_used and regions):
                self.draw()  # too much changed, or the focus ring may have moved
                return
            self.touched += regions
        if self.touched:
            self.draw_touched()

