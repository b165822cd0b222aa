"""The editors' JSON Schema, run through a real validator: valid scenarios pass, and a mistake gets one clear message.

A scene's model is chosen by its ``kind``, a condition's or an effect's by
the key that names it, as the loader does; so the validator's best error
(what an editor shows first) speaks about the scene kind or the form the
author meant, never "'headline' is a required property" of another kind.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any, NamedTuple

import pytest
from jsonschema import Draft7Validator
from jsonschema.exceptions import best_match
from pydantic import ValidationError

from game.core.scenario import Scenario
from game.core.scenes import SCENE_KINDS
from game.core.yamlsafe import load_file, load_text
from game.schema import rulebook_schema, scenario_schema
from tests.conftest import ROOT

SCENARIOS = sorted(p for p in (ROOT / "scenarios").glob("*.yaml") if p.name != "rulebook.yaml")
DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="module")
def validator() -> Draft7Validator:
    return Draft7Validator(scenario_schema())


def best(validator: Draft7Validator, data: Any) -> tuple[str, str] | None:
    """(path, message) of the error a validator shows first, or None when valid."""
    error = best_match(validator.iter_errors(data))
    return None if error is None else (".".join(str(part) for part in error.absolute_path), error.message)


def test_both_schemas_are_valid_draft_7():
    for schema in (scenario_schema(), rulebook_schema()):
        Draft7Validator.check_schema(schema)


def test_no_union_is_left_to_the_ignored_discriminator_keyword():
    text = json.dumps(scenario_schema())
    assert '"discriminator"' not in text
    assert '"oneOf"' not in text  # scenes, conditions and effects are chosen by if/then, not tried one by one


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_every_shipped_scenario_is_valid(validator, path):
    assert best(validator, load_file(path).data) is None


@pytest.mark.parametrize("name", ["valid/minimal.yaml", "pictured/pictured.yaml"])
def test_the_valid_fixtures_are_valid(validator, name):
    assert best(validator, load_file(DATA / name).data) is None


def test_a_new_scenario_from_the_template_is_valid(validator):
    text = (ROOT / "game" / "templates" / "scenario.yaml").read_text(encoding="utf-8")
    assert best(validator, load_text(text.replace("__ID__", "river-coalition")).data) is None


def test_the_rulebook_is_valid():
    assert best(Draft7Validator(rulebook_schema()), load_file(ROOT / "scenarios" / "rulebook.yaml").data) is None


def _scene(data: dict, kind: str) -> tuple[str, dict]:
    return next((sid, scene) for sid, scene in data["scenes"].items() if scene["kind"] == kind)


def _shipped_with_every_kind() -> dict:
    for path in SCENARIOS:
        data = load_file(path).data
        if {scene["kind"] for scene in data["scenes"].values()} >= set(SCENE_KINDS):
            return data
    raise AssertionError("no shipped scenario has a scene of every kind")


class Mistake(NamedTuple):
    kind: str  # the scene it is made in: the first of this kind
    make: Callable[[dict], None]  # breaks that scene in place
    where: str  # path of the error, after 'scenes.<id>'
    says: str  # a piece of the message


def _rename(key: str, new: str) -> Callable[[dict], None]:
    return lambda scene: scene.__setitem__(new, scene.pop(key))


def _when(condition: Any) -> Callable[[dict], None]:
    return lambda scene: scene["options"][0].__setitem__("when", condition)


def _effect(effect: Any) -> Callable[[dict], None]:
    return lambda scene: scene["options"][0].__setitem__("effects", [effect])


KNOWN_CONDITIONS = "'flg' is not one of ['resource', 'trust', 'flag', 'picked'"
MISTAKES = {
    "typo in an event's key": Mistake("event", _rename("headline", "headlin"), "", "('headlin' was unexpected)"),
    "unknown key in an event": Mistake("event", lambda s: s.__setitem__("sumary", "x"), "", "('sumary' was unexpected)"),
    "event without options": Mistake("event", lambda s: s.pop("options"), "", "'options' is a required property"),
    "pick without a pool": Mistake("pick", lambda s: s.pop("pool"), "", "'pool' is a required property"),
    "pick counting too many": Mistake("pick", lambda s: s.__setitem__("count", 9), ".count", "9 is greater than the maximum of 6"),
    "typo in a negotiation's clause": Mistake("negotiate", lambda s: s["clauses"][0].__setitem__("elemnt", s["clauses"][0].pop("element")), ".clauses.0", "('elemnt' was unexpected)"),
    "wrong kind": Mistake("choice", lambda s: s.__setitem__("kind", "choise"), ".kind", "'choise' is not one of ['allocate', 'choice'"),
    "no kind": Mistake("choice", lambda s: s.pop("kind"), "", "'kind' is a required property"),
    "ending with an unknown outcome": Mistake("ending", lambda s: s.__setitem__("outcome", "win"), ".outcome", "'win' is not one of ['success', 'mixed', 'failure']"),
    "unknown condition key": Mistake("choice", _when({"flg": "scandal"}), ".options.0.when", KNOWN_CONDITIONS),
    "unknown condition in all": Mistake("choice", _when({"all": [{"flag": "a"}, {"flg": "b"}]}), ".options.0.when.all.1", KNOWN_CONDITIONS),
    "typo inside a condition": Mistake("choice", _when({"resource": "budget", "at_lest": 5}), ".options.0.when", "('at_lest' was unexpected)"),
    "condition missing a key": Mistake("choice", _when({"chose": "x"}), ".options.0.when", "'in' is a required property"),
    "empty condition": Mistake("choice", _when({}), ".options.0.when", "{} should be non-empty"),
    "unknown condition in a trigger": Mistake("event", lambda s: s.__setitem__("trigger", {"when": {"flg": "x"}}), ".trigger.when", KNOWN_CONDITIONS),
    "unknown effect key": Mistake("choice", _effect({"resorce": "budget", "add": 5}), ".options.0.effects.0", "'resorce' is not one of ['resource', 'trust', 'flag', 'pick', 'drop', 'reveal', 'meet']"),
    "typo inside an effect": Mistake("choice", _effect({"resource": "budget", "ad": 5}), ".options.0.effects.0", "('ad' was unexpected)"),
    "text instead of a number in an effect": Mistake("choice", _effect({"trust": "x", "add": "5"}), ".options.0.effects.0.add", "'5' is not of type 'integer'"),
}


@pytest.mark.parametrize("name", MISTAKES)
def test_a_mistake_in_a_scene_is_named_in_that_scene_kind(validator, name):
    mistake = MISTAKES[name]
    data = copy.deepcopy(_shipped_with_every_kind())
    scene_id, scene = _scene(data, mistake.kind)
    mistake.make(scene)
    with pytest.raises(ValidationError):  # the models refuse it too
        Scenario.model_validate(data)
    path, message = best(validator, data)
    assert path == f"scenes.{scene_id}{mistake.where}"
    assert mistake.says in message


def test_an_unknown_condition_in_an_end_check_is_named(validator):
    data = copy.deepcopy(_shipped_with_every_kind())
    data["checks"] = [{"rule": "flow.order", "honoured_if": {"flg": "x"}}]
    path, message = best(validator, data)
    assert path == "checks.0.honoured_if"
    assert message.startswith(KNOWN_CONDITIONS)


# The checker's invalid fixtures whose mistake is one of shape: the schema names the same place.
FIXTURES = {
    "unknown-scene-kind": ("scenes.choose.kind", "'pik' is not one of"),
    "missing-scene-kind": ("scenes.choose", "'kind' is a required property"),
    "unknown-key-typo": ("scenes.choose", "('nxt' was unexpected)"),
    "unknown-condition": ("goals.0.when", "'chosen' is not one of ['resource'"),
    "unknown-effect": ("scenes.intro.options.0.effects.0", "'resorce' is not one of ['resource'"),
    "missing-english": ("scenes.the-end.text", "'en' is a required property"),
    "norway-bool": ("scenes.intro.options.0.effects.0.set", "'yes' is not of type 'boolean'"),
    "too-few-options": ("scenes.intro.options", "is too short"),
}


@pytest.mark.parametrize("name", FIXTURES)
def test_invalid_fixtures_get_the_message_of_their_mistake(validator, name):
    path, message = best(validator, load_file(DATA / "invalid" / f"{name}.yaml").data)
    assert path == FIXTURES[name][0]
    assert FIXTURES[name][1] in message
