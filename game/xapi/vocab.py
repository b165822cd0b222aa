"""Every IRI Bridges writes into a statement: verbs, activity types, extensions.

Verbs and activity types come from ADL's vocabulary (the ones cmi5 uses
where they fit); what Bridges coins (rules honoured and broken, the grade,
goals, the decision kind) lives under :data:`ROOT`, a w3id.org permanent
identifier: the project has no domain of its own, and w3id.org exists for
exactly that (a redirect registered by pull request, owned by the project,
never by whoever later buys a look-alike domain). ``docs/xapi.md`` lists
them all; a test checks that the page names every IRI defined here.
"""

from __future__ import annotations

import uuid

ROOT = "https://w3id.org/bridges-ngo-game/xapi"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, ROOT)
"""Statement ids are uuid5 in this namespace of what the statement records, so a resend never duplicates."""

VERSION = "1.0.3"
ADL = "http://adlnet.gov/expapi"

VERBS = {
    "answered": f"{ADL}/verbs/answered",
    "completed": f"{ADL}/verbs/completed",
    "passed": f"{ADL}/verbs/passed",
    "failed": f"{ADL}/verbs/failed",
    "voided": f"{ADL}/verbs/voided",
    "no-answer": f"{ROOT}/verbs/no-answer-in-time",  # coined: a team's time ran out before it answered (ADL has no such verb)
}
VERB_NAMES = {  # a verb's display, in the languages the game ships and those being added
    "answered": {"en": "answered", "bg": "отговори", "el": "απάντησε", "ro": "a răspuns", "pl": "odpowiedział"},
    "completed": {"en": "completed", "bg": "завърши", "el": "ολοκλήρωσε", "ro": "a finalizat", "pl": "ukończył"},
    "passed": {"en": "passed", "bg": "премина", "el": "πέρασε", "ro": "a promovat", "pl": "zaliczył"},
    "failed": {"en": "failed", "bg": "не премина", "el": "απέτυχε", "ro": "nu a promovat", "pl": "nie zaliczył"},
    "voided": {"en": "voided", "bg": "анулира", "el": "ακύρωσε", "ro": "a anulat", "pl": "unieważnił"},
    "no-answer": {"en": "did not answer in time", "bg": "не отговори навреме", "el": "δεν απάντησε εγκαίρως", "ro": "nu a răspuns la timp",
                  "pl": "nie odpowiedział na czas"},
}

ACTIVITY_TYPES = {
    "scenario": f"{ADL}/activities/simulation",      # a whole scenario: the parent of its scenes
    "scene": f"{ADL}/activities/cmi.interaction",     # one decision, with an interactionType
    "session": f"{ADL}/activities/attempt",          # grouping: one play of a scenario
}

EXTENSIONS = {
    "honours": f"{ROOT}/extensions/rules-honoured",   # result: rule ids (handbook outline) the decision honoured
    "breaks": f"{ROOT}/extensions/rules-broken",      # result: rule ids it broke
    "grade": f"{ROOT}/extensions/grade",              # result: the letter grade A-E
    "goals-met": f"{ROOT}/extensions/goals-met",      # result: how many of the scenario's goals were reached
    "ending": f"{ROOT}/extensions/ending",            # result: the ending scene reached
    "kind": f"{ROOT}/extensions/decision-kind",       # object definition: choice, event, pick, negotiate, sequence, allocate
    "team": f"{ROOT}/extensions/team",                # context: the team's number in a workshop (0 for solo)
    "mode": f"{ROOT}/extensions/mode",                # context: solo, turns or vote
    "votes": f"{ROOT}/extensions/votes",              # result: a plenary vote's counts per option
    "scenario-hash": f"{ROOT}/extensions/scenario-hash",  # context: the scenario file's content hash
    "no-answer": f"{ROOT}/extensions/no-answer",      # result: true when the decision's time ran out before the team answered
    "decision": f"{ROOT}/extensions/decision",        # result: the number of the decision (from 0) a missed turn was on
}

PLATFORM = "Bridges"
PASSING_SCALED = 0.6
"""A play passes at 60 of 100 points, the floor of grade C (game.scoring.grader.GRADES)."""


def scenario_iri(scenario_id: str) -> str:
    return f"{ROOT}/scenarios/{scenario_id}"


def scene_iri(scenario_id: str, scene_id: str) -> str:
    return f"{ROOT}/scenarios/{scenario_id}/scenes/{scene_id}"


def statement_id(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts)))


def verb(name: str) -> dict:
    return {"id": VERBS[name], "display": dict(VERB_NAMES[name])}
