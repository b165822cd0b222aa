"""Best scores per scenario, for the scenario library.

A small JSON file in the user data folder (``best.json``). The results
store (a later issue) will hold every session; this keeps only the best.
"""

from __future__ import annotations

import json
from pathlib import Path

from game.store.paths import data_dir
from game.ui.files import read_json_object, write_atomic

FILE_NAME = "best.json"


def _path() -> Path:
    return data_dir() / FILE_NAME


def best_scores() -> dict[str, dict]:
    """scenario id -> {"overall": float, "grade": str}."""
    raw = read_json_object(_path())
    return {k: v for k, v in raw.items() if isinstance(v, dict) and isinstance(v.get("overall"), (int, float))}


def record(scenario_id: str, overall: float | None, grade: str | None) -> bool:
    """Keep a score if it beats the best so far; returns True if it is a new best."""
    if overall is None:
        return False
    scores = best_scores()
    old = scores.get(scenario_id)
    if old is not None and old["overall"] >= overall:
        return False
    scores[scenario_id] = {"overall": round(float(overall), 1), "grade": grade or ""}
    try:
        write_atomic(_path(), json.dumps(scores, indent=2, ensure_ascii=False))
    except OSError:
        return False
    return True
