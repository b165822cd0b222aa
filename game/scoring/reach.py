"""A play that reaches a given scene: the story map's "open this scene in play".

Searches the analyzer's moves, always trying first the moves that bring the
story closest to the scene (fewest scenes on the story graph), then seeded
random plays for scenes behind picks, traits and chance; the state on
arrival (resources, trust, picks, flags) is one a player could have.
"""

from __future__ import annotations

import heapq
import random
from collections import deque
from itertools import count
from typing import Any

from game.core import graph
from game.core.engine import Session
from game.core.policies import random_answer
from game.core.scenario import Scenario
from game.scoring.grader import Recorder
from game.scoring.moves import moves
from game.scoring.policies import named_policies, rollout
from game.scoring.rulebook import Rulebook

MAX_TRIES = 3000     # moves tried by the search before random plays take over
RANDOM_PLAYS = 150   # seeded random plays tried after the search
MAX_ANSWERS = 400


def session_at(scenario: Scenario, target: str, rulebook: Rulebook, seed: int = 0, tries: int = MAX_TRIES) -> Session | None:
    """A session whose current scene is ``target``, or None when no play found in ``tries`` moves gets there."""
    if target not in scenario.scenes:
        return None
    distance = _distances_to(scenario, target)
    start = Recorder(Session(scenario, seed=seed))
    if start.session.scene_id == target:
        return start.session
    order = count()
    queue: list[tuple[int, int, int, Any]] = [(distance.get(start.session.scene_id, 10**6), 0, next(order), start)]
    while queue and tries > 0:
        near, depth, _, recorder = heapq.heappop(queue)
        for _, play in moves(recorder):
            tries -= 1
            twin = recorder.fork()
            try:
                play(twin)
            except ValueError:  # a move the engine refuses here
                continue
            session = twin.session
            if session.scene_id == target:
                return session
            if session.ended or session.stuck:
                continue
            # an interrupting event is not on the graph's way to the target: it keeps its interrupted scene's distance
            heapq.heappush(queue, (distance.get(session.scene_id, near), depth - 1, next(order), twin))
    if getattr(scenario.scenes[target], "outcome", None) == "success":  # the expert's way is the likely one there
        return _on_the_experts_way(scenario, target, rulebook, seed) or _by_chance(scenario, target, seed)
    return _by_chance(scenario, target, seed) or _on_the_experts_way(scenario, target, rulebook, seed)


def _on_the_experts_way(scenario: Scenario, target: str, rulebook: Rulebook, seed: int) -> Session | None:
    """The expert's play, stopped where it stands at ``target`` (a success ending that needs every decision right)."""
    log = rollout(Recorder(Session(scenario, seed=seed)), named_policies(rulebook)["expert"]).session.state.log
    session = Session(scenario, seed=seed)
    for entry in log:
        if session.scene_id == target:
            return session
        session.answer({k: v for k, v in entry.items() if k != "scene"})
    return session if session.scene_id == target else None


def _by_chance(scenario: Scenario, target: str, seed: int, plays: int = RANDOM_PLAYS) -> Session | None:
    """Seeded random plays until one stands at ``target`` (scenes behind picks, traits and chance)."""
    for n in range(plays):
        rng = random.Random(f"reach:{seed}:{n}")
        session = Session(scenario, seed=seed + n)
        for _ in range(MAX_ANSWERS):
            if session.scene_id == target:
                return session
            if session.ended or session.stuck:
                break
            try:
                session.answer(random_answer(session, rng))
            except ValueError:
                break
    return None


def _distances_to(scenario: Scenario, target: str) -> dict[str, int]:
    """Fewest steps on the story graph from each scene to ``target`` (scenes that cannot get there are left out)."""
    into: dict[str, set[str]] = {sid: set() for sid in scenario.scenes}
    for source, targets in graph.edges(scenario).items():
        for t in targets:
            into[t].add(source)
    distance = {target: 0}
    queue = deque([target])
    while queue:
        here = queue.popleft()
        for source in into[here]:
            if source not in distance:
                distance[source] = distance[here] + 1
                queue.append(source)
    return distance
