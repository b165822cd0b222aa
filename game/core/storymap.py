"""The story map a trainer reads: scenes as boxes, ways on as labelled arrows, laid out in columns.

One model serves the ``graph`` command (Graphviz DOT) and the game's story
map screen. Each arrow says which option or outcome takes it (``plan: Write
a plan``); an interrupting event hangs off the scene it follows with its
trigger (``after kickoff, when ..., 70 %``) and an arrow back to where the
story was heading; endings carry their outcome.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

from game.core import graph
from game.core.scenario import Scenario

SHORT = 28  # characters of an option's text shown on its arrow


@dataclass
class Node:
    """One scene on the map; ``column`` and ``row`` place it (left to right by story order)."""

    id: str
    kind: str
    phase: str
    title: str
    outcome: str | None = None
    trigger: str | None = None
    column: int = 0
    row: int = 0


@dataclass
class Edge:
    """A way from one scene to another: ``way`` is the option id or outcome, ``text`` its words, shortened."""

    source: str
    target: str
    way: str
    text: str = ""
    style: str = "story"  # story, event (the trigger), back (an event's way back), branch (a conditional next)
    option: str | None = None  # the option's id when an option takes this way

    @property
    def key(self) -> tuple[str, str | None, str]:
        """(scene, option or None, next scene): how plays are counted on the arrow."""
        return (self.source, self.option, self.target)

    @property
    def label(self) -> str:
        return f"{self.way}: {self.text}" if self.text else self.way


@dataclass
class StoryMap:
    start: str
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)

    @property
    def columns(self) -> int:
        return 1 + max((n.column for n in self.nodes.values()), default=0)

    @property
    def rows(self) -> int:
        return 1 + max((n.row for n in self.nodes.values()), default=0)


def shorten(text: str, limit: int = SHORT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def condition_text(condition: Any) -> str:
    """A condition as the author wrote it, compact: ``{picked: partner, trait: reliability, is: low}``."""
    return _flow(condition.model_dump(by_alias=True, exclude_none=True, exclude_defaults=True)) if condition is not None else ""


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def build(scenario: Scenario, language: str = "en") -> StoryMap:
    """The map of a scenario whose shape and references are right."""
    story = StoryMap(scenario.start_scene)
    for scene_id, scene in scenario.scenes.items():
        title = scene.title or getattr(scene, "headline", None)
        story.nodes[scene_id] = Node(scene_id, scene.kind, scene.phase, title.get(language) if title else "",
                                     getattr(scene, "outcome", None), _trigger_text(scene))
    for scene_id, scene in scenario.scenes.items():
        story.edges += _ways(scenario, scene_id, scene, language)
        trigger = getattr(scene, "trigger", None)
        if trigger is not None:
            story.edges += _event_edges(scenario, scene_id, scene, trigger)
    _lay_out(story)
    return story


def _trigger_text(scene: Any) -> str | None:
    trigger = getattr(scene, "trigger", None)
    if trigger is None:
        return None
    parts = [f"after {trigger.after}" if trigger.after else "after any scene"]
    if trigger.when is not None:
        parts.append(f"when {condition_text(trigger.when)}")
    if trigger.chance < 1:
        parts.append(f"{trigger.chance:.0%} chance")
    return ", ".join(parts)


def _ways(scenario: Scenario, scene_id: str, scene: Any, language: str) -> list[Edge]:
    edges = []
    named = {f"options[{i}]": (o.id, o.text.get(language)) for i, o in enumerate(getattr(scene, "options", []))}
    if getattr(scene, "refuse", None) is not None:
        named["refuse"] = ("refuse", scene.refuse.text.get(language))
    for way, targets in graph.ways_on(scene):
        name, text = named.get(way, (way.replace("_", " "), ""))
        branches = _branches(scene, way)
        for target in targets:
            if target not in scenario.scenes:
                continue
            when = branches.get(target)
            words = shorten(text) if text else ""
            if when:
                words = (words + " " if words else "") + f"if {shorten(when, 40)}"
            option = name if way.startswith("options[") else None
            edges.append(Edge(scene_id, target, name, words, "branch" if when else "story", option))
    return edges


def _branches(scene: Any, way: str) -> dict[str, str]:
    """target -> the condition of the branch that leads there, for a ``next`` written as a list."""
    if way.startswith("options["):
        value = scene.options[int(way[8:-1])].next or getattr(scene, "next", None)
    elif way == "next":
        value = getattr(scene, "next", None)
    else:
        value = getattr(getattr(scene, way, None), "next", None) or getattr(scene, "next", None)
    if not isinstance(value, list):
        return {}
    return {b.go: condition_text(b.when) for b in value if b.when is not None}


def _event_edges(scenario: Scenario, event_id: str, event: Any, trigger: Any) -> list[Edge]:
    """The trigger's arrow into the event, and the way back for options that return to the story."""
    edges = []
    sources = [trigger.after] if trigger.after in scenario.scenes else []
    for source in sources:
        edges.append(Edge(source, event_id, "event", "may interrupt here", "event"))
    returns = any(graph.RETURN in targets for _, targets in graph.ways_on(event))
    if returns:
        onward = sorted({t for s in sources for _, targets in graph.ways_on(scenario.scenes[s]) for t in targets if t in scenario.scenes})
        for target in onward:
            edges.append(Edge(event_id, target, "back to the story", "", "back"))
    return edges


def _lay_out(story: StoryMap) -> None:
    """Columns by the longest way from the start (loops and events do not push scenes right), rows in file order."""
    outgoing: dict[str, list[str]] = {n: [] for n in story.nodes}
    for edge in story.edges:
        if edge.style != "back":
            outgoing[edge.source].append(edge.target)
    order = list(story.nodes)
    depth = {story.start: 0} if story.start in story.nodes else {}
    queue = deque(depth)
    seen_edges: set[tuple[str, str]] = set()
    while queue:
        node = queue.popleft()
        for target in outgoing[node]:
            if (node, target) in seen_edges or _leads_back(outgoing, target, node):
                continue
            seen_edges.add((node, target))
            if depth.get(target, -1) < depth[node] + 1:
                depth[target] = depth[node] + 1
                queue.append(target)
    last = max(depth.values(), default=0)
    for scene_id in order:  # scenes no path reaches go in a column of their own at the end
        depth.setdefault(scene_id, last + 1)
    rows: dict[int, int] = {}
    for scene_id in order:
        node = story.nodes[scene_id]
        node.column = depth[scene_id]
        node.row = rows.get(node.column, 0)
        rows[node.column] = node.row + 1


def _leads_back(outgoing: dict[str, list[str]], start: str, goal: str) -> bool:
    """True when ``start`` leads back to ``goal`` (the arrow closes a loop)."""
    seen, stack = {start}, [start]
    while stack:
        node = stack.pop()
        if node == goal:
            return True
        for target in outgoing[node]:
            if target not in seen:
                seen.add(target)
                stack.append(target)
    return False
