"""The checker: loads a scenario and reports every problem at once.

Pass one checks the shape (strict models), pass two the cross-references
and the story graph; when only some scenes have the wrong shape, pass two
still runs over the others. Each problem is ``file:line:col: path: message``.
"""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.core.problems import ContentError, Problem
from game.core.references import check_references
from game.core.scenario import Scenario
from game.core.scenes import Scene
from game.core.shape import check_shape
from game.core.state import content_hash
from game.core.story import check_story
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
        checked.problems = sorted(set(problems + _rest_of(doc, folder, rule_ids)))
        return checked
    problems += check_references(scenario, doc, rule_ids, folder, ASSETS)
    problems += check_story(scenario, doc)
    checked.problems = sorted(set(problems))
    return checked


def _rest_of(doc: Document, folder: Path, rule_ids: set[str] | None) -> list[Problem]:
    """Pass two over the scenes whose shape is right, when only some scenes are wrong.

    Each wrong scene stands in as an ending (so the story may go on through it) and its own
    problems are left to pass one; the scene ids written in it still count as its ways on.
    """
    stand_in, holes = salvage(doc.data)
    if not holes:
        return []
    scenario, problems = check_shape(Scenario, dataclasses.replace(doc, data=stand_in))
    if scenario is None:
        return []
    found = check_references(scenario, doc, rule_ids, folder, ASSETS) + check_story(scenario, doc, holes)
    inside = tuple(f"scenes.{sid}" for sid in holes)
    return [p for p in found if not p.path.startswith(inside) and not any(f"scene '{sid}'" in p.message for sid in holes)]


def salvage(data: Any) -> tuple[Any, dict[str, set[str]]]:
    """The document with each scene whose shape is wrong replaced by a plain ending, and for each
    such scene the texts written in it; no holes if the rest of the file is wrong too."""
    if not isinstance(data, dict) or not isinstance(data.get("scenes"), dict):
        return data, {}
    scenes = _tucked_in(data["scenes"])
    data = {**data, "scenes": scenes}
    try:
        Scenario.model_validate(data)
        return data, {}
    except ValidationError as exc:
        locs = [tuple(e.get("loc", ())) for e in exc.errors(include_url=False)]
    if any(len(loc) < 2 or loc[0] != "scenes" for loc in locs):
        return data, {}
    holes = {str(loc[1]): _named_ways(scenes.get(loc[1])) for loc in locs if loc[1] in scenes}
    for sid in holes:
        scenes[sid] = {"kind": "ending", "outcome": "mixed", "text": {lang: "-" for lang in ("en", "bg")}}
    return {**data, "scenes": scenes}, holes


def _tucked_in(scenes: dict) -> dict:
    """A scene's key written at the level of the scene ids (``next: x`` two spaces too far left)
    put back into the scene above it, as the author meant; pass one reports where it was written."""
    keys = {info.alias or name for cls in _scene_models() for name, info in cls.model_fields.items()} - {"kind"}
    out: dict = {}
    above = None
    for sid, value in scenes.items():
        if sid in keys and not isinstance(value, dict) and above is not None and sid not in out[above]:
            out[above] = {**out[above], sid: value}
            continue
        out[sid] = value
        above = sid if isinstance(value, dict) else above
    return out


def _scene_models() -> tuple:
    return typing.get_args(typing.get_args(Scene)[0])


def _named_ways(raw: Any) -> set[str]:
    """Every text anywhere in a raw scene (the ones that are scene ids count as its ways on,
    whatever key holds them: a misspelt ``nxt:`` still says where the author meant to go)."""
    found: set[str] = set()
    stack = [raw]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, str):
            found.add(node)
    return found


def load_scenario(path: str | Path, rule_ids: set[str] | None = None) -> Checked:
    """Check a scenario and raise ContentError if it has errors (warnings are kept)."""
    checked = check_file(path, rule_ids)
    if not checked.ok:
        raise ContentError(checked.errors or checked.problems)
    return checked
