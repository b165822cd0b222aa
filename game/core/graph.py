"""The story graph: which scene leads where, and what no path reaches.

Used by the checker (unreachable scenes, dead ends, cycles with no way
out) and by the analyzer and ``graph`` command.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from game.core.references import walk
from game.core.scenario import Scenario

RETURN = "<return>"  # an interrupting event's option with no ``next``: back to the story


def _targets(next_value: Any, settable: set[str] | None = None) -> list[str]:
    """Where ``next`` can lead; with ``settable``, leaving out branches that need a flag nothing sets."""
    if next_value is None:
        return []
    if isinstance(next_value, str):
        return [next_value]
    return [b.go for b in next_value if settable is None or b.when is None or not never_holds(b.when, settable)]


def _ways_on(scene: Any, settable: set[str] | None = None) -> list[tuple[str, list[str]]]:
    """(label, targets) for each way out of a scene; empty targets means none."""
    fallback = _targets(scene.next, settable) if hasattr(scene, "next") else []
    kind = scene.kind
    if kind in ("choice", "event"):
        ways = [(f"options[{i}]", _targets(o.next, settable) or fallback) for i, o in enumerate(scene.options)]
        if kind == "event" and scene.trigger is not None:
            ways = [(label, targets or [RETURN]) for label, targets in ways]
        return ways
    if kind == "negotiate":
        return [(name, _targets(getattr(scene, name).next, settable) or fallback) for name in ("agreed", "walked_away", "left")]
    if kind == "sequence":
        return [(name, _targets(getattr(scene, name).next, settable) or fallback) for name in ("in_order", "out_of_order")]
    if kind == "ending":
        return []
    if kind == "pick" and getattr(scene, "refuse", None) is not None:  # picking nobody may lead elsewhere
        return [("next", fallback), ("refuse", _targets(scene.refuse.next, settable) or fallback)]
    return [("next", fallback)]


def edges(scenario: Scenario, settable: set[str] | None = None) -> dict[str, set[str]]:
    """Scene -> the scenes it can lead to (events with a trigger hang off their ``after`` scene);
    with ``settable``, not through branches that need a flag nothing sets."""
    graph: dict[str, set[str]] = {}
    for scene_id, scene in scenario.scenes.items():
        graph[scene_id] = {t for _, targets in _ways_on(scene, settable) for t in targets if t in scenario.scenes}
    for scene_id, scene in scenario.scenes.items():
        trigger = getattr(scene, "trigger", None)
        if trigger is not None:
            sources = [trigger.after] if trigger.after in scenario.scenes else [s for s in scenario.scenes if s != scene_id]
            for source in sources:
                graph[source].add(scene_id)
    return graph


def _spread(start: set[str], links: dict[str, Any]) -> set[str]:
    """Every node reached from ``start`` along ``links`` (breadth first)."""
    seen = set(start)
    queue = deque(seen)
    while queue:
        for target in links[queue.popleft()]:
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def reachable(scenario: Scenario, extra: dict[str, set[str]] | None = None, start: set[str] | None = None) -> set[str]:
    """Scenes some path reaches from the start (or from ``start``); ``extra`` adds links
    the model cannot show (the ``next`` of a scene whose shape is wrong)."""
    graph = edges(scenario)
    for source, targets in (extra or {}).items():
        graph.setdefault(source, set()).update(t for t in targets if t in graph)
    if start is None:
        start = {scenario.start_scene} if scenario.start_scene in graph else set()
    return _spread({s for s in start if s in graph}, graph)


def links(scenario: Scenario) -> list[tuple[str, tuple, str]]:
    """Every scene id written as a way on: (scene, path inside the scene, target), in file order."""
    found = []
    for scene_id, scene in scenario.scenes.items():
        for path, node in walk(scene):
            if path and path[-1] == "next" and isinstance(node, str):
                found.append((scene_id, path, node))
            elif type(node).__name__ == "Branch":
                found.append((scene_id, path + ("go",), node.go))
    return found


def on_cycles(scenario: Scenario) -> list[list[str]]:
    """Groups of scenes that lead round to each other (strongly connected, or a scene that leads
    to itself), through branches whose conditions can hold; in file order."""
    graph = edges(scenario, flags_set(scenario))
    order = list(scenario.scenes)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for root in order:  # Tarjan's algorithm without recursion
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1 or node in graph[node]:
                    groups.append(sorted(group, key=order.index))
    return sorted(groups, key=lambda g: order.index(g[0]))


def flags_set(scenario: Scenario) -> set[str]:
    """Every flag some effect in the scenario can set."""
    return {node.flag for _, node in walk(scenario) if type(node).__name__ == "SetFlag" and node.set_}


def never_holds(condition: Any, settable: set[str]) -> bool:
    """True when a condition can never hold: it needs a flag that nothing sets (checked through all/any)."""
    kind = type(condition).__name__
    if kind == "FlagIs":
        return condition.is_ and condition.flag not in settable
    if kind == "AllOf":
        return any(never_holds(c, settable) for c in condition.all)
    if kind == "AnyOf":
        return all(never_holds(c, settable) for c in condition.any)
    return False


def reaches_ending(scenario: Scenario) -> set[str]:
    """Scenes from which some path leads to an ending (returning events count as going on, and so
    does a way on to an unknown scene: that is reported once, as itself); a branch that needs a
    flag nothing sets is no way out. One walk back from the endings."""
    graph = edges(scenario, flags_set(scenario))
    good = {sid for sid, scene in scenario.scenes.items() if scene.kind == "ending"}
    good |= {sid for sid, scene in scenario.scenes.items() if any(RETURN in t for _, t in _ways_on(scene))}
    good |= {sid for sid, _, target in links(scenario) if target not in scenario.scenes}  # an unknown scene is its own error
    into: dict[str, list[str]] = {sid: [] for sid in graph}
    for sid, targets in graph.items():
        for target in targets:
            into[target].append(sid)
    return _spread(good, into)


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


def returning_events_sent_to(scenario: Scenario) -> list[tuple[str, str]]:
    """(event, scene) pairs where a scene sends the story with ``next`` to an interrupting event
    whose options go back to the story: there is no interrupted story to go back to then."""
    found = []
    for scene_id, scene in scenario.scenes.items():
        for _, targets in _ways_on(scene):
            for target in targets:
                event = scenario.scenes.get(target)
                if event is not None and event.kind == "event" and any(RETURN in t for _, t in _ways_on(event)):
                    found.append((target, scene_id))
    return sorted(set(found))


def _complementary(a: Any, b: Any) -> bool:
    """Two conditions of which one always holds: X and {not: X}, or a flag set and not set."""
    if getattr(a, "not_", None) == b or getattr(b, "not_", None) == a:
        return True
    flags = [getattr(c, "flag", None) for c in (a, b)]
    return flags[0] is not None and flags[0] == flags[1] and getattr(a, "is_", None) != getattr(b, "is_", None)


def may_offer_nothing(scenario: Scenario) -> list[str]:
    """Choice and event scenes where every option has a ``when`` and no two of them make sure one holds."""
    found = []
    for scene_id, scene in scenario.scenes.items():
        if scene.kind not in ("choice", "event") or any(o.when is None for o in scene.options):
            continue
        whens = [o.when for o in scene.options]
        if not any(_complementary(a, b) for i, a in enumerate(whens) for b in whens[i + 1:]):
            found.append(scene_id)
    return found


def unset_flags_needed(scenario: Scenario, scene_id: str) -> list[str]:
    """Flags that a way out of this scene needs although nothing in the scenario sets them."""
    settable = flags_set(scenario)
    needed: set[str] = set()
    for value in _next_values(scenario.scenes[scene_id]):
        for branch in value if isinstance(value, list) else []:
            if branch.when is not None and never_holds(branch.when, settable):
                needed |= {n.flag for _, n in walk(branch.when) if type(n).__name__ == "FlagIs" and n.is_ and n.flag not in settable}
    return sorted(needed)


def _next_values(scene: Any) -> list[Any]:
    values = [getattr(scene, "next", None)] + [getattr(o, "next", None) for o in getattr(scene, "options", [])]
    values += [getattr(scene, name).next for name in ("agreed", "walked_away", "left", "in_order", "out_of_order") if hasattr(scene, name)]
    return [v for v in values if v is not None]
