"""One module per screen. :func:`scene_for` picks the screen for the story's current scene."""

from __future__ import annotations

from typing import Any

from game.ui import screens


def scene_for(play: Any) -> Any:
    """The screen for the session's current scene: the one registered under its kind (``choice``, ``pick``, ...)."""
    return screens.make(play.session.scene.kind, play)
