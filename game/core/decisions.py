"""One small handler per decision kind: which answers it takes, how it checks
and applies them. Looked up by the scene's ``kind``.

Answers (as logged)::

    {"choose": "option-id"}                          choice, event
    {"pick": ["cast-a", "cast-b"]}                   pick
    {"research": {"cast": "x", "action": "y"}}       pick, negotiate
    {"order": ["step-1", "step-2", ...]}             sequence
    {"allocate": {"share-a": 6, "share-b": 4}}       allocate
    {"propose": {...}} {"ask": "goals"} ...          negotiate (see negotiation.py)
"""

from __future__ import annotations

from typing import Any


class InvalidAnswer(ValueError):
    """An answer the current scene cannot take; the state is unchanged."""


def resolve_next(facts: Any, target: Any) -> str | None:
    """A scene id from ``next``: an id, or the first branch whose condition holds."""
    if target is None or isinstance(target, str):
        return target
    for branch in target:
        if branch.when is None or branch.when.holds(facts):
            return branch.go
    return None


def inversions(order: list[str], correct: list[str]) -> int:
    """How many pairs of steps are out of order."""
    rank = {step: i for i, step in enumerate(correct)}
    ranks = [rank[step] for step in order]
    return sum(1 for i in range(len(ranks)) for j in range(i + 1, len(ranks)) if ranks[i] > ranks[j])


class Handler:
    verbs: tuple[str, ...] = ()

    def validate(self, session: Any, scene: Any, verb: str, value: Any) -> None:
        raise NotImplementedError

    def apply(self, session: Any, scene: Any, verb: str, value: Any) -> list[dict]:
        raise NotImplementedError

    @staticmethod
    def finish(session: Any, events: list[dict], target: str | None, fallback: Any) -> list[dict]:
        """Go on to ``target``, or the scene's own ``next``."""
        if target is None:
            target = resolve_next(session, fallback)
        return events + session.go_on(target)


class ChoiceHandler(Handler):
    """choice and event scenes: ``{"choose": option-id}``."""

    verbs = ("choose",)

    def validate(self, session: Any, scene: Any, verb: str, value: Any) -> None:
        offered = [o.id for o in session.options()]
        if value not in offered:
            raise InvalidAnswer(f"'{value}' is not an option here; choose one of: {', '.join(offered)}")

    def apply(self, session: Any, scene: Any, verb: str, value: Any) -> list[dict]:
        option = next(o for o in scene.options if o.id == value)
        session.state.chosen[session.scene_id] = value
        decision = len(session.state.log) - 1
        events, target = session.run_outcome(option, session.scene_id, decision)
        if target is None:
            target = resolve_next(session, scene.next)
        if scene.kind == "event" and target is not None:
            session.state.resume.clear()  # the author sends the story elsewhere: the interruption is over
        return self.finish(session, events, target, scene.next)


class ResearchMixin:
    """Research actions in pick and negotiate scenes: ``{"research": {"cast": x, "action": y}}``."""

    @staticmethod
    def researchable(scene: Any) -> list[str]:
        if scene.kind == "pick":
            return [card.cast for card in scene.pool]
        return [scene.counterpart]

    def validate_research(self, session: Any, scene: Any, value: Any) -> None:
        if not isinstance(value, dict) or set(value) != {"cast", "action"}:
            raise InvalidAnswer("research takes {'cast': id, 'action': id}")
        cast_id, action_id = value["cast"], value["action"]
        if cast_id not in self.researchable(scene):
            raise InvalidAnswer(f"'{cast_id}' cannot be researched in this scene")
        member = session.scenario.cast_by_id[cast_id]
        action = next((a for a in member.research if a.id == action_id), None)
        if action is None:
            raise InvalidAnswer(f"'{cast_id}' has no research action '{action_id}'")
        if action_id in session.state.researched.get(cast_id, []):
            raise InvalidAnswer(f"'{action_id}' was already done for '{cast_id}'")
        for name, amount in action.cost.items():
            floor = session.scenario.resources[name].min
            if floor is not None and session.resource(name) - amount < floor:
                raise InvalidAnswer(f"not enough {name} for this research")

    def apply_research(self, session: Any, value: dict) -> list[dict]:
        member = session.scenario.cast_by_id[value["cast"]]
        action = next(a for a in member.research if a.id == value["action"])
        session.state.researched.setdefault(member.id, []).append(action.id)
        events = [session.add_resource(name, -amount, None) for name, amount in action.cost.items()]
        return events + session.reveal(member.id, list(action.reveals))


class PickHandler(Handler, ResearchMixin):
    """pick scenes: ``{"pick": [ids]}`` (exactly ``count``, or none when the scene has ``refuse``), and research first."""

    verbs = ("pick", "research")

    def validate(self, session: Any, scene: Any, verb: str, value: Any) -> None:
        if verb == "research":
            return self.validate_research(session, scene, value)
        pool = [card.cast for card in scene.pool]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise InvalidAnswer("pick takes a list of cast ids")
        if not value and scene.refuse is not None:
            return
        if len(set(value)) != len(value) or len(value) != scene.count:
            raise InvalidAnswer(f"pick exactly {scene.count} different cards" + (" (or none, to refuse them all)" if scene.refuse else ""))
        unknown = [v for v in value if v not in pool]
        if unknown:
            raise InvalidAnswer(f"not in this pool: {', '.join(unknown)}")

    def apply(self, session: Any, scene: Any, verb: str, value: Any) -> list[dict]:
        if verb == "research":
            return self.apply_research(session, value)
        decision = len(session.state.log) - 1
        session.state.chosen[session.scene_id] = ",".join(sorted(value)) or "none"
        events: list[dict] = []
        if not value:  # the refusal: every card is passed over, then the refusal's own outcome
            for card in scene.pool:
                events += session.evidence(card.passed, session.scene_id, decision)
            more, target = session.run_outcome(scene.refuse, session.scene_id, decision)
            return self.finish(session, events + more, target, scene.next)
        for card in scene.pool:
            if card.cast in value:
                member = session.scenario.cast_by_id[card.cast]
                events.append(session.pick_member(card.cast, True))
                if member.cost:
                    events.append(session.add_resource("budget", -member.cost, None))
                more, _ = session.run_outcome(card, session.scene_id, decision)
                events += more
                events += session.evidence(card.checked if session.was_researched(card.cast) else card.unchecked, session.scene_id, decision)
            else:
                events += session.evidence(card.passed, session.scene_id, decision)
        return self.finish(session, events, None, scene.next)


class SequenceHandler(Handler):
    """sequence scenes: ``{"order": [step ids]}``, graded by pairs out of order."""

    verbs = ("order",)

    def validate(self, session: Any, scene: Any, verb: str, value: Any) -> None:
        ids = [s.id for s in scene.steps]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value) or sorted(value) != sorted(ids):
            raise InvalidAnswer(f"order takes every step exactly once: {', '.join(ids)}")

    def apply(self, session: Any, scene: Any, verb: str, value: Any) -> list[dict]:
        correct = [s.id for s in scene.steps]
        wrong = inversions(value, correct)
        in_order = wrong <= scene.tolerance
        decision = len(session.state.log) - 1
        session.state.chosen[session.scene_id] = "in-order" if in_order else "out-of-order"
        events = [{"type": "sequence", "scene": session.scene_id, "out_of_order": wrong, "in_order": in_order, "correct": correct}]
        events += session.evidence(scene.evidence, session.scene_id, decision, inverted=not in_order)
        more, target = session.run_outcome(scene.in_order if in_order else scene.out_of_order, session.scene_id, decision)
        return self.finish(session, events + more, target, scene.next)


class AllocateHandler(Handler):
    """allocate scenes: ``{"allocate": {share-id: points}}``."""

    verbs = ("allocate",)

    def validate(self, session: Any, scene: Any, verb: str, value: Any) -> None:
        ids = [o.id for o in scene.options]
        if not isinstance(value, dict) or any(k not in ids for k in value):
            raise InvalidAnswer(f"allocate takes points for: {', '.join(ids)}")
        if any(type(v) is not int or v < 0 for v in value.values()):
            raise InvalidAnswer("points are whole numbers, zero or more")
        total = sum(value.values())
        if total > scene.points or (scene.must_spend_all and total != scene.points):
            raise InvalidAnswer(f"spread exactly {scene.points} points" if scene.must_spend_all else f"spread at most {scene.points} points")

    def apply(self, session: Any, scene: Any, verb: str, value: Any) -> list[dict]:
        decision = len(session.state.log) - 1
        session.state.chosen[session.scene_id] = ",".join(f"{k}={value.get(k, 0)}" for k in sorted(value))
        events: list[dict] = []
        for share in scene.options:
            points = value.get(share.id, 0)
            events += session.apply_effects(share.per_point, times=points)
            if points >= share.at_least:
                events += session.evidence(share.evidence, session.scene_id, decision)
                if share.feedback is not None:
                    events.append({"type": "feedback", "scene": session.scene_id, "text": share.feedback.model_dump()})
            else:
                events += session.evidence(share.below, session.scene_id, decision)
        return self.finish(session, events, None, scene.next)


class EndingHandler(Handler):
    """ending scenes take no answer."""

    verbs = ()
