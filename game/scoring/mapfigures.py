"""The analyzer's figures for the story map (``graph --analyze`` and the game's story map).

* ``share``: for each arrow (scene, option, next scene), the share of random players who take it;
* ``expert``: the arrows of the expert's play, drawn bold;
* ``found``: for each single-answer scene, the readers (tone, length, cost, position...)
  that find its right option without knowing the handbook; ``given_away`` lists the
  scenes found by a reader whose hit rate is too high (the analyzer's warning).
"""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

from game.core.engine import Session
from game.core.policies import random_answer
from game.core.scenario import Scenario
from game.scoring.grader import Recorder
from game.scoring.hitrates import reader_rates, too_high
from game.scoring.policies import named_policies, rollout
from game.scoring.rulebook import Rulebook

MAX_ANSWERS = 400


def map_figures(scenario: Scenario, rulebook: Rulebook, plays: int = 200, seed: int = 0) -> dict[str, Any]:
    """Share of random players on each arrow, the expert's arrows and the scenes readers give away."""
    taken: Counter[tuple[str, str | None, str]] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for n in range(plays):
        rng = random.Random(f"random-play:{seed}:{n}")
        session = Session(scenario, seed=seed + n)
        for _ in range(MAX_ANSWERS):
            if session.ended or session.stuck:
                break
            session.answer(random_answer(session, rng))
        taken.update(set(steps(session.state)))
        pairs.update({(a, b) for a, _, b in steps(session.state)})
    expert = rollout(Recorder(Session(scenario, seed=seed)), named_policies(rulebook)["expert"]).session.state
    rates = reader_rates(scenario, rulebook)
    found: dict[str, list[str]] = {}
    for name, rate in rates.items():
        for scene in rate["found"]:
            found.setdefault(scene, []).append(name)
    given_away = sorted({scene for name, rate in rates.items() if too_high(rate) for scene in rate["found"]})
    return {  # an arrow no option names (next, agreed, an event's way back) counts every move from scene to scene
        "plays": plays,
        "share": {step: count / plays for step, count in taken.items()} if plays else {},
        "pairs": {pair: count / plays for pair, count in pairs.items()} if plays else {},
        "expert": set(steps(expert)) | {(a, None, b) for a, _, b in steps(expert)},
        "found": found,
        "given_away": given_away,
    }


def steps(state: Any) -> list[tuple[str, str | None, str]]:
    """(scene, option chosen there or None, next scene) for each move of a play: the k-th visit
    of a choice or event scene is matched with its k-th 'choose' answer."""
    chosen: dict[str, list[str]] = {}
    for entry in state.log:
        if "choose" in entry:
            chosen.setdefault(entry["scene"], []).append(entry["choose"])
    seen: Counter[str] = Counter()
    found = []
    for here, there in zip(state.visited, state.visited[1:]):
        answers = chosen.get(here, [])
        option = answers[seen[here]] if seen[here] < len(answers) else None
        seen[here] += 1
        found.append((here, option, there))
    return found
