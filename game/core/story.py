"""Pass two's story check: unknown ways on, unreachable scenes, dead ends and loops, root causes first.

A typo in a ``next`` is reported once, where it is written; the scenes no
path reaches because of it are named in that one message, not each as an
error of its own. A scene is said to be in a loop only when it is on one.
"""

from __future__ import annotations

from game.core import graph
from game.core.conditions import ELEMENTS
from game.core.problems import Problem, closest, listed
from game.core.references import Reporter, walk
from game.core.scenario import Scenario
from game.core.yamlsafe import Document


def check_story(scenario: Scenario, doc: Document, holes: dict[str, set[str]] | None = None) -> list[Problem]:
    """Unknown ways on (with what they cut off), unreachable scenes, dead ends, loops with no way out.

    ``holes`` are scenes whose shape is wrong (reported by pass one), with the scene ids their
    raw ``next`` names: the story may go on through them, so nothing behind them is called unreachable.
    """
    report = Reporter(doc)
    holes = holes or {}
    known = set(scenario.scenes)
    start_known = scenario.start_scene in known
    reach = graph.reachable(scenario, holes)
    unreached = [s for s in scenario.scenes if s not in reach] if start_known else []
    broken = [(sid, path, target) for sid, path, target in graph.links(scenario) if target not in known and sid not in holes]
    sent_to_events = graph.returning_events_sent_to(scenario)
    left = _unknown_ways(report, scenario, broken, reach, unreached, holes, report_left=not sent_to_events)
    has_ending = any(scene.kind == "ending" for scene in scenario.scenes.values())
    dead = set()
    for scene_id, way in graph.dead_ends(scenario):
        if scene_id in holes:
            continue
        dead.add(scene_id)
        report.error(("scenes", scene_id) + _way_path(way), "dead end: nothing says where the story goes next; add 'next: <scene>' here or on the scene"
                     + _moved_in_hint(scenario.scenes[scene_id]))
    ending = graph.reaches_ending(scenario)
    for group in graph.on_cycles(scenario):
        if not has_ending or any(s in ending or s in dead or s in holes or s not in reach for s in group):
            continue
        others = [s for s in group if s != group[0]]
        flags = sorted({f for s in group for f in graph.unset_flags_needed(scenario, s)})
        why = f" (its way out needs flag {', '.join(repr(f) for f in flags)}, which nothing sets)" if flags else ""
        loop = f" with {listed(others)}" if others else ""
        report.error(("scenes", group[0]), f"scene '{group[0]}' is in a loop{loop} with no way out to an ending{why}; give one option a way out", key=True)
    settable_edges = graph.edges(scenario, graph.flags_set(scenario))
    for scene_id, scene in scenario.scenes.items():  # every way on needs a flag nothing sets
        if has_ending and scene.kind != "ending" and scene_id in reach and scene_id not in ending | dead and scene_id not in holes and not settable_edges[scene_id]:
            flags = graph.unset_flags_needed(scenario, scene_id)
            why = f" (it needs flag {', '.join(repr(f) for f in flags)}, which nothing sets)" if flags else ""
            report.error(("scenes", scene_id), f"scene '{scene_id}' has no way out to an ending that can be taken{why}; give one way on no 'when'", key=True)
    for i, (event_id, source) in enumerate(sent_to_events):
        lost = f" Until this is fixed no path reaches {len(left)} scene{'s' if len(left) > 1 else ''} ({listed(left)}); they are not listed again." if i == 0 and left else ""
        report.error(("scenes", source), f"scene '{source}' sends the story to '{event_id}' with 'next', but '{event_id}' is an interrupting event "
                     "whose options go back to the story, and here there is none to go back to: give each of its options a 'next', "
                     "or send the story to a scene that is not an event (the event's trigger brings it)." + lost, key=True)
    for scene_id in graph.may_offer_nothing(scenario):
        report.warn(("scenes", scene_id, "options"), "every option here has a 'when': if none holds, the player has nothing to choose and the story stops; "
                    "give one option no 'when', or pair conditions like {flag: x} and {not: {flag: x}}", key=True)
    _agreements_that_cannot_hold(report, scenario)
    if not has_ending:  # then no scene reaches an ending: one problem, not one per scene
        report.error(("scenes",), "the scenario has no ending; add a scene with 'kind: ending'", key=True)
    return report.problems


def _unknown_ways(report: Reporter, scenario: Scenario, broken: list, reach: set[str], unreached: list[str], holes: dict, report_left: bool = True) -> list[str]:
    """Each unknown ``next`` once, naming the scenes it cuts off; other unreachable scenes one by one
    (or, without ``report_left``, returned for another root cause to name)."""
    known = set(scenario.scenes)
    left = list(unreached)
    cut: list[list[str]] = []
    for sid, _, target in broken:
        meant = closest(target, known)
        gained = graph.reachable(scenario, holes, start={meant}) if meant and sid in reach else set()
        cut.append([s for s in left if s in gained])
        left = [s for s in left if s not in gained]
    guess = next((i for i, (sid, _, target) in enumerate(broken) if sid in reach and not closest(target, known)), None)
    if guess is not None and left:  # a way on to a scene we cannot guess: what is left unreached may hang on it
        cut[guess], left = cut[guess] + left, []
    for (sid, path, target), lost in zip(broken, cut):
        message = f"unknown scene '{target}';" + (f" did you mean '{closest(target, known)}'?" if closest(target, known) else
                                                   f" known scenes: {listed(sorted(known), 8)}")
        if lost:
            message += (f" Until this is fixed no path reaches {len(lost)} scene{'s' if len(lost) > 1 else ''} ({listed(lost)}); "
                        "they are not listed again")
        report.error(("scenes", sid) + path, message)
    if not report_left:
        return left
    for scene_id in left:
        report.error(("scenes", scene_id), f"no path reaches scene '{scene_id}'; link to it with 'next' or remove it", key=True)
    return []


def _agreements_that_cannot_hold(report: Reporter, scenario: Scenario) -> None:
    """``{agreement: all}`` or ``{agreement: [x]}`` asking for an element no negotiation has: it never holds."""
    negotiated = {c.element for s in scenario.scenes.values() if s.kind == "negotiate" and getattr(s, "contract", "partnership") != "licence" for c in s.clauses}
    if not negotiated:
        return
    for path, node in walk(scenario):
        if type(node).__name__ != "AgreementHas" or node.agreement == "signed":
            continue
        wanted = list(ELEMENTS) if node.agreement == "all" else list(node.agreement)
        missing = [e for e in wanted if e not in negotiated]
        if missing:
            said = "'all' means all six elements, and" if node.agreement == "all" else "it asks for"
            report.warn(path + ("agreement",), f"this condition never holds: {said} no negotiation has a clause for {', '.join(missing)}; "
                        f"name the elements your negotiations have: {{agreement: [{', '.join(sorted(negotiated))}]}}")


def _moved_in_hint(scene) -> str:
    """Only the last option has a ``next``: it may be the scene's, indented too far right."""
    options = getattr(scene, "options", None)
    if not options or getattr(scene, "next", None) is not None or options[-1].next is None or any(o.next is not None for o in options[:-1]):
        return ""
    return (f" (only the last option, '{options[-1].id}', has a 'next': if it was meant for the whole scene, "
            "move it left to line up with 'options')")


def _way_path(way: str) -> tuple:
    if way.startswith("options["):
        return ("options", int(way[8:-1]))
    return () if way == "next" else (way,)
