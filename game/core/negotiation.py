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
"""

from __future__ import annotations

from typing import Any

from game.core.decisions import Handler, InvalidAnswer, ResearchMixin
from game.core.state import Agreement

WARM_TRUST = 70
LOWBALL_STEPS = 2


def index_of(clause: Any, term_id: str) -> int:
    return [t.id for t in clause.terms].index(term_id)


def leeway(session: Any, scene: Any, clause: Any) -> int:
    """How many steps below its limit the counterpart will still accept (0 or 1)."""
    if clause.priority == "high":
        return 0
    record = session.state.negotiations[session.scene_id]
    return 1 if session.trust(scene.counterpart) >= WARM_TRUST or record.facilitated else 0


def facilitator_for(session: Any, scene: Any) -> str | None:
    """The facilitator who can be called: the scene's own, or one the NGO picked."""
    if scene.facilitator:
        return scene.facilitator
    picked = session.picked("facilitator")
    return picked[0] if picked else None


def mood(session: Any, scene: Any) -> str:
    """warm, open, tense or cold: from trust and patience left."""
    record = session.state.negotiations[session.scene_id]
    trust = session.trust(scene.counterpart)
    if record.patience <= 1 or trust < 30:
        return "cold"
    if record.patience <= 2 or trust < 45:
        return "tense"
    return "warm" if trust >= WARM_TRUST else "open"


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
            events = [session.add_trust(scene.counterpart, -5)]
            return events + self._close(session, scene, "walked_away", decision)
        if verb == "facilitator":
            record.facilitated = True
            record.patience += 3
            who = facilitator_for(session, scene)
            events = [{"type": "facilitator", "cast": who, "deadlocked": record.deadlocked}]
            met = session.meet(who)
            return events + ([met] if met else []) + [session.add_trust(scene.counterpart, 5)]
        clauses = {c.element: c for c in scene.clauses}
        if verb == "concede":
            record.agreed[value] = record.counters.pop(value)
            events = [{"type": "clause", "element": value, "result": "agreed", "term": record.agreed[value]}]
            return events + [session.add_trust(scene.counterpart, 1)] + self._after_round(session, scene, decision)
        record.rounds += 1
        record.patience -= 1
        if verb == "ask":
            clause = clauses[value]
            record.asked.append(value)
            events = [{"type": "need", "element": value, "priority": clause.priority, "accepts": clause.accepts}]
            return events + [session.add_trust(scene.counterpart, 2)] + self._after_round(session, scene, decision)
        events = []
        for element, term in value.items():
            events += self._weigh(session, scene, record, clauses[element], term)
        return events + self._after_round(session, scene, decision)

    def _weigh(self, session: Any, scene: Any, record: Any, clause: Any, term: str) -> list[dict]:
        element = clause.element
        record.offers[element] = term
        offered = index_of(clause, term)
        needed = index_of(clause, clause.accepts) - leeway(session, scene, clause)
        if offered >= needed:
            record.agreed[element] = term
            record.counters.pop(element, None)
            return [{"type": "clause", "element": element, "result": "agreed", "term": term}, session.add_trust(scene.counterpart, 2)]
        record.refusals[element] = record.refusals.get(element, 0) + 1
        hope = index_of(clause, clause.wants) - (record.refusals[element] - 1)
        counter = clause.terms[max(index_of(clause, clause.accepts), hope)].id
        record.counters[element] = counter
        events = [{"type": "clause", "element": element, "result": "refused", "term": term, "counter": counter, "reason": clause.reason.model_dump()}]
        shortfall = needed - offered
        events.append(session.add_trust(scene.counterpart, -2 * (2 if shortfall >= LOWBALL_STEPS else 1)))
        return events

    def _after_round(self, session: Any, scene: Any, decision: int) -> list[dict]:
        record = session.state.negotiations[session.scene_id]
        open_left = [c.element for c in scene.clauses if c.element not in record.agreed]
        events: list[dict] = []
        if open_left and not record.deadlocked and (max(record.refusals.values(), default=0) >= 2 or record.patience <= 2):
            record.deadlocked = True
            events.append({"type": "deadlock", "scene": session.scene_id})
        if open_left and record.patience <= 0:
            events.append(session.add_trust(scene.counterpart, -10))
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
                session.state.agreement = Agreement(scene=session.scene_id, counterpart=scene.counterpart, terms=dict(record.agreed))
            for clause in scene.clauses:
                if clause.element in record.agreed:
                    term = clause.terms[index_of(clause, record.agreed[clause.element])]
                    events += session.apply_effects(term.effects)
                    events += session.evidence(term.evidence, session.scene_id, decision)
        more, target = session.run_outcome(getattr(scene, outcome), session.scene_id, decision)
        return self.finish(session, events + more, target, scene.next)
