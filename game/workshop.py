"""A workshop session: 1-8 teams around one screen, a trainer in control.

Pure (no pygame): the UI shows it and sends it answers and trainer commands.

Two ways to play:

* ``turns``: every team plays its own copy of the scenario; teams answer in
  turn, one decision each (a decision that takes several answers, such as a
  negotiation or research before a pick, stays with the team until its scene
  changes);
* ``vote``: one shared story; for each choice the trainer enters the votes
  (or teams press their keys), the majority decides and the split is kept.

The trainer can pause, add 30 s, skip the timer, reveal held feedback, go
back one decision and end the session. When a decision's time runs out
(``on_time_up``): ``lock``, answers are refused until the trainer adds time
or skips the timer; ``pass`` (teams in turn), the turn passes to the next
team with "no answer" recorded. The handbook has no rule for a team's missed
deadline, so a missed turn is graded by no rule: it earns nothing and
costs nothing, and the team answers that decision at its next turn; the
comparison counts each team's missed turns. Every decision is recorded in the
results store with the time it took.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Callable, Literal

from game.core.engine import InvalidAnswer, Session
from game.core.scenario import Scenario
from game.scoring.compare import compare_teams, compare_votes
from game.scoring.grader import grade
from game.scoring.rulebook import Rulebook
from game.xapi.actors import DEFAULT_HOMEPAGE, group
from game.xapi.statements import PlayStatements

Mode = Literal["turns", "vote"]
TIME_UP_CHOICES = ("lock", "pass")
TIMER_CHOICES = (None, 30, 60, 120)
MAX_TEAMS = 8


@dataclass
class Team:
    name: str
    index: int
    session: Session
    times: list[float] = field(default_factory=list)


@dataclass
class Timer:
    """A decision timer that only runs while the workshop is not paused."""

    limit: int | None
    clock: Callable[[], float]
    started: float = 0.0
    extra: float = 0.0
    paused_at: float | None = None
    skipped: bool = False

    def restart(self) -> None:
        self.started, self.extra, self.skipped = self.clock(), 0.0, False
        if self.paused_at is not None:
            self.paused_at = self.started

    def elapsed(self) -> float:
        now = self.paused_at if self.paused_at is not None else self.clock()
        return max(0.0, now - self.started)

    def remaining(self) -> float | None:
        if self.limit is None or self.skipped:
            return None
        return max(0.0, self.limit + self.extra - self.elapsed())

    @property
    def expired(self) -> bool:
        left = self.remaining()
        return left is not None and left <= 0

    def pause(self) -> None:
        if self.paused_at is None:
            self.paused_at = self.clock()

    def resume(self) -> None:
        if self.paused_at is not None:
            self.started += self.clock() - self.paused_at
            self.paused_at = None


class Workshop:
    def __init__(
        self,
        scenario: Scenario,
        rulebook: Rulebook,
        teams: list[str],
        mode: Mode = "turns",
        timer: int | None = None,
        reveal: Literal["instant", "trainer"] = "instant",
        seed: int = 0,
        scenario_hash: str = "",
        language: str = "en",
        results: Any = None,
        clock: Callable[[], float] = time.monotonic,
        styles: list[dict[str, str]] | None = None,
        members: list[list[str]] | None = None,
        homepage: str = DEFAULT_HOMEPAGE,
        on_time_up: str = "lock",
    ):
        """``members``: each team's member names (optional); the xAPI Groups list them, as accounts on ``homepage``."""
        if not 1 <= len(teams) <= MAX_TEAMS:
            raise ValueError(f"a workshop has 1 to {MAX_TEAMS} teams")
        if timer not in TIMER_CHOICES:
            raise ValueError("the timer is off, 30, 60 or 120 seconds")
        if on_time_up not in TIME_UP_CHOICES:
            raise ValueError("when time is up, answers lock or the turn passes")
        if styles is not None and len(styles) != len(teams):
            raise ValueError("one style (colour and symbol) per team")
        self.scenario, self.rulebook, self.mode, self.reveal_mode = scenario, rulebook, mode, reveal
        players = teams if mode == "turns" else ["plenary"]
        self.team_names = list(teams)
        self.teams = [Team(name, i, Session(scenario, seed=seed, scenario_hash=scenario_hash)) for i, name in enumerate(players)]
        self.turn = 0
        self.timer = Timer(timer, clock)
        self.timer.restart()
        self.paused = False
        self.ended = False
        self.on_time_up = on_time_up
        self.missed: list[dict] = []  # turns that passed with no answer: {"team", "scene", "decision"}
        self.held: list[dict] = []
        self.votes: list[dict] = []
        self.history: list[int] = []  # which team gave each answer, in order (for 'back')
        self.results = results
        self.results_id = None
        self.members = [list(m) for m in members] if members else [[] for _ in teams]
        self.statements: list[PlayStatements] = []
        if results is not None:
            looks = styles or [{"colour": str(i), "symbol": str(i)} for i in range(len(teams))]
            self.results_id = results.start_session(scenario.id, scenario_hash, language, mode, [
                {"name": n, "colour": look.get("colour", ""), "symbol": look.get("symbol", ""), "members": m}
                for n, look, m in zip(self.team_names, looks, self.members)])
            groups = ([group(n, m, homepage, self.results_id, i) for i, (n, m) in enumerate(zip(self.team_names, self.members))] if mode == "turns"
                      else [group(", ".join(self.team_names), [name for m in self.members for name in m], homepage, self.results_id, 0)])
            self.statements = [PlayStatements(scenario, self.results_id, language, actor, i, mode, scenario_hash) for i, actor in enumerate(groups)]

    # ----- state for the screen ---------------------------------------------------
    @property
    def team(self) -> Team:
        return self.teams[self.turn]

    @property
    def session(self) -> Session:
        return self.team.session

    @property
    def finished(self) -> bool:
        return self.ended or all(t.session.ended for t in self.teams)

    def leaderboard(self) -> list[dict]:
        """Teams by live handbook score (highest first); teams that have not answered yet come last, in their order."""
        rows = []
        for team in self.teams:
            card = grade(self.scenario, team.session, self.rulebook)
            rows.append({"team": team.name, "index": team.index, "overall": card["overall"], "grade": card["grade"], "decisions": len(team.session.state.log),
                         "finished": team.session.ended, "missed": sum(1 for m in self.missed if m["team"] == team.index)})
        return sorted(rows, key=lambda r: (not r["decisions"], -(r["overall"] or 0.0), r["index"]))

    # ----- answers ------------------------------------------------------------------
    def answer(self, answer: dict, votes: dict[str, int] | None = None, team_votes: dict[int, str] | None = None,
               via: str | dict[int, str] = "laptop") -> list[dict]:
        """The current team's answer (raises InvalidAnswer, changing nothing, if it is wrong).

        ``team_votes`` (a plenary vote): each team's option; ``via``: where the answer (or each team's vote) came from,
        "laptop" or "phone". Who chose what is kept in the results store."""
        if self.finished:
            raise InvalidAnswer("the workshop has ended")
        if self.paused:
            raise InvalidAnswer("the workshop is paused")
        if self.locked:
            raise InvalidAnswer("time is up: the trainer decides")
        team, before = self.team, self.session.scene_id
        seconds = self.timer.elapsed()
        events = team.session.answer(answer)
        team.times.append(seconds)
        self.history.append(team.index)
        seq = len(team.session.state.log) - 1
        if votes:
            self.votes.append({"scene": before, "votes": dict(votes), "chosen": answer.get("choose"), "seq": seq, "teams": dict(team_votes or {})})
        if self.results is not None:
            made = self.statements[team.index]
            self.results.record_decision(self.results_id, team.index, seq, before, answer, seconds, votes,
                                         xapi=lambda at: [made.decision(seq, before, answer, events, seconds, at, votes)])
        if self.results is not None:
            self.results.record_choices(self.results_id, team.index, seq, choices_of(team.index, answer, team_votes, via))
        if team.session.scene_id != before or team.session.ended:
            self._next_turn()
        if self.reveal_mode == "trainer":
            self.held = [e for e in events if e["type"] in ("feedback", "evidence")]
            events = [e for e in events if e["type"] not in ("feedback", "evidence")]
        return events

    def vote(self, counts: dict[str, int], team_votes: dict[int, str] | None = None, via: dict[int, str] | None = None) -> list[dict]:
        """Plenary vote on a choice or event: the majority decides (a tie goes to the option written first).
        ``team_votes``: which team voted for which option, when teams voted one by one (keys or phones)."""
        if self.mode != "vote":
            raise InvalidAnswer("votes are for plenary mode")
        offered = [o.id for o in self.session.options()]
        if not offered:
            raise InvalidAnswer("this decision is not a vote; enter the room's answer")
        clean = {k: int(v) for k, v in counts.items() if k in offered and int(v) > 0}
        if not clean:
            raise InvalidAnswer("enter at least one vote")
        top = max(clean.values())
        winner = next(o for o in offered if clean.get(o) == top)
        return self.answer({"choose": winner}, votes=clean, team_votes={int(t): o for t, o in (team_votes or {}).items() if o in offered},
                           via=via or {})

    @property
    def locked(self) -> bool:
        """Time is up and answers wait for the trainer (who adds time or skips the timer)."""
        return self.on_time_up == "lock" and self.timer.expired and not self.finished

    def time_up(self) -> dict | None:
        """The timer ran out on a team in turn with ``pass``: its turn passes, "no answer" recorded; returns the record
        (None when nothing passes: another setting, the time not up, paused, or the workshop over)."""
        if self.on_time_up != "pass" or self.mode != "turns" or not self.timer.expired or self.paused or self.finished:
            return None
        team = self.team
        record = {"team": team.index, "scene": team.session.scene_id, "decision": len(team.session.state.log)}
        self.missed.append(record)
        if self.results is not None:  # a missed turn has its own negative number, apart from the decisions
            number = -sum(1 for m in self.missed if m["team"] == team.index)
            seconds = round(self.timer.elapsed(), 3)
            made = self.statements[team.index]
            self.results.record_choices(self.results_id, team.index, number, [{"team": team.index, "via": "timer", "choice": {
                "no_answer": record["scene"], "decision": record["decision"], "seconds": seconds}}],
                xapi=lambda at: [made.missed(number, record["scene"], record["decision"], seconds, at)])
        self._next_turn()
        return record

    def reveal(self) -> list[dict]:
        """Show the feedback the trainer held back."""
        shown, self.held = self.held, []
        return shown

    def _next_turn(self) -> None:
        self.timer.restart()
        if self.mode != "turns":
            return
        for step in range(1, len(self.teams) + 1):
            candidate = (self.turn + step) % len(self.teams)
            if not self.teams[candidate].session.ended:
                self.turn = candidate
                return

    # ----- trainer controls ------------------------------------------------------------
    def pause(self) -> None:
        self.paused = True
        self.timer.pause()

    def resume(self) -> None:
        self.paused = False
        self.timer.resume()

    def add_time(self, seconds: int = 30) -> None:
        self.timer.extra += seconds

    def skip_timer(self) -> None:
        self.timer.skipped = True

    def back(self) -> bool:
        """Undo the last answer given in the workshop (a mistaken click); False if there is none."""
        if not self.history:
            return False
        team = self.teams[self.history.pop()]
        state = team.session.state
        seq = len(state.log) - 1
        team.session = Session.replay(self.scenario, state.seed, state.log[:-1], state.scenario_hash)
        team.times.pop()
        if self.votes and self.votes[-1]["seq"] == seq:
            self.votes.pop()
        if self.results is not None:
            self.results.remove_decision(self.results_id, team.index, seq)
        self.turn = team.index
        self.held = []
        self.timer.restart()
        return True

    def end(self) -> dict:
        """End the session: record every team's scorecard; returns the comparison."""
        self.ended = True
        comparison = self.comparison()
        if self.results is not None:
            for team, card in zip(self.teams, comparison["scorecards"]):
                made, seconds = self.statements[team.index], sum(team.times)
                self.results.finish_team(self.results_id, team.index, card, xapi=lambda at, made=made, card=card, seconds=seconds: made.finished(card, seconds, at))
            self.results.end_session(self.results_id)
        return comparison

    def comparison(self) -> dict:
        """The comparison debrief's data (:mod:`game.scoring.compare`), with who did not answer: each team's missed turns
        (``missed``: how many, ``missed_turns``: on which decisions), and on each split the teams whose time ran out
        there (``missed``: names) or, in a vote given team by team, the teams that did not vote (``silent``: indices).
        A missed turn is never one of the answers compared."""
        if self.mode == "vote":
            comparison = compare_votes(self.scenario, self.session, self.votes, self.rulebook)
            for split in comparison["splits"]:
                record = next((v for v in self.votes if v["scene"] == split["scene"] and v.get("teams")), None)
                if record is not None:
                    split["silent"] = [i for i in range(len(self.team_names)) if i not in record["teams"]]
            return comparison
        comparison = compare_teams(self.scenario, [{"name": t.name, "session": t.session} for t in self.teams], self.rulebook)
        for row, team in zip(comparison["teams"], self.teams):
            mine = [m for m in self.missed if m["team"] == team.index]
            row["missed"] = len(mine)
            row["missed_turns"] = [{"decision": m["decision"], "scene": m["scene"]} for m in mine]
        for split in comparison["splits"]:
            split["missed"] = list(dict.fromkeys(self.team_names[m["team"]] for m in self.missed if m["scene"] == split["scene"]))
        return comparison


def choices_of(team: int, answer: dict, team_votes: dict[int, str] | None, via: str | dict[int, str]) -> list[dict]:
    """The rows of who chose what for one answer: each team's vote in a plenary vote, else the team that answered."""
    if team_votes:
        where = via if isinstance(via, dict) else {}
        return [{"team": t, "choice": {"choose": option}, "via": where.get(t, "laptop")} for t, option in sorted(team_votes.items())]
    return [{"team": team, "choice": answer, "via": via if isinstance(via, str) else "laptop"}]
