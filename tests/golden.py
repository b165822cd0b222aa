"""Golden transcripts: a plan of answers and the expected path, state and scorecard.

Regenerate after an intended change with ``python -m tests.golden`` and
review the diff: the files are the spec of how the shipped scenarios play.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "data" / "golden"

PLANS = {
    "demo-expert": {
        "scenario": "scenarios/demo-river-cleanup.yaml",
        "seed": 7,
        "plan": [
            {"choose": "write-strategy"},
            {"allocate": {"regional-forum": 6, "local-visits": 4, "business-fair": 0}},
            {"choose": "call-and-meet"},
            {"research": {"cast": "school-eco-club", "action": "past-projects"}},
            {"research": {"cast": "school-eco-club", "action": "ask-network"}},
            {"research": {"cast": "fishers-union", "action": "ask-network"}},
            {"pick": ["school-eco-club", "fishers-union"]},
            {"ask": "contributions"},
            {"propose": {"goals": "shared-goals", "responsibilities": "town-logistics", "contributions": "trucks-and-some", "period": "one-year", "mechanism": "quarterly", "benefits": "shared-credit"}},
            {"sign": True},
            {"order": ["goals", "motivation", "connect", "values", "comms", "events", "monitor"]},
            {"choose": "facts"},
            {"choose": "joint-review"},
            {"choose": "personal-thanks"},
        ],
    },
    "demo-mistakes": {
        "scenario": "scenarios/demo-river-cleanup.yaml",
        "seed": 7,
        "plan": [
            {"choose": "write-everyone"},
            {"allocate": {"regional-forum": 1, "local-visits": 1, "business-fair": 8}},
            {"choose": "same-email"},
            {"pick": ["green-future", "danube-events"]},
            {"propose": {"goals": "our-goals", "responsibilities": "town-logistics", "contributions": "trucks-and-money", "period": "two-years", "mechanism": "monthly", "benefits": "club-credit"}},
            {"propose": {"goals": "our-goals", "contributions": "trucks-and-money", "period": "two-years", "mechanism": "monthly", "benefits": "club-credit"}},
            {"sign": True},
            {"order": ["events", "goals", "comms", "connect", "motivation", "values", "monitor"]},
            {"choose": "blame-publicly"},
            {"choose": "our-anniversary"},
            {"choose": "move-on"},
            {"choose": "nothing-more"},
        ],
    },
}


def run_plan(name: str, roundtrip: bool = False) -> dict:
    """Play a plan (optionally saving and loading after every answer) and summarise it."""
    from game.core.checker import check_file
    from game.core.engine import Session
    from game.scoring.grader import grade
    from game.scoring.rulebook import default_rulebook

    spec = PLANS[name]
    book = default_rulebook()
    checked = check_file(ROOT / spec["scenario"], book.ids)
    session = Session(checked.scenario, seed=spec["seed"], scenario_hash=checked.hash)
    for answer in spec["plan"]:
        session.answer(answer)
        if roundtrip:
            session = Session.from_json(checked.scenario, session.to_json(), checked.hash)
    card = grade(checked.scenario, session, book)
    return {
        "path": session.state.visited,
        "ending": session.state.ending,
        "resources": session.state.resources,
        "trust": session.state.trust,
        "picks": session.state.picks,
        "agreement": session.state.agreement.terms if session.state.agreement else None,
        "overall": card["overall"],
        "grade": card["grade"],
        "areas": {a["area"]: a["score"] for a in card["areas"]},
        "rules": {r["rule"]: r["verdict"] for r in card["rules"]},
        "goals": {g["id"]: g["met"] for g in card["goals"]},
    }


def golden_path(name: str) -> Path:
    return GOLDEN / f"{name}.json"


if __name__ == "__main__":
    for plan in PLANS:
        golden_path(plan).write_text(json.dumps(run_plan(plan), ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print("wrote", golden_path(plan))
