"""How big, famous or rich a cast card looks: what the humblest-card reader goes by.

A card's size comes from its visible traits that measure size (size, reach,
fame, followers, audience, offer and the like) and from numbers with a unit
in its ``about`` text ("120 000 followers", "6,000 leva"). A trait's values
rank by the everyday words for size when they are such words (small < medium
< large; local < regional < national), else in the order the scenario
declares them under ``traits``: least first. Numbers rank as numbers.
Each measure is scaled to 0..1 within the pool and the card's size is their
mean; a card with no measure sits in the middle (0.5).
"""

from __future__ import annotations

import re
from typing import Any

SIZE_TRAITS = re.compile(
    r"size|reach|fame|famous|follow|fans|audience|viewer|listener|reader|subscri|offer|budget|turnover|revenue|money|"
    r"member|staff|employ|volunteer|influence|prestige|visib|scale|project|network|capacity|experience|popular"
)

LEVELS = {
    "none": 0, "no": 0, "zero": 0,
    "tiny": 1, "micro": 1, "few": 1, "little": 1, "low": 1, "weak": 1, "small": 1, "local": 1, "town": 1, "village": 1,
    "neighbourhood": 1, "neighborhood": 1, "district": 1, "unknown": 1, "modest": 1,
    "some": 2, "medium": 2, "moderate": 2, "average": 2, "mid": 2, "middle": 2, "regional": 2, "half": 2, "city": 2,
    "known": 2, "mixed": 2,
    "large": 3, "big": 3, "many": 3, "high": 3, "strong": 3, "national": 3, "famous": 3, "wide": 3, "plenty": 3,
    "huge": 4, "very-large": 4, "massive": 4, "international": 4, "global": 4, "european": 4, "worldwide": 4, "star": 4,
}

UNITS = (
    r"follower|fan|subscriber|member|volunteer|employee|staff|people|viewer|listener|reader|visit|lev|leva|bgn|euro|eur|€|"
    r"последовател|фен|абонат|член|добровол|служител|души|човек|зрител|слушател|читател|посещени|лв|лева|евро"
)
NUMBER = re.compile(
    rf"(\d{{1,3}}(?:[ \u00a0,.]\d{{3}})+|\d+(?:[.,]\d+)?)\s*(k|хил\.?|хиляди|thousand|million|млн\.?|милиона?)?\s*(?:\w+\s+)?(?:{UNITS})",
    re.IGNORECASE,
)
MULTIPLIERS = {"k": 1e3, "хил": 1e3, "хил.": 1e3, "хиляди": 1e3, "thousand": 1e3, "million": 1e6, "млн": 1e6, "млн.": 1e6, "милион": 1e6, "милиона": 1e6}


def _number(digits: str, multiplier: str | None) -> float:
    if re.fullmatch(r"\d{1,3}(?:[ \u00a0,.]\d{3})+", digits):
        value = float(re.sub(r"\D", "", digits))
    else:
        value = float(digits.replace(",", "."))
    return value * MULTIPLIERS.get((multiplier or "").lower(), 1.0)


def about_number(text: str | None) -> float | None:
    """The largest number with a unit (followers, members, leva...) in a card's text, if any."""
    if not text:
        return None
    found = [_number(m.group(1), m.group(2)) for m in NUMBER.finditer(text)]
    return max(found) if found else None


def _trait_scale(trait: str, definition: Any) -> dict[Any, float] | None:
    """Each declared value's place on the trait's scale, 0..1 (None: not a measure of size)."""
    if not SIZE_TRAITS.search(trait.lower()):
        return None
    values = list(definition.values) if definition is not None else []
    if len(values) < 2:
        return None
    if all(v.lower() in LEVELS for v in values):
        levels = [LEVELS[v.lower()] for v in values]
    else:
        levels = list(range(len(values)))
    low, high = min(levels), max(levels)
    return {v: (lvl - low) / (high - low) if high > low else 0.5 for v, lvl in zip(values, levels)}


def _spread(values: list[float | None]) -> list[float | None]:
    """Numbers ranked within the pool, scaled to 0..1 (None stays None)."""
    distinct = sorted({v for v in values if v is not None})
    if len(distinct) < 2:
        return [None if v is None else 0.5 for v in values]
    return [None if v is None else distinct.index(v) / (len(distinct) - 1) for v in values]


def card_sizes(scenario: Any, members: list[Any]) -> list[float]:
    """How big each card of a pool looks, 0 (humblest) .. 1 (biggest)."""
    measures: list[list[float | None]] = []
    traits = sorted({t for m in members for t in m.visible})
    for trait in traits:
        raw = [m.visible.get(trait) for m in members]
        if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in raw if v is not None):
            if SIZE_TRAITS.search(trait.lower()) or trait not in scenario.traits or not scenario.traits[trait].values:
                measures.append(_spread([None if v is None else float(v) for v in raw]))
            continue
        scale = _trait_scale(trait, scenario.traits.get(trait))
        if scale:
            measures.append([scale.get(v) if isinstance(v, str) else None for v in raw])
    numbers = [[n for lang in scenario.languages if m.about and (n := about_number(m.about.get(lang))) is not None] for m in members]
    measures.append(_spread([max(found) if found else None for found in numbers]))
    sizes = []
    for index in range(len(members)):
        known = [column[index] for column in measures if column[index] is not None]
        sizes.append(sum(known) / len(known) if known else 0.5)
    return sizes
