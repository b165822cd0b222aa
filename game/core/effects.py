"""Effects: structured YAML changes to the game state, one small class each.

An effect changes the state through an :class:`Actor` (the engine's
session) and reports what it did as plain events.
"""

from __future__ import annotations

from typing import Protocol

from pydantic import Field

from game.core.base import Amount, Id, Strict, forbid_both, keyed_union


class Actor(Protocol):
    """What an effect may do to the game state."""

    def add_resource(self, name: str, delta: int | None, value: int | None) -> dict: ...
    def add_trust(self, cast_id: str, delta: int) -> dict: ...
    def set_flag(self, name: str, value: bool) -> dict: ...
    def pick_member(self, cast_id: str, keep: bool) -> dict: ...
    def reveal(self, cast_id: str, traits: list[str]) -> list[dict]: ...
    def meet(self, cast_id: str) -> dict | None: ...


class ChangeResource(Strict):
    """Add to a resource, or set it; the result stays within its bounds.

    ```yaml
    {resource: budget, add: -500}
    {resource: reputation, set: 50}
    ```
    """

    resource: Id
    add: Amount | None = None
    set_: Amount | None = Field(None, alias="set")

    _one_of = forbid_both("add", "set_", ("add", "set"))

    def apply(self, actor: Actor) -> list[dict]:
        return [actor.add_resource(self.resource, self.add, self.set_)]


class ChangeTrust(Strict):
    """Change trust with a cast member (0-100); meeting them if not met yet.

    ```yaml
    {trust: green-future, add: 10}
    ```
    """

    trust: Id
    add: Amount

    def apply(self, actor: Actor) -> list[dict]:
        return [actor.add_trust(self.trust, self.add)]


class SetFlag(Strict):
    """Set or clear a flag that later conditions can test.

    ```yaml
    {flag: background-checked}
    {flag: scandal, set: false}
    ```
    """

    flag: Id
    set_: bool = Field(True, alias="set")

    def apply(self, actor: Actor) -> list[dict]:
        return [actor.set_flag(self.flag, self.set_)]


class PickMember(Strict):
    """Add a cast member to the NGO's cast (as a partner, sponsor, ...).

    ```yaml
    {pick: radio-vitosha}
    ```
    """

    pick: Id

    def apply(self, actor: Actor) -> list[dict]:
        return [actor.pick_member(self.pick, True)]


class DropMember(Strict):
    """Remove a cast member from the NGO's cast.

    ```yaml
    {drop: green-future}
    ```
    """

    drop: Id

    def apply(self, actor: Actor) -> list[dict]:
        return [actor.pick_member(self.drop, False)]


class RevealTraits(Strict):
    """Reveal hidden traits of a cast member.

    ```yaml
    {reveal: green-future, traits: [track_record]}
    ```
    """

    reveal: Id
    traits: list[Id]

    def apply(self, actor: Actor) -> list[dict]:
        return actor.reveal(self.reveal, list(self.traits))


class Meet(Strict):
    """The NGO meets a cast member: they appear in the relationships panel.

    ```yaml
    {meet: mayor-petrova}
    ```
    """

    meet: Id

    def apply(self, actor: Actor) -> list[dict]:
        event = actor.meet(self.meet)
        return [event] if event else []


EFFECTS: dict[str, type] = {
    "resource": ChangeResource,
    "trust": ChangeTrust,
    "flag": SetFlag,
    "pick": PickMember,
    "drop": DropMember,
    "reveal": RevealTraits,
    "meet": Meet,
}

Effect = keyed_union(EFFECTS, "effect")
