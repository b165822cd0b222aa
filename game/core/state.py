"""Everything that changes during a play, and nothing else (the Ink split).

The scenario is fixed content; :class:`GameState` is what a save holds. It
serialises to versioned JSON and back exactly, and the same strict model
validates a save read from disk. The decision ``log`` is the source of
truth: replaying it on the scenario rebuilds every other field.
"""

from __future__ import annotations

import hashlib
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

STATE_FORMAT = 1


class NegotiationState(BaseModel):
    """A negotiation in progress (or its record once it ended)."""

    model_config = ConfigDict(strict=True, extra="forbid")

    patience: int
    patience_of: dict[str, int] = {}  # the other parties at the table (the lead's is ``patience``)
    rounds: int = 0
    agreed: dict[str, str] = {}
    offers: dict[str, str] = {}
    counters: dict[str, str] = {}
    refusals: dict[str, int] = {}
    asked: list[str] = []
    deadlocked: bool = False
    facilitated: bool = False
    outcome: Literal["agreed", "walked_away", "left"] | None = None


class Agreement(BaseModel):
    """The signed partnership agreement: element -> term id."""

    model_config = ConfigDict(strict=True, extra="forbid")

    scene: str
    counterpart: str
    terms: dict[str, str]
    parties: list[str] = []  # the other organisations that signed it


class GameState(BaseModel):
    """What changes: resources, trust, flags, cast, agreement, visits and the log."""

    model_config = ConfigDict(strict=True, extra="forbid")

    format: Literal[1] = STATE_FORMAT
    scenario: str
    scenario_hash: str
    seed: int
    scene: str
    resources: dict[str, int]
    trust: dict[str, int] = {}
    met: list[str] = []
    flags: list[str] = []
    picks: dict[str, list[str]] = {}
    researched: dict[str, list[str]] = {}
    revealed: dict[str, list[str]] = {}
    agreement: Agreement | None = None
    negotiations: dict[str, NegotiationState] = {}
    visited: list[str] = []
    chosen: dict[str, str] = {}
    fired: list[str] = []
    resume: list[str] = []
    rolls: int = 0
    ending: str | None = None
    log: list[dict[str, Any]] = Field(default_factory=list)

    def to_json(self) -> str:
        return self.model_dump_json(indent=None)

    @classmethod
    def from_json(cls, text: str | bytes) -> "GameState":
        return cls.model_validate_json(text)


def content_hash(raw: bytes) -> str:
    """The hash a save records, to refuse saves from another version of a scenario."""
    return hashlib.sha256(raw).hexdigest()[:16]
