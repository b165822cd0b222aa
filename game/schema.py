"""JSON Schemas for editors, generated from the models that validate.

``python main.py schema`` writes ``schemas/scenario.schema.json`` and
``schemas/rulebook.schema.json``; a scenario's first line points to it::

    # yaml-language-server: $schema=../schemas/scenario.schema.json

Pydantic describes a union as ``oneOf`` its members (with a ``discriminator``
keyword for scenes, which JSON Schema validators ignore). A validator then
tries every member and reports the one that fits worst: a typo in an event
became "'headline' is a required property" of some other kind. So the unions
are rewritten here to pick one member the way the loader does:

* a scene by its ``kind``: ``if: {kind: const}`` / ``then: {$ref}`` per kind,
  and an ``enum`` of the kinds, so a wrong kind is named as such;
* a condition or an effect by the key that names it (``keyed_union``):
  ``if: {required: [key]}`` / ``then: {$ref}`` per key, and when no key is
  there, every key of the mapping is checked against the known ones.

Each mistake then gives one message about the member the author meant.
``errorMessage`` is not JSON Schema; VS Code's YAML and JSON servers show it
instead of their own text, and other validators ignore it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from game.core.scenario import Scenario

REF = "#/$defs/"


def scenario_schema() -> dict:
    from game.core.conditions import CONDITIONS
    from game.core.effects import EFFECTS

    schema = Scenario.model_json_schema(by_alias=True)
    keyed = (
        ("Condition", "condition", CONDITIONS, "{resource: budget, at_least: 500}"),
        ("Effect", "effect", EFFECTS, "{resource: budget, add: -500}"),
    )
    for name, what, registry, example in keyed:
        description = f"A {what}: the key that names its form ({', '.join(registry)}) decides what else it reads, e.g. {example}"
        members = {key: cls.__name__ for key, cls in registry.items()}
        descriptions = {key: _first_paragraph(cls.__doc__) for key, cls in registry.items()}
        _name_keyed_union(schema, name, what, members, descriptions, description)
    schema = _select_by_discriminator(schema)
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["title"] = "Bridges scenario (format 1)"
    return schema


def rulebook_schema() -> dict:
    from game.scoring.rulebook import Rulebook  # the rulebook lives with the grader

    schema = _select_by_discriminator(Rulebook.model_json_schema(by_alias=True))
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["title"] = "Bridges rulebook"
    return schema


def keyed_union_schema(what: str, members: dict[str, str], descriptions: dict[str, str], description: str) -> dict:
    """The schema of a mapping whose model is chosen by which key it has.

    ``members`` maps each key to the name of its model under ``$defs``. Like
    the loader, the first key that names a model decides (in the order of
    ``members``); with none of the keys, each key given is named as unknown
    (and an editor offers the known keys, with ``descriptions``).
    """
    keys = list(members)
    message = f"not a known {what}; it must have one of the keys: {', '.join(keys)}"
    schema: dict = {
        "type": "object",
        "minProperties": 1,
        "properties": {key: {"description": descriptions.get(key, "")} for key in keys},
        "propertyNames": {"type": "string", "enum": keys, "errorMessage": message},
    }
    for key in reversed(keys):
        schema = {"if": {"required": [key]}, "then": {"$ref": REF + members[key]}, "else": schema}
    return {"description": description, **schema}


def _name_keyed_union(schema: dict, name: str, what: str, members: dict[str, str], descriptions: dict[str, str], description: str) -> None:
    """Put the union of ``members`` under ``$defs/name`` and point every ``oneOf`` of exactly those models at it."""
    defs = schema["$defs"]
    missing = [model for model in members.values() if model not in defs]
    if missing:
        raise RuntimeError(f"the schema has no $defs for the {what} models {', '.join(missing)}")
    wanted = {REF + model for model in members.values()}
    found = 0

    def visit(node: Any) -> Any:
        nonlocal found
        if isinstance(node, dict):
            one_of = node.get("oneOf")
            if isinstance(one_of, list) and {m.get("$ref") for m in one_of if isinstance(m, dict)} == wanted and len(one_of) == len(wanted):
                rest = {k: visit(v) for k, v in node.items() if k != "oneOf"}
                found += 1
                return {"$ref": REF + name} if not rest else {**rest, "allOf": [{"$ref": REF + name}]}
            return {k: visit(v) for k, v in node.items()}
        if isinstance(node, list):
            return [visit(v) for v in node]
        return node

    for key in list(schema):
        schema[key] = visit(schema[key])
    if not found:
        raise RuntimeError(f"no union of the {what} models in the schema: has keyed_union changed?")
    schema["$defs"][name] = keyed_union_schema(what, members, descriptions, description)


def _first_paragraph(doc: str | None) -> str:
    return " ".join((doc or "").strip().split("\n\n")[0].split())


def _select_by_discriminator(node: Any) -> Any:
    """Rewrite every pydantic ``discriminator`` + ``oneOf`` into ``if``/``then`` on the tag."""
    if isinstance(node, list):
        return [_select_by_discriminator(v) for v in node]
    if not isinstance(node, dict):
        return node
    node = {k: _select_by_discriminator(v) for k, v in node.items()}
    discriminator = node.get("discriminator")
    if not (isinstance(discriminator, dict) and "oneOf" in node):
        return node
    tag = discriminator["propertyName"]
    mapping: dict[str, str] = discriminator["mapping"]
    rest = {k: v for k, v in node.items() if k not in ("discriminator", "oneOf")}
    return {**rest, **tagged_union_schema(tag, mapping)}


def tagged_union_schema(tag: str, mapping: dict[str, str]) -> dict:
    """The schema of a mapping whose model is chosen by the value of ``tag`` (``mapping``: value to ``$ref``)."""
    values = list(mapping)
    return {
        "type": "object",
        "required": [tag],
        "properties": {
            tag: {
                "enum": values,
                "description": f"decides which other keys are read: {', '.join(values)}",
                "errorMessage": f"'{tag}' must be one of: {', '.join(values)}",
            }
        },
        "allOf": [{"if": {"properties": {tag: {"const": value}}, "required": [tag]}, "then": {"$ref": ref}} for value, ref in mapping.items()],
    }


def render(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in (("scenario", scenario_schema()), ("rulebook", rulebook_schema())):
        path = folder / f"{name}.schema.json"
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written
