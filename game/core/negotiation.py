"""The negotiate scene: a multi-round negotiation of the partnership agreement.

The counterpart has, per clause, a hidden walk-away point (``accepts``), a
hope (``wants``) and a priority, and limited patience: every proposal or
question costs a round. Answers::

    {"propose": {"goals": "shared-goals", "period": "two-years"}}
    {"concede": "contributions"}        accept their counter-offer on a clause
    {"ask": "benefits"}                 learn a clause's priority and limit (costs a round)
    {"facilitator": true}               bring in the facilitator once (+3 patience)
    {"research": {"cast": id, "action": id}}
    {"sign": true}                      sign what is agreed so far
    {"walk_away": true}

Trust changes what the counterpart accepts: at 70 or more it gives one step
on clauses it does not rank high; after a facilitator it does too.
Every refused term costs 2 trust, and lowballing (two or more steps short) 4.

Two or three parties may sit at the table (``parties`` on the scene): each
has its own trust, patience and limits on the clauses it lists. A term is
agreed when every party with a say accepts it; a refusal gives the counter
that all of them accept and the reason of the party furthest from the offer;
every round costs each party one patience, and the first to run out leaves.
"""

from __future__ import annotations

from typing import Any

from game.core.decisions import Handler, InvalidAnswer, ResearchMixin
from game.core.state import Agreement

PRIORITY_RANK = {"low": 0, "medium": 1, "high": 2}

WARM_TRUST = 70
LOWBALL_STEPS = 2


def index_of(clause: Any, term_id: str) -> int:
    return [t.id for t in clause.terms].index(term_id)


def at_table(scene: Any) -> list[str]:
    """Everyone the NGO negotiates with in a scene: the lead counterpart first."""
    return [scene.counterpart, *(party.cast for party in scene.parties)]


def say(scene: Any, clause: Any) -> list[tuple[str, Any]]:
    """Who has a say on a clause, each with its limits: the lead (the clause itself), then each party that lists it."""
    return [(scene.counterpart, clause)] + [
        (party.cast, limit) for party in scene.parties for limit in party.limits if limit.element == clause.element
    ]


def strictest(scene: Any, clause: Any) -> Any:
    """The clause as the whole table sees it: the furthest ``accepts`` and ``wants``, the highest priority.

    With one counterpart this is the clause itself; the analyzer's and the
    autoplay's styles read it, so a "fair" offer is one everyone accepts.
    """
    ids = [t.id for t in clause.terms]
    limits = [limit for _, limit in say(scene, clause)]
    if len(limits) == 1:
        return clause
    return clause.model_copy(update={
        "accepts": max((limit.accepts for limit in limits), key=ids.index),
        "wants": max((limit.wants for limit in limits), key=ids.index),
        "priority": max((limit.priority for limit in limits), key=PRIORITY_RANK.__getitem__),
    })


def patience_of(record: Any, scene: Any, who: str) -> int:
    return record.patience if who == scene.counterpart else record.patience_of.get(who, record.patience)


def leeway(session: Any, scene: Any, who: str, limit: Any) -> int:
    """How many steps below its limit a party will still accept (0 or 1)."""
    if limit.priority == "high":
        return 0
    record = session.state.negotiations[session.scene_id]
    return 1 if session.trust(who) >= WARM_TRUST or record.facilitated else 0


def facilitator_for(session: Any, scene: Any) -> str | None:
    """The facilitator who can be called: the scene's own, or one the NGO picked."""
    if scene.facilitator:
        return scene.facilitator
    picked = session.picked("facilitator")
    return picked[0] if picked else None


def mood(session: Any, scene: Any, who: str | None = None) -> str:
    """warm, open, tense or cold: from a party's trust and patience left (the lead's by default)."""
    who = who or scene.counterpart
    record = session.state.negotiations[session.scene_id]
    trust = session.trust(who)
    patience = patience_of(record, scene, who)
    if patience <= 1 or trust < 30:
        return "cold"
    if patience <= 2 or trust < 45:
        return "tense"
    return "warm" if trust >= WARM_TRUST else "open"


def _trust_all(session: Any, scene: Any, delta: int) -> list[dict]:
    return [session.add_trust(who, delta) for who in at_table(scene)]


class NegotiateHandler(Handler, ResearchMixin):
    """negotiate scenes; see the module docstring for the answers."""

    verbs = ("propose", "concede", "ask", "facilitator", "research", "sign", "walk_away")

    def validate(self, session: Any, scene: Any, verb: str, value: Any) -> None:
        record = session.state.negotiations[session.scene_id]
        clauses = {c.element: c for c in scene.clauses}
        open_elements = [e for e in clauses if e not in record.agreed]
        if verb == "research":
            return self.validate_research(session, scene, value)
        if verb == "propose":
            if not isinstance(value, dict) or not value:
                raise InvalidAnswer("propose takes {element: term id} for one or more clauses")
            for element, term in value.items():
                if element not in open_elements:
                    raise InvalidAnswer(f"'{element}' is not an open clause; open: {', '.join(open_elements) or 'none'}")
                if not isinstance(term, str):
                    raise InvalidAnswer(f"a term is given by its id, such as '{clauses[element].terms[0].id}'")
                if term not in [t.id for t in clauses[element].terms]:
                    raise InvalidAnswer(f"'{term}' is not a term of '{element}'")
        elif verb == "concede":
            if not isinstance(value, str) or value not in record.counters or value not in open_elements:
                raise InvalidAnswer(f"there is no counter-offer on '{value}' to accept")
        elif verb == "ask":
            if not isinstance(value, str) or value not in open_elements or value in record.asked:
                raise InvalidAnswer(f"you cannot ask about '{value}' now")
        elif verb == "facilitator":
            if value is not True or record.facilitated or facilitator_for(session, scene) is None:
                raise InvalidAnswer("no facilitator can be called now")
        elif verb == "sign":
            if value is not True or not record.agreed:
                raise InvalidAnswer("agree at least one clause before signing")
        elif verb == "walk_away" and value is not True:
            raise InvalidAnswer("walk_away takes true")

    def apply(self, session: Any, scene: Any, verb: str, value: Any) -> list[dict]:
        record = session.state.negotiations[session.scene_id]
        decision = len(session.state.log) - 1
        if verb == "research":
            return self.apply_research(session, value)
        if verb == "sign":
            return self._close(session, scene, "agreed", decision)
        if verb == "walk_away":
            events = _trust_all(session, scene, -5)
            return events + self._close(session, scene, "walked_away", decision)
        if verb == "facilitator":
            record.facilitated = True
            record.patience += 3
            for party in record.patience_of:
                record.patience_of[party] += 3
            who = facilitator_for(session, scene)
            events = [{"type": "facilitator", "cast": who, "deadlocked": record.deadlocked}]
            met = session.meet(who)
            return events + ([met] if met else []) + _trust_all(session, scene, 5)
        clauses = {c.element: c for c in scene.clauses}
        if verb == "concede":
            record.agreed[value] = record.counters.pop(value)
            events = [{"type": "clause", "element": value, "result": "agreed", "term": record.agreed[value]}]
            return events + [session.add_trust(scene.counterpart, 1)] + self._after_round(session, scene, decision)
        record.rounds += 1
        record.patience -= 1
        for party in record.patience_of:
            record.patience_of[party] -= 1
        if verb == "ask":
            clause = clauses[value]
            record.asked.append(value)
            table = strictest(scene, clause)
            events = [{"type": "need", "element": value, "priority": table.priority, "accepts": table.accepts}]
            if scene.parties:  # each party's own need, beside what the whole table accepts
                events[0]["parties"] = [{"cast": who, "priority": limit.priority, "accepts": limit.accepts} for who, limit in say(scene, clause)]
            return events + [session.add_trust(scene.counterpart, 2)] + self._after_round(session, scene, decision)
        events = []
        for element, term in value.items():
            events += self._weigh(session, scene, record, clauses[element], term)
        return events + self._after_round(session, scene, decision)

    def _weigh(self, session: Any, scene: Any, record: Any, clause: Any, term: str) -> list[dict]:
        element = clause.element
        record.offers[element] = term
        offered = index_of(clause, term)
        needs = [(who, limit, index_of(clause, limit.accepts) - leeway(session, scene, who, limit)) for who, limit in say(scene, clause)]
        refusing = [(who, limit, need) for who, limit, need in needs if offered < need]
        if not refusing:
            record.agreed[element] = term
            record.counters.pop(element, None)
            return [{"type": "clause", "element": element, "result": "agreed", "term": term}] + [session.add_trust(who, 2) for who, _, _ in needs]
        record.refusals[element] = record.refusals.get(element, 0) + 1
        counter_at = max(max(index_of(clause, limit.accepts), index_of(clause, limit.wants) - (record.refusals[element] - 1)) for _, limit, _ in refusing)
        counter = clause.terms[counter_at].id
        record.counters[element] = counter
        who, limit, need = max(refusing, key=lambda item: item[2])
        events = [{"type": "clause", "element": element, "result": "refused", "term": term, "counter": counter, "reason": limit.reason.model_dump(),
                   "by": who, "refused_by": [w for w, _, _ in refusing]}]
        for who, _, need in refusing:
            events.append(session.add_trust(who, -2 * (2 if need - offered >= LOWBALL_STEPS else 1)))
        return events

    def _after_round(self, session: Any, scene: Any, decision: int) -> list[dict]:
        record = session.state.negotiations[session.scene_id]
        open_left = [c.element for c in scene.clauses if c.element not in record.agreed]
        lowest = min(patience_of(record, scene, who) for who in at_table(scene))
        events: list[dict] = []
        if open_left and not record.deadlocked and (max(record.refusals.values(), default=0) >= 2 or lowest <= 2):
            record.deadlocked = True
            events.append({"type": "deadlock", "scene": session.scene_id})
        if open_left and lowest <= 0:
            leaving = next(who for who in at_table(scene) if patience_of(record, scene, who) <= 0)
            events.append({"type": "party_left", "cast": leaving})
            events.append(session.add_trust(leaving, -10))
            return events + self._close(session, scene, "left", decision)
        if not open_left:
            events.append({"type": "all_agreed", "scene": session.scene_id})
        return events

    def _close(self, session: Any, scene: Any, outcome: str, decision: int) -> list[dict]:
        record = session.state.negotiations[session.scene_id]
        record.outcome = outcome
        session.state.chosen[session.scene_id] = outcome
        events: list[dict] = [{"type": "negotiation", "scene": session.scene_id, "outcome": outcome, "agreed": dict(record.agreed)}]
        if outcome == "agreed":
            if scene.contract == "partnership":
                session.state.agreement = Agreement(scene=session.scene_id, counterpart=scene.counterpart, terms=dict(record.agreed),
                                                    parties=[party.cast for party in scene.parties])
            for clause in scene.clauses:
                if clause.element in record.agreed:
                    term = clause.terms[index_of(clause, record.agreed[clause.element])]
                    events += session.apply_effects(term.effects)
                    events += session.evidence(term.evidence, session.scene_id, decision)
        more, target = session.run_outcome(getattr(scene, outcome), session.scene_id, decision)
        return self.finish(session, events + more, target, scene.next)
