"""The grader: a scorecard computed from the decision log alone.

Evidence comes from the engine's events (what options, cards, terms and
sequences honour or break) and from the scenario's end-of-play rule checks.
A piece of evidence is worth its weight times the rule's weight; a score is
the honoured share of the points, per rule, per area and overall.

``grade_log(scenario, seed, log, rulebook)`` replays the log, so the same log
always gives the same scorecard; ``grade(scenario, session, rulebook)`` is a
shortcut for a live session.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from game.core.engine import Session
from game.core.scenario import Scenario
from game.scoring.references import rule_references
from game.scoring.rulebook import Rulebook
from game.scoring.notes import closing_notes

GRADES = ((90, "A"), (75, "B"), (60, "C"), (40, "D"), (0, "E"))


def grade_letter(score: float | None) -> str:
    if score is None:
        return "-"
    return next(letter for floor, letter in GRADES if score >= floor)


def percent(honoured: float, broken: float) -> float | None:
    total = honoured + broken
    return None if total == 0 else round(100.0 * honoured / total, 1)


class Recorder:
    """Plays answers on a session and keeps every event, tagged with its decision."""

    def __init__(self, session: Session):
        self.session = session
        self.events: list[dict] = []

    def answer(self, answer: dict) -> list[dict]:
        decision = len(self.session.state.log)
        events = self.session.answer(answer)
        self.events += [dict(e, decision=e.get("decision", decision)) for e in events]
        return events

    def fork(self) -> "Recorder":
        twin = Recorder(self.session.fork())
        twin.events = list(self.events)
        return twin


def replay_recorded(scenario: Scenario, seed: int, log: list[dict]) -> Recorder:
    recorder = Recorder(Session(scenario, seed=seed))
    for entry in log:
        recorder.answer({k: v for k, v in entry.items() if k != "scene"})
    return recorder


def grade_log(scenario: Scenario, seed: int, log: list[dict], rulebook: Rulebook) -> dict:
    """The scorecard of a play, from its seed and decision log."""
    return scorecard(replay_recorded(scenario, seed, log), rulebook)


def grade(scenario: Scenario, session: Session, rulebook: Rulebook) -> dict:
    """The scorecard of a live session (replayed from its log)."""
    return grade_log(scenario, session.state.seed, session.state.log, rulebook)


def check_evidence(session: Session) -> list[dict]:
    """Evidence from the scenario's end-of-play rule checks (none before the play ends).

    A check with ``at`` belongs to the last decision taken in that scene, so
    its verdict is shown where the chance was; otherwise (or when the play
    never reached that scene) its decision is None: graded at the end.
    """
    found: list[dict] = []
    if not session.ended:
        return found
    last_at: dict[str, int] = {}
    for index, logged in enumerate(session.state.log):
        last_at[logged["scene"]] = index
    for check in session.scenario.checks:
        if check.when is not None and not check.when.holds(session):
            continue
        verdict = "honours" if check.honoured_if.holds(session) else "breaks"
        feedback = check.feedback.model_dump() if check.feedback else None
        decision = last_at.get(check.at) if check.at else None
        scene = check.at if decision is not None else None
        found.append({"type": "evidence", "rule": check.rule, "verdict": verdict, "weight": check.weight, "scene": scene, "decision": decision, "check": True, "feedback": feedback})
    return found


def one_verdict_per_decision(evidence: list[dict]) -> list[dict]:
    """Each rule gets one verdict per decision: broken if anything in the decision broke it.

    The weight is the largest of the records that share the verdict; a
    check's feedback is kept. Evidence graded at the end (no decision) is
    merged per rule the same way.
    """
    merged: dict[tuple, dict] = {}
    for e in evidence:
        key = (e.get("decision"), e["rule"])
        kept = merged.get(key)
        if kept is None:
            merged[key] = dict(e)
        elif e["verdict"] != kept["verdict"]:
            if e["verdict"] == "breaks":
                merged[key] = dict(e, check=e.get("check") or kept.get("check"), feedback=e.get("feedback") or kept.get("feedback"))
        else:
            kept["weight"] = max(kept["weight"], e["weight"])
            kept["check"] = kept.get("check") or e.get("check")
            kept["feedback"] = kept.get("feedback") or e.get("feedback")
    return list(merged.values())


def evidence_of(recorder: Recorder) -> list[dict]:
    """Every graded record of a play: one verdict per rule per decision, end checks included."""
    return one_verdict_per_decision([e for e in recorder.events if e["type"] == "evidence"] + check_evidence(recorder.session))


def tally(evidence: list[dict], rulebook: Rulebook) -> tuple[float, float]:
    """Honoured and broken points: each record's weight times its rule's weight."""
    honoured = broken = 0.0
    weights = rulebook.by_id
    for e in evidence:
        points = e["weight"] * (weights[e["rule"]].weight if e["rule"] in weights else 1)
        if e["verdict"] == "honours":
            honoured += points
        else:
            broken += points
    return honoured, broken


def quick_score(recorder: Recorder, rulebook: Rulebook) -> float:
    """Just the overall percentage (0 when nothing was tested): what the analyzer ranks by."""
    return percent(*tally(evidence_of(recorder), rulebook)) or 0.0


OUTCOME_RANK = {"failure": 0, "mixed": 1, "success": 2}


def play_value(recorder: Recorder, rulebook: Rulebook) -> tuple[float, int, int, float]:
    """How good a finished play is: handbook score, goals met, outcome, honoured points."""
    session = recorder.session
    honoured, broken = tally(evidence_of(recorder), rulebook)
    goals = sum(1 for goal in session.scenario.goals if goal.when.holds(session))
    ending = session.scenario.scenes.get(session.state.ending) if session.state.ending else None
    return (percent(honoured, broken) or 0.0, goals, OUTCOME_RANK.get(getattr(ending, "outcome", ""), -1), honoured)


def scorecard(recorder: Recorder, rulebook: Rulebook) -> dict:
    session, scenario = recorder.session, recorder.session.scenario
    evidence = evidence_of(recorder)
    rules: dict[str, dict] = {}
    for e in evidence:
        rule = rulebook.by_id.get(e["rule"])
        if rule is None:
            continue
        entry = rules.setdefault(rule.id, {"rule": rule.id, "area": rule.area, "title": rule.title.model_dump(), "advice": rule.advice.model_dump(), "honoured": 0.0, "broken": 0.0, "evidence": []})
        points = e["weight"] * rule.weight
        entry["honoured" if e["verdict"] == "honours" else "broken"] += points
        entry["evidence"].append({"verdict": e["verdict"], "scene": e["scene"], "decision": e["decision"], "points": points, "feedback": e.get("feedback")})
    for entry in rules.values():
        entry["score"] = percent(entry["honoured"], entry["broken"])
        entry["verdict"] = "honoured" if not entry["broken"] else "broken" if not entry["honoured"] else "mixed"
    areas = _areas(rules, rulebook)
    total_h = sum(r["honoured"] for r in rules.values())
    total_b = sum(r["broken"] for r in rules.values())
    overall = percent(total_h, total_b)
    goals = [{"id": g.id, "text": g.text.model_dump(), "met": bool(g.when.holds(session))} for g in scenario.goals]
    ending = scenario.scenes.get(session.state.ending) if session.state.ending else None
    ranked = sorted(areas, key=lambda a: (-(a["score"] or 0), -a["honoured"], a["area"]))
    weakest = sorted((a for a in areas if a["broken"]), key=lambda a: (a["score"] or 0, -a["broken"], a["area"]))
    card = {
        "scenario": scenario.id,
        "seed": session.state.seed,
        "decisions": len(session.state.log),
        "finished": session.ended,
        "overall": overall,
        "grade": grade_letter(overall),
        "honoured_points": total_h,
        "broken_points": total_b,
        "areas": areas,
        "rules": sorted(rules.values(), key=lambda r: (r["area"], r["rule"])),
        "untested": sorted(tested_rules(scenario) - set(rules)),
        "goals": goals,
        "goals_met": sum(g["met"] for g in goals),
        "ending": session.state.ending,
        "outcome": getattr(ending, "outcome", None),
        "strongest": [a["area"] for a in ranked if not a["broken"]][:3] or [a["area"] for a in ranked[:3]],
        "weakest": [a["area"] for a in weakest[:3]],
        "timeline": _timeline(recorder, evidence, rulebook),
        "next_time": _next_time(rules),
        "checks": [
            {"rule": e["rule"], "verdict": e["verdict"], "title": rulebook.by_id[e["rule"]].title.model_dump(), "feedback": e["feedback"], "decision": e["decision"]}
            for e in evidence if e.get("check") and e["rule"] in rulebook.by_id
        ],
    }
    card["notes"] = closing_notes(card)
    return card


def _areas(rules: dict[str, dict], rulebook: Rulebook) -> list[dict]:
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for entry in rules.values():
        bucket = sums[entry["area"]]
        bucket[0] += entry["honoured"]
        bucket[1] += entry["broken"]
        bucket[2] += 1
    order = [a.id for a in rulebook.areas]
    return [
        {"area": area, "name": rulebook.area_by_id[area].name.model_dump(), "score": percent(h, b), "honoured": h, "broken": b, "rules": n}
        for area, (h, b, n) in sorted(sums.items(), key=lambda item: order.index(item[0]))
    ]


def _timeline(recorder: Recorder, evidence: list[dict], rulebook: Rulebook) -> list[dict]:
    """One entry per decision: its answer, each rule it touched once with its verdict, and its feedback."""
    scenario = recorder.session.scenario
    entries: dict[int, dict] = {}
    for index, logged in enumerate(recorder.session.state.log):
        scene = scenario.scenes[logged["scene"]]
        title = scene.title or getattr(scene, "headline", None)
        answer = {k: v for k, v in logged.items() if k != "scene"}
        entries[index] = {"decision": index, "scene": logged["scene"], "kind": scene.kind, "phase": scene.phase, "title": title.model_dump() if title else None, "answer": answer, "evidence": [], "feedback": []}
    for e in evidence:
        entry = entries.get(e.get("decision"))
        if entry is None or e["rule"] not in rulebook.by_id:
            continue
        rule = rulebook.by_id[e["rule"]]
        entry["evidence"].append({"rule": rule.id, "verdict": e["verdict"], "title": rule.title.model_dump(), "advice": rule.advice.model_dump(),
                                  "check": bool(e.get("check")), "feedback": e.get("feedback") if e.get("check") else None})
    for e in recorder.events:
        entry = entries.get(e.get("decision"))
        if entry is not None and e["type"] == "feedback":
            entry["feedback"].append(e["text"])
    return [entries[i] for i in sorted(entries)]


def _next_time(rules: dict[str, dict]) -> list[dict]:
    broken = sorted((r for r in rules.values() if r["broken"]), key=lambda r: (-r["broken"], r["rule"]))
    return [{"rule": r["rule"], "title": r["title"], "advice": r["advice"], "points": r["broken"]} for r in broken]


_TESTED: dict[int, tuple[Scenario, frozenset[str]]] = {}


def tested_rules(scenario: Scenario) -> set[str]:
    """Every rule id the scenario can give evidence for (walked once per scenario: every scorecard asks)."""
    cached = _TESTED.get(id(scenario))
    if cached is None or cached[0] is not scenario:
        if len(_TESTED) > 32:
            _TESTED.clear()
        cached = _TESTED[id(scenario)] = (scenario, frozenset(rule for rule, _ in rule_references(scenario)))
    return set(cached[1])


def summarize(card: dict[str, Any]) -> str:
    """One line for logs and the CLI."""
    return f"{card['overall']}% ({card['grade']}), goals {card['goals_met']}/{len(card['goals'])}, ending {card['ending']}"
