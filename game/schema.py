"""JSON Schemas for editors, generated from the models that validate.

``python main.py schema`` writes ``schemas/scenario.schema.json`` and
``schemas/rulebook.schema.json``; a scenario's first line points to it::

    # yaml-language-server: $schema=../schemas/scenario.schema.json
"""

from __future__ import annotations

import json
from pathlib import Path

from game.core.scenario import Scenario


def scenario_schema() -> dict:
    schema = Scenario.model_json_schema(by_alias=True)
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["title"] = "Bridges scenario (format 1)"
    return schema


def rulebook_schema() -> dict:
    from game.scoring.rulebook import Rulebook  # the rulebook lives with the grader

    schema = Rulebook.model_json_schema(by_alias=True)
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["title"] = "Bridges rulebook"
    return schema


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
