"""Policies the analyzer plays through the engine, all choosing among candidate moves.

* greedy: the move whose declared evidence is worth most right now;
* expert: looks ahead: tries every move, finishes the play with each base
  policy, and keeps the move with the best final handbook score (so it is
  never beaten by a base policy);
* worst: the same, keeping the lowest score;
* surface tricks: always the first option, the longest text, the costliest card.
"""

from __future__ import annotations

from typing import Any, Callable

from game.scoring.grader import Recorder, play_value
from game.scoring.moves import Move, moves
from game.scoring.rulebook import Rulebook

Policy = Callable[[Recorder], Move]
MAX_STEPS = 200


def evidence_value(evidence: Any, rulebook: Rulebook, inverted: bool = False) -> float:
    """Points an Evidence block is worth: honours count plus, breaks minus."""
    if evidence is None:
        return 0.0
    total = 0.0
    for record in evidence.records(inverted):
        rule = rulebook.by_id.get(record["rule"])
        points = record["weight"] * (rule.weight if rule else 1)
        total += points if record["verdict"] == "honours" else -points
    return total


def static_value(recorder: Recorder, label: str, rulebook: Rulebook) -> float:
    """What a move's declared evidence is worth, without playing it (negotiations: 0)."""
    session = recorder.session
    scene = session.scene
    verb, _, arg = label.partition(":")
    if verb == "choose":
        option = next(o for o in scene.options if o.id == arg)
        return evidence_value(option.evidence, rulebook)
    if verb in ("pick", "research+pick"):
        chosen = set(arg.split("+"))
        return sum(evidence_value(c.evidence, rulebook) if c.cast in chosen else evidence_value(c.passed, rulebook) for c in scene.pool)
    if verb == "order":
        return evidence_value(scene.evidence, rulebook, inverted=arg != "correct")
    if verb == "allocate":
        split = dict(part.split("=") for part in arg.split(",") if part)
        return sum(evidence_value(o.evidence if int(split.get(o.id, 0)) >= o.at_least else o.below, rulebook) for o in scene.options)
    return 0.0


def greedy(rulebook: Rulebook, sign: int = 1) -> Policy:
    """Best (sign=1) or worst (sign=-1) declared evidence now; negotiations play fair (or walk away)."""

    def choose(recorder: Recorder) -> Move:
        options = moves(recorder)
        if recorder.session.scene.kind == "negotiate":
            wanted = "negotiate:fair" if sign > 0 else "negotiate:walk-away"
            return next(m for m in options if m[0] == wanted)
        return max(options, key=lambda m: sign * static_value(recorder, m[0], rulebook))

    return choose


def _surface(recorder: Recorder, negotiation: str, key: Callable[[Recorder, str], float] | None) -> Move:
    """A surface trick: the sequence as shown, a fixed negotiation style, else the move ``key`` ranks highest."""
    options = moves(recorder)
    kind = recorder.session.scene.kind
    if kind == "sequence":
        return next(m for m in options if m[0] == "order:as-shown")
    if kind == "negotiate":
        return next(m for m in options if m[0] == f"negotiate:{negotiation}")
    return options[0] if key is None else max(options, key=lambda m: key(recorder, m[0]))


def first(recorder: Recorder) -> Move:
    """Always the first option, the first cards, all points on the first share."""
    return _surface(recorder, "stubborn", None)


def _text_length(recorder: Recorder, label: str) -> int:
    session = recorder.session
    scene = session.scene
    verb, _, arg = label.partition(":")
    if verb == "choose":
        return len(next(o for o in scene.options if o.id == arg).text.en)
    if verb == "pick":
        members = [session.scenario.cast_by_id[c] for c in arg.split("+")]
        return sum(len(m.name.en) + len(m.about.en if m.about else "") for m in members)
    if verb == "allocate":
        split = dict(part.split("=") for part in arg.split(",") if part)
        return max((len(o.text.en) for o in scene.options if int(split.get(o.id, 0)) == scene.points), default=-1)
    return -1


def longest(recorder: Recorder) -> Move:
    """Always the longest text."""
    return _surface(recorder, "longest-terms", _text_length)


def _cost(session: Any, effects: list[Any], extra: float = 0.0) -> float:
    """What effects cost, in one unit: 100 leva of budget = one week = one point of anything else."""
    total = float(extra)
    for effect in effects:
        add = getattr(effect, "add", None)
        if getattr(effect, "resource", None) and add is not None and add < 0:
            total += -add / (100.0 if effect.resource == "budget" else 1.0)
    return total


def _move_cost(recorder: Recorder, label: str) -> float:
    session = recorder.session
    scene = session.scene
    verb, _, arg = label.partition(":")
    if verb == "choose":
        return _cost(session, next(o for o in scene.options if o.id == arg).effects)
    if verb == "pick":
        cast = session.scenario.cast_by_id
        return sum(_cost(session, c.effects, cast[c.cast].cost / 100.0) + sum(sum(a.cost.values()) for a in cast[c.cast].research) / 1000.0 for c in scene.pool if c.cast in arg.split("+"))
    if verb == "allocate":
        split = dict(part.split("=") for part in arg.split(",") if part)
        return sum(_cost(session, o.per_point) * int(split.get(o.id, 0)) for o in scene.options)
    return -1.0


def costliest(recorder: Recorder) -> Move:
    """Always what costs the most: the costliest card, option or share."""
    return _surface(recorder, "generous", _move_cost)


def rollout(recorder: Recorder, policy: Policy) -> Recorder:
    """Finish the play with a policy (in place)."""
    for _ in range(MAX_STEPS):
        if recorder.session.ended:
            break
        policy(recorder)[1](recorder)
    return recorder


def lookahead(rulebook: Rulebook, bases: list[Policy], maximise: bool = True) -> Policy:
    """Try every move, finish with each base policy, keep the best (or worst) final play.

    Plays rank by handbook score, then goals met, then the ending's outcome,
    then honoured points, so among equally correct plays the expert also
    reaches the scenario's goals.
    """
    pick = max if maximise else min

    def choose(recorder: Recorder) -> Move:
        best_move, best_value = None, None
        for move in moves(recorder):
            values = []
            for base in bases:
                twin = recorder.fork()
                move[1](twin)
                values.append(play_value(rollout(twin, base), rulebook))
            value = pick(values)
            if best_value is None or (value > best_value if maximise else value < best_value):
                best_move, best_value = move, value
        assert best_move is not None
        return best_move

    return choose


def named_policies(rulebook: Rulebook) -> dict[str, Policy]:
    good, bad = greedy(rulebook, 1), greedy(rulebook, -1)
    return {
        "expert": lookahead(rulebook, [good, first, longest, costliest], maximise=True),
        "worst": lookahead(rulebook, [bad, first, longest, costliest], maximise=False),
        "first option": first,
        "longest text": longest,
        "costliest card": costliest,
        "greedy": good,
    }
