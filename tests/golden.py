"""Golden transcripts: a plan of answers and the expected path, state and scorecard.

Plans live in ``tests/data/plans/NAME.json`` (``{"scenario": path, "seed": n,
"plan": [answers]}``), expectations in ``tests/data/golden/NAME.json``.
After an intended change, regenerate with ``python -m tests.golden [NAME...]``
and review the diff: these files are the spec of how the scenarios play.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLANS_DIR = ROOT / "tests" / "data" / "plans"
GOLDEN = ROOT / "tests" / "data" / "golden"


def plan_names() -> list[str]:
    return sorted(p.stem for p in PLANS_DIR.glob("*.json"))


def load_plan(name: str) -> dict:
    return json.loads((PLANS_DIR / f"{name}.json").read_text(encoding="utf-8"))


def run_plan(name: str, roundtrip: bool = False) -> dict:
    """Play a plan (optionally saving and loading after every answer) and summarise it."""
    from game.core.checker import check_file
    from game.core.engine import Session
    from game.scoring.grader import grade
    from game.scoring.rulebook import default_rulebook

    spec = load_plan(name)
    book = default_rulebook()
    checked = check_file(ROOT / spec["scenario"], book.ids)
    assert checked.ok, [str(p) for p in checked.errors]
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


def write_golden(name: str) -> Path:
    path = golden_path(name)
    path.write_text(json.dumps(run_plan(name), ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    for plan in sys.argv[1:] or plan_names():
        print("wrote", write_golden(plan))
