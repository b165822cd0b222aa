"""One module per screen. :func:`scene_for` picks the screen for the story's current scene."""

from __future__ import annotations

from typing import Any


def scene_for(play: Any) -> Any:
    """The screen for the session's current scene (by its kind)."""
    from game.ui.scenes.allocate import AllocateScene
    from game.ui.scenes.choice import ChoiceScene, EventScene
    from game.ui.scenes.ending import EndingScene
    from game.ui.scenes.negotiate import NegotiateScene
    from game.ui.scenes.pick import PickScene
    from game.ui.scenes.sequence import SequenceScene

    kinds = {
        "choice": ChoiceScene,
        "event": EventScene,
        "pick": PickScene,
        "negotiate": NegotiateScene,
        "sequence": SequenceScene,
        "allocate": AllocateScene,
        "ending": EndingScene,
    }
    return kinds[play.session.scene.kind](play)
