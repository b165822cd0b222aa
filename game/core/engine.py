"""The engine: a pure, seeded session over one scenario, with a tiny host API.

Hosts (the pygame UI, the CLI's autoplay, the analyzer, the tests) do only this::

    session = Session(scenario, seed=7)
    session.scene            # the current scene model
    session.options()        # the options offered now (choice and event scenes)
    events = session.answer({"choose": "call-in-person"})   # or pick / order / ...
    session.ended

Answers are commands; the log of answers is the game. Every answer returns
plain events (dicts): feedback, evidence, resource, trust, revealed, scene,
ended. :meth:`Session.replay` rebuilds a session from a seed and a log.
"""

from __future__ import annotations

import random
from typing import Any

from game.core.decisions import (
    AllocateHandler,
    ChoiceHandler,
    EndingHandler,
    InvalidAnswer,
    PickHandler,
    SequenceHandler,
    resolve_next,
)
from game.core.negotiation import NegotiateHandler
from game.core.progress import decision_number, decisions_taken
from game.core.scenario import CAST_KINDS, Scenario
from game.core.scenes import EndingScene, Option
from game.core.state import GameState, NegotiationState

__all__ = ["Session", "InvalidAnswer", "SaveMismatch"]


HANDLERS = {
    "choice": ChoiceHandler(),
    "event": ChoiceHandler(),
    "pick": PickHandler(),
    "negotiate": NegotiateHandler(),
    "sequence": SequenceHandler(),
    "allocate": AllocateHandler(),
    "ending": EndingHandler(),
}


class SaveMismatch(ValueError):
    """A saved state that does not belong to this scenario or does not replay."""


class Session:
    """One play of one scenario; implements the conditions' Facts and the effects' Actor."""

    def __init__(self, scenario: Scenario, seed: int = 0, scenario_hash: str = ""):
        self.scenario = scenario
        start = scenario.start_scene
        self.state = GameState(
            scenario=scenario.id,
            scenario_hash=scenario_hash,
            seed=seed,
            scene=start,
            resources={name: res.start for name, res in scenario.resources.items()},
        )
        self._enter(start)

    # ----- host API -------------------------------------------------------
    @property
    def scene_id(self) -> str:
        return self.state.scene

    @property
    def scene(self) -> Any:
        return self.scenario.scenes[self.state.scene]

    @property
    def ended(self) -> bool:
        return self.state.ending is not None

    @property
    def stuck(self) -> str | None:
        """Why the story cannot go on (a choice or event whose every option's ``when`` is false), or None.

        The checker warns about such scenes; hosts stop here and say so instead of offering nothing.
        """
        scene = self.scene
        if self.ended or scene.kind not in ("choice", "event") or self.options():
            return None
        return f"scene '{self.state.scene}' offers no option now: every option's 'when' is false; give one option no 'when'"

    @property
    def decisions(self) -> int:
        return len(self.state.log)

    @property
    def decision_number(self) -> int:
        """The number of the decision on screen, counted on the path taken (events included): "Decision 5"."""
        return decision_number(self.scenario, self.state.visited)

    @property
    def decisions_taken(self) -> int:
        """Decision scenes this play has answered and left (what a feedback or ending screen counts)."""
        return decisions_taken(self.scenario, self.state.visited)

    def options(self) -> list[Option]:
        """Options offered now in a choice or event scene (those whose ``when`` holds)."""
        scene = self.scene
        if not hasattr(scene, "options") or scene.kind == "allocate":
            return []
        return [o for o in scene.options if o.when is None or o.when.holds(self)]

    def answer(self, answer: dict[str, Any]) -> list[dict]:
        """Apply one answer to the current scene; raises InvalidAnswer and changes nothing if it is wrong."""
        if self.ended:
            raise InvalidAnswer("the scenario has ended")
        if not isinstance(answer, dict) or len(answer) != 1:
            raise InvalidAnswer("an answer is a mapping with one key, such as {'choose': 'option-id'}")
        handler = HANDLERS[self.scene.kind]
        verb = next(iter(answer))
        if verb not in handler.verbs:
            raise InvalidAnswer(f"a {self.scene.kind} scene takes {', '.join(handler.verbs)}, not '{verb}'")
        handler.validate(self, self.scene, verb, answer[verb])
        self.state.log.append({"scene": self.state.scene, verb: answer[verb]})
        try:
            return handler.apply(self, self.scene, verb, answer[verb])
        except InvalidAnswer:
            # refused half-way (a story with no way on): the state before it, rebuilt from the log, so nothing changes
            self.state = Session.replay(self.scenario, self.state.seed, self.state.log[:-1], self.state.scenario_hash).state
            raise

    # convenience verbs
    def choose(self, option_id: str) -> list[dict]:
        return self.answer({"choose": option_id})

    def pick(self, cast_ids: list[str]) -> list[dict]:
        return self.answer({"pick": list(cast_ids)})

    def research(self, cast_id: str, action_id: str) -> list[dict]:
        return self.answer({"research": {"cast": cast_id, "action": action_id}})

    def order(self, step_ids: list[str]) -> list[dict]:
        return self.answer({"order": list(step_ids)})

    def allocate(self, shares: dict[str, int]) -> list[dict]:
        return self.answer({"allocate": dict(shares)})

    def text_of(self, scene: Any) -> Any:
        """A scene's text for the state now: its first variant whose condition holds, else its own."""
        facts = _NoDice(self)
        for variant in getattr(scene, "variants", ()):
            if variant.when.holds(facts):
                return variant.text
        return scene.text

    def shuffled_steps(self) -> list[str]:
        """The order a sequence scene's steps are first shown in (seeded, never already solved)."""
        ids = [s.id for s in self.scene.steps]
        rng = random.Random(f"{self.state.seed}:{self.state.scene}")
        shown = ids[:]
        while shown == ids:
            rng.shuffle(shown)
        return shown

    def fork(self) -> "Session":
        """An independent copy, for looking ahead without touching this session."""
        twin = Session.__new__(Session)
        twin.scenario = self.scenario
        twin.state = self.state.model_copy(deep=True)
        return twin

    # ----- persistence ------------------------------------------------------
    def to_json(self) -> str:
        return self.state.to_json()

    @classmethod
    def replay(cls, scenario: Scenario, seed: int, log: list[dict], scenario_hash: str = "") -> "Session":
        """Rebuild a session by replaying a decision log."""
        session = cls(scenario, seed=seed, scenario_hash=scenario_hash)
        for index, entry in enumerate(log):
            entry = dict(entry)
            scene = entry.pop("scene", None)
            if scene != session.state.scene:
                raise SaveMismatch(f"decision {index + 1} was made in scene '{scene}', but the story is at '{session.state.scene}'")
            session.answer(entry)
        return session

    @classmethod
    def from_json(cls, scenario: Scenario, text: str | bytes, scenario_hash: str = "") -> "Session":
        """Load a saved state; it must belong to this scenario and replay to itself."""
        saved = GameState.from_json(text)
        if saved.scenario != scenario.id:
            raise SaveMismatch(f"this save is for scenario '{saved.scenario}', not '{scenario.id}'")
        if scenario_hash and saved.scenario_hash and saved.scenario_hash != scenario_hash:
            raise SaveMismatch("the scenario file changed since this save was made")
        session = cls.replay(scenario, saved.seed, saved.log, scenario_hash or saved.scenario_hash)
        if session.state != saved:
            raise SaveMismatch("the saved state does not match its own decision log")
        return session

    # ----- transitions ------------------------------------------------------
    def _enter(self, scene_id: str) -> list[dict]:
        self.state.scene = scene_id
        self.state.visited.append(scene_id)
        scene = self.scenario.scenes[scene_id]
        events: list[dict] = []
        if scene.kind == "negotiate":
            for who in (scene.counterpart, *(party.cast for party in scene.parties)):
                met = self.meet(who)
                events += [met] if met else []
            self.state.negotiations[scene_id] = NegotiationState(
                patience=scene.patience, patience_of={party.cast: party.patience or scene.patience for party in scene.parties})
        if isinstance(scene, EndingScene):
            self.state.ending = scene_id
            events.append({"type": "ended", "ending": scene_id, "outcome": scene.outcome})
        return events

    def go_on(self, target: str | None) -> list[dict]:
        """Leave the current scene for ``target`` (None: back where an event interrupted)."""
        leaving = self.state.scene
        if target is None:
            if not self.state.resume:
                raise InvalidAnswer(f"scene '{leaving}' has no next scene")
            target = self.state.resume.pop()
        events: list[dict] = []
        due = self._due_events(leaving)
        if due:
            self.state.resume.append(target)
            self.state.resume.extend(reversed(due[1:]))
            target = due[0]
        events.append({"type": "scene", "from": leaving, "to": target})
        return events + self._enter(target)

    def _due_events(self, leaving: str) -> list[str]:
        """Events that interrupt now, in the order written; each is considered once."""
        due = []
        for scene_id, scene in self.scenario.triggered_events:
            if scene_id in self.state.fired:
                continue
            trigger = scene.trigger
            if trigger.after is not None and trigger.after != leaving:
                continue
            if trigger.when is not None and not trigger.when.holds(self):
                continue
            self.state.fired.append(scene_id)
            if trigger.chance >= 1 or self.roll() < trigger.chance:
                due.append(scene_id)
        return due

    def run_outcome(self, outcome: Any, scene_id: str, decision: int, inverted: bool = False) -> tuple[list[dict], str | None]:
        """Apply an outcome's effects, evidence and feedback; return events and where it leads."""
        events = self.apply_effects(outcome.effects)
        events += self.evidence(outcome.evidence, scene_id, decision, inverted)
        if outcome.feedback is not None:
            events.append({"type": "feedback", "scene": scene_id, "text": outcome.feedback.model_dump()})
        return events, resolve_next(self, getattr(outcome, "next", None))

    def apply_effects(self, effects: list[Any], times: int = 1) -> list[dict]:
        """Apply effects; ``times`` scales additions (per-point effects) and applies others once."""
        events: list[dict] = []
        if times <= 0:
            return events
        for effect in effects:
            if times != 1 and getattr(effect, "add", None) is not None:
                effect = effect.model_copy(update={"add": effect.add * times})
            events += effect.apply(self)
        return events

    def evidence(self, evidence: Any, scene_id: str, decision: int, inverted: bool = False) -> list[dict]:
        if evidence is None:
            return []
        return [dict(record, type="evidence", scene=scene_id, decision=decision) for record in evidence.records(inverted)]

    # ----- Facts (read by conditions) ------------------------------------------
    def resource(self, name: str) -> int:
        return self.state.resources.get(name, 0)

    def trust(self, cast_id: str) -> int:
        if cast_id in self.state.trust:
            return self.state.trust[cast_id]
        member = self.scenario.member(cast_id)
        return member.trust if member else 0

    def has_flag(self, name: str) -> bool:
        return name in self.state.flags

    def picked(self, kind_or_id: str) -> list[str]:
        if kind_or_id in CAST_KINDS:
            return list(self.state.picks.get(kind_or_id, []))
        return [m for members in self.state.picks.values() for m in members if m == kind_or_id]

    def trait(self, cast_id: str, trait: str) -> object:
        member = self.scenario.member(cast_id)
        if member is None:
            return None
        return member.visible.get(trait, member.hidden.get(trait))

    def was_researched(self, cast_id: str) -> bool:
        return bool(self.state.researched.get(cast_id))

    def visit_index(self, scene: str) -> int | None:
        return self.state.visited.index(scene) if scene in self.state.visited else None

    def chosen(self, scene: str) -> str | None:
        return self.state.chosen.get(scene)

    def agreement_clauses(self) -> dict[str, bool] | None:
        """The signed partnership agreement's elements, each True when its term breaks no rule."""
        agreement = self.state.agreement
        if agreement is None:
            return None
        scene = self.scenario.scenes.get(agreement.scene)
        terms = {c.element: {t.id: t for t in c.terms} for c in getattr(scene, "clauses", [])}
        sound = {}
        for element, term_id in agreement.terms.items():
            term = terms.get(element, {}).get(term_id)
            sound[element] = term is not None and not (term.evidence and term.evidence.breaks)
        return sound

    def negotiation(self, scene: str) -> dict:
        record = self.state.negotiations.get(scene)
        return record.model_dump() if record else {}

    def phase(self) -> str:
        return self.scene.phase

    def roll(self) -> float:
        value = random.Random(f"{self.state.seed}:{self.state.rolls}").random()
        self.state.rolls += 1
        return value

    # ----- Actor (used by effects) ---------------------------------------------
    def add_resource(self, name: str, delta: int | None, value: int | None) -> dict:
        bounds = self.scenario.resources[name]
        before = self.state.resources[name]
        after = bounds.clamp(value if value is not None else before + (delta or 0))
        self.state.resources[name] = after
        return {"type": "resource", "id": name, "delta": after - before, "value": after}

    def add_trust(self, cast_id: str, delta: int) -> dict:
        self.meet(cast_id)
        before = self.state.trust[cast_id]
        after = max(0, min(100, before + delta))
        self.state.trust[cast_id] = after
        return {"type": "trust", "cast": cast_id, "delta": after - before, "value": after}

    def set_flag(self, name: str, value: bool) -> dict:
        flags = self.state.flags
        if value and name not in flags:
            flags.append(name)
        elif not value and name in flags:
            flags.remove(name)
        return {"type": "flag", "flag": name, "value": value}

    def pick_member(self, cast_id: str, keep: bool) -> dict:
        member = self.scenario.cast_by_id[cast_id]
        members = self.state.picks.setdefault(member.kind, [])
        if keep and cast_id not in members:
            members.append(cast_id)
            self.meet(cast_id)
        elif not keep and cast_id in members:
            members.remove(cast_id)
        return {"type": "picked" if keep else "dropped", "cast": cast_id, "kind": member.kind}

    def reveal(self, cast_id: str, traits: list[str]) -> list[dict]:
        member = self.scenario.cast_by_id[cast_id]
        known = self.state.revealed.setdefault(cast_id, [])
        events = []
        for trait in traits:
            if trait not in known:
                known.append(trait)
            events.append({"type": "revealed", "cast": cast_id, "trait": trait, "value": member.hidden.get(trait)})
        return events

    def meet(self, cast_id: str) -> dict | None:
        if cast_id in self.state.met:
            return None
        member = self.scenario.cast_by_id[cast_id]
        self.state.met.append(cast_id)
        self.state.trust[cast_id] = member.trust
        return {"type": "met", "cast": cast_id}


class _NoDice:
    """The session's facts without dice: showing text never changes the state."""

    def __init__(self, session: Session):
        self._session = session

    def __getattr__(self, name: str) -> Any:
        return getattr(self._session, name)

    def roll(self) -> float:
        return 1.0
