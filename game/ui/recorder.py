"""Solo plays in the results store: a session when a scenario starts, every
decision with the seconds it took, the scorecard at the debrief.

The store (:class:`game.store.results.ResultsStore`) never raises: when the
database is busy, read-only, damaged or on a full disk it says why in
``problem_code`` and writes the rows at once to a pending file, which the
next start merges into the database. :class:`Results` is the app's one
store; it lets the player see the problem once (a small notice naming the
file that keeps the results; the game goes on).

A game loaded from a save continues its recorded session when the session's
decisions are exactly the save's; a save from earlier in a recorded session
starts a new session with those first decisions (and their times) copied; a
save with no record behind it starts a new session whose earlier decisions
have 0 seconds (their time is not known).
"""

from __future__ import annotations

import uuid
from typing import Any

from game.ui.i18n import N_, _

MODE = "solo"
SEARCHED_SESSIONS = 30  # how many recent sessions a resumed game looks through for its own

PROBLEMS = {
    "busy": N_("The results database is busy (another copy of Bridges may be open)."),
    "read-only": N_("The results database cannot be written (the file or its folder is read-only)."),
    "damaged": N_("The results database is damaged; move it away to start a new one."),
    "full": N_("The disk is full."),
    "folder": N_("The folder for results cannot be created."),
    "failed": N_("The results database failed."),
}


def problem_text(code: str | None, kept_in: Any = None) -> str:
    """Why results cannot reach the database, and where they are kept meanwhile."""
    why = _(PROBLEMS.get(code or "failed", PROBLEMS["failed"]))
    if kept_in is not None:
        return why + " " + _("Your results are kept in {path} and added to the database at the next start.").format(path=kept_in)
    return why + " " + _("Your results are kept while the game is open; no file could take them yet, so free some disk space.")


class Results:
    """The app's results store, opened on first use, with the sender that posts its xAPI outbox to the LRS.

    ``player`` is who plays now (a :class:`game.store.players.Player`, or None: without a name).
    """

    def __init__(self) -> None:
        self._store: Any = None
        self.noticed = False  # the player has been shown the store's problem
        self.player: Any = None
        self.asked = False  # who is playing was asked in this run (None as the answer: without a name)
        self.sender: Any = None

    @property
    def store(self) -> Any:
        if self._store is None:
            from game.store.results import ResultsStore
            from game.xapi import config
            from game.xapi.sender import Sender

            self._store = ResultsStore()
            self.sender = Sender(self._store.path, config.load()).start()
            self._store.on_write = self.sender.wake
        return self._store

    def waiting(self) -> int:
        """How many records wait to be sent to the LRS (0 when none or the store cannot say)."""
        try:
            return self.store.outbox_counts()["waiting"]
        except Exception:  # the store promises not to raise; a screen must open anyway
            return 0

    def homepage(self) -> str:
        return self.sender.config.homepage if self.sender is not None else ""

    @property
    def problem(self) -> str | None:
        """The store's problem code (busy, read-only, damaged, folder, failed) while results cannot reach it, or None."""
        store = self.store
        if not store.problem or (store.conn is not None and not store.pending):
            return None  # no problem, or one that has passed (a busy database that let the rows in later)
        return store.problem_code or "failed"

    def take_notice(self) -> str | None:
        """The problem code the first time there is one (the notice is shown once); else None."""
        if self.noticed or self.problem is None:
            return None
        self.noticed = True
        return self.problem

    def problem_text(self) -> str:
        """The problem in the player's language, naming the file that keeps the results."""
        return problem_text(self.problem, self.store.pending_file)

    def best_scores(self) -> dict[str, dict]:
        """scenario id -> {"overall", "grade"}: the best solo score recorded for each scenario."""
        try:
            return self.store.best_scores(MODE)
        except Exception:  # the store promises not to raise; the library must open anyway
            return {}

    def close(self) -> None:
        """Try once more to write what is pending (it is already kept in the pending file if that fails)."""
        store = self._store
        if store is None:
            return
        if self.sender is not None:
            self.sender.stop(timeout=1.0)  # what it has not sent waits in the outbox for the next start
        store.flush()
        store.close()
        self._store = None


def _answer(entry: dict) -> dict:
    return {k: v for k, v in entry.items() if k != "scene"}


class Recorder:
    """One solo play's session in the results store."""

    def __init__(self, results: Results, scenario_id: str, scenario_hash: str, log: list[dict], language: str, ended: bool = False,
                 scenario: Any = None):
        self.results = results
        self.session_id: str | None = None
        self.statements: Any = None  # game.xapi.statements.PlayStatements, when the scenario is known
        self.seconds = 0.0
        if ended:  # a finished game loaded again: its result is already recorded
            return
        store = results.store
        store.flush()
        found, copied = self._continued(store, scenario_id, log)
        if found is not None:
            self.session_id = found
            self._statements(scenario, language, scenario_hash)
            return
        player = results.player
        self.session_id = store.start_session(scenario_id, scenario_hash, language, MODE, player=player.record() if player else None,
                                              session_id=uuid.uuid4().hex)
        self._statements(scenario, language, scenario_hash)
        for seq, entry in enumerate(log):
            seconds = copied[seq]["seconds"] if copied else 0.0
            self.decision(seq, entry["scene"], _answer(entry), seconds)

    def _statements(self, scenario: Any, language: str, scenario_hash: str) -> None:
        if scenario is None or self.session_id is None:
            return
        # Lazy for start-up time: the app imports this module before its first frame, and no statement is made before a play.
        from game.xapi.actors import agent
        from game.xapi.statements import PlayStatements

        player = self.results.player
        actor = agent(player.name if player else None, self.results.homepage(), self.session_id, player.record()["email"] if player else None)
        self.statements = PlayStatements(scenario, self.session_id, language, actor, 0, MODE, scenario_hash)

    @staticmethod
    def _continued(store: Any, scenario_id: str, log: list[dict]) -> tuple[str | None, list[dict] | None]:
        """(a recorded session to go on with, or the recorded decisions to copy into a new one)."""
        if not log:
            return None, None
        wanted = [(entry["scene"], _answer(entry)) for entry in log]
        copied = None
        looked = 0
        for row in store.sessions():
            if row["mode"] != MODE or row["scenario"] != scenario_id:
                continue
            looked += 1
            if looked > SEARCHED_SESSIONS:
                break
            found = store.session(row["id"])
            if not found or not found["teams"]:
                continue
            decisions = found["teams"][0]["decisions"]
            recorded = [(d["scene"], d["answer"]) for d in decisions]
            if recorded == wanted and row["ended_at"] is None:
                return row["id"], None
            if copied is None and recorded[: len(wanted)] == wanted:
                copied = decisions[: len(wanted)]
        return None, copied

    def decision(self, seq: int, scene: str, answer: dict, seconds: float, events: list[dict] | None = None) -> None:
        """Record a decision, with its xAPI statement in the outbox (``events``: the engine's, for the rules it touched)."""
        if self.session_id is None:
            return
        store = self.results.store
        if store.pending:
            store.flush()
        self.seconds += seconds
        made = self.statements
        xapi = (lambda at: [made.decision(seq, scene, answer, events, seconds, at)]) if made is not None else None
        store.record_decision(self.session_id, 0, seq, scene, answer, seconds, xapi=xapi)

    def finish(self, scorecard: dict) -> None:
        """The scorecard at the debrief, with the closing statements; the session ends."""
        if self.session_id is None:
            return
        store = self.results.store
        if store.pending:
            store.flush()
        made, seconds = self.statements, self.seconds
        store.finish_team(self.session_id, 0, scorecard, xapi=(lambda at: made.finished(scorecard, seconds, at)) if made is not None else None)
        store.end_session(self.session_id)
        self.session_id = None
