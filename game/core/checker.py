"""The checker: loads a scenario and reports every problem at once.

Pass one checks the shape (strict models), pass two the cross-references
and the story graph. Each problem is ``file:line:col: path: message``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game.core import graph
from game.core.problems import ContentError, Problem
from game.core.references import Reporter, check_references
from game.core.scenario import Scenario
from game.core.shape import check_shape
from game.core.state import content_hash
from game.core.yamlsafe import Document, load_bytes, read_limited
from game.resources import assets_folder

ASSETS = assets_folder()


@dataclass
class Checked:
    """A scenario file after both passes: the model (if its shape is right) and the problems."""

    path: Path
    scenario: Scenario | None
    problems: list[Problem] = field(default_factory=list)
    hash: str = ""
    document: Document | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def ok(self) -> bool:
        return self.scenario is not None and not self.errors


def check_file(path: str | Path, rule_ids: set[str] | None = None, display: str | None = None) -> Checked:
    """Run both passes over one scenario file; never raises for bad content."""
    path = Path(path)
    name = display or str(path)
    try:
        raw = read_limited(path, name)
        doc = load_bytes(raw, name)
    except ContentError as exc:
        return Checked(path, None, list(exc.problems))
    return check_document(doc, path.parent, rule_ids, content_hash(raw), path)


def check_document(doc: Document, folder: Path, rule_ids: set[str] | None, digest: str = "", path: Path | None = None) -> Checked:
    scenario, problems = check_shape(Scenario, doc)
    checked = Checked(path or Path(doc.file), scenario, problems, digest, doc)
    if scenario is None:
        checked.problems = sorted(problems)
        return checked
    problems += check_references(scenario, doc, rule_ids, folder, ASSETS)
    problems += check_story(scenario, doc)
    checked.problems = sorted(set(problems))
    return checked


def check_story(scenario: Scenario, doc: Document) -> list[Problem]:
    """Unreachable scenes, dead ends, and loops with no way to an ending."""
    report = Reporter(doc)
    reach = graph.reachable(scenario)
    has_ending = any(scene.kind == "ending" for scene in scenario.scenes.values())
    if scenario.start_scene in scenario.scenes:  # an unknown start is reported once, not as every scene unreachable
        for scene_id in scenario.scenes:
            if scene_id not in reach:
                report.error(("scenes", scene_id), f"no path reaches scene '{scene_id}'; link to it with 'next' or remove it", key=True)
    for scene_id, way in graph.dead_ends(scenario):
        path = ("scenes", scene_id) + _way_path(way)
        report.error(path, "dead end: nothing says where the story goes next; add 'next: <scene>' here or on the scene")
    ending = graph.reaches_ending(scenario)
    dead = {s for s, _ in graph.dead_ends(scenario)}
    for scene_id in scenario.scenes:
        if has_ending and scene_id in reach and scene_id not in ending and scene_id not in dead:
            flags = graph.unset_flags_needed(scenario, scene_id)
            why = f" (its way out needs flag {', '.join(repr(f) for f in flags)}, which nothing sets)" if flags else ""
            report.error(("scenes", scene_id), f"scene '{scene_id}' is in a loop with no way out to an ending{why}; give one option a way out", key=True)
    for event_id, source in graph.returning_events_sent_to(scenario):
        report.error(("scenes", source), f"scene '{source}' sends the story to '{event_id}' with 'next', but '{event_id}' is an interrupting event "
                     "whose options go back to the story, and here there is none to go back to: give each of its options a 'next', "
                     "or send the story to a scene that is not an event", key=True)
    for scene_id in graph.may_offer_nothing(scenario):
        report.warn(("scenes", scene_id, "options"), "every option here has a 'when': if none holds, the player has nothing to choose and the story stops; "
                    "give one option no 'when', or pair conditions like {flag: x} and {flag: x, is: false}", key=True)
    if not has_ending:  # then no scene reaches an ending: one problem, not one per scene
        report.error(("scenes",), "the scenario has no ending; add a scene with 'kind: ending'", key=True)
    return report.problems


def _way_path(way: str) -> tuple:
    if way.startswith("options["):
        return ("options", int(way[8:-1]))
    return () if way == "next" else (way,)


def load_scenario(path: str | Path, rule_ids: set[str] | None = None) -> Checked:
    """Check a scenario and raise ContentError if it has errors (warnings are kept)."""
    checked = check_file(path, rule_ids)
    if not checked.ok:
        raise ContentError(checked.errors or checked.problems)
    return checked
