"""The scenario: one YAML file, validated by these models (format v1).

```yaml
# yaml-language-server: $schema=../schemas/scenario.schema.json
format: 1
id: river-coalition
title: {en: The River Coalition, bg: Коалиция за реката}
summary: {en: ..., bg: ...}
languages: [en, bg]
minutes: 30
order: 10                      # place in the library (optional; lower comes first)
ngo: {name: {en: ...}, cause: {en: ...}, town: {en: ...}}
goals: [{id: coalition, text: {en: ...}, when: {agreement: signed}}]
resources: {budget: {start: 4000, min: 0}}
traits: {values_fit: {name: {en: Values fit}, values: {low: {en: low}, high: {en: high}}}}
cast: [...]
start: first-contact
scenes: {...}
checks: [...]
```
"""

from __future__ import annotations

from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from game.core.base import AMOUNT_LIMIT, Amount, AssetPath, Id, LanguageCode, RuleId, Strict, Text
from game.core.conditions import Condition
from game.core.looks import Look
from game.core.scenes import Scene

CAST_KINDS = ("partner", "liaison", "facilitator", "supporter", "media", "sponsor", "counterpart")
CastKind = Literal["partner", "liaison", "facilitator", "supporter", "media", "sponsor", "counterpart"]
TraitValue = str | int | bool
BUILTIN_RESOURCES = ("budget", "weeks", "reputation", "network")


class Resource(Strict):
    """A resource with a start value and bounds; scenario-specific ones need a label.

    ```yaml
    budget: {start: 4000, min: 0}
    volunteers: {start: 6, min: 0, label: {en: Volunteers, bg: Доброволци}}
    ```
    """

    start: Amount
    min: Amount | None = 0
    max: Amount | None = None
    label: Text | None = None

    @model_validator(mode="after")
    def _bounds(self) -> "Resource":
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("'min' is larger than 'max'")
        if (self.min is not None and self.start < self.min) or (self.max is not None and self.start > self.max):
            raise ValueError("'start' is outside 'min' and 'max'")
        return self

    def clamp(self, value: int) -> int:
        """The value within the resource's bounds, and always within the format's range."""
        value = max(-AMOUNT_LIMIT, min(AMOUNT_LIMIT, value))
        if self.min is not None:
            value = max(self.min, value)
        if self.max is not None:
            value = min(self.max, value)
        return value


class TraitDef(Strict):
    """A trait cast cards can show, and the words for its values.

    ```yaml
    values_fit: {name: {en: Values fit, bg: Съвпадение на ценностите}, values: {low: {en: low, bg: ниско}}}
    ```
    """

    name: Text
    values: dict[Id, Text] = {}


class Research(Strict):
    """A way to learn a cast member's hidden traits, at a cost.

    ```yaml
    - id: past-projects
      label: {en: Look at their past projects, bg: Прегледайте предишните им проекти}
      cost: {weeks: 1}
      reveals: [track_record]
    ```
    """

    id: Id
    label: Text
    cost: dict[Id, Annotated[int, Field(ge=0, le=AMOUNT_LIMIT)]] = {}
    reveals: Annotated[list[Id], Field(min_length=1)]


class CastMember(Strict):
    """An organisation or person the NGO can meet, pick or negotiate with.

    ```yaml
    - id: green-future
      kind: partner
      name: {en: Green Future Association, bg: Сдружение „Зелено бъдеще“}
      about: {en: A regional environmental NGO., bg: ...}
      portrait: images/green-future.png   # optional: without it the game draws a face (see look)
      look: {hair: curly, glasses: true, emblem: leaf, colour: green}   # optional; see game.core.looks
      trust: 50
      visible: {size: large, reach: regional}
      hidden: {values_fit: low, track_record: mixed}
      research: [...]
    ```
    """

    id: Id
    kind: CastKind
    name: Text
    about: Text | None = None
    portrait: AssetPath | None = None
    look: Look = Look()
    trust: Annotated[int, Field(ge=0, le=100)] = 50
    cost: Annotated[int, Field(ge=0, le=AMOUNT_LIMIT)] = 0
    visible: dict[Id, TraitValue] = {}
    hidden: dict[Id, TraitValue] = {}
    research: list[Research] = []


class NGO(Strict):
    """The player's organisation. ``{name: {en: ...}, cause: {en: ...}, town: {en: ...}}``"""

    name: Text
    cause: Text
    town: Text


class Goal(Strict):
    """A goal of the scenario's own, judged at the end.

    ```yaml
    - {id: coalition-formed, text: {en: Form a coalition of three, bg: ...}, when: {agreement: signed}}
    ```
    """

    id: Id
    text: Text
    when: Condition


class RuleCheck(Strict):
    """A rule checked over the whole play at the end.

    Applies only ``when`` its condition holds (always, if absent); then the
    rule is honoured if ``honoured_if`` holds and broken otherwise. ``at``
    names the scene where the player had the chance: the verdict and its
    feedback are shown with that decision (with the last visit to it), or
    under "What the handbook checks at the end" when the play never got there.

    ```yaml
    - rule: sponsor.background-check
      at: choose-sponsors
      when: {picked: sponsor}
      honoured_if: {all_picked: sponsor, researched: true}
      weight: 2
      feedback: {en: ..., bg: ...}
    ```
    """

    rule: RuleId
    at: Id | None = None
    when: Condition | None = None
    honoured_if: Condition
    weight: Annotated[int, Field(ge=1, le=5)] = 1
    feedback: Text | None = None


class Scenario(Strict):
    """A whole scenario: see the module docstring for a sketch."""

    format: Literal[1] = 1
    id: Id
    title: Text
    summary: Text
    languages: Annotated[list[LanguageCode], Field(min_length=1, description="the languages this scenario provides; en is required")]
    minutes: Annotated[int, Field(ge=1, le=240)]
    order: Annotated[int, Field(ge=0, le=9999, description="place in the library: lower comes first")] = 100
    topics: list[Text] = []
    image: AssetPath | None = None
    ngo: NGO
    goals: list[Goal] = []
    resources: dict[Id, Resource]
    traits: dict[Id, TraitDef] = {}
    cast: list[CastMember] = []
    start: Id | None = None
    scenes: Annotated[dict[Id, Scene], Field(min_length=1)]
    checks: list[RuleCheck] = []

    @property
    def start_scene(self) -> str:
        return self.start or next(iter(self.scenes))

    def member(self, cast_id: str) -> CastMember | None:
        return self.cast_by_id.get(cast_id)

    @cached_property
    def cast_by_id(self) -> dict[str, CastMember]:
        return {m.id: m for m in self.cast}

    @cached_property
    def triggered_events(self) -> list[tuple[str, Any]]:
        """(id, scene) of every event with a trigger, in the order written (the engine looks at these on every move)."""
        return [(sid, scene) for sid, scene in self.scenes.items() if scene.kind == "event" and getattr(scene, "trigger", None) is not None]
