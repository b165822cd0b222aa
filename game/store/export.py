"""Exports of recorded sessions: CSV (one row a decision), JSON, and xAPI statements.

xAPI: one statement a decision with the verb "answered", and one a team
for the completed scenario with its scaled score, verb "completed"; ready
to POST to a learning record store.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from typing import Any

VERB_ANSWERED = {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"en-US": "answered"}}
VERB_COMPLETED = {"id": "http://adlnet.gov/expapi/verbs/completed", "display": {"en-US": "completed"}}
ACTIVITY_ROOT = "https://bridges-game.org/xapi"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, ACTIVITY_ROOT)
CSV_FIELDS = ["session", "started_at", "mode", "scenario", "language", "team", "team_name", "seq", "scene", "answer", "seconds", "at", "votes", "honoured", "broken", "team_overall", "team_grade"]


def _evidence_by_decision(team: dict) -> dict[int, dict[str, list[str]]]:
    found: dict[int, dict[str, list[str]]] = {}
    for step in (team.get("scorecard") or {}).get("timeline", []):
        entry = found.setdefault(step["decision"], {"honours": [], "breaks": []})
        for e in step["evidence"]:
            entry[e["verdict"]].append(e["rule"])
    return found


def csv_rows(sessions: list[dict]) -> list[dict]:
    rows = []
    for session in sessions:
        for team in session["teams"]:
            evidence = _evidence_by_decision(team)
            for d in team["decisions"]:
                rules = evidence.get(d["seq"], {"honours": [], "breaks": []})
                rows.append({
                    "session": session["id"], "started_at": session["started_at"], "mode": session["mode"], "scenario": session["scenario"],
                    "language": session["language"], "team": team["team"], "team_name": team["name"], "seq": d["seq"], "scene": d["scene"],
                    "answer": json.dumps(d["answer"], ensure_ascii=False, sort_keys=True), "seconds": d["seconds"], "at": d["at"],
                    "votes": json.dumps(d["votes"]) if d["votes"] else "", "honoured": " ".join(rules["honours"]), "broken": " ".join(rules["breaks"]),
                    "team_overall": team["overall"] if team["overall"] is not None else "", "team_grade": team["grade"] or "",
                })
    return rows


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A text cell a spreadsheet will not run as a formula (OWASP: prefix a single quote)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(sessions: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({key: safe_cell(value) for key, value in row.items()} for row in csv_rows(sessions))
    return out.getvalue()


def to_json(sessions: list[dict]) -> str:
    return json.dumps({"format": 1, "sessions": sessions}, ensure_ascii=False, indent=1)


def _actor(session: dict, team: dict) -> dict:
    return {"objectType": "Agent", "name": team["name"], "account": {"homePage": f"{ACTIVITY_ROOT}/teams", "name": f"{session['id']}-{team['team']}"}}


def _duration(seconds: float) -> str:
    return f"PT{max(0.0, float(seconds)):.2f}S"


def xapi_statements(sessions: list[dict]) -> list[dict[str, Any]]:
    statements = []
    for session in sessions:
        scenario_iri = f"{ACTIVITY_ROOT}/scenarios/{session['scenario']}"
        registration = str(uuid.uuid5(NAMESPACE, session["id"]))
        context = {"registration": registration, "platform": "Bridges", "language": session["language"], "contextActivities": {"parent": [{"id": scenario_iri, "objectType": "Activity"}]}}
        for team in session["teams"]:
            evidence = _evidence_by_decision(team)
            for d in team["decisions"]:
                rules = evidence.get(d["seq"], {"honours": [], "breaks": []})
                statements.append({
                    "id": str(uuid.uuid5(NAMESPACE, f"{session['id']}/{team['team']}/{d['seq']}")),
                    "actor": _actor(session, team),
                    "verb": VERB_ANSWERED,
                    "object": {"objectType": "Activity", "id": f"{scenario_iri}/scenes/{d['scene']}", "definition": {"type": "http://adlnet.gov/expapi/activities/cmi.interaction", "name": {"en-US": d["scene"]}}},
                    "result": {"response": json.dumps(d["answer"], ensure_ascii=False, sort_keys=True), "duration": _duration(d["seconds"]), "success": not rules["breaks"],
                               "extensions": {f"{ACTIVITY_ROOT}/extensions/honours": rules["honours"], f"{ACTIVITY_ROOT}/extensions/breaks": rules["breaks"]}},
                    "context": context,
                    "timestamp": d["at"],
                })
            card = team.get("scorecard")
            if card is not None:
                statements.append({
                    "id": str(uuid.uuid5(NAMESPACE, f"{session['id']}/{team['team']}/completed")),
                    "actor": _actor(session, team),
                    "verb": VERB_COMPLETED,
                    "object": {"objectType": "Activity", "id": scenario_iri, "definition": {"type": "http://adlnet.gov/expapi/activities/simulation", "name": {"en-US": session["scenario"]}}},
                    "result": {"completion": bool(card.get("finished")), "score": {"scaled": round((card.get("overall") or 0.0) / 100.0, 4), "raw": card.get("overall") or 0.0, "min": 0, "max": 100},
                               "extensions": {f"{ACTIVITY_ROOT}/extensions/grade": card.get("grade"), f"{ACTIVITY_ROOT}/extensions/goals-met": card.get("goals_met")}},
                    "context": context,
                    "timestamp": session.get("ended_at") or session["started_at"],
                })
    return statements


def to_xapi(sessions: list[dict]) -> str:
    return json.dumps(xapi_statements(sessions), ensure_ascii=False, indent=1)
