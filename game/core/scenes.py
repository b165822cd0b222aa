"""The decision kinds: one model per scene kind, chosen by ``kind:``.

Every scene has a phase of the partnership flow, a text and an optional
image; where it takes place (``place: cafe``, one of
:data:`game.core.looks.PLACES`; else the kind's default) and who says its
text (``speaker:``, a cast id: their face is shown beside it, the text in a
speech bubble); what else it reads is shown in each class's docstring.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field, model_validator

from game.core.base import AssetPath, Id, RuleId, Strict, Text
from game.core.conditions import ELEMENTS, LICENCE_ELEMENTS, Condition, Element
from game.core.effects import Effect
from game.core.looks import Place

Phase = Literal["before", "during", "after"]


class Evidence(Strict):
    """What a decision tells the grader: rules honoured or broken, and a weight.

    ```yaml
    evidence: {honours: [tips.choose-carefully], breaks: [flow.order], weight: 2}
    ```
    """

    honours: list[RuleId] = []
    breaks: list[RuleId] = []
    weight: Annotated[int, Field(ge=1, le=5)] = 1

    def records(self, inverted: bool = False) -> list[dict]:
        """Plain evidence records; ``inverted`` turns honours into breaks."""
        good, bad = ("breaks", "honours") if inverted else ("honours", "breaks")
        return [{"rule": r, "verdict": good, "weight": self.weight} for r in self.honours] + [
            {"rule": r, "verdict": bad, "weight": self.weight} for r in self.breaks
        ]


class Branch(Strict):
    """One way on: go to a scene, when the condition holds (or always).

    ```yaml
    next:
      - {when: {flag: scandal}, go: crisis-meeting}
      - {go: keep-sponsor}
    ```
    """

    when: Condition | None = None
    go: Id


Next = Union[Id, Annotated[list[Branch], Field(min_length=1)]]


class Outcome(Strict):
    """What follows a result: effects, feedback, evidence and the next scene.

    ```yaml
    {effects: [{resource: reputation, add: 5}], feedback: {en: ..., bg: ...}, next: during-kickoff}
    ```
    """

    effects: list[Effect] = []
    feedback: Text | None = None
    evidence: Evidence | None = None
    next: Next | None = None


class Option(Outcome):
    """One answer to a choice or an event.

    ```yaml
    - id: call-in-person
      text: {en: Call the three best-fitting NGOs, bg: ...}
      when: {resource: budget, at_least: 100}     # offered only then (optional)
      effects: [{resource: weeks, add: -2}]
      evidence: {honours: [flow.before.contact-appropriately]}
      feedback: {en: ..., bg: ...}
      next: choose-partners
    ```
    """

    id: Id
    text: Text
    when: Condition | None = None


class TextVariant(Strict):
    """Text shown instead of the scene's own when a condition holds (the first that holds wins),
    so later scenes can name what the player did. Conditions here may not use ``chance``.

    ```yaml
    variants:
      - when: {picked: green-future}
        text: {en: Green Future calls about the trucks., bg: От „Зелено бъдеще“ се обаждат за камионите.}
    ```
    """

    when: Condition
    text: Text


class SceneBase(Strict):
    phase: Phase
    title: Text | None = None
    text: Text
    variants: list[TextVariant] = []
    image: AssetPath | None = None
    place: Place | None = None
    speaker: Id | None = None
    next: Next | None = None


class ChoiceScene(SceneBase):
    """A dilemma with 2-5 options.

    ```yaml
    first-contact:
      kind: choice
      phase: before
      text: {en: How do you reach potential partners?, bg: ...}
      options: [...]
    ```
    """

    kind: Literal["choice"]
    options: Annotated[list[Option], Field(min_length=2, max_length=5)]


class Trigger(Strict):
    """When an event interrupts the story: after a scene, when a condition holds, with a chance.

    Each triggered event is considered once: the first time the story leaves
    its ``after`` scene (or any scene, without ``after``) while ``when`` holds;
    then the seeded chance decides. Several events due at once play one after
    another, in the order written. An option with its own ``next`` ends the
    interruption; without one, the story goes on where it was heading.

    ```yaml
    trigger: {after: kickoff-meeting, when: {picked: partner, trait: reliability, is: low}, chance: 0.7}
    ```
    """

    after: Id | None = None
    when: Condition | None = None
    chance: Annotated[float, Field(ge=0, le=1)] = 1.0


class EventScene(SceneBase):
    """Something happens; the player responds. With a trigger it interrupts the
    story once and, unless an option says ``next``, the story then goes on
    where it was heading.

    ```yaml
    partner-misses-deadline:
      kind: event
      phase: during
      headline: {en: Partner misses its first deadline, bg: ...}
      text: {en: ..., bg: ...}
      trigger: {after: kickoff, when: {picked: partner, trait: reliability, is: low}}
      options: [...]
    ```
    """

    kind: Literal["event"]
    headline: Text
    trigger: Trigger | None = None
    options: Annotated[list[Option], Field(min_length=1, max_length=5)]


class PickCard(Strict):
    """A cast member offered in a pick: what picking them means, and what passing them over means.

    ``checked`` counts when the card is picked after at least one of its
    research actions, ``unchecked`` when it is picked with none done: the
    background check is graded at the moment of the pick. ``passed`` counts
    when the card is not picked; a rule that the pick also breaks stays
    broken (one verdict per rule per decision).

    ```yaml
    - cast: green-future
      evidence: {breaks: [dynamics.compatible-values]}     # when picked
      checked: {honours: [sponsor.background-check]}       # picked after research
      unchecked: {breaks: [sponsor.background-check]}      # picked without any research
      passed: {honours: [tips.choose-carefully]}           # when not picked
      feedback: {en: ..., bg: ...}
    ```
    """

    cast: Id
    effects: list[Effect] = []
    feedback: Text | None = None
    evidence: Evidence | None = None
    checked: Evidence | None = None
    unchecked: Evidence | None = None
    passed: Evidence | None = None


class Refusal(Outcome):
    """Picking nobody from a pick's pool: the words of that choice, its evidence, effects, feedback and ``next``.

    ```yaml
    refuse:
      text: {en: Take none of these sponsors, bg: ...}
      evidence: {honours: [sponsor.values-fit]}
      feedback: {en: ..., bg: ...}
      next: look-again                # else the scene's next
    ```
    """

    text: Text


class PickScene(SceneBase):
    """Choose ``count`` cast members from a pool; research reveals hidden traits first. With
    ``refuse`` the player may also pick nobody (every card then counts as passed over).

    ```yaml
    choose-partners:
      kind: pick
      phase: before
      text: {en: Choose two partners, bg: ...}
      count: 2
      pool: [{cast: green-future, evidence: {...}}, {cast: roots-foundation}]
      refuse: {text: {en: Take none of them, bg: ...}, evidence: {...}}
      next: negotiate-agreement
    ```
    """

    kind: Literal["pick"]
    count: Annotated[int, Field(ge=1, le=6)] = 1
    refuse: Refusal | None = None
    pool: Annotated[list[PickCard], Field(min_length=2, max_length=8)]


class Term(Strict):
    """One possible wording of a clause; its effects and evidence count when signed.

    ```yaml
    - id: shared-credit
      text: {en: Both logos on everything, bg: ...}
      effects: [{resource: budget, add: -300}]
      evidence: {honours: [agreement.benefits]}
    ```
    """

    id: Id
    text: Text
    effects: list[Effect] = []
    evidence: Evidence | None = None


class Clause(Strict):
    """A clause of the agreement: terms from best for the NGO to best for the counterpart.

    The counterpart accepts any term at or after ``accepts`` (its walk-away
    point), hopes for ``wants``, and cares about the clause with a hidden
    ``priority``; when it refuses it gives ``reason``.

    ```yaml
    - element: contributions
      terms: [{id: they-pay-all, text: ...}, {id: split, text: ...}, {id: we-pay-all, text: ...}]
      accepts: split
      wants: we-pay-all
      priority: high
      reason: {en: Our board will not sign a budget we carry alone., bg: ...}
    ```
    """

    element: Element
    label: Text | None = None
    terms: Annotated[list[Term], Field(min_length=2, max_length=5)]
    accepts: Id
    wants: Id
    priority: Literal["low", "medium", "high"] = "medium"
    reason: Text

    @model_validator(mode="after")
    def _terms_known(self) -> "Clause":
        ids = [t.id for t in self.terms]
        for name in ("accepts", "wants"):
            if getattr(self, name) not in ids:
                raise ValueError(f"'{name}' must be one of the clause's term ids: {', '.join(ids)}")
        if ids.index(self.wants) < ids.index(self.accepts):
            raise ValueError("'wants' cannot come before 'accepts': terms run from best for you to best for them")
        return self


class PartyLimit(Strict):
    """What one more party at the table needs on one clause, on that clause's own terms.

    ``accepts``, ``wants``, ``priority`` and ``reason`` mean what they mean on
    the clause (which holds the lead counterpart's limits).
    """

    element: Element
    accepts: Id
    wants: Id
    priority: Literal["low", "medium", "high"] = "medium"
    reason: Text


class Party(Strict):
    """One more organisation around the table, with its own patience and limits.

    It has a say only on the clauses it lists; on each it accepts a term at or
    after its own ``accepts``. A clause is agreed when every party with a say
    accepts it; the agreement is signed by all; when any party runs out of
    patience it leaves, and the negotiation ends as ``left``.

    ```yaml
    parties:
      - cast: vasil-levski-school
        patience: 5                      # optional: the scene's patience by default
        limits:
          - element: contributions
            accepts: split
            wants: we-pay-all
            priority: high
            reason: {en: "Our pupils cannot carry the costs.", bg: "Учениците ни не могат да поемат разходите."}
    ```
    """

    cast: Id
    patience: Annotated[int, Field(ge=2, le=20)] | None = None
    limits: Annotated[list[PartyLimit], Field(min_length=1, max_length=6)]

    @model_validator(mode="after")
    def _one_limit_per_clause(self) -> "Party":
        elements = [limit.element for limit in self.limits]
        if len(set(elements)) != len(elements):
            raise ValueError(f"party '{self.cast}' gives its limits on each clause once")
        return self


class NegotiateScene(SceneBase):
    """Build the agreement clause by clause against a counterpart with limited patience.

    Each round the player proposes terms, asks about a need (reveals one
    clause's priority and limit, costs a round), calls the facilitator once,
    signs what is agreed, or walks away. Every signed term's evidence is
    graded, so each term should say which rule it honours or breaks.

    ``contract: partnership`` (the default) negotiates the partnership
    agreement's six elements (goals, responsibilities, contributions, period,
    mechanism, benefits) and becomes the signed agreement; ``contract:
    licence`` negotiates a written licence (use, remuneration, exclusivity,
    territory, period), graded by the licensing rules.

    ```yaml
    negotiate-agreement:
      kind: negotiate
      phase: before
      counterpart: green-future
      facilitator: neutral-mediator     # optional; else a picked facilitator
      patience: 6
      clauses: [...]
      parties: [...]                    # optional: one or two more organisations at the table (see Party)
      agreed: {next: kickoff}
      walked_away: {next: look-again}
      left: {next: look-again}
    ```
    """

    kind: Literal["negotiate"]
    contract: Literal["partnership", "licence"] = "partnership"
    counterpart: Id
    facilitator: Id | None = None
    patience: Annotated[int, Field(ge=2, le=20)] = 6
    clauses: Annotated[list[Clause], Field(min_length=1, max_length=6)]
    parties: Annotated[list[Party], Field(max_length=2, description="one or two more organisations around the table")] = []
    agreed: Outcome
    walked_away: Outcome
    left: Outcome

    @model_validator(mode="after")
    def _one_clause_per_element(self) -> "NegotiateScene":
        elements = [c.element for c in self.clauses]
        if len(set(elements)) != len(elements):
            raise ValueError("each element of the agreement may appear in one clause only")
        allowed = LICENCE_ELEMENTS if self.contract == "licence" else ELEMENTS
        stray = [e for e in elements if e not in allowed]
        if stray:
            raise ValueError(f"a {self.contract} has no '{stray[0]}' clause; its elements are: {', '.join(allowed)}")
        self._parties_fit()
        return self

    def _parties_fit(self) -> None:
        """Each party is someone else than the lead, once, with limits on this scene's clauses and their terms."""
        seen = {self.counterpart}
        clauses = {c.element: c for c in self.clauses}
        for party in self.parties:
            if party.cast in seen:
                raise ValueError(f"'{party.cast}' sits at the table once: it is already the counterpart or another party")
            seen.add(party.cast)
            for limit in party.limits:
                clause = clauses.get(limit.element)
                if clause is None:
                    raise ValueError(f"party '{party.cast}' sets limits on '{limit.element}', which is not a clause of this negotiation; "
                                     f"its clauses: {', '.join(clauses)}")
                ids = [t.id for t in clause.terms]
                for name in ("accepts", "wants"):
                    if getattr(limit, name) not in ids:
                        raise ValueError(f"party '{party.cast}', clause '{limit.element}': '{name}' must be one of the clause's term ids: {', '.join(ids)}")
                if ids.index(limit.wants) < ids.index(limit.accepts):
                    raise ValueError(f"party '{party.cast}', clause '{limit.element}': 'wants' cannot come before 'accepts'")


class Step(Strict):
    id: Id
    text: Text


class SequenceScene(SceneBase):
    """Put steps in order. Write them in the right order; the game shuffles them.

    ``tolerance`` is how many pairs may be out of order and still count as
    in order; ``evidence`` is honoured in order and broken out of it.

    ```yaml
    media-steps:
      kind: sequence
      phase: during
      text: {en: Order the steps of a media partnership, bg: ...}
      steps: [{id: goals, text: ...}, {id: motivation, text: ...}]
      evidence: {honours: [media.steps-order]}
      in_order: {feedback: ...}
      out_of_order: {feedback: ...}
    ```
    """

    kind: Literal["sequence"]
    steps: Annotated[list[Step], Field(min_length=3, max_length=9)]
    tolerance: Annotated[int, Field(ge=0)] = 0
    evidence: Evidence
    in_order: Outcome = Outcome()
    out_of_order: Outcome = Outcome()


class Share(Strict):
    """Where points can go in an allocate scene.

    ``evidence`` counts once at least ``at_least`` points go here, and
    ``below`` when fewer do (neglecting what the handbook asks for); each
    point applies ``per_point`` effects.

    ```yaml
    - id: conferences
      text: {en: European conferences, bg: ...}
      at_least: 3
      evidence: {honours: [sources.fit-channel]}
      below: {breaks: [sources.fit-channel]}
      per_point: [{resource: network, add: 1}]
    ```
    """

    id: Id
    text: Text
    at_least: Annotated[int, Field(ge=1)] = 1
    evidence: Evidence | None = None
    below: Evidence | None = None
    per_point: list[Effect] = []
    feedback: Text | None = None


class AllocateScene(SceneBase):
    """Spread limited points over options.

    ```yaml
    where-to-look:
      kind: allocate
      phase: before
      points: 10
      options: [...]
      next: choose-partners
    ```
    """

    kind: Literal["allocate"]
    points: Annotated[int, Field(ge=1, le=100)]
    options: Annotated[list[Share], Field(min_length=2, max_length=6)]
    must_spend_all: bool = True


class EndingScene(Strict):
    """The end of the story.

    ```yaml
    coalition-formed:
      kind: ending
      outcome: success          # success, mixed or failure
      text: {en: ..., bg: ...}
    ```
    """

    kind: Literal["ending"]
    phase: Literal["before", "during", "after"] = "after"
    outcome: Literal["success", "mixed", "failure"]
    title: Text | None = None
    text: Text
    variants: list[TextVariant] = []
    image: AssetPath | None = None
    place: Place | None = None
    speaker: Id | None = None


Scene = Annotated[
    Union[ChoiceScene, EventScene, PickScene, NegotiateScene, SequenceScene, AllocateScene, EndingScene],
    Field(discriminator="kind"),
]

SCENE_KINDS = ("choice", "event", "pick", "negotiate", "sequence", "allocate", "ending")
