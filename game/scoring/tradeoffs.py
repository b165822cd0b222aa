"""Notes on scenes with no trade-off: where one option is best for the
handbook and also costs nothing the others save (resources, reputation).

A good scene makes the handbook's way cost something now.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from game.core.scenario import Scenario
from game.scoring.rulebook import Rulebook


def resource_deltas(effects: list[Any], extra_budget: int = 0) -> dict[str, int]:
    """What a set of effects adds to each resource (trust changes count under 'trust')."""
    deltas: dict[str, int] = defaultdict(int)
    if extra_budget:
        deltas["budget"] -= extra_budget
    for effect in effects:
        add = getattr(effect, "add", None)
        if add is None:
            continue
        key = getattr(effect, "resource", None) or "trust"
        deltas[key] += add
    return deltas


def _dominates(best: dict[str, int], other: dict[str, int]) -> bool:
    keys = set(best) | set(other)
    return all(best.get(k, 0) >= other.get(k, 0) for k in keys)


def _choices(scene: Any, scenario: Scenario, rulebook: Rulebook) -> list[tuple[float, dict[str, int]]]:
    from game.scoring.policies import evidence_value

    if scene.kind in ("choice", "event"):
        return [(evidence_value(o.evidence, rulebook), resource_deltas(o.effects)) for o in scene.options]
    if scene.kind == "pick":
        cast = scenario.cast_by_id
        return [(evidence_value(c.evidence, rulebook) - evidence_value(c.passed, rulebook), resource_deltas(c.effects, cast[c.cast].cost)) for c in scene.pool]
    return []


def tradeoff_notes(scenario: Scenario, rulebook: Rulebook) -> list[str]:
    notes = []
    for scene_id, scene in scenario.scenes.items():
        if scene.kind == "sequence":
            if _dominates(resource_deltas(scene.in_order.effects), resource_deltas(scene.out_of_order.effects)):
                notes.append(f"scene '{scene_id}': the right order costs nothing the wrong order saves, so it tests knowledge, not a trade-off; "
                             "to clear this, give 'in_order' a cost (effects: [{resource: weeks, add: -1}]) or 'out_of_order' a gain, "
                             "or keep it as a test of knowledge: a note never makes analyze fail")
            continue
        options = _choices(scene, scenario, rulebook)
        if len(options) < 2:
            continue
        top = max(value for value, _ in options)
        best = [deltas for value, deltas in options if value == top]
        others = [deltas for value, deltas in options if value < top]
        if len(best) == 1 and others and all(_dominates(best[0], o) for o in others):
            notes.append(f"scene '{scene_id}': no trade-off: the handbook's choice is also the cheapest and best for resources; to clear this, "
                         "give it a cost now (budget, weeks, reputation or trust) that a wrong option saves")
    return notes


def tradeoff_share(scenario: Scenario, rulebook: Rulebook) -> tuple[int, int]:
    """(scenes flagged as having no trade-off, decision scenes)."""
    decisions = sum(1 for s in scenario.scenes.values() if s.kind != "ending")
    return len(tradeoff_notes(scenario, rulebook)), decisions
