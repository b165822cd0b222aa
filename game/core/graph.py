"""The story graph: which scene leads where, and what no path reaches.

Used by the checker (unreachable scenes, dead ends, cycles with no way
out) and by the analyzer and ``graph`` command.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from game.core.scenario import Scenario

RETURN = "<return>"  # an interrupting event's option with no ``next``: back to the story


def _targets(next_value: Any) -> list[str]:
    if next_value is None:
        return []
    if isinstance(next_value, str):
        return [next_value]
    return [branch.go for branch in next_value]


def _ways_on(scene: Any) -> list[tuple[str, list[str]]]:
    """(label, targets) for each way out of a scene; empty targets means none."""
    fallback = _targets(scene.next) if hasattr(scene, "next") else []
    kind = scene.kind
    if kind in ("choice", "event"):
        ways = [(f"options[{i}]", _targets(o.next) or fallback) for i, o in enumerate(scene.options)]
        if kind == "event" and scene.trigger is not None:
            ways = [(label, targets or [RETURN]) for label, targets in ways]
        return ways
    if kind == "negotiate":
        return [(name, _targets(getattr(scene, name).next) or fallback) for name in ("agreed", "walked_away", "left")]
    if kind == "sequence":
        return [(name, _targets(getattr(scene, name).next) or fallback) for name in ("in_order", "out_of_order")]
    if kind == "ending":
        return []
    return [("next", fallback)]


def edges(scenario: Scenario) -> dict[str, set[str]]:
    """Scene -> the scenes it can lead to (events with a trigger hang off their ``after`` scene)."""
    graph: dict[str, set[str]] = {}
    for scene_id, scene in scenario.scenes.items():
        graph[scene_id] = {t for _, targets in _ways_on(scene) for t in targets if t in scenario.scenes}
    for scene_id, scene in scenario.scenes.items():
        trigger = getattr(scene, "trigger", None)
        if trigger is not None:
            sources = [trigger.after] if trigger.after in scenario.scenes else [s for s in scenario.scenes if s != scene_id]
            for source in sources:
                graph[source].add(scene_id)
    return graph


def reachable(scenario: Scenario) -> set[str]:
    graph = edges(scenario)
    seen = {scenario.start_scene} if scenario.start_scene in graph else set()
    queue = deque(seen)
    while queue:
        for target in graph[queue.popleft()]:
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def reaches_ending(scenario: Scenario) -> set[str]:
    """Scenes from which some path leads to an ending (returning events count as going on)."""
    graph = edges(scenario)
    good = {sid for sid, scene in scenario.scenes.items() if scene.kind == "ending"}
    good |= {sid for sid, scene in scenario.scenes.items() if any(RETURN in t for _, t in _ways_on(scene))}
    changed = True
    while changed:
        changed = False
        for sid, targets in graph.items():
            if sid not in good and targets & good:
                good.add(sid)
                changed = True
    return good


def dead_ends(scenario: Scenario) -> list[tuple[str, str]]:
    """(scene, way) pairs where a way out leads nowhere."""
    found = []
    for scene_id, scene in scenario.scenes.items():
        for label, targets in _ways_on(scene):
            if not targets:
                found.append((scene_id, label))
    return found


def ways_on(scene: Any) -> list[tuple[str, list[str]]]:
    return _ways_on(scene)
