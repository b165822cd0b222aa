"""The analyzer: the trainer's check of a scenario's story and scoring before a workshop.

``analyze(scenario, rulebook)`` returns a JSON-serialisable report:
structure (unreachable scenes, dead ends, unused cast, untested rules), the
score range, policies played through the engine (expert, random, worst,
surface tricks and readers), the readers' hit rates on single-answer scenes,
warnings and notes. ``render_text`` prints it for people.
"""

from __future__ import annotations

import random
import statistics
from typing import Any

from game.core import graph
from game.core.negotiation import say, strictest
from game.core.engine import Session
from game.core.policies import random_answer
from game.core.references import missing_texts, walk
from game.core.scenario import Scenario
from game.locale import english_name
from game.scoring.budget import Budget
from game.scoring.grader import Recorder, quick_score, scorecard, tested_rules
from game.scoring.hitrates import READER_MARGIN, reader_rates, reader_warnings, too_high
from game.scoring.moves import moves
from game.scoring.policies import SURFACE_POLICIES, named_policies, rollout
from game.scoring.rulebook import Rulebook
from game.scoring.tradeoffs import tradeoff_notes

EXACT_LIMIT = 4000
MAX_PATH = 400          # answers on one path of the move tree before it counts as too large to walk
TIME_LIMIT = 60.0       # seconds an analysis may take by default
NOTES_SHOWN = 20
RANDOM_CARDS = 60       # random plays whose full scorecard is kept for the sampled score range
SURFACE_MARGIN = 15.0
RANDOM_CEILING = 55.0
EXPERT_FLOOR = 90.0
WORST_CEILING = 20.0
SURFACE_ADVICE = {
    "first option": "move the good options around",
    "longest text": "write the options about as long as each other",
    "costliest card": "let wrong options and cards cost as much as right ones",
    "tone reader": "the right options sound more careful or cooperative than the wrong ones; make the wrong options sound as reasonable",
    "costliest option": "the right options cost the most; let wrong options cost as much",
    "cheapest option": "the right options cost the least; let the handbook's way cost something",
    "humblest card": "the right cards are the smallest or least famous; let a big, famous card be right sometimes",
}


def analyze(scenario: Scenario, rulebook: Rulebook, plays: int = 500, seed: int = 0, document: Any = None, time_limit: float | None = TIME_LIMIT) -> dict:
    """The report; with ``time_limit`` (seconds) the work is cut short when it runs out, and ``limits`` says what was cut."""
    budget = Budget(time_limit)
    report: dict[str, Any] = {"scenario": scenario.id, "title": scenario.title.en}
    report["structure"] = _structure(scenario, rulebook)
    results: dict[str, dict] = {}
    cards: list[dict] = []
    bad_success: list[dict] = []
    agreements: dict[str, Any] = {}
    for name, policy in named_policies(rulebook, budget).items():
        recorder = rollout(Recorder(Session(scenario, seed=seed)), policy)
        card = scorecard(recorder, rulebook)
        cards.append(card)
        results[name] = {"score": card["overall"] or 0.0, "ending": card["ending"], "goals_met": card["goals_met"], "decisions": card["decisions"], "path": recorder.session.state.visited}
        agreements[name] = recorder.session.state.agreement
        bad_success += broken_agreement_success(scenario, recorder.session.state, name)
    expert_card = cards[0]
    random_scores, random_cards = _random_plays(scenario, rulebook, plays, seed, budget, bad_success)
    report["policies"] = results
    report["random"] = _distribution(random_scores)
    report["range"] = _score_range(scenario, rulebook, seed, cards, random_cards, budget)
    report["expert_plan"] = expert_card["timeline"] and [{k: v for k, v in step.items() if k in ("scene", "answer")} for step in expert_card["timeline"]]
    report["scenes"] = _scene_table(scenario, rulebook, agreements.get("expert"))
    report["success_with_broken_agreement"] = bad_success
    report["expert_breaks"] = list(dict.fromkeys(e["scene"] for r in expert_card["rules"] for e in r["evidence"] if e["verdict"] == "breaks"))
    report["readers"] = reader_rates(scenario, rulebook)
    report["limits"] = budget.cuts
    report["warnings"] = _warnings(scenario, report)
    report["notes"] = tradeoff_notes(scenario, rulebook)
    report["thresholds"] = {
        "expert >= 90": results["expert"]["score"] >= EXPERT_FLOOR,
        "random mean <= 55": report["random"]["mean"] <= RANDOM_CEILING,
        "worst <= 20": results["worst"]["score"] <= WORST_CEILING,
        "surface tricks <= random mean + 15": all(results[n]["score"] <= report["random"]["mean"] + SURFACE_MARGIN for n in SURFACE_POLICIES),
        "readers <= chance + 10": not any(too_high(rate) for rate in report["readers"].values()),
    }
    return report


def _structure(scenario: Scenario, rulebook: Rulebook) -> dict:
    reach = graph.reachable(scenario)
    used = _cast_mentions(scenario)
    tested = tested_rules(scenario)
    missing = missing_texts(scenario, [lang for lang in scenario.languages if lang != "en"])
    return {
        "scenes": len(scenario.scenes),
        "unreachable": sorted(set(scenario.scenes) - reach),
        "dead_ends": [f"{s} ({w})" for s, w in graph.dead_ends(scenario)],
        "unused_cast": sorted(m.id for m in scenario.cast if m.id not in used),
        "rules_tested": sorted(tested & rulebook.ids),
        "rules_not_tested": len(rulebook.ids - tested),
        "missing_texts": {lang: len(paths) for lang, paths in missing.items()},
    }


def _cast_mentions(scenario: Scenario) -> set[str]:
    ids = set(scenario.cast_by_id)
    found = set()
    for path, node in walk(scenario):
        if isinstance(node, str) and node in ids and not (len(path) == 3 and path[0] == "cast" and path[2] == "id"):
            found.add(node)
    return found


def _random_plays(scenario: Scenario, rulebook: Rulebook, plays: int, seed: int, budget: Budget, bad_success: list[dict]) -> tuple[list[float], list[dict]]:
    """Scores of the random plays, the scorecards of the first RANDOM_CARDS, and (into ``bad_success``)
    the plays that reached a success ending with an agreement that breaks the handbook."""
    scores, cards = [], []
    for n in range(plays):
        if n and budget.spent():
            budget.cut(f"only {n} of {plays} random plays were made before the time ran out")
            break
        rng = random.Random(f"random-play:{seed}:{n}")
        recorder = Recorder(Session(scenario, seed=seed + n))
        for _ in range(MAX_PATH):
            if recorder.session.ended or recorder.session.stuck:
                break
            recorder.answer(random_answer(recorder.session, rng))
        scores.append(quick_score(recorder, rulebook))
        if n < RANDOM_CARDS:
            cards.append(scorecard(recorder, rulebook))
        if len(bad_success) < 20:
            bad_success += broken_agreement_success(scenario, recorder.session.state, f"random play {n + 1}")
    return scores, cards


def broken_agreement_success(scenario: Scenario, state: Any, who: str) -> list[dict]:
    """The play's signed terms that break a rule, when it ended in an ending marked success."""
    ending = scenario.scenes.get(state.ending) if state.ending else None
    agreement = state.agreement
    if ending is None or getattr(ending, "outcome", None) != "success" or agreement is None:
        return []
    scene = scenario.scenes.get(agreement.scene)
    broken = []
    for clause in getattr(scene, "clauses", []):
        term = next((t for t in clause.terms if t.id == agreement.terms.get(clause.element)), None)
        if term is not None and term.evidence is not None and term.evidence.breaks:
            broken.append({"element": clause.element, "term": term.id, "breaks": list(term.evidence.breaks)})
    return [{"play": who, "ending": state.ending, "negotiation": agreement.scene, "terms": broken}] if broken else []


def _distribution(scores: list[float]) -> dict:
    ordered = sorted(scores)

    def pct(p: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(p * (len(ordered) - 1) + 0.5))], 1)

    return {
        "plays": len(scores),
        "mean": round(statistics.fmean(scores), 1),
        "stdev": round(statistics.pstdev(scores), 1),
        "min": round(ordered[0], 1),
        "p10": pct(0.10),
        "p50": pct(0.50),
        "p90": pct(0.90),
        "max": round(ordered[-1], 1),
    }


def _tree_size(scenario: Scenario, seed: int, limit: int, budget: Budget) -> int:
    """Leaves of the move tree, counted up to ``limit`` (then it stops); more than ``limit`` also
    when a path runs past MAX_PATH answers (a loop) or the time runs out."""
    count = 0
    stack = [Recorder(Session(scenario, seed=seed))]
    while stack:
        recorder = stack.pop()
        session = recorder.session
        if session.ended or session.stuck:
            count += 1
            if count > limit:
                return count
            continue
        if len(session.state.log) >= MAX_PATH:
            return limit + 1
        if count % 64 == 0 and budget.spent():
            budget.cut("the walk over every path stopped when the time ran out, so the score range is sampled")
            return limit + 1
        for move in moves(recorder):
            twin = recorder.fork()
            move[1](twin)
            stack.append(twin)
            if len(stack) > limit * 4:
                return limit + 1
    return count


def _score_range(scenario: Scenario, rulebook: Rulebook, seed: int, policy_cards: list[dict], random_cards: list[dict], budget: Budget) -> dict:
    size = _tree_size(scenario, seed, EXACT_LIMIT, budget)
    if size <= EXACT_LIMIT:
        cards = _all_paths(scenario, rulebook, seed)
        method = f"exact over all {len(cards)} paths"
    else:
        cards = policy_cards + random_cards
        method = (f"sampled: too large to analyse exactly (more than {EXACT_LIMIT} paths, or paths longer than {MAX_PATH} answers), so not every path was played; "
                  f"best and worst of {len(cards)} scorecards: the {len(policy_cards)} policies above and the first {len(random_cards)} random plays "
                  f"(the random mean uses every random play)")
    totals = [c["overall"] or 0.0 for c in cards]
    areas: dict[str, list[float]] = {}
    for card in cards:
        for area in card["areas"]:
            areas.setdefault(area["area"], []).append(area["score"] or 0.0)
    return {
        "method": method,
        "exact": size <= EXACT_LIMIT,
        "best": max(totals),
        "worst": min(totals),
        "areas": {a: {"best": max(v), "worst": min(v)} for a, v in sorted(areas.items())},
    }


def _all_paths(scenario: Scenario, rulebook: Rulebook, seed: int) -> list[dict]:
    cards = []
    stack = [Recorder(Session(scenario, seed=seed))]
    while stack:
        recorder = stack.pop()
        if recorder.session.ended or recorder.session.stuck:
            cards.append(scorecard(recorder, rulebook))
            continue
        for move in moves(recorder):
            twin = recorder.fork()
            move[1](twin)
            stack.append(twin)
    return cards


def _scene_table(scenario: Scenario, rulebook: Rulebook, expert_agreement: Any = None) -> list[dict]:
    """Per scene: kind, phase and the spread of its options' declared evidence; for a negotiation,
    each clause's terms with their value and the agreement the expert signs."""
    table = []
    for scene_id, scene in scenario.scenes.items():
        if scene.kind == "ending":
            continue
        values = _option_values(scene, rulebook)
        row = {"scene": scene_id, "kind": scene.kind, "phase": scene.phase, "values": values, "all_same": len(values) > 1 and len(set(values)) == 1}
        if scene.kind == "negotiate":
            row["clauses"] = _clause_values(scene, rulebook)
            signed = expert_agreement.terms if expert_agreement is not None and expert_agreement.scene == scene_id else None
            row["expert_signs"] = signed
        table.append(row)
    return table


def _clause_values(scene: Any, rulebook: Rulebook) -> list[dict]:
    from game.scoring.policies import evidence_value

    rows = []
    for clause in scene.clauses:
        table = strictest(scene, clause)  # with several parties, what all of them accept
        row = {"element": clause.element, "accepts": table.accepts, "wants": table.wants,
               "terms": [{"id": t.id, "value": evidence_value(t.evidence, rulebook)} for t in clause.terms]}
        if scene.parties:
            row["say"] = [{"cast": who, "accepts": limit.accepts, "wants": limit.wants, "priority": limit.priority} for who, limit in say(scene, clause)]
        rows.append(row)
    return rows


def _option_values(scene: Any, rulebook: Rulebook) -> list[float]:
    from game.scoring.policies import evidence_value

    if scene.kind in ("choice", "event"):
        return [evidence_value(o.evidence, rulebook) for o in scene.options]
    if scene.kind == "pick":  # a refusal is one more answer: every card passed over, and its own evidence
        refusal = [sum(evidence_value(c.passed, rulebook) for c in scene.pool) + evidence_value(scene.refuse.evidence, rulebook)] if scene.refuse else []
        return [evidence_value(c.evidence, rulebook) - evidence_value(c.passed, rulebook) for c in scene.pool] + refusal
    if scene.kind == "allocate":
        return [evidence_value(o.evidence, rulebook) - evidence_value(o.below, rulebook) for o in scene.options]
    return []


def _warnings(scenario: Scenario, report: dict) -> list[str]:
    warnings = [f"the analysis was cut short by its time limit: {cut}; the figures below are estimates" for cut in report.get("limits", [])]
    for row in report["scenes"]:
        if row["all_same"]:
            warnings.append(f"scene '{row['scene']}': every option scores the same for the handbook; make one of them honour or break a rule")
    mean = report["random"]["mean"]
    for name in SURFACE_POLICIES:
        score = report["policies"][name]["score"]
        if score > mean + SURFACE_MARGIN:
            warnings.append(f"surface trick '{name}' scores {score:.1f} %, more than {SURFACE_MARGIN:.0f} points above random play ({mean:.1f} %); {SURFACE_ADVICE[name]}")
    warnings += reader_warnings(report["readers"])
    if mean > RANDOM_CEILING:
        warnings.append(f"random play averages {mean:.1f} %, above {RANDOM_CEILING:.0f} %; make the wrong options more tempting or more numerous")
    expert = report["policies"]["expert"]["score"]
    if expert < EXPERT_FLOOR:
        where = report.get("expert_breaks") or []
        scenes = f": even the expert breaks a rule in {', '.join(where)}; give each of those scenes a way that follows the handbook (or check the 'when' that hides it)" if where else \
            "; some scene has no way to follow the handbook fully"
        warnings.append(f"the expert reaches only {expert:.1f} %{scenes}")
    worst = report["policies"]["worst"]["score"]
    if worst > WORST_CEILING:
        warnings.append(f"the worst play still scores {worst:.1f} %; bad choices should break rules")
    for lang, missing in report["structure"]["missing_texts"].items():
        if missing:
            warnings.append(f"{missing} text(s) have no {english_name(lang)} though 'languages' lists it; run 'validate' to see where")
    for scene in report["structure"]["unreachable"]:
        warnings.append(f"scene '{scene}' cannot be reached")
    for dead in report["structure"]["dead_ends"]:
        warnings.append(f"dead end at {dead}")
    for ending in dict.fromkeys(b["ending"] for b in report.get("success_with_broken_agreement", [])):
        first = next(b for b in report["success_with_broken_agreement"] if b["ending"] == ending)
        terms = "; ".join(f"{t['element']}: '{t['term']}' breaks {', '.join(t['breaks'])}" for t in first["terms"])
        elements = ", ".join(c.element for c in getattr(scenario.scenes.get(first["negotiation"]), "clauses", []))
        warnings.append(f"ending '{ending}' is marked success, yet {first['play']} reached it after signing in '{first['negotiation']}' terms that break "
                        f"the handbook ({terms}); let only a sound agreement lead there, e.g. next: [{{when: {{agreement: [{elements}]}}, go: {ending}}}, {{go: <a mixed ending>}}]")
    return warnings


def render_text(report: dict) -> str:
    s = report["structure"]
    lines = [f"Analysis of {report['title']} ({report['scenario']})", ""]
    lines.append(f"Structure: {s['scenes']} scenes; unreachable: {', '.join(s['unreachable']) or 'none'}; dead ends: {', '.join(s['dead_ends']) or 'none'}")
    lines.append(f"Unused cast: {', '.join(s['unused_cast']) or 'none'}")
    lines.append(f"Rules tested: {len(s['rules_tested'])}; rules of the rulebook not tested here: {s['rules_not_tested']}")
    lines.append("")
    lines.append("Policies (handbook score):")
    for name, result in report["policies"].items():
        lines.append(f"  {name:<17} {result['score']:6.1f} %   ending {result['ending']}, goals {result['goals_met']}, {result['decisions']} answers")
    r = report["random"]
    lines.append(f"  {'random':<17} {r['mean']:6.1f} % mean over {r['plays']} plays (sd {r['stdev']}, p10 {r['p10']}, median {r['p50']}, p90 {r['p90']}, min {r['min']}, max {r['max']})")
    rng = report["range"]
    lines.append("")
    lines.append(f"Score range ({rng['method']}): best {rng['best']:.1f} %, worst {rng['worst']:.1f} %")
    for area, span in rng["areas"].items():
        lines.append(f"  {area:<24} {span['worst']:6.1f} .. {span['best']:6.1f} %")
    lines.append("")
    lines.append(f"Readers on single-answer scenes (right option found, beside chance; aim: at most chance + {READER_MARGIN:.0f} points):")
    for name, rate in report["readers"].items():
        if rate["scenes"]:
            flag = "  TOO HIGH" if too_high(rate) else ""
            lines.append(f"  {name:<15} {rate['hits']:>5g} of {rate['scenes']:<3} {rate['rate']:5.1f} %   chance {rate['chance']:5.1f} %{flag}")
    lines.append("")
    if report.get("limits"):
        lines.append("Cut short by the time limit:")
        lines += [f"  - {cut}" for cut in report["limits"]]
        lines.append("")
    for row in report["scenes"]:
        if row.get("clauses"):
            lines.append(f"Negotiation '{row['scene']}' (term values for the handbook; * = the expert signs it):")
            for clause in row["clauses"]:
                signed = (row.get("expert_signs") or {}).get(clause["element"])
                terms = ", ".join(f"{t['id']}{'*' if t['id'] == signed else ''} {t['value']:+g}" for t in clause["terms"])
                lines.append(f"  {clause['element']:<14} {terms}   (accepts {clause['accepts']}, wants {clause['wants']})")
            lines.append("")
    lines.append("Thresholds: " + "; ".join(f"{k}: {'yes' if v else 'NO'}" for k, v in report["thresholds"].items()))
    lines.append("")
    lines.append("Warnings:" if report["warnings"] else "Warnings: none")
    lines += [f"  - {w}" for w in report["warnings"]]
    lines.append("Notes (advice that never makes analyze fail; each says what would clear it):" if report["notes"] else "Notes: none")
    lines += [f"  - {n}" for n in report["notes"][:NOTES_SHOWN]]
    if len(report["notes"]) > NOTES_SHOWN:
        lines.append(f"  ... and {len(report['notes']) - NOTES_SHOWN} more of the same kind (all of them in --json)")
    return "\n".join(lines)
