"""How the game draws a cast member and where a scene takes place (no pygame here).

A cast member may say how their portrait looks; every key is optional and
what is left out comes from the member's id, so a portrait never changes
between plays. Organisations (partners, sponsors, media, by default) also
get an emblem, and their face is the person who speaks for them.

```yaml
look:
  skin: 4              # 1 (lightest) to 6 (darkest)
  hair: long           # short, long, bun, curly, ponytail, bald, headscarf
  hair_colour: black   # black, brown, auburn, blonde, grey, white
  clothes: teal        # teal, navy, red, mustard, green, purple, grey, coral
  glasses: true
  beard: false
  age: older           # young, adult, older (grey hair and lines come with older)
  emblem: leaf         # an organisation's mark: leaf, wave, sun, drop, star, book, mic, heart, tower, hands
  colour: green        # the emblem's colour (one of the clothes colours)
```

A scene says where it takes place with ``place:`` (one of :data:`PLACES`);
without it, the scene kind's default (:data:`DEFAULT_PLACES`) is used.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from game.core.base import Strict

PLACES = (
    "municipal-office", "ngo-office", "cafe", "radio-studio", "tv-studio", "school", "riverside",
    "community-centre", "press-conference", "meeting-table", "phone-call", "park",
)
DEFAULT_PLACES = {
    "choice": "ngo-office", "event": "ngo-office", "pick": "ngo-office", "negotiate": "meeting-table",
    "sequence": "ngo-office", "allocate": "ngo-office", "ending": "park",
}
Place = Annotated[str, Field(max_length=80, json_schema_extra={"enum": list(PLACES)},
                             description="where the scene takes place (its backdrop): " + ", ".join(PLACES))]
SKIN_TONES = 6
HAIR_STYLES = ("short", "long", "bun", "curly", "ponytail", "bald", "headscarf")
HAIR_COLOURS = ("black", "brown", "auburn", "blonde", "grey", "white")
COLOURS = ("teal", "navy", "red", "mustard", "green", "purple", "grey", "coral")
EMBLEMS = ("leaf", "wave", "sun", "drop", "star", "book", "mic", "heart", "tower", "hands")
ORGANISATION_KINDS = ("partner", "sponsor", "media")


class Look(Strict):
    """How a cast member's portrait (and an organisation's emblem) looks: see the module docstring."""

    skin: Annotated[int, Field(ge=1, le=SKIN_TONES)] | None = None
    hair: Literal["short", "long", "bun", "curly", "ponytail", "bald", "headscarf"] | None = None
    hair_colour: Literal["black", "brown", "auburn", "blonde", "grey", "white"] | None = None
    clothes: Literal["teal", "navy", "red", "mustard", "green", "purple", "grey", "coral"] | None = None
    glasses: bool | None = None
    beard: bool | None = None
    age: Literal["young", "adult", "older"] | None = None
    emblem: Literal["leaf", "wave", "sun", "drop", "star", "book", "mic", "heart", "tower", "hands"] | None = None
    colour: Literal["teal", "navy", "red", "mustard", "green", "purple", "grey", "coral"] | None = None


def place_of(scene) -> str:
    """Where a scene takes place: its own ``place``, else its kind's default."""
    return getattr(scene, "place", None) or DEFAULT_PLACES.get(getattr(scene, "kind", ""), "ngo-office")
