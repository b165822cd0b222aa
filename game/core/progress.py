"""How far a play has come, counted on the path the player took: "Decision 5".

Every scene the play has entered counts once per visit, events included; an
ending is not a decision. The count never depends on scenes still ahead, so
it does not jump when an event comes (as "step 4 of 6" turning "5 of 7" did).
Hosts read it through :class:`game.core.engine.Session`::

    session.decision_number   # 5 on the fifth decision's screen
    session.decisions_taken   # 4 there; 5 once it is answered and the story moved on
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def decision_scenes(scenario: Any, visited: Iterable[str]) -> int:
    """How many of these visited scene ids are decisions (any kind but an ending)."""
    scenes = scenario.scenes
    return sum(1 for scene_id in visited if scene_id in scenes and scenes[scene_id].kind != "ending")


def decisions_taken(scenario: Any, visited: list[str]) -> int:
    """Decision scenes the play has left behind (the scene it is in now not counted)."""
    return decision_scenes(scenario, visited[:-1])


def decision_number(scenario: Any, visited: list[str]) -> int:
    """The number of the decision on screen: the ones left behind, plus the current scene unless it is an ending."""
    return decision_scenes(scenario, visited)
