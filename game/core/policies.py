"""Simple ways to play a scenario without a person: the first answer, or a random one.

Used by ``autoplay``, the analyzer and the tests. A policy only proposes
answers; the session decides whether they are valid.
"""

from __future__ import annotations

import random
from typing import Any, Callable

from game.core.engine import Session

MAX_ANSWERS = 500


def first_answer(session: Session, rng: random.Random) -> dict:
    """Always the first thing offered: first option, first cards, steps as shown, all points on the first share."""
    scene = session.scene
    kind = scene.kind
    if kind in ("choice", "event"):
        return {"choose": session.options()[0].id}
    if kind == "pick":
        return {"pick": [card.cast for card in scene.pool[: scene.count]]}
    if kind == "sequence":
        return {"order": session.shuffled_steps()}
    if kind == "allocate":
        return {"allocate": {scene.options[0].id: scene.points}}
    record = session.state.negotiations[session.scene_id]
    open_clauses = [c for c in scene.clauses if c.element not in record.agreed]
    if not open_clauses:
        return {"sign": True}
    return {"propose": {c.element: c.terms[0].id for c in open_clauses}}


def random_answer(session: Session, rng: random.Random) -> dict:
    """A uniformly random valid-looking answer for the current scene."""
    scene = session.scene
    kind = scene.kind
    if kind in ("choice", "event"):
        return {"choose": rng.choice(session.options()).id}
    if kind == "pick":
        research = _open_research(session)
        if research and rng.random() < 0.3:
            cast_id, action = rng.choice(research)
            return {"research": {"cast": cast_id, "action": action}}
        return {"pick": rng.sample([card.cast for card in scene.pool], scene.count)}
    if kind == "sequence":
        steps = [s.id for s in scene.steps]
        rng.shuffle(steps)
        return {"order": steps}
    if kind == "allocate":
        shares = {o.id: 0 for o in scene.options}
        for _ in range(scene.points):
            shares[rng.choice(scene.options).id] += 1
        return {"allocate": shares}
    return _random_negotiation(session, scene, rng)


def _open_research(session: Session) -> list[tuple[str, str]]:
    scene = session.scene
    pool = [card.cast for card in scene.pool] if scene.kind == "pick" else [scene.counterpart]
    found = []
    for cast_id in pool:
        done = session.state.researched.get(cast_id, [])
        for action in session.scenario.cast_by_id[cast_id].research:
            if action.id not in done and all(session.resource(k) - v >= (session.scenario.resources[k].min or 0) for k, v in action.cost.items()):
                found.append((cast_id, action.id))
    return found


def _random_negotiation(session: Session, scene: Any, rng: random.Random) -> dict:
    from game.core.negotiation import facilitator_for

    record = session.state.negotiations[session.scene_id]
    open_clauses = [c for c in scene.clauses if c.element not in record.agreed]
    moves: list[dict] = []
    if open_clauses:
        chosen = rng.sample(open_clauses, rng.randint(1, len(open_clauses)))
        moves.append({"propose": {c.element: rng.choice(c.terms).id for c in chosen}})
        asks = [c.element for c in open_clauses if c.element not in record.asked]
        if asks:
            moves.append({"ask": rng.choice(asks)})
    counters = [e for e in record.counters if e not in record.agreed]
    if counters:
        moves.append({"concede": rng.choice(counters)})
    if not record.facilitated and facilitator_for(session, scene):
        moves.append({"facilitator": True})
    if record.agreed:
        moves.append({"sign": True})
    moves.append({"walk_away": True} if rng.random() < 0.25 else moves[0] if moves else {"walk_away": True})
    return rng.choice(moves)


POLICIES: dict[str, Callable[[Session, random.Random], dict]] = {
    "first": first_answer,
    "random": random_answer,
}


def play(session: Session, policy: Callable[[Session, random.Random], dict], seed: int = 0) -> Session:
    """Play to an ending with a policy; stops after MAX_ANSWERS answers, or where the story is stuck."""
    rng = random.Random(seed)
    for _ in range(MAX_ANSWERS):
        if session.ended or session.stuck:
            break
        session.answer(policy(session, rng))
    return session
