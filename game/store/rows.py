"""Rows read back from the results database, checked cell by cell.

A database can be damaged or edited by hand: a cell of bad JSON, a date
stored as bytes, text where a score belongs. Each function returns the row
as plain values, or None when it cannot be trusted (the store counts those
and ``report`` says how many were left out).
"""

from __future__ import annotations

import json
from typing import Any

MAX_CELL = 2 * 1024 * 1024


def _text(value: Any, optional: bool = False) -> bool:
    return (optional and value is None) or (isinstance(value, str) and len(value) <= MAX_CELL)


def _number(value: Any, optional: bool = False) -> bool:
    return (optional and value is None) or (isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) < 1e12)


def _json(value: Any, optional: bool = False) -> tuple[bool, Any]:
    if optional and value is None:
        return True, None
    if not _text(value):
        return False, None
    try:
        return True, json.loads(value)
    except (ValueError, RecursionError, MemoryError):
        return False, None


def clean_session(row: dict) -> dict | None:
    if all(_text(row.get(k)) for k in ("id", "started_at", "mode", "scenario", "scenario_hash", "language")) and _text(row.get("ended_at"), True):
        return row
    return None


def clean_team(row: dict) -> dict | None:
    ok, card = _json(row.get("scorecard"), optional=True)
    if not (ok and isinstance(row.get("team"), int) and all(_text(row.get(k)) for k in ("name", "colour", "symbol"))
            and _number(row.get("overall"), True) and _text(row.get("grade"), True) and (card is None or isinstance(card, dict))):
        return None
    return dict(row, scorecard=card)


def clean_decision(row: dict) -> dict | None:
    ok_answer, answer = _json(row.get("answer"))
    ok_votes, votes = _json(row.get("votes"), optional=True)
    if not (ok_answer and ok_votes and isinstance(answer, dict) and isinstance(row.get("seq"), int) and isinstance(row.get("team"), int)
            and _text(row.get("scene")) and _number(row.get("seconds")) and _text(row.get("at"))):
        return None
    return dict(row, answer=answer, votes=votes)
