"""How often each reader finds the right option of a single-answer scene, beside chance.

A single-answer scene is a choice or event where exactly one option has the
best declared evidence, or a pick where exactly one set of cards does (cards
with research counted as checked first, as an expert would). For each
reader: the scenes where it picks that option or set, counted without
playing. When a reader cannot tell options apart (a tie) it is counted as
guessing among them: a tie of two that includes the right option is half a
hit. Chance is the mean of 1/options (1/C(n, k) for a pick of k from n).
"""

from __future__ import annotations

from itertools import combinations
from math import comb
from typing import Any

from game.scoring.policies import decision_value, pick_value
from game.scoring.readers import READERS, Reader
from game.scoring.rulebook import Rulebook

MIN_SCENES = 4
READER_MARGIN = 10.0


def single_answer_scenes(scenario: Any, rulebook: Rulebook) -> list[dict]:
    """Each scene with one right answer: its id, kind, items, the right indices and the count picked."""
    found = []
    for scene_id, scene in scenario.scenes.items():
        if scene.kind in ("choice", "event"):
            items, count = list(scene.options), 1
            values = {(i,): decision_value([o.evidence], rulebook) for i, o in enumerate(items)}
        elif scene.kind == "pick":
            items, count = list(scene.pool), scene.count
            checked = {c.cast: bool(scenario.cast_by_id[c.cast].research) for c in items}
            values = {
                combo: pick_value(scene, {items[i].cast for i in combo}, checked.__getitem__, rulebook)
                for combo in combinations(range(len(items)), count)
            }
        else:
            continue
        best = max(values.values(), default=None)
        right = [combo for combo, value in values.items() if value == best]
        if len(values) > 1 and len(right) == 1:
            found.append({"scene": scene_id, "kind": scene.kind, "items": items, "right": set(right[0]), "count": count})
    return found


def hit(reader: Reader, scenario: Any, scene: dict) -> float:
    """The chance that the reader answers the scene right, guessing among the items it cannot tell apart."""
    items, count, right = scene["items"], scene["count"], scene["right"]
    values = reader.scores(scenario, items)
    cut = sorted(values, reverse=True)[count - 1]
    above = {i for i, v in enumerate(values) if v > cut}
    tied = {i for i, v in enumerate(values) if v == cut}
    if not above <= right <= above | tied:
        return 0.0
    return 1.0 / comb(len(tied), count - len(above))


def reader_rates(scenario: Any, rulebook: Rulebook) -> dict[str, dict]:
    """Per reader: hits (ties count in part), single-answer scenes it reads, rate and chance in %, and the scenes it finds."""
    scenes = single_answer_scenes(scenario, rulebook)
    rates = {}
    for name, reader in READERS.items():
        mine = [s for s in scenes if s["kind"] in reader.kinds]
        hits = [hit(reader, scenario, s) for s in mine]
        chance = [1.0 / comb(len(s["items"]), s["count"]) for s in mine]
        rates[name] = {
            "hits": round(sum(hits), 2),
            "scenes": len(mine),
            "rate": round(100.0 * sum(hits) / len(mine), 1) if mine else 0.0,
            "chance": round(100.0 * sum(chance) / len(mine), 1) if mine else 0.0,
            "found": [s["scene"] for s, h in zip(mine, hits) if h == 1.0],
        }
    return rates


def too_high(rate: dict) -> bool:
    """A rate above chance + 10 points, over enough scenes to tell."""
    return rate["scenes"] >= MIN_SCENES and rate["rate"] > rate["chance"] + READER_MARGIN


def reader_warnings(rates: dict[str, dict]) -> list[str]:
    warnings = []
    for name, rate in rates.items():
        if too_high(rate):
            what = "card" if READERS[name].kinds == ("pick",) else "option"
            scenes = "single-answer picks" if what == "card" else "single-answer scenes"
            warnings.append(
                f"the {name} reader finds the right {what} in {rate['hits']:g} of {rate['scenes']} {scenes} "
                f"({rate['rate']:.0f} %, chance {rate['chance']:.0f} %): {_names(rate['found'])} – {READERS[name].gives_away}"
            )
    return warnings


def _names(found: list[str], shown: int = 12) -> str:
    """Scene ids for a message: the first few, then how many more."""
    if not found:
        return "by ties"
    more = len(found) - shown
    return ", ".join(found[:shown]) + (f" and {more} more" if more > 0 else "")
