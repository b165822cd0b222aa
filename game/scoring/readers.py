"""Readers: ways to answer by the surface of the options, without the handbook.

A reader scores the things a scene offers (options of a choice or event,
cards of a pick, shares of an allocate, terms of a negotiation clause) and
prefers the highest score; in play, ties go to the one written first. The analyzer plays some readers as policies and
counts, for all of them, how often they find the right option of a
single-answer scene (see ``hitrates``).

* tone: the option that sounds most collaborative, careful and open (word
  lists in ``tone``), read in every language of the scenario;
* longest / shortest: the length of the text in every language;
* costliest / cheapest: budget (100 leva = 1), weeks and other resources
  lost; for a card also its price and its research; for a share its cost
  per point; for a term its effects;
* first / last: the place in the list;
* humblest (picks only): the smallest, least famous, poorest card (``modesty``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from game.scoring.modesty import card_sizes
from game.scoring.tone import tone_of


def resource_cost(effects: list[Any], extra: float = 0.0) -> float:
    """What effects cost, in one unit: 100 leva of budget = one week = one point of anything else."""
    total = float(extra)
    for effect in effects:
        add = getattr(effect, "add", None)
        if getattr(effect, "resource", None) and add is not None and add < 0:
            total += -add / (100.0 if effect.resource == "budget" else 1.0)
    return total


def _research_cost(costs: dict[str, int]) -> float:
    return sum(v / (100.0 if k == "budget" else 1.0) for k, v in costs.items())


def texts(scenario: Any, item: Any) -> list[Any]:
    """What the player reads of an option, card, share or term."""
    if hasattr(item, "cast"):
        member = scenario.cast_by_id[item.cast]
        return [member.name, member.about]
    return [item.text]


def cost(scenario: Any, item: Any) -> float:
    """What choosing an option, card, term (or one point of a share) costs."""
    if hasattr(item, "cast"):
        member = scenario.cast_by_id[item.cast]
        return resource_cost(item.effects, member.cost / 100.0 + sum(_research_cost(a.cost) for a in member.research))
    if hasattr(item, "per_point"):
        return resource_cost(item.per_point)
    return resource_cost(item.effects)


def length(scenario: Any, item: Any) -> int:
    """Characters of its text, in every language of the scenario."""
    return sum(len(t.get(lang)) for t in texts(scenario, item) if t is not None for lang in scenario.languages)


Scores = Callable[[Any, list[Any]], list[float]]


@dataclass(frozen=True)
class Reader:
    """A surface rule for answering: ``scores(scenario, items)``, higher is preferred."""

    name: str
    scores: Scores
    kinds: tuple[str, ...] = ("choice", "event", "pick", "allocate", "negotiate")
    spread: bool = False
    gives_away: str = ""

    def ranked(self, scenario: Any, items: list[Any]) -> list[int]:
        """Indices from most to least preferred (ties in written order)."""
        values = self.scores(scenario, items)
        return sorted(range(len(items)), key=lambda i: -values[i])

    def top(self, scenario: Any, items: list[Any], count: int = 1) -> list[int]:
        """The preferred ``count`` items, in written order."""
        return sorted(self.ranked(scenario, items)[:count])


def _per_item(score: Callable[[Any, Any], float]) -> Scores:
    return lambda scenario, items: [float(score(scenario, item)) for item in items]


def _tone(scenario: Any, item: Any) -> float:
    return tone_of(texts(scenario, item), scenario.languages)


def _humble(scenario: Any, items: list[Any]) -> list[float]:
    if not items or not hasattr(items[0], "cast"):
        return [-float(i) for i in range(len(items))]
    return [-size for size in card_sizes(scenario, [scenario.cast_by_id[c.cast] for c in items])]


READERS: dict[str, Reader] = {
    "tone": Reader("tone", _per_item(_tone), spread=True, gives_away="the right option there sounds more careful or cooperative than the others; make the wrong options sound as reasonable, or the right one as plain"),
    "longest": Reader("longest", _per_item(length), gives_away="the right option there is the longest; write the options about as long as each other"),
    "shortest": Reader("shortest", _per_item(lambda s, i: -length(s, i)), gives_away="the right option there is the shortest; write the options about as long as each other"),
    "costliest": Reader("costliest", _per_item(cost), gives_away="the right option there costs the most; let a wrong option cost as much, or the right one less"),
    "cheapest": Reader("cheapest", _per_item(lambda s, i: -cost(s, i)), gives_away="the right option there costs the least; let the handbook's way cost something, or a wrong option less"),
    "first": Reader("first", lambda s, items: [-float(i) for i in range(len(items))], gives_away="the right option there is written first; move it"),
    "last": Reader("last", lambda s, items: [float(i) for i in range(len(items))], gives_away="the right option there is written last; move it"),
    "humblest": Reader("humblest", _humble, kinds=("pick",), gives_away="the right card there is the smallest, least famous or poorest; let a big, famous card be the right one, and a humble one unfit"),
}
