"""Policies the analyzer plays through the engine, all choosing among candidate moves.

* greedy: the move whose declared evidence is worth most right now;
* expert: looks ahead: tries every move, finishes the play with each base
  policy, and keeps the move with the best final handbook score (so it is
  never beaten by a base policy);
* worst: the same, keeping the lowest score;
* surface tricks: always the first option, the longest text, the costliest card;
* readers (see ``readers``) played as policies: the tone reader, the
  costliest and the cheapest option, the humblest card. A reader answers
  every scene it can read; a sequence (and, for the humblest card, every
  scene but a pick) it answers like ``first``. In a negotiation it proposes
  its preferred term of each clause, accepts the counterpart's counter-offers
  and signs.
"""

from __future__ import annotations

from typing import Any, Callable

from game.scoring.grader import Recorder, play_value
from game.scoring.moves import Move, _negotiation_script, _open, allocations, moves
from game.scoring.readers import READERS, Reader, resource_cost
from game.scoring.budget import Budget
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


def decision_value(blocks: list[Any], rulebook: Rulebook) -> float:
    """Points of one decision's Evidence blocks, one verdict per rule as the grader counts:
    a rule both honoured and broken counts as broken (by the larger break)."""
    verdicts: dict[str, tuple[str, float]] = {}
    for evidence in blocks:
        for record in evidence.records() if evidence is not None else []:
            rule = rulebook.by_id.get(record["rule"])
            points = record["weight"] * (rule.weight if rule else 1)
            kept = verdicts.get(record["rule"])
            if kept is None or (kept[0] != record["verdict"] and record["verdict"] == "breaks"):
                verdicts[record["rule"]] = (record["verdict"], points)
            elif kept[0] == record["verdict"]:
                verdicts[record["rule"]] = (kept[0], max(kept[1], points))
    return sum(points if verdict == "honours" else -points for verdict, points in verdicts.values())


def pick_value(scene: Any, chosen: set[str], researched: Callable[[str], bool], rulebook: Rulebook) -> float:
    """What picking ``chosen`` from a pick scene's pool is worth; ``researched(cast)`` says whether a card was checked first."""
    blocks: list[Any] = []
    for card in scene.pool:
        if card.cast in chosen:
            blocks += [card.evidence, getattr(card, "checked" if researched(card.cast) else "unchecked", None)]
        else:
            blocks.append(card.passed)
    return decision_value(blocks, rulebook)


def static_value(recorder: Recorder, label: str, rulebook: Rulebook) -> float:
    """What a move's declared evidence is worth, without playing it (negotiations: 0)."""
    session = recorder.session
    scene = session.scene
    verb, _, arg = label.partition(":")
    if verb == "choose":
        option = next(o for o in scene.options if o.id == arg)
        return evidence_value(option.evidence, rulebook)
    if verb in ("pick", "research+pick"):
        cast = session.scenario.cast_by_id
        checked = (lambda c: bool(cast[c].research)) if verb == "research+pick" else session.was_researched
        return pick_value(scene, set(arg.split("+")), lambda c: checked(c) or session.was_researched(c), rulebook)
    if verb == "refuse":  # every card passed over, and the refusal's own evidence
        return decision_value([card.passed for card in scene.pool] + [scene.refuse.evidence], rulebook)
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
    if verb == "refuse":
        return len(scene.refuse.text.en)
    if verb == "allocate":
        split = dict(part.split("=") for part in arg.split(",") if part)
        return max((len(o.text.en) for o in scene.options if int(split.get(o.id, 0)) == scene.points), default=-1)
    return -1


def longest(recorder: Recorder) -> Move:
    """Always the longest text."""
    return _surface(recorder, "longest-terms", _text_length)


def _move_cost(recorder: Recorder, label: str) -> float:
    session = recorder.session
    scene = session.scene
    verb, _, arg = label.partition(":")
    if verb == "choose":
        return resource_cost(next(o for o in scene.options if o.id == arg).effects)
    if verb == "pick":
        cast = session.scenario.cast_by_id
        return sum(resource_cost(c.effects, cast[c.cast].cost / 100.0) + sum(sum(a.cost.values()) for a in cast[c.cast].research) / 1000.0 for c in scene.pool if c.cast in arg.split("+"))
    if verb == "refuse":
        return resource_cost(scene.refuse.effects)
    if verb == "allocate":
        split = dict(part.split("=") for part in arg.split(",") if part)
        return sum(resource_cost(o.per_point) * int(split.get(o.id, 0)) for o in scene.options)
    return -1.0


def costliest(recorder: Recorder) -> Move:
    """Always what costs the most: the costliest card, option or share."""
    return _surface(recorder, "generous", _move_cost)


def _propose_then_concede(term_of: Callable[[Any], str]) -> Callable[[Any, Any, Any], dict]:
    def style(recorder: Any, session: Any, scene: Any) -> dict:
        record = session.state.negotiations[session.scene_id]
        counters = [e for e in record.counters if e not in record.agreed]
        if counters:
            return {"concede": counters[0]}
        open_clauses = _open(session, scene)
        if not open_clauses:
            return {"sign": True}
        return {"propose": {c.element: term_of(c) for c in open_clauses}}

    return style


def _play(answer: dict) -> Callable[[Recorder], None]:
    return lambda recorder: recorder.answer(answer)


def reader_policy(reader: Reader) -> Policy:
    """Answer by a reader's preference wherever it reads the scene, else like ``first``."""

    def choose(recorder: Recorder) -> Move:
        session = recorder.session
        scene, scenario = session.scene, session.scenario
        if scene.kind not in reader.kinds:
            return first(recorder)
        if scene.kind in ("choice", "event"):
            options = session.options()
            option = options[reader.top(scenario, options)[0]]
            return f"choose:{option.id}", _play({"choose": option.id})
        if scene.kind == "pick":
            chosen = [scene.pool[i].cast for i in reader.top(scenario, list(scene.pool), scene.count)]
            return f"pick:{'+'.join(chosen)}", _play({"pick": chosen})
        if scene.kind == "allocate":
            values = dict(zip((o.id for o in scene.options), reader.scores(scenario, list(scene.options))))

            def worth(split: dict[str, int]) -> float:
                # the tone reader funds every share that sounds good; the others put the points where their measure is highest
                return sum(values[k] if reader.spread else values[k] * v for k, v in split.items() if v > 0)

            split = max(allocations(scene), key=worth)
            return "allocate:" + ",".join(f"{k}={v}" for k, v in split.items() if v), _play({"allocate": split})
        term_of = lambda clause: clause.terms[reader.top(scenario, list(clause.terms))[0]].id  # noqa: E731
        return f"negotiate:{reader.name}", _negotiation_script(_propose_then_concede(term_of))

    return choose


READER_POLICIES = {"tone reader": "tone", "costliest option": "costliest", "cheapest option": "cheapest", "humblest card": "humblest"}
SURFACE_POLICIES = ("first option", "longest text", "costliest card", *READER_POLICIES)


def rollout(recorder: Recorder, policy: Policy) -> Recorder:
    """Finish the play with a policy (in place); stops after MAX_STEPS answers or where the story is stuck."""
    for _ in range(MAX_STEPS):
        if recorder.session.ended or recorder.session.stuck:
            break
        policy(recorder)[1](recorder)
    return recorder


def lookahead(rulebook: Rulebook, bases: list[Policy], maximise: bool = True, budget: Budget | None = None) -> Policy:
    """Try every move, finish with each base policy, keep the best (or worst) final play.

    Plays rank by handbook score, then goals met, then the ending's outcome,
    then honoured points, so among equally correct plays the expert also
    reaches the scenario's goals. Once the ``budget`` is spent it plays its
    first base policy's move without looking ahead (and the budget says so).
    """
    pick = max if maximise else min

    def choose(recorder: Recorder) -> Move:
        if budget is not None and budget.spent():
            budget.cut(f"the {'expert' if maximise else 'worst'} play stopped looking ahead when the time ran out, so its score is only an estimate")
            return bases[0](recorder)
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


def named_policies(rulebook: Rulebook, budget: Budget | None = None) -> dict[str, Policy]:
    good, bad = greedy(rulebook, 1), greedy(rulebook, -1)
    return {
        "expert": lookahead(rulebook, [good, first, longest, costliest], maximise=True, budget=budget),
        "worst": lookahead(rulebook, [bad, first, longest, costliest], maximise=False, budget=budget),
        "first option": first,
        "longest text": longest,
        "costliest card": costliest,
        **{name: reader_policy(READERS[reader]) for name, reader in READER_POLICIES.items()},
        "greedy": good,
    }


def autoplay_policies() -> dict[str, Callable[[Any, Any], dict]]:
    """The surface policies for ``autoplay --policy``: a (session, rng) -> answer function each."""

    def one_answer(policy: Policy) -> Callable[[Any, Any], dict]:
        def answer(session: Any, rng: Any) -> dict:
            twin = Recorder(session.fork())
            start = len(twin.session.state.log)
            policy(twin)[1](twin)
            return {k: v for k, v in twin.session.state.log[start].items() if k != "scene"}

        return answer

    named = {"longest": longest, "costliest-card": costliest}
    named.update({reader: reader_policy(READERS[reader]) for reader in READER_POLICIES.values()})
    return {name: one_answer(policy) for name, policy in named.items()}
