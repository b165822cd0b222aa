"""Item analysis for trainers: for each decision, how often each option is chosen, which
options (almost) nobody picks, and which do not tell strong players from weak ones.

A *play* is one player's or team's session of a scenario. For each choice,
event and pick decision it reached, the option(s) it last chose count once.

- **share**: plays that chose the option / plays that reached the decision.
- **rare**: a share under 5 % (:data:`RARE`): a distractor nobody falls for teaches nothing.
- **discrimination** (D): the share among the strongest 27 % of the plays
  that reached the decision (by overall handbook score) minus the share among
  the weakest 27 % (Kelley's upper and lower groups). A right option should
  have D > 0, a wrong one D < 0. **No discrimination**: ``|D| < 0.10``
  (:data:`FLAT`) when each group holds at least :data:`MIN_GROUP` plays;
  with fewer, D is not reported.

Plays come from the local results store (:func:`plays_from_sessions`) or
from the LRS's statements (:func:`plays_from_statements`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from game.xapi.statements import correct_patterns
from game.xapi.vocab import VERBS, scenario_iri

RARE = 0.05
GROUP = 0.27
FLAT = 0.10
MIN_GROUP = 5
KINDS = ("choice", "event", "pick")


@dataclass
class Play:
    """One play: its score (0-100, None if not finished) and the options chosen per scene."""

    score: float | None
    chosen: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class OptionRow:
    id: str
    share: float
    chosen: int
    d: float | None
    correct: bool

    @property
    def rare(self) -> bool:
        return self.share < RARE

    @property
    def flat(self) -> bool:
        return self.d is not None and abs(self.d) < FLAT


@dataclass
class ItemRow:
    scene: str
    kind: str
    plays: int
    options: list[OptionRow]


def _answer_options(answer: dict) -> list[str] | None:
    if isinstance(answer.get("choose"), str):
        return [answer["choose"]]
    if isinstance(answer.get("pick"), list):
        return [str(c) for c in answer["pick"]]
    return None


def plays_from_sessions(sessions: list[dict], scenario_id: str) -> list[Play]:
    """Plays of ``scenario_id`` in sessions read from the results store (a plenary vote is one play)."""
    plays = []
    for session in sessions:
        if session.get("scenario") != scenario_id:
            continue
        for team in session.get("teams", []):
            chosen: dict[str, list[str]] = {}
            for d in team.get("decisions", []):
                options = _answer_options(d["answer"]) if isinstance(d.get("answer"), dict) else None
                if options is not None:
                    chosen[d["scene"]] = options
            if chosen:
                overall = team.get("overall")
                plays.append(Play(float(overall) if isinstance(overall, (int, float)) and 0 <= overall <= 100 else None, chosen))
    return plays


def plays_from_statements(statements: list[dict], scenario_id: str) -> list[Play]:
    """Plays of ``scenario_id`` in statements from an LRS: grouped by registration, scored by their completed statement."""
    root = scenario_iri(scenario_id)
    prefix = root + "/scenes/"
    by_play: dict[str, Play] = {}
    for s in sorted(statements, key=lambda s: str(s.get("timestamp", ""))):
        registration = str((s.get("context") or {}).get("registration", ""))
        verb_id = (s.get("verb") or {}).get("id")
        object_id = str((s.get("object") or {}).get("id", ""))
        play = by_play.setdefault(registration, Play(None))
        if verb_id == VERBS["answered"] and object_id.startswith(prefix):
            definition = (s.get("object") or {}).get("definition") or {}
            response = str((s.get("result") or {}).get("response", ""))
            if definition.get("interactionType") == "choice" and not response.startswith("{"):
                play.chosen[object_id[len(prefix):]] = [r for r in response.split("[,]") if r]
        elif verb_id == VERBS["completed"] and object_id == root:
            scaled = (((s.get("result") or {}).get("score") or {}).get("scaled"))
            if isinstance(scaled, (int, float)):
                play.score = 100.0 * scaled
    return [p for p in by_play.values() if p.chosen]


def _share(plays: list[Play], scene: str, option: str) -> float:
    return sum(option in p.chosen[scene] for p in plays) / len(plays) if plays else 0.0


def analyse(scenario: Any, plays: list[Play]) -> list[ItemRow]:
    """One row a choice, event or pick decision of the scenario, in the scenario's order, with every option."""
    rows = []
    for scene_id, scene in scenario.scenes.items():
        if scene.kind not in KINDS:
            continue
        options = [o.id for o in scene.options] if scene.kind != "pick" else [c.cast for c in scene.pool]
        correct = {part for pattern in correct_patterns(scene) for part in pattern.split("[,]")}
        reached = [p for p in plays if scene_id in p.chosen]
        scored = sorted((p for p in reached if p.score is not None), key=lambda p: p.score)
        size = math.floor(len(scored) * GROUP)
        lower, upper = (scored[:size], scored[-size:]) if size >= MIN_GROUP else ([], [])
        found = []
        for option in options:
            count = sum(option in p.chosen[scene_id] for p in reached)
            d = round(_share(upper, scene_id, option) - _share(lower, scene_id, option), 3) if upper else None
            found.append(OptionRow(option, count / len(reached) if reached else 0.0, count, d, option in correct))
        rows.append(ItemRow(scene_id, scene.kind, len(reached), found))
    return rows


def render(scenario_id: str, rows: list[ItemRow], plays: int, source: str) -> str:
    """The text ``bridges report --items`` prints."""
    lines = [f"{scenario_id}: {plays} play(s) from {source}. share = plays choosing the option; D = share among the strongest 27 % minus "
             f"the weakest 27 % by score (shown with {MIN_GROUP}+ plays in each); rare = under {round(RARE * 100)} %; flat = |D| < {FLAT:.2f}"]
    for row in rows:
        lines.append(f"  {row.scene} ({row.kind}, {row.plays} play(s))")
        for o in row.options:
            flags = [name for name, on in (("right", o.correct), ("RARE", row.plays and o.rare), ("FLAT", o.flat)) if on]
            d = f"{o.d:+.2f}" if o.d is not None else "  - "
            lines.append(f"    {o.id:<34} {100 * o.share:5.1f} %  D {d}  {' '.join(flags)}")
    rare = sum(1 for r in rows for o in r.options if r.plays and o.rare and not o.correct)
    flat = sum(1 for r in rows for o in r.options if o.flat)
    lines.append(f"{rare} wrong option(s) chosen by under {round(RARE * 100)} % of plays (rewrite them so they tempt); "
                 f"{flat} option(s) with no discrimination.")
    return "\n".join(lines)
