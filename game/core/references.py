"""Pass two of the checker: cross-references inside a scenario that has the right shape.

Unknown scene, cast, resource, trait and rule ids; duplicate ids; asset
paths that escape; missing translations. Ways on (``next``, ``go``) and the
story graph (reachability, dead ends, cycles) are checked in :mod:`game.core.story`.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any, Iterator

from pydantic import BaseModel

from game.core.base import Text
from game.core.imagesize import ImageProblem, image_size
from game.core.looks import PLACES
from game.core.problems import WARNING, Problem, did_you_mean
from game.core.scenario import BUILTIN_RESOURCES, CAST_KINDS, Scenario
from game.core.shape import dotted
from game.core.yamlsafe import Document
from game.locale import SOURCE, english_name
from game.locale import languages as game_languages


class Reporter:
    """Collects problems, placing each at the author's line."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.problems: list[Problem] = []

    def error(self, path: tuple, message: str, *, key: bool = False, severity: str = "error") -> None:
        line, col = self.doc.where(path, key=key)
        self.problems.append(Problem(self.doc.file, line, col, dotted(path), message, severity))

    def warn(self, path: tuple, message: str, *, key: bool = False) -> None:
        self.error(path, message, key=key, severity=WARNING)


ASSET_FIELDS = frozenset({"image", "portrait"})  # fields of the models that name a picture file


def walk(node: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """Every model and value in a validated tree, with its path as written in YAML."""
    yield path, node
    if isinstance(node, BaseModel):
        for name, info in type(node).model_fields.items():
            if name in node.model_fields_set or getattr(node, name) is not None:
                yield from walk(getattr(node, name), path + (info.alias or name,))
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, path + (key,))
    elif isinstance(node, (list, tuple)):
        for index, value in enumerate(node):
            yield from walk(value, path + (index,))


def check_references(scenario: Scenario, doc: Document, rule_ids: set[str] | None, folder: Path, assets: Path) -> list[Problem]:
    report = Reporter(doc)
    scenes = set(scenario.scenes)
    cast = scenario.cast_by_id
    resources = set(scenario.resources)
    _duplicates(report, scenario)
    if scenario.start is not None and scenario.start not in scenes:
        report.error(("start",), f"unknown scene '{scenario.start}';" + did_you_mean(scenario.start, scenes))
    for name, res in scenario.resources.items():
        if name not in BUILTIN_RESOURCES and res.label is None:
            report.error(("resources", name), f"resource '{name}' needs a label: {{en: ..., bg: ...}}")
    for path, node in walk(scenario):
        _check_node(report, scenario, path, node, scenes, cast, resources, rule_ids)
        for field in ASSET_FIELDS.intersection(type(node).model_fields if isinstance(node, BaseModel) else ()):
            value = getattr(node, field)
            if isinstance(value, str):
                _check_asset(report, path + (field,), value, folder, assets)
    _check_cast(report, scenario)
    _check_languages(report, scenario)
    return report.problems


def _known(report: Reporter, path: tuple, value: str, known: set[str] | dict, what: str) -> None:
    if value not in known:
        names = sorted(known)
        shown = ", ".join(names[:KNOWN_SHOWN]) + (f" and {len(names) - KNOWN_SHOWN} more" + (" (all in scenarios/rulebook.yaml)" if what == "rule" else "")
                                                  if len(names) > KNOWN_SHOWN else "")
        report.error(path, f"unknown {what} '{value}';" + (did_you_mean(value, known) or f" known: {shown or 'none'}"))


KNOWN_SHOWN = 12  # ids listed when nothing is close to a misspelt one


def _check_node(report: Reporter, scenario: Scenario, path: tuple, node: Any, scenes: set, cast: dict, resources: set, rule_ids: set | None) -> None:
    if not isinstance(node, BaseModel):
        return
    data = node.model_dump(by_alias=True, exclude_none=True)
    name = type(node).__name__
    kinds_and_cast = set(CAST_KINDS) | set(cast)
    for key, what, known in (
        ("after", "scene", scenes),
        ("visited", "scene", scenes),
        ("negotiation", "scene", scenes),
        ("at", "scene", scenes),
        ("counterpart", "cast member", cast),
        ("facilitator", "cast member", cast),
        ("drop", "cast member", cast),
        ("reveal", "cast member", cast),
        ("meet", "cast member", cast),
        ("speaker", "cast member", cast),
    ):
        if isinstance(data.get(key), str):
            _known(report, path + (key,), data[key], known, what)
    if name in ("ChangeResource", "ResourceIs"):
        _known(report, path + ("resource",), data["resource"], resources, "resource")
    if name in ("ChangeTrust", "TrustIs"):
        _known(report, path + ("trust",), data["trust"], cast, "cast member")
    if name == "PickMember":
        _known(report, path + ("pick",), data["pick"], cast, "cast member")
    if name in ("PickCard", "Party"):  # a card of a pick, or one more party at a negotiation's table
        _known(report, path + ("cast",), data["cast"], cast, "cast member")
    if name == "Picked":
        _known(report, path + ("picked",), data["picked"], kinds_and_cast, "cast kind or member")
    if name == "AllPicked":
        _known(report, path + ("all_picked",), data["all_picked"], set(CAST_KINDS), "cast kind")
    if name in ("Picked", "AllPicked") and node.trait is not None:
        _check_condition_trait(report, scenario, path, node)
    if name == "InOrder":
        for i, scene in enumerate(node.in_order):
            _known(report, path + ("in_order", i), scene, scenes, "scene")
    if name == "Chose":
        _check_chose(report, scenario, path, node, scenes)
    if name == "NegotiationWas" and node.negotiation in scenes and scenario.scenes[node.negotiation].kind != "negotiate":
        report.error(path + ("negotiation",), f"scene '{node.negotiation}' is not a negotiate scene")
    if name == "NegotiateScene" and node.facilitator in cast and cast[node.facilitator].kind != "facilitator":
        report.error(path + ("facilitator",), f"'{node.facilitator}' is a {cast[node.facilitator].kind}, not a facilitator")
    if name == "NegotiateScene":
        _check_terms(report, path, node)
    if isinstance(data.get("place"), str) and name.endswith("Scene"):
        _known(report, path + ("place",), data["place"], set(PLACES), "place")
    if name == "PickScene" and node.count > len(node.pool):
        report.error(path + ("count",), f"count is {node.count} but the pool has only {len(node.pool)} cards")
    if name == "Evidence" and rule_ids is not None:
        for field in ("honours", "breaks"):
            for i, rule in enumerate(getattr(node, field)):
                _known(report, path + (field, i), rule, rule_ids, "rule")
    if name == "TextVariant" and any(type(n).__name__ == "Chance" for _, n in walk(node.when)):
        report.error(path + ("when",), "text variants cannot depend on chance; use a flag set by an earlier effect")
    if name == "RuleCheck" and rule_ids is not None:
        _known(report, path + ("rule",), node.rule, rule_ids, "rule")
    if name == "RuleCheck" and node.feedback is None:
        report.warn(path + ("rule",), f"the check of '{node.rule}' has no feedback: say what the player did or missed, in words that read right "
                    "whether it is honoured or broken (it is shown with the verdict)")
    if name == "RevealTraits" and node.reveal in cast:
        for i, trait in enumerate(node.traits):
            _known(report, path + ("traits", i), trait, cast[node.reveal].hidden, "hidden trait")


def _check_terms(report: Reporter, path: tuple, scene: Any) -> None:
    """Every term is graded as signed: it says which rule it honours or breaks, and a licence uses licence rules."""
    for i, clause in enumerate(scene.clauses):
        for j, term in enumerate(clause.terms):
            where = path + ("clauses", i, "terms", j)
            rules = [*term.evidence.honours, *term.evidence.breaks] if term.evidence else []
            if not rules:
                report.warn(where + ("id",), f"term '{term.id}' names no rule: add evidence saying which rule signing it honours or breaks "
                            f"(a vague term breaks its element's rule, a concrete one honours it)")
            elif scene.contract == "licence" and any(r.startswith(("agreement.", "partnership.")) for r in rules):
                report.warn(where + ("evidence",), f"term '{term.id}' grades a licence with partnership-agreement rules; "
                            "use the licensing rules (licensing.written-terms, licensing.strategy-aligned, licensing.benefits, licensing.licensee)")
            elif scene.contract == "partnership" and any(r.startswith("licensing.") for r in rules):
                report.warn(where + ("evidence",), f"term '{term.id}' grades a partnership agreement with licensing rules; "
                            "if this negotiation is a licence, write 'contract: licence' on the scene")


def _check_condition_trait(report: Reporter, scenario: Scenario, path: tuple, node: Any) -> None:
    """``{picked: partner, trait: reliability, is: low}``: the trait and its values must be declared, as on cast cards."""
    traits = scenario.traits
    if node.trait not in traits:
        report.error(path + ("trait",), f"trait '{node.trait}' is not declared under 'traits';" + (did_you_mean(node.trait, traits) or " add it with a name in each language"))
        return
    known = traits[node.trait].values
    for key, value in (("is", node.is_), ("is_not", getattr(node, "is_not", None))):
        if isinstance(value, str) and value not in known:
            report.error(path + (key,), f"value '{value}' is not declared under traits.{node.trait}.values;" + (did_you_mean(value, known) or f" known: {', '.join(sorted(known)) or 'none'}"))


def _check_chose(report: Reporter, scenario: Scenario, path: tuple, node: Any, scenes: set) -> None:
    if node.in_ not in scenes:
        return _known(report, path + ("in",), node.in_, scenes, "scene")
    scene = scenario.scenes[node.in_]
    options = [o.id for o in getattr(scene, "options", [])] if scene.kind in ("choice", "event") else []
    if scene.kind == "negotiate":
        options = ["agreed", "walked_away", "left"]
    if scene.kind == "sequence":
        options = ["in-order", "out-of-order"]
    if options:
        _known(report, path + ("chose",), node.chose, set(options), f"option of '{node.in_}'")


def _duplicates(report: Reporter, scenario: Scenario) -> None:
    groups: list[tuple[tuple, list]] = [(("cast",), scenario.cast), (("goals",), scenario.goals)]
    for scene_id, scene in scenario.scenes.items():
        for field in ("options", "steps", "pool"):
            if hasattr(scene, field):
                groups.append((("scenes", scene_id, field), getattr(scene, field)))
        for i, clause in enumerate(getattr(scene, "clauses", [])):
            groups.append((("scenes", scene_id, "clauses", i, "terms"), clause.terms))
    for member_index, member in enumerate(scenario.cast):
        groups.append((("cast", member_index, "research"), member.research))
    for path, items in groups:
        seen: set[str] = set()
        for i, item in enumerate(items):
            ident = getattr(item, "id", None) or getattr(item, "cast", None)
            if ident in seen:
                report.error(path + (i, "id" if hasattr(item, "id") else "cast"), f"'{ident}' appears twice here; ids must be unique")
            seen.add(ident)


def _check_cast(report: Reporter, scenario: Scenario) -> None:
    traits = scenario.traits
    for i, member in enumerate(scenario.cast):
        for field in ("visible", "hidden"):
            for trait, value in getattr(member, field).items():
                where = ("cast", i, field, trait)
                if trait not in traits:
                    report.error(where, f"trait '{trait}' is not declared under 'traits';" + (did_you_mean(trait, traits) or " add it with a name in each language"))
                elif isinstance(value, str) and value not in traits[trait].values:
                    known = traits[trait].values
                    report.error(where, f"value '{value}' is not declared under traits.{trait}.values;" + (did_you_mean(value, known) or f" known: {', '.join(sorted(known)) or 'none'}"))
        for j, action in enumerate(member.research):
            for name in action.cost:
                _known(report, ("cast", i, "research", j, "cost", name), name, set(scenario.resources), "resource")
            for k, trait in enumerate(action.reveals):
                _known(report, ("cast", i, "research", j, "reveals", k), trait, member.hidden, "hidden trait")


def texts(node: Any) -> Iterator[tuple[tuple, Text]]:
    """Every text map in a validated tree (a scenario, the rulebook, the glossary), with its path."""
    for path, found in walk(node):
        if isinstance(found, Text):
            yield path, found


def missing_texts(node: Any, languages: "list[str] | tuple[str, ...]") -> dict[str, list[tuple]]:
    """For each of ``languages``, the paths of the texts that lack it."""
    missing: dict[str, list[tuple]] = {lang: [] for lang in languages}
    for path, text in texts(node):
        for lang in text.missing(languages):
            missing[lang].append(path)
    return missing


def _check_languages(report: Reporter, scenario: Scenario) -> None:
    declared = list(dict.fromkeys(scenario.languages))
    if SOURCE not in declared:
        report.error(("languages",), "English ('en') is required")
    for lang, paths in missing_texts(scenario, [lang for lang in declared if lang != SOURCE]).items():
        for path in paths:
            report.warn(path, f"missing {english_name(lang)} text; add '{lang}: ...' or take '{lang}' out of languages")
    undeclared: dict[str, int] = {}
    for _path, text in texts(scenario):
        for lang in text.texts():
            if lang not in declared:
                undeclared[lang] = undeclared.get(lang, 0) + 1
    for lang, count in undeclared.items():
        report.warn(("languages",), f"{count} text(s) in {english_name(lang)}, which 'languages' does not list; add '{lang}' there or check the code")


def lacking_languages(scenario: Scenario) -> list[str]:
    """The game's languages (its catalogs) a scenario does not declare: players in them see it in English. Not a problem, a note."""
    return [lang for lang in game_languages() if lang not in scenario.languages]


def _check_asset(report: Reporter, path: tuple, value: str, folder: Path, assets: Path) -> None:
    if any(ord(char) < 32 or char == "\x7f" for char in value):
        return report.error(path, f"{value!r} contains a control character; write the file's name as plain text")
    pure = PurePosixPath(value.replace("\\", "/"))
    if pure.is_absolute() or (len(value) > 1 and value[1] == ":"):
        return report.error(path, f"'{value}' is an absolute path; write it relative to the scenario's folder")
    if ".." in pure.parts:
        return report.error(path, f"'{value}' contains '..'; keep images inside the scenario's folder or assets/")
    for root in (folder, assets):
        try:
            candidate = (root / pure).resolve()
            if candidate.is_relative_to(root.resolve()) and candidate.is_file():
                image_size(candidate)
                return None
        except ImageProblem as exc:
            return report.error(path, f"'{value}': {exc}")
        except (OSError, ValueError):  # a name the file system cannot take: not found
            continue
    report.error(path, f"file '{value}' not found in the scenario's folder or in assets/")
