"""Which face someone makes: from trust, from a change of trust, from the mood at the negotiating table."""

from __future__ import annotations

TABLE = {"warm": "pleased", "open": "neutral", "tense": "doubtful", "cold": "annoyed"}


def from_trust(trust: int) -> str:
    """How someone looks at you, from their trust (0-100)."""
    if trust >= 65:
        return "pleased"
    if trust >= 40:
        return "neutral"
    return "doubtful" if trust >= 25 else "annoyed"


def from_change(delta: int) -> str:
    """How a change of trust shows: pleased when it rose, doubtful when it fell a little, annoyed when it fell a lot."""
    if delta > 0:
        return "pleased"
    return "annoyed" if delta <= -5 else "doubtful"


def at_table(mood: str, events: list[dict]) -> str:
    """The counterpart's face: the table's mood (warm, open, tense, cold), and how the last round went."""
    if any(e.get("type") == "all_agreed" or (e.get("type") == "clause" and e.get("result") != "refused") for e in events):
        return "pleased"
    face = TABLE.get(mood, "neutral")
    if any(e.get("result") == "refused" for e in events) and face in ("neutral", "pleased"):
        return "doubtful"
    return face
