"""A cast member's look, whole: what the scenario wrote under ``look:``, and the
rest chosen from the member's id and kind (the same every time).

```yaml
look: {skin: 4, hair: long, hair_colour: black, clothes: teal, glasses: true, emblem: leaf, colour: green}
```
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from game.core.looks import COLOURS, EMBLEMS, ORGANISATION_KINDS, SKIN_TONES, Look

EMBLEMS_BY_KIND = {
    "media": ("mic", "wave", "star"),
    "sponsor": ("tower", "star", "sun", "heart"),
    "partner": ("leaf", "hands", "drop", "book", "heart", "wave", "sun"),
}


@dataclass(frozen=True)
class FullLook:
    """Every choice a portrait needs, with nothing left open (hashable: a cache key)."""

    skin: int
    hair: str
    hair_colour: str
    clothes: str
    glasses: bool
    beard: bool
    age: str
    emblem: str | None
    colour: str


class _Dice:
    """Deterministic choices from an id (the same id always looks the same)."""

    def __init__(self, seed: str):
        self.bytes = hashlib.sha256(seed.encode("utf-8")).digest()
        self.at = 0

    def number(self, n: int) -> int:
        value = self.bytes[self.at % len(self.bytes)]
        self.at += 1
        return value % n

    def pick(self, options):
        return options[self.number(len(options))]

    def chance(self, percent: int) -> bool:
        return self.number(100) < percent


def full_look(cast_id: str, kind: str, look: Look | None = None) -> FullLook:
    """The member's look: what the scenario says, the rest from the id and kind."""
    look = look or Look()
    dice = _Dice(f"{cast_id}/{kind}")
    age = look.age or dice.pick(("young", "adult", "adult", "adult", "older"))
    hair = look.hair or dice.pick(("short", "short", "long", "bun", "curly", "ponytail", "bald", "long", "headscarf", "short"))
    if age == "older" and look.hair_colour is None:
        hair_colour = dice.pick(("grey", "white", "grey"))
    else:
        hair_colour = look.hair_colour or dice.pick(("black", "brown", "brown", "auburn", "blonde", "black"))
    beard_likely = hair in ("short", "bald", "curly")
    beard = look.beard if look.beard is not None else (beard_likely and dice.chance(35))
    glasses = look.glasses if look.glasses is not None else dice.chance(30 if age != "older" else 60)
    clothes = look.clothes or dice.pick(COLOURS)
    skin = look.skin or 1 + dice.number(SKIN_TONES)
    emblem = look.emblem
    if emblem is None and kind in ORGANISATION_KINDS:
        emblem = dice.pick(EMBLEMS_BY_KIND.get(kind, EMBLEMS))
    colour = look.colour or dice.pick([c for c in COLOURS if c != clothes])
    return FullLook(skin, hair, hair_colour, clothes, bool(glasses), bool(beard), age, emblem, colour)


def of_member(member) -> FullLook:
    """The full look of a scenario's cast member."""
    return full_look(member.id, member.kind, getattr(member, "look", None))
