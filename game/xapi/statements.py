"""The xAPI statements of one play (a player's session or a workshop team's).

One ``answered`` statement a decision, its object the scene (a
``cmi.interaction`` whose ``interactionType`` fits the decision kind, with
its options and the responses the handbook counts correct), the scenario as
its parent; at the end ``completed`` and ``passed`` or ``failed`` on the
scenario with the scaled score. Names and descriptions are in the session's
language, tagged with the language the scenario's text is really written in
(English when it has no text in that language). Rules honoured and broken
are result extensions (:data:`game.xapi.vocab.EXTENSIONS`).

Responses follow xAPI's formats: an option id (``choice``), ids joined by
``[,]`` (several cards; steps in order for ``sequencing``), JSON for the rest
(``other``: an allocation, a negotiation round, a research action).
"""

from __future__ import annotations

import itertools
import json
from typing import Any

from game.xapi.vocab import ACTIVITY_TYPES, EXTENSIONS, PASSING_SCALED, PLATFORM, VERSION, scenario_iri, scene_iri, statement_id, verb

INTERACTION_TYPES = {"choice": "choice", "event": "choice", "pick": "choice", "sequence": "sequencing", "allocate": "other", "negotiate": "other"}
"""The interactionType of each decision kind."""
MAX_PATTERNS = 20      # correct combinations listed for a pick (each is one acceptable response)
NAME_CHARS = 120       # a scene without a title is named by the start of its text


def joined(ids: list[str]) -> str:
    return "[,]".join(ids)


def response(answer: dict) -> str:
    """The response string of an answer, in xAPI's format for its kind."""
    if set(answer) == {"choose"} and isinstance(answer["choose"], str):
        return answer["choose"]
    for verb_name in ("pick", "order"):
        if set(answer) == {verb_name} and isinstance(answer[verb_name], list):
            return joined([str(v) for v in answer[verb_name]])
    return json.dumps(answer, ensure_ascii=False, sort_keys=True)


class Words:
    """Texts in one language with its tag: the session's language where the scenario has it, else English."""

    def __init__(self, language: str):
        self.language = language

    def __call__(self, text: Any) -> dict[str, str]:
        if text is None:
            return {}
        lang = self.language if text.has(self.language) else "en"
        return {lang: text.get(lang)}

    def short(self, text: Any) -> dict[str, str]:
        return {lang: (value if len(value) <= NAME_CHARS else value[: NAME_CHARS - 1].rstrip() + "…") for lang, value in self(text).items()}


def _good(evidence: Any) -> bool:
    return evidence is not None and bool(evidence.honours) and not evidence.breaks


def correct_patterns(scene: Any) -> list[str]:
    """The responses the handbook counts correct: options that honour and break nothing; the cards to pick; the written order."""
    if scene.kind in ("choice", "event"):
        return [o.id for o in scene.options if _good(o.evidence)]
    if scene.kind == "sequence":
        return [joined([s.id for s in scene.steps])]
    if scene.kind == "pick":
        fine = [c.cast for c in scene.pool if not (c.evidence and c.evidence.breaks) and not (c.passed and c.passed.honours)]
        if len(fine) < scene.count:
            return []
        return [joined(list(combo)) for combo in itertools.islice(itertools.combinations(fine, scene.count), MAX_PATTERNS)]
    return []


def scene_definition(scenario: Any, scene_id: str, words: Words) -> dict:
    """The activity definition of a scene: its name, text, interaction type, options and correct responses."""
    scene = scenario.scenes[scene_id]
    kind = scene.kind
    definition: dict[str, Any] = {
        "type": ACTIVITY_TYPES["scene"],
        "name": words.short(scene.title or scene.text),
        "description": words(scene.text),
        "interactionType": INTERACTION_TYPES.get(kind, "other"),
        "extensions": {EXTENSIONS["kind"]: kind},
    }
    if kind in ("choice", "event"):
        definition["choices"] = [{"id": o.id, "description": words(o.text)} for o in scene.options]
    elif kind == "pick":
        definition["choices"] = [{"id": c.cast, "description": words(m.name) if (m := scenario.member(c.cast)) else {"en": c.cast}} for c in scene.pool]
    elif kind == "sequence":
        definition["choices"] = [{"id": s.id, "description": words(s.text)} for s in scene.steps]
    patterns = correct_patterns(scene)
    if patterns:
        definition["correctResponsesPattern"] = patterns
    return definition


def rules_of(events: list[dict] | None) -> dict[str, list[str]]:
    """Rule ids honoured and broken in a decision's events (one verdict a rule: broken wins)."""
    honours: list[str] = []
    breaks: list[str] = []
    for e in events or []:
        if e.get("type") == "evidence" and isinstance(e.get("rule"), str):
            (breaks if e.get("verdict") == "breaks" else honours).append(e["rule"])
    return {"honours": sorted(set(honours) - set(breaks)), "breaks": sorted(set(breaks))}


def duration(seconds: float) -> str:
    return f"PT{max(0.0, float(seconds)):.2f}S"


class PlayStatements:
    """Builds the statements of one play of ``scenario`` by ``actor`` (an Agent or a Group).

    ``team`` is the team's number in a workshop (0 solo), ``mode`` solo, turns or vote.
    """

    def __init__(self, scenario: Any, session_id: str, language: str, actor: dict, team: int = 0, mode: str = "solo", scenario_hash: str = ""):
        self.scenario = scenario
        self.session_id = session_id
        self.actor = actor
        self.team = team
        self.words = Words(language)
        self.language = language
        self.registration = statement_id("registration", session_id, team)
        self.parent = {"objectType": "Activity", "id": scenario_iri(scenario.id),
                       "definition": {"type": ACTIVITY_TYPES["scenario"], "name": self.words(scenario.title), "description": self.words(scenario.summary)}}
        self.context = {
            "registration": self.registration, "platform": PLATFORM, "language": language,
            "contextActivities": {"parent": [self.parent]},
            "extensions": {EXTENSIONS["team"]: team, EXTENSIONS["mode"]: mode, EXTENSIONS["scenario-hash"]: scenario_hash or "-"},
        }

    def decision(self, seq: int, scene_id: str, answer: dict, events: list[dict] | None, seconds: float, at: str, votes: dict | None = None) -> dict:
        """The ``answered`` statement of one decision (``events``: the engine's, for the rules it touched)."""
        rules = rules_of(events)
        result: dict[str, Any] = {"response": response(answer), "duration": duration(seconds),
                                  "extensions": {EXTENSIONS["honours"]: rules["honours"], EXTENSIONS["breaks"]: rules["breaks"]}}
        if rules["honours"] or rules["breaks"]:
            result["success"] = not rules["breaks"]
        if votes:
            result["extensions"][EXTENSIONS["votes"]] = {str(k): int(v) for k, v in votes.items()}
        known = scene_id in self.scenario.scenes
        return {
            "id": statement_id(self.session_id, self.team, seq, at, response(answer)),
            "actor": self.actor,
            "verb": verb("answered"),
            "object": {"objectType": "Activity", "id": scene_iri(self.scenario.id, scene_id),
                       "definition": scene_definition(self.scenario, scene_id, self.words) if known else {"type": ACTIVITY_TYPES["scene"], "name": {"en": scene_id}}},
            "result": result,
            "context": self.context,
            "timestamp": at,
            "version": VERSION,
        }

    def missed(self, number: int, scene_id: str, decision: int, seconds: float, at: str) -> dict:
        """A turn that passed with no answer (time ran out): verb "did not answer in time" on the scene, not completed,
        graded by no rule (the handbook has none for a missed deadline; the grader counts nothing for it), so no ``success``.
        ``number``: the missed turn's own negative number; ``decision``: the decision it was on."""
        known = scene_id in self.scenario.scenes
        return {
            "id": statement_id(self.session_id, self.team, "no-answer", number, at),
            "actor": self.actor,
            "verb": verb("no-answer"),
            "object": {"objectType": "Activity", "id": scene_iri(self.scenario.id, scene_id),
                       "definition": scene_definition(self.scenario, scene_id, self.words) if known else {"type": ACTIVITY_TYPES["scene"], "name": {"en": scene_id}}},
            "result": {"completion": False, "duration": duration(seconds),
                       "extensions": {EXTENSIONS["no-answer"]: True, EXTENSIONS["decision"]: int(decision), EXTENSIONS["honours"]: [], EXTENSIONS["breaks"]: []}},
            "context": self.context,
            "timestamp": at,
            "version": VERSION,
        }

    def finished(self, scorecard: dict, seconds: float, at: str) -> list[dict]:
        """``completed``, then ``passed`` or ``failed`` (when anything was graded), on the scenario."""
        overall = scorecard.get("overall")
        score = None
        if isinstance(overall, (int, float)) and not isinstance(overall, bool) and 0 <= overall <= 100:
            score = {"scaled": round(overall / 100.0, 4), "raw": round(float(overall), 2), "min": 0, "max": 100}
        extensions = {EXTENSIONS["grade"]: str(scorecard.get("grade") or "-"), EXTENSIONS["goals-met"]: int(scorecard.get("goals_met") or 0),
                      EXTENSIONS["ending"]: str(scorecard.get("ending") or "-")}
        obj = {"objectType": "Activity", "id": self.parent["id"], "definition": self.parent["definition"]}
        context = {k: v for k, v in self.context.items() if k != "contextActivities"}
        made = []
        completed = {"completion": bool(scorecard.get("finished", True)), "duration": duration(seconds), "extensions": extensions}
        if score:
            completed["score"] = score
        made.append(("completed", completed))
        if score:
            made.append(("passed" if score["scaled"] >= PASSING_SCALED else "failed",
                         {"success": score["scaled"] >= PASSING_SCALED, "score": score, "duration": duration(seconds), "extensions": extensions}))
        return [{"id": statement_id(self.session_id, self.team, name, at), "actor": self.actor, "verb": verb(name), "object": obj,
                 "result": result, "context": context, "timestamp": at, "version": VERSION} for name, result in made]


FORGETTER = "bridges-forget"
"""The account that voids a forgotten player's statements (on the programme's home page): not the player, whose name goes."""


def voiding(statement_id_: str, homepage: str, at: str) -> dict:
    """The statement that tells the LRS to void ``statement_id_`` (xAPI 1.0.3, 2.3.2: verb *voided*, object a StatementRef).
    Its own id is derived from the voided one, so queuing it twice sends it once."""
    return {"id": statement_id("voided", statement_id_),
            "actor": {"objectType": "Agent", "name": PLATFORM, "account": {"homePage": homepage, "name": FORGETTER}},
            "verb": verb("voided"), "object": {"objectType": "StatementRef", "id": statement_id_},
            "context": {"platform": PLATFORM}, "timestamp": at, "version": VERSION}
