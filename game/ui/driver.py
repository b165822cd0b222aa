"""Driving the app from tests and the screenshot tool, one step at a time.

A mixin of :class:`game.ui.app.App`: post real pygame events (mouse, touch,
keys) and let the app handle them exactly as in play.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame

from game.ui.art import cache as art

FRAME_MS = 16


class Driver:
    """Test helpers for the App."""

    def post(self, kind: int, **attributes: Any) -> None:
        pygame.event.post(pygame.event.Event(kind, attributes))

    def settle(self, limit_ms: int = 3000) -> None:
        """Step until no animation runs and the pictures drawn in the background for the screen are shown."""
        self.step()
        if art.wait(limit_ms / 1000):
            self.step()  # the arrived pictures' rebuild
        waited = 0
        while self.animating and waited < limit_ms:
            self.step()
            waited += FRAME_MS

    def target_center(self, target_id: str) -> tuple[int, int]:
        """Where to press a target of the top scene (scrolling it into view first)."""
        scene = self.top
        scene.refresh()
        target = scene.view.find(target_id)
        if target is None:
            known = ", ".join(t.id for t in scene.view.targets)
            raise LookupError(f"no target '{target_id}' on {scene.name}; targets: {known}")
        scene.reveal(target)
        return scene.view.on_screen(target, scene.scroll).center

    def click(self, target_id: str, touch: bool = False) -> None:
        """Press and release the mouse (or a finger, with ``touch``) on a target, then settle."""
        pos = self.target_center(target_id)
        extra = {"touch": True} if touch else {}
        self.post(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), **extra)
        self.post(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, **extra)
        self.post(pygame.MOUSEBUTTONUP, pos=pos, button=1, **extra)
        self.settle()

    def key(self, key: int, mod: int = 0) -> None:
        self.post(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0)
        self.post(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0)
        self.settle()

    def screenshot(self, path: Path) -> None:
        for scene in self.stack:
            if scene.stale:
                self.dirty = True
        self._fade = None
        self.draw()
        pygame.image.save(self.surface, str(path))

