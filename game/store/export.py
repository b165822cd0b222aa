"""Exports of recorded sessions: CSV (one row a decision, and a summary with
one row a player or team), JSON, and xAPI statements.

A turn that passed with no answer (the decision's time ran out, set-up's
"the turn passes") is a row of its own in the CSV (``answered`` is
:data:`NO_ANSWER`, the answer cell empty, no rule honoured or broken: the
handbook has no rule for a missed deadline and the grader counts nothing for
it), a ``missed`` list on its team in JSON, a "did not answer in time"
statement in xAPI, and the summary counts it (``missed_turns``).

CSV is written for spreadsheets: UTF-8 with a byte order mark (so Excel
reads Cyrillic as Cyrillic), and a delimiter and decimal mark that the
user's spreadsheet reads without an import dialogue. Where the locale's
decimal mark is a comma (Bulgarian, most of continental Europe) the
delimiter is ``;`` and decimals are written with a comma; elsewhere ``,``
and a point. Text cells that a spreadsheet would run as a formula are
neutralised (:func:`safe_cell`).

xAPI: the statements recorded with each decision in the outbox (see
``docs/xapi.md``); for sessions recorded before there was one, one statement
a decision with the verb "answered", and one a team for the completed
scenario with its scaled score, verb "completed"; ready to POST to a
learning record store.
"""

from __future__ import annotations

import csv
import io
import json
import locale
import math
import uuid
from dataclasses import dataclass
from typing import Any, Callable

from game.xapi.vocab import EXTENSIONS, verb

VERB_ANSWERED = {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"en-US": "answered"}}
VERB_COMPLETED = {"id": "http://adlnet.gov/expapi/verbs/completed", "display": {"en-US": "completed"}}
ACTIVITY_ROOT = "https://bridges-game.org/xapi"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, ACTIVITY_ROOT)
CSV_FIELDS = ["session", "started_at", "mode", "scenario", "language", "team", "team_name", "seq", "scene", "answer", "seconds", "at", "votes", "honoured", "broken",
              "team_overall", "team_grade", "chosen_by", "answered"]
"""One row a decision; ``answered`` is ``yes``, or :data:`NO_ANSWER` for a turn that passed with no answer (its ``seq`` the decision it was on)."""
SUMMARY_FIELDS = ["session", "date_utc", "mode", "scenario", "team", "score", "grade", "ending", "outcome", "goals_met", "goals", "minutes", "rules_broken",
                  "broken_rule_ids", "missed_turns"]
NO_ANSWER = "no (time ran out)"
"""The summary, one row a player (solo sessions: team ``solo``) or workshop team.
``date_utc`` is the session's start in UTC as ``YYYY-MM-DD HH:MM`` (every spreadsheet reads it as a date);
``minutes`` is the time spent on decisions; ``rules_broken`` counts the rules with broken points, ``broken_rule_ids`` names them."""

DELIMITERS = {";": ";", ",": ",", "tab": "\t", "\t": "\t", "\\t": "\t"}
"""What ``report --delimiter`` accepts (a real tab, or ``\\t``, too) and the character each means."""


@dataclass(frozen=True)
class CsvStyle:
    """How numbers and cells are separated: ``,`` and ``.`` (English), or ``;`` and ``,`` (a decimal-comma locale)."""

    delimiter: str = ","
    decimal: str = "."


def locale_decimal_point() -> str | None:
    """The decimal mark of the user's locale (the environment's ``LC_NUMERIC``; on Windows, the regional settings), None if unknown."""
    try:
        saved = locale.setlocale(locale.LC_NUMERIC)
    except (locale.Error, ValueError):
        return None
    try:
        locale.setlocale(locale.LC_NUMERIC, "")
        point = locale.localeconv().get("decimal_point")
    except (locale.Error, ValueError):
        return None
    finally:
        try:
            locale.setlocale(locale.LC_NUMERIC, saved)
        except (locale.Error, ValueError):
            pass
    return point if isinstance(point, str) and point else None


def csv_style(delimiter: str | None = None, decimal_point: str | None = None) -> CsvStyle:
    """The style for a ``--delimiter`` (``;``, ``,`` or ``tab``; None: from the locale).

    No delimiter given: ``;`` where the locale's decimal mark is a comma, else ``,`` (also when the locale is unknown).
    Decimals: a comma with ``;``, a point with ``,``, and with a tab the locale's own mark.
    Raises ValueError, with a message to show, for any other delimiter.
    """
    point = decimal_point if decimal_point is not None else locale_decimal_point()
    comma_locale = point == ","
    if delimiter is None:
        return CsvStyle(";", ",") if comma_locale else CsvStyle(",", ".")
    chosen = DELIMITERS.get(delimiter if delimiter == "\t" else delimiter.strip().lower())
    if chosen is None:
        raise ValueError(f"unknown delimiter {delimiter!r}; use ';' (semicolon), ',' (comma) or tab")
    if chosen == ";":
        return CsvStyle(";", ",")
    if chosen == ",":
        return CsvStyle(",", ".")
    return CsvStyle("\t", "," if comma_locale else ".")


def number_cell(value: int | float, decimal: str = ".") -> str:
    """A number as a spreadsheet of that decimal mark reads it: no exponent, no thousands separator."""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        return ""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    text = "0" if text in ("-0", "") else text
    return text.replace(".", decimal)


def _number(value: Any) -> float | int | None:
    """A finite number (not a bool) or None: scorecards are read from a database that may be damaged."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return value if math.isfinite(value) and abs(value) < 1e12 else None


def _evidence_by_decision(team: dict) -> dict[int, dict[str, list[str]]]:
    """Rule ids honoured and broken, by decision, from the scorecard's timeline (parts of a damaged one are skipped)."""
    found: dict[int, dict[str, list[str]]] = {}
    card = team.get("scorecard")
    timeline = card.get("timeline") if isinstance(card, dict) else None
    for step in timeline if isinstance(timeline, list) else []:
        if not isinstance(step, dict) or not isinstance(step.get("decision"), int) or not isinstance(step.get("evidence"), list):
            continue
        entry = found.setdefault(step["decision"], {"honours": [], "breaks": []})
        for e in step["evidence"]:
            if isinstance(e, dict) and e.get("verdict") in entry and isinstance(e.get("rule"), str):
                entry[e["verdict"]].append(e["rule"])
    return found


def csv_rows(sessions: list[dict]) -> list[dict]:
    """One row a decision, and one a missed turn, placed before the decision the team answered at its next turn."""
    rows = []
    for session in sessions:
        for team in session["teams"]:
            evidence = _evidence_by_decision(team)
            made: list[tuple[tuple, dict]] = []
            base = {"session": session["id"], "started_at": session["started_at"], "mode": session["mode"], "scenario": session["scenario"],
                    "language": session["language"], "team": team["team"], "team_name": team["name"],
                    "team_overall": team["overall"] if team["overall"] is not None else "", "team_grade": team["grade"] or ""}
            for d in team["decisions"]:
                rules = evidence.get(d["seq"], {"honours": [], "breaks": []})
                made.append(((d["seq"], 1, d["at"]), base | {
                    "seq": d["seq"], "scene": d["scene"],
                    "answer": json.dumps(d["answer"], ensure_ascii=False, sort_keys=True), "seconds": d["seconds"], "at": d["at"],
                    "votes": json.dumps(d["votes"]) if d["votes"] else "", "honoured": " ".join(rules["honours"]), "broken": " ".join(rules["breaks"]),
                    "chosen_by": chosen_by(session, d), "answered": "yes",
                }))
            for m in team.get("missed") or []:
                seq = m["decision"] if m["decision"] is not None else ""
                made.append(((m["decision"] if m["decision"] is not None else 1 << 30, 0, m["at"]), base | {
                    "seq": seq, "scene": m["scene"], "answer": "", "seconds": m["seconds"] if m["seconds"] is not None else "", "at": m["at"],
                    "votes": "", "honoured": "", "broken": "", "chosen_by": f"{team['name']}: no answer (timer)", "answered": NO_ANSWER,
                }))
            rows += [row for _key, row in sorted(made, key=lambda item: item[0])]
    return rows


def _choice_rows(session: dict, decision: dict) -> list[dict]:
    """Who chose what in a decision, with team names: [{"team": "Owls", "choice": {...}, "via": "phone"}]."""
    names = {t["team"]: t["name"] for t in session["teams"]}
    return [{"team": names.get(c["team"], str(c["team"])), "choice": c["choice"], "via": c["via"]} for c in decision.get("choices") or []]


def chosen_by(session: dict, decision: dict) -> str:
    """Who chose what, for a CSV cell: "Owls: wait (phone); Foxes: write-strategy (laptop)"."""
    parts = []
    for c in _choice_rows(session, decision):
        choice = c["choice"]
        shown = choice["choose"] if isinstance(choice, dict) and isinstance(choice.get("choose"), str) else json.dumps(choice, ensure_ascii=False, sort_keys=True)
        parts.append(f"{c['team']}: {shown} ({c['via']})")
    return "; ".join(parts)


def _broken_rules(card: dict) -> list[str]:
    """The ids of the rules a scorecard counts broken points for (from its rules; else from its timeline)."""
    rules = card.get("rules")
    if isinstance(rules, list):
        found = [r["rule"] for r in rules if isinstance(r, dict) and isinstance(r.get("rule"), str) and (_number(r.get("broken")) or 0) > 0]
    else:
        found = [e["rule"] for step in (card.get("timeline") if isinstance(card.get("timeline"), list) else []) if isinstance(step, dict)
                 for e in (step.get("evidence") if isinstance(step.get("evidence"), list) else [])
                 if isinstance(e, dict) and e.get("verdict") == "breaks" and isinstance(e.get("rule"), str)]
    return sorted(set(found))


def summary_rows(sessions: list[dict]) -> list[dict]:
    """One row a player or team of each session: what a trainer pastes into a class list.
    In a plenary vote every team's row holds the room's result (its one play)."""
    rows = []
    for session in sessions:
        solo = session["mode"] == "solo"
        room = next((t for t in session["teams"] if t["team"] == 0), None) if session["mode"] == "vote" else None
        for named in session["teams"]:
            team = room or named  # a plenary vote: every team shares the room's play, recorded as team 0
            card = team.get("scorecard") if isinstance(team.get("scorecard"), dict) else {}
            goals = card.get("goals")
            goals_met = _number(card.get("goals_met"))
            seconds = sum(_number(d.get("seconds")) or 0.0 for d in team["decisions"])
            broken = _broken_rules(card)
            ending = card.get("ending")
            outcome = card.get("outcome")
            rows.append({
                "session": session["id"],
                "date_utc": session["started_at"][:16].replace("T", " "),
                "mode": session["mode"],
                "scenario": session["scenario"],
                "team": "solo" if solo else named["name"],
                "score": team["overall"] if team["overall"] is not None else "",
                "grade": team["grade"] or "",
                "ending": ending if isinstance(ending, str) else "",
                "outcome": outcome if isinstance(outcome, str) else "",
                "goals_met": int(goals_met) if goals_met is not None else "",
                "goals": len(goals) if isinstance(goals, list) else "",
                "minutes": round(max(0.0, seconds) / 60.0, 1),
                "rules_broken": len(broken) if card else "",
                "broken_rule_ids": " ".join(broken),
                "missed_turns": len(named.get("missed") or []),
            })
    return rows


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A text cell a spreadsheet will not run as a formula (OWASP: prefix a single quote)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _cell(value: Any, style: CsvStyle) -> str:
    """Numbers in the style's decimal mark; text neutralised (a number is never text, so ``-2.5`` stays a number)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return number_cell(value, style.decimal)
    return safe_cell("" if value is None else str(value))


def _write(fields: list[str], rows: list[dict], style: CsvStyle) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, delimiter=style.delimiter, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({key: _cell(value, style) for key, value in row.items()} for row in rows)
    return out.getvalue()


def to_csv(sessions: list[dict], style: CsvStyle = CsvStyle()) -> str:
    """One row a decision (text; the file gets its byte order mark when written: :data:`CSV_ENCODING`)."""
    return _write(CSV_FIELDS, csv_rows(sessions), style)


def to_summary_csv(sessions: list[dict], style: CsvStyle = CsvStyle()) -> str:
    """One row a player or team (see :data:`SUMMARY_FIELDS`)."""
    return _write(SUMMARY_FIELDS, summary_rows(sessions), style)


CSV_ENCODING = "utf-8-sig"
"""UTF-8 with a byte order mark: without it Excel reads a CSV in the Windows code page ("Орли" shows as "РћСЂР»Рё")."""


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
                               "extensions": {f"{ACTIVITY_ROOT}/extensions/honours": rules["honours"], f"{ACTIVITY_ROOT}/extensions/breaks": rules["breaks"],
                                              f"{ACTIVITY_ROOT}/extensions/chosen-by": _choice_rows(session, d)}},
                    "context": context,
                    "timestamp": d["at"],
                })
            for m in team.get("missed") or []:
                statements.append({
                    "id": str(uuid.uuid5(NAMESPACE, f"{session['id']}/{team['team']}/no-answer/{m['seq']}")),
                    "actor": _actor(session, team),
                    "verb": verb("no-answer"),
                    "object": {"objectType": "Activity", "id": f"{scenario_iri}/scenes/{m['scene']}", "definition": {"type": "http://adlnet.gov/expapi/activities/cmi.interaction", "name": {"en-US": m["scene"]}}},
                    "result": {"completion": False, "duration": _duration(m["seconds"] or 0.0),
                               "extensions": {EXTENSIONS["no-answer"]: True, EXTENSIONS["decision"]: m["decision"] if m["decision"] is not None else -1}},
                    "context": context,
                    "timestamp": m["at"],
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


def to_xapi(sessions: list[dict], recorded: Callable[[list[str]], list[dict]] | None = None) -> str:
    """The statements of these sessions: the ones recorded with each decision (what the LRS gets) where there are,
    else (sessions recorded before the outbox) statements built from the session as :func:`xapi_statements` does."""
    found: list[dict] = []
    for session in sessions:
        found += (recorded([session["id"]]) if recorded is not None else []) or xapi_statements([session])
    return json.dumps(found, ensure_ascii=False, indent=1)
