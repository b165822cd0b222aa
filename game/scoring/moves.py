"""Candidate moves for the analyzer: a finite menu of ways to answer each scene.

A move is a label and a function that plays it on a recorder (one answer, or
a short script for research-then-pick and for a whole negotiation). The
menu covers every option, every card combination, the sensible ways to
spread points, and the distinct negotiation styles.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any, Callable, Iterator

from game.core.negotiation import facilitator_for, strictest

Move = tuple[str, Callable[[Any], None]]
MAX_COMBOS = 70


def _answer(answer: dict) -> Callable[[Any], None]:
    return lambda recorder: recorder.answer(answer)


def moves(recorder: Any) -> list[Move]:
    """Every candidate move in the recorder's current scene."""
    session = recorder.session
    scene = session.scene
    kind = scene.kind
    if kind in ("choice", "event"):
        return [(f"choose:{o.id}", _answer({"choose": o.id})) for o in session.options()]
    if kind == "pick":
        return list(_pick_moves(session, scene))
    if kind == "sequence":
        correct = [s.id for s in scene.steps]
        shown = session.shuffled_steps()
        return [("order:correct", _answer({"order": correct})), ("order:as-shown", _answer({"order": shown})), ("order:reversed", _answer({"order": correct[::-1]}))]
    if kind == "allocate":
        return [(f"allocate:{_label(split)}", _answer({"allocate": split})) for split in allocations(scene)]
    if kind == "negotiate":
        return [(f"negotiate:{name}", _negotiation_script(style)) for name, style in NEGOTIATION_STYLES.items()]
    return []


def _pick_moves(session: Any, scene: Any) -> Iterator[Move]:
    pool = [card.cast for card in scene.pool]
    if scene.refuse is not None:
        yield "refuse:all", _answer({"pick": []})
    for combo in list(combinations(pool, scene.count))[:MAX_COMBOS]:
        yield f"pick:{'+'.join(combo)}", _answer({"pick": list(combo)})
        if any(session.scenario.cast_by_id[c].research for c in combo):
            yield f"research+pick:{'+'.join(combo)}", _research_then_pick(list(combo))


def _research_then_pick(combo: list[str]) -> Callable[[Any], None]:
    def play(recorder: Any) -> None:
        session = recorder.session
        for cast_id in combo:
            for action in session.scenario.cast_by_id[cast_id].research:
                if _affordable(session, action):
                    recorder.answer({"research": {"cast": cast_id, "action": action.id}})
        recorder.answer({"pick": combo})

    return play


def _affordable(session: Any, action: Any) -> bool:
    return all(session.resource(k) - v >= (session.scenario.resources[k].min or 0) for k, v in action.cost.items())


def allocations(scene: Any) -> list[dict[str, int]]:
    """Distinct ways to spread the points: all on one share, evenly, and every subset filled to its thresholds."""
    ids = [o.id for o in scene.options]
    points = scene.points
    found: list[dict[str, int]] = []

    def add(split: dict[str, int]) -> None:
        full = {i: split.get(i, 0) for i in ids}
        if sum(full.values()) == points and full not in found:
            found.append(full)

    for share in ids:
        add({share: points})
    even = {i: points // len(ids) for i in ids}
    even[ids[0]] += points - sum(even.values())
    add(even)
    for size in range(2, len(ids) + 1):
        for subset in combinations(scene.options, size):
            need = sum(o.at_least for o in subset)
            if need > points:
                continue
            split = {o.id: o.at_least for o in subset}
            split[subset[0].id] += points - need
            add(split)
    return found


def _label(split: dict[str, int]) -> str:
    return ",".join(f"{k}={v}" for k, v in split.items() if v)


# ----- negotiation styles ---------------------------------------------------------


def _open(session: Any, scene: Any) -> list[Any]:
    """The open clauses as the whole table sees them (with several parties, the strictest limits)."""
    record = session.state.negotiations[session.scene_id]
    return [strictest(scene, c) for c in scene.clauses if c.element not in record.agreed]


def _fair(clause: Any) -> str:
    return clause.accepts


def _generous(clause: Any) -> str:
    return clause.wants


def _greedy(clause: Any) -> str:
    return clause.terms[0].id


def _negotiation_script(style: Callable[[Any, Any, Any], dict | None]) -> Callable[[Any], None]:
    def play(recorder: Any) -> None:
        session = recorder.session
        scene_id = session.scene_id
        for _ in range(60):
            if session.scene_id != scene_id or session.ended:
                return
            answer = style(recorder, session, session.scene)
            recorder.answer(answer)

    return play


def _propose_then_sign(term_of: Callable[[Any], str]) -> Callable[[Any, Any, Any], dict]:
    def style(recorder: Any, session: Any, scene: Any) -> dict:
        open_clauses = _open(session, scene)
        if not open_clauses:
            return {"sign": True}
        return {"propose": {c.element: term_of(c) for c in open_clauses}}

    return style


def _lowball_then_concede(recorder: Any, session: Any, scene: Any) -> dict:
    record = session.state.negotiations[session.scene_id]
    if not record.rounds:
        return {"propose": {c.element: _greedy(c) for c in _open(session, scene)}}
    counters = [e for e in record.counters if e not in record.agreed]
    if counters:
        return {"concede": counters[0]}
    open_clauses = _open(session, scene)
    return {"propose": {c.element: _fair(c) for c in open_clauses}} if open_clauses else {"sign": True}


def _stuck_then_facilitator(recorder: Any, session: Any, scene: Any) -> dict:
    record = session.state.negotiations[session.scene_id]
    open_clauses = _open(session, scene)
    if not open_clauses:
        return {"sign": True}
    if record.deadlocked and not record.facilitated and facilitator_for(session, scene):
        return {"facilitator": True}
    if not record.deadlocked:
        return {"propose": {c.element: _greedy(c) for c in open_clauses}}
    return {"propose": {c.element: _fair(c) for c in open_clauses}}


def _ask_then_fair(recorder: Any, session: Any, scene: Any) -> dict:
    record = session.state.negotiations[session.scene_id]
    open_clauses = _open(session, scene)
    unasked = [c for c in open_clauses if c.element not in record.asked and c.priority == "high"]
    if unasked and record.patience > 2:
        return {"ask": unasked[0].element}
    return _propose_then_sign(_fair)(recorder, session, scene)


def _sign_one(recorder: Any, session: Any, scene: Any) -> dict:
    record = session.state.negotiations[session.scene_id]
    if record.agreed:
        return {"sign": True}
    first = _open(session, scene)[0]
    return {"propose": {first.element: first.wants}}


def _walk_away(recorder: Any, session: Any, scene: Any) -> dict:
    return {"walk_away": True}


def _stubborn(recorder: Any, session: Any, scene: Any) -> dict:
    open_clauses = _open(session, scene)
    if not open_clauses:
        return {"sign": True}
    return {"propose": {c.element: _greedy(c) for c in open_clauses}}


def _longest_terms(recorder: Any, session: Any, scene: Any) -> dict:
    open_clauses = _open(session, scene)
    if not open_clauses:
        return {"sign": True}
    return {"propose": {c.element: max(c.terms, key=lambda t: len(t.text.en)).id for c in open_clauses}}


NEGOTIATION_STYLES: dict[str, Callable[[Any, Any, Any], dict]] = {
    "fair": _propose_then_sign(_fair),
    "generous": _propose_then_sign(_generous),
    "ask-then-fair": _ask_then_fair,
    "lowball-then-concede": _lowball_then_concede,
    "stuck-then-facilitator": _stuck_then_facilitator,
    "sign-one-clause": _sign_one,
    "stubborn": _stubborn,
    "walk-away": _walk_away,
    "longest-terms": _longest_terms,
}

