"""Conditions: structured YAML tests over the game state, never Python code.

Each condition is one small class, looked up by its first key. They read
the state through a :class:`Facts` view (the engine's session provides it),
so the grader's end-of-play checks use exactly the same classes.
"""

from __future__ import annotations

from typing import Annotated, Literal, Protocol

from pydantic import Field

from game.core.base import Amount, Id, Strict, keyed_union

ELEMENTS = ("goals", "responsibilities", "contributions", "period", "mechanism", "benefits")
"""The six elements of a partnership agreement (handbook 1.2)."""
LICENCE_ELEMENTS = ("use", "remuneration", "exclusivity", "territory", "period")
"""What a written licence fixes (handbook 3.1): use, remuneration, exclusivity, territory, and its period."""
Element = Literal["goals", "responsibilities", "contributions", "period", "mechanism", "benefits", "use", "remuneration", "exclusivity", "territory"]


class Facts(Protocol):
    """What a condition may ask of the game state."""

    def resource(self, name: str) -> int: ...
    def trust(self, cast_id: str) -> int: ...
    def has_flag(self, name: str) -> bool: ...
    def picked(self, kind_or_id: str) -> list[str]: ...
    def trait(self, cast_id: str, trait: str) -> object: ...
    def was_researched(self, cast_id: str) -> bool: ...
    def visit_index(self, scene: str) -> int | None: ...
    def chosen(self, scene: str) -> str | None: ...
    def agreement_clauses(self) -> dict[str, bool] | None: ...
    def negotiation(self, scene: str) -> dict: ...
    def phase(self) -> str: ...
    def roll(self) -> float: ...


class Bounds(Strict):
    at_least: Amount | None = None
    at_most: Amount | None = None

    def within(self, value: int) -> bool:
        return (self.at_least is None or value >= self.at_least) and (self.at_most is None or value <= self.at_most)


class ResourceIs(Bounds):
    """A resource is within bounds.

    ```yaml
    {resource: budget, at_least: 500}
    ```
    """

    resource: Id

    def holds(self, facts: Facts) -> bool:
        return self.within(facts.resource(self.resource))


class TrustIs(Bounds):
    """Trust with a cast member is within bounds (0-100).

    ```yaml
    {trust: green-future, at_least: 60}
    ```
    """

    trust: Id

    def holds(self, facts: Facts) -> bool:
        return self.within(facts.trust(self.trust))


class FlagIs(Strict):
    """A flag is set (or, with ``is: false``, not set).

    ```yaml
    {flag: press-release-sent}
    {flag: scandal, is: false}
    ```
    """

    flag: Id
    is_: bool = Field(True, alias="is")

    def holds(self, facts: Facts) -> bool:
        return facts.has_flag(self.flag) == self.is_


class Picked(Strict):
    """Some picked cast member of a kind (or a given id) exists, optionally with a trait value.

    ```yaml
    {picked: sponsor, trait: values_fit, is: low}
    {picked: green-future}
    ```
    """

    picked: Id
    trait: Id | None = None
    is_: str | int | bool | None = Field(None, alias="is")

    def holds(self, facts: Facts) -> bool:
        members = facts.picked(self.picked)
        if self.trait is None:
            return bool(members)
        return any(facts.trait(m, self.trait) == self.is_ for m in members)


class AllPicked(Strict):
    """Every picked member of a kind was researched first and/or has a trait value (true when none).

    ```yaml
    {all_picked: sponsor, researched: true}
    {all_picked: partner, trait: values_fit, is_not: low}
    ```
    """

    all_picked: Id
    researched: bool | None = None
    trait: Id | None = None
    is_: str | int | bool | None = Field(None, alias="is")
    is_not: str | int | bool | None = None

    def holds(self, facts: Facts) -> bool:
        for member in facts.picked(self.all_picked):
            if self.researched is not None and facts.was_researched(member) != self.researched:
                return False
            if self.trait is not None:
                value = facts.trait(member, self.trait)
                if self.is_ is not None and value != self.is_:
                    return False
                if self.is_not is not None and value == self.is_not:
                    return False
        return True


class Visited(Strict):
    """The player has been through a scene.

    ```yaml
    {visited: evaluate-partnership}
    ```
    """

    visited: Id

    def holds(self, facts: Facts) -> bool:
        return facts.visit_index(self.visited) is not None


class InOrder(Strict):
    """Scenes were all visited, in this order.

    ```yaml
    {in_order: [write-strategy, first-contact, negotiate-agreement]}
    ```
    """

    in_order: Annotated[list[Id], Field(min_length=2)]

    def holds(self, facts: Facts) -> bool:
        seen = [facts.visit_index(scene) for scene in self.in_order]
        return None not in seen and seen == sorted(seen)  # type: ignore[type-var]


class Chose(Strict):
    """The player chose an option (by id) in a scene.

    ```yaml
    {chose: call-in-person, in: first-contact}
    ```
    """

    chose: Id
    in_: Id = Field(alias="in")

    def holds(self, facts: Facts) -> bool:
        return facts.chosen(self.in_) == self.chose


class AgreementHas(Strict):
    """A signed partnership agreement exists with these elements (``all`` means the six).

    A clause counts only when the term signed for it breaks no rule: "whenever
    something comes up" is not a mechanism, and a vague goal is not a goal.

    ```yaml
    {agreement: signed}
    {agreement: all}
    {agreement: [goals, benefits]}
    ```
    """

    agreement: Literal["signed", "all"] | list[Element]

    def holds(self, facts: Facts) -> bool:
        clauses = facts.agreement_clauses()
        if clauses is None:
            return False
        wanted = () if self.agreement == "signed" else ELEMENTS if self.agreement == "all" else self.agreement
        return all(clauses.get(element, False) for element in wanted)


class NegotiationWas(Strict):
    """How a negotiation went: agreed, walked_away, left, deadlocked, facilitated.

    ```yaml
    {negotiation: negotiate-agreement, was: facilitated}
    ```
    """

    negotiation: Id
    was: Literal["agreed", "walked_away", "left", "deadlocked", "facilitated"]

    def holds(self, facts: Facts) -> bool:
        record = facts.negotiation(self.negotiation)
        if self.was in ("deadlocked", "facilitated"):
            return bool(record.get(self.was))
        return record.get("outcome") == self.was


class PhaseIs(Strict):
    """The current scene is in a phase of the partnership flow.

    ```yaml
    {phase: during}
    ```
    """

    phase: Literal["before", "during", "after"]

    def holds(self, facts: Facts) -> bool:
        return facts.phase() == self.phase


class Chance(Strict):
    """True with a probability, drawn from the session's seeded dice.

    ```yaml
    {chance: 0.3}
    ```
    """

    chance: Annotated[float, Field(ge=0, le=1)]

    def holds(self, facts: Facts) -> bool:
        return facts.roll() < self.chance


class AllOf(Strict):
    """Every condition holds. ``{all: [{flag: a}, {resource: budget, at_least: 1}]}``"""

    all: Annotated[list["Condition"], Field(min_length=1)]

    def holds(self, facts: Facts) -> bool:
        return all(c.holds(facts) for c in self.all)


class AnyOf(Strict):
    """At least one condition holds. ``{any: [{flag: a}, {flag: b}]}``"""

    any: Annotated[list["Condition"], Field(min_length=1)]

    def holds(self, facts: Facts) -> bool:
        return any(c.holds(facts) for c in self.any)


class Not(Strict):
    """The condition does not hold. ``{not: {flag: scandal}}``"""

    not_: "Condition" = Field(alias="not")

    def holds(self, facts: Facts) -> bool:
        return not self.not_.holds(facts)


CONDITIONS: dict[str, type] = {
    "resource": ResourceIs,
    "trust": TrustIs,
    "flag": FlagIs,
    "picked": Picked,
    "all_picked": AllPicked,
    "visited": Visited,
    "in_order": InOrder,
    "chose": Chose,
    "agreement": AgreementHas,
    "negotiation": NegotiationWas,
    "phase": PhaseIs,
    "chance": Chance,
    "all": AllOf,
    "any": AnyOf,
    "not": Not,
}

Condition = keyed_union(CONDITIONS, "condition")

for _cls in (AllOf, AnyOf, Not):
    _cls.model_rebuild()
