"""A running workshop on screen: the pure :class:`game.workshop.Workshop`,
the way between its screens, and the trainer's commands.

:class:`WorkshopRun` is made by the set-up screen and kept on ``app.workshop``
until the trainer leaves the comparison debrief. It shows the decision of the
team whose turn it is (or the plenary vote), the feedback, each team's
ending, and at the end the comparison. Trainer commands come from the keys
(:data:`game.ui.workshop.keys.TRAINER_KEYS`) and from the trainer bar, both through :meth:`command`.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from game.core.engine import InvalidAnswer
from game.scoring.grader import grade
from game.store.results import ResultsStore
from game.ui import screens
from game.ui.i18n import N_, _, language
from game.ui.input import Action
from game.ui.library import Entry
from game.ui.play import Play
from game.ui.workshop.band import draw_band, float_notes
from game.ui.workshop.keys import COMMAND_FOR_LETTER
from game.ui.workshop.looks import style_record
from game.ui.workshop.phones import Phones, draw_strip
from game.workshop import Workshop
from game.xapi.actors import DEFAULT_HOMEPAGE

WORKSHOP_TEXT_FLOOR = 1.25  # 22-unit small text becomes 28 px at 1080p: nothing important under 28 px
ADD_SECONDS = 30

RESULTS_PROBLEMS = {  # ResultsStore.problem_code -> what the banner says
    "busy": N_("The results database is busy (is another copy of Bridges open?). The results are kept and written later."),
    "read-only": N_("The results database cannot be written. The results are kept and saved to a separate file when you leave the workshop."),
    "damaged": N_("The results database is damaged. The results are kept and saved to a separate file when you leave the workshop; "
                  "move the damaged file away to start a new one."),
    "folder": N_("The results folder cannot be created, so the results are not kept after the workshop."),
    "failed": N_("The results database failed. The results are kept and saved to a separate file when you leave the workshop."),
}


@dataclass
class Setup:
    """What the trainer chose on the set-up screen."""

    entry: Entry
    names: list[str]
    styles: list[int]
    mode: str = "turns"
    timer: int | None = 60
    reveal: str = "instant"
    seed: int | None = None
    phones: bool = False  # teams answer from their phones (game.ui.workshop.phones)
    choose_team: bool = False  # a phone may pick its team on the room page (else it is given the next team without a phone)
    phones_host: str | None = None  # None: the laptop's address on the local network
    phones_port: int | None = None  # None: game.web.server.DEFAULT_PORT
    members: list[list[str]] = field(default_factory=list)  # each team's member names, for the xAPI Groups (may be empty)
    on_time_up: str = "lock"  # "lock": answers wait for the trainer; "pass": the turn passes with no answer (game.workshop)


class TeamPlay(Play):
    """What the reused decision screens see as "the play": one team's session in the workshop.

    Answers go through the workshop (which records them and passes the turn);
    nothing is autosaved. ``band`` draws the workshop strip under the status bar.
    """

    projector = True  # the screens lay out for the room (game.ui.art.stage: no tall backdrop)

    def __init__(self, run: "WorkshopRun", index: int, stage: str = "decision"):
        self.run, self.index, self.stage = run, index, stage
        super().__init__(run.setup.entry, run.rulebook, session=run.workshop.teams[index].session, results=None)

    @property
    def session(self) -> Any:  # type: ignore[override]
        """The team's session now (going back one decision replaces it)."""
        return self.run.workshop.teams[self.index].session

    @session.setter
    def session(self, value: Any) -> None:
        pass  # the workshop owns the sessions

    def _distances(self) -> dict[str, int]:
        if self.run.distances is None:
            self.run.distances = Play._distances(self)
        return self.run.distances

    def autosave(self) -> None:
        pass  # a workshop is recorded in the results store, not saved

    def answer(self, answer: dict) -> list[dict]:
        return self.run.answer(self.index, answer)

    def scorecard(self) -> dict | None:
        return grade(self.scenario, self.session, self.rulebook)

    def record_result(self) -> bool:
        return False

    def band(self, b: Any, top: int) -> int:
        bottom = draw_band(b, top, self.run, self)
        bottom = draw_strip(b, bottom, self.run, self) if self.run.phones is not None else bottom
        return float_notes(b, bottom, self.run, self)


NOTICE_SECONDS = 5.0
"""How long what a trainer command did ("30 seconds added.") floats over the decision before it goes."""


@dataclass
class RunState:
    said: str = ""  # the last trainer command's notice (set through ``notice``)
    said_at: float = 0.0  # when it was said (the workshop's clock)
    notice_serial: int = 0  # counts the notices said, so one said twice floats twice
    notice_drawn: str = ""  # the key of the notice on screen ("" for none): a screen repaints when it goes
    timer_drawn: str = ""
    handed: int | None = None  # the team the last handover card was shown for
    time_up: tuple | None = None  # the decision (team, answers so far, timer start) whose time-up the room was shown
    comparison: dict | None = None
    votes: dict[int, dict] = field(default_factory=dict)  # vote record index -> {team index: option id}

    @property
    def notice(self) -> str:
        """What the last trainer command did ("30 seconds added."), floated under the strip until a press puts it away."""
        return self.said

    @notice.setter
    def notice(self, text: str) -> None:
        if text:
            self.notice_serial += 1
            self.said_at = now()
        self.said = text

    def notice_key(self) -> str:
        """The key of the notice to show ("" once it has been up for NOTICE_SECONDS, or when there is none)."""
        if not self.said or now() - self.said_at >= NOTICE_SECONDS:
            return ""
        return f"said:{self.notice_serial}"


def now() -> float:
    """The workshop's clock (tests put their own in its place)."""
    return time.monotonic()


class WorkshopRun:
    def __init__(self, app: Any, setup: Setup, results: Any = None, clock: Callable[[], float] | None = None):
        self.app = app
        self.setup = setup
        self.rulebook = app.rulebook
        self.distances: dict | None = None
        self.state = RunState()
        self.phones: Phones | None = None
        self.via = "laptop"  # where the answer being given comes from (the phones set "phone" while they answer)
        self.results, self.shared_results = (results, False) if results is not None else open_results(app)
        seed = setup.seed if setup.seed is not None else (app.seed if app.seed is not None else random.randrange(1_000_000))
        self.workshop = Workshop(
            setup.entry.scenario, self.rulebook, list(setup.names), mode=setup.mode, timer=setup.timer, reveal=setup.reveal,
            seed=seed, scenario_hash=setup.entry.hash, language=language(), results=self.results, clock=clock or now,
            styles=[style_record(s) for s in setup.styles], members=setup.members or None, homepage=_homepage(app),
            on_time_up=setup.on_time_up,
        )

    # ----- facts for the screens ---------------------------------------------------------------
    @property
    def mode(self) -> str:
        return self.workshop.mode

    @property
    def names(self) -> list[str]:
        return self.workshop.team_names

    def style(self, index: int) -> int:
        return self.setup.styles[index] if 0 <= index < len(self.setup.styles) else index

    @property
    def problem(self) -> str | None:
        """The results store's problem, in the current language (None when there is none)."""
        if self.results is None:
            return _(RESULTS_PROBLEMS["failed"])
        if not getattr(self.results, "problem", None):
            return None
        code = getattr(self.results, "problem_code", None)
        return _(RESULTS_PROBLEMS[code]) if code in RESULTS_PROBLEMS else self.results.problem

    def timer_label(self, stage: str = "decision") -> str:
        """What the timer shows: "0:45", or a word when it is off, skipped or up."""
        timer = self.workshop.timer
        if stage != "decision" or timer.limit is None:
            return ""
        left = timer.remaining()
        if left is None:
            return "skipped"
        if left <= 0:
            return "up"
        whole = int(left + 0.999)
        return f"{whole // 60}:{whole % 60:02d}"

    def timer_running(self) -> bool:
        w = self.workshop
        return w.timer.limit is not None and not w.paused and not w.ended and w.timer.remaining() not in (None, 0)

    # ----- going between screens -------------------------------------------------------------------
    def start(self) -> None:
        self.app.workshop = self
        self.app.text_floor = WORKSHOP_TEXT_FLOOR
        self.app._configure()
        if self.setup.phones:
            self.phones = Phones(self, self.setup.phones_host, self.setup.phones_port, self.setup.choose_team)
            self.phones.start()
        self.show_decision()
        if self.phones is not None:
            self.app.show("phones-join", self, fade=False)

    def check_time(self) -> None:
        """When the decision's time has just run out: the room is told in large type; with "pass" the turn moves on."""
        w = self.workshop
        if not w.timer.expired or w.paused or w.finished:
            return
        key = (w.turn, len(w.team.session.state.log), w.timer.started)
        if self.state.time_up == key:
            return
        self.state.time_up = key
        passed = w.time_up()
        if passed is not None:
            self.state.handed = w.turn  # the card says whose turn it is
            self.state.notice = _("{team} had no answer in time; the turn passed.").format(team=self.names[passed["team"]])
            self.show_decision(restart_timer=False)
            if self.phones is not None:
                self.phones.missed(passed["team"])  # every phone says so; the next team's phone opens its decision
        self.app.show("time-up", self, passed, fade=False)

    def pump_phones(self) -> None:
        """Take the phones' answers (called on every frame of a workshop screen; never waits)."""
        if self.phones is not None and self.phones.pump():
            if self.phones.strip is not None:
                self.app.touched.append(self.phones.strip.inflate(4, 4))  # the teams' states: repainted alone
            else:
                self.app.top.invalidate()

    def stop_phones(self) -> None:
        if self.phones is not None:
            self.phones.stop()

    def _show(self, scene: Any) -> None:
        self.app.reset(scene)
        if self.workshop.paused:
            self.app.show("paused", self, fade=False)

    def show_decision(self, restart_timer: bool = True) -> None:
        """The decision of the team whose turn it is (its timer starts now)."""
        w = self.workshop
        if w.finished:
            self.finish()
            return
        if restart_timer:
            w.timer.restart()
        play = TeamPlay(self, w.turn)
        self.app.play = play
        self._show(screens.make("workshop-decision", self, play))
        if self.mode == "turns" and len(w.teams) > 1 and self.state.handed != w.turn and not w.paused:
            self.state.handed = w.turn
            self.app.show("handover", self, w.turn, fade=False)

    def show_feedback(self, index: int, events: list[dict], title: str, vote: dict | None = None) -> None:
        play = TeamPlay(self, index, "feedback")
        self.app.play = play
        self._show(screens.make("workshop-feedback", self, play, events, title, vote))

    def after_feedback(self, index: int) -> None:
        """On from a team's feedback: its ending if its story ended, else the next decision."""
        if self.workshop.teams[index].session.ended and not self.workshop.ended:
            play = TeamPlay(self, index, "ending")
            self.app.play = play
            self._show(screens.make("workshop-ending", self, play))
        else:
            self.show_decision()

    def after_ending(self) -> None:
        self.show_decision()

    def finish(self) -> None:
        """End the session (every scorecard is recorded) and show the comparison."""
        w = self.workshop
        if self.state.comparison is None:
            if w.paused:
                w.resume()
            self.state.comparison = w.end()
        self.stop_phones()
        self.app.play = None
        self.app.reset_to("comparison", self)

    def leave(self, to_setup: bool = False) -> None:
        """Back to the title (or a new set-up); the workshop's text size floor goes."""
        app = self.app
        self.stop_phones()
        app.workshop = None
        app.play = None
        app.text_floor = 1.0
        app._configure()
        self.close_results()
        app.reset_to("title")
        if to_setup:
            app.show("workshop-setup", fade=False)

    def close_results(self) -> None:
        """Try once more to write what is pending (the store already keeps it in its pending file)."""
        store, self.results = self.results, None
        if store is None:
            return
        store.flush()
        if not self.shared_results:  # the app's own store is closed with the game
            store.close()

    # ----- answers ------------------------------------------------------------------------------
    def answer(self, index: int, answer: dict) -> list[dict]:
        if index != self.workshop.turn:
            raise InvalidAnswer("it is another team's turn")
        self.state.notice = ""
        return self.workshop.answer(answer, via=self.via)

    def vote(self, counts: dict[str, int], team_votes: dict[int, str]) -> list[dict]:
        phoned = self.phones.by_phone if self.phones is not None else set()
        events = self.workshop.vote(counts, team_votes, via={t: "phone" if t in phoned else "laptop" for t in team_votes})
        self.state.notice = ""
        self.state.votes[len(self.workshop.votes) - 1] = dict(team_votes)
        return events

    def last_vote(self) -> dict | None:
        votes = self.workshop.votes
        if not votes:
            return None
        record = dict(votes[-1])
        record["teams"] = self.state.votes.get(len(votes) - 1, {})
        return record

    # ----- trainer commands ---------------------------------------------------------------------
    def handle(self, action: Action) -> bool:
        """A trainer key on any workshop screen; True if it was one."""
        if action.kind == "letter" and action.target in COMMAND_FOR_LETTER:
            self.command(COMMAND_FOR_LETTER[action.target])
            return True
        return False

    def command(self, name: str) -> None:
        w, app = self.workshop, self.app
        if w.ended:
            return
        self.state.notice = ""
        if name == "pause":
            self.toggle_pause()
        elif name == "reveal":
            self.reveal()
        elif name == "add_time":
            if w.timer.limit is None:
                self.state.notice = _("The timer is off.")
            else:
                w.add_time(ADD_SECONDS)
                self.state.notice = _("30 seconds added.")
        elif name == "skip":
            if w.timer.limit is None:
                self.state.notice = _("The timer is off.")
            else:
                w.skip_timer()
                self.state.notice = _("The timer is skipped for this decision.")
        elif name == "leaderboard":
            app.show("leaderboard", self, once=True)
        elif name == "back":
            if not w.history:
                self.state.notice = _("There is no decision to take back.")
            elif not app.showing("confirm"):
                who = self.names[w.history[-1]] if self.mode == "turns" else _("the room")
                app.show("confirm", _("Go back one decision?"), _("The last answer ({team}) is taken back and its record removed.").format(team=who),
                         _("Go back"), self.go_back)
        elif name == "phones":
            if self.phones is None:
                self.state.notice = _("Teams answer on this screen in this workshop (no phones).")
            else:
                app.show("phones-join", self, once=True)
        elif name == "new_phone":  # from the join screen's button: a team whose phone is lost or flat gets a new link
            if self.phones is not None and self.phones.running:
                app.show("phones-new", self, once=True)
        elif name == "end":
            if not app.showing("confirm"):
                app.show("confirm", _("End the session?"), _("Every team's scorecard is recorded and the comparison debrief opens. The session cannot be continued."),
                         _("End the session"), self.finish, danger=True)
        self.refresh()

    def refresh(self) -> None:
        for scene in self.app.stack:
            scene.invalidate()
        self.app.dirty = True

    def toggle_pause(self) -> None:
        w, app = self.workshop, self.app
        if w.paused:
            w.resume()
            app.close_screens("paused")
        else:
            w.pause()
            app.show("paused", self)

    def reveal(self) -> None:
        if self.phones is not None and self.mode == "vote" and not self.phones.revealed and \
                any(self.phones.hides_votes(s) for s in self.app.stack):
            self.phones.revealed = True  # the phones' votes, shown on the vote screen
            return
        scene = next((s for s in reversed(self.app.stack) if hasattr(s, "show_revealed")), None)  # the team's feedback, held for the reveal
        if scene is None or not self.workshop.held:
            self.state.notice = _("No feedback is waiting to be revealed.")
            return
        scene.show_revealed(self.workshop.reveal())

    def go_back(self) -> None:
        w = self.workshop
        if w.back():
            who = self.names[w.turn] if self.mode == "turns" else _("The room")
            self.show_decision(restart_timer=False)
            self.state.notice = _("Went back one decision: {team} decides again.").format(team=who)
            self.refresh()


def _homepage(app: Any) -> str:
    """The home page of players' accounts the trainer set (the app's sender knows it), else the default."""
    results = getattr(app, "results", None)
    return (results.homepage() if results is not None and hasattr(results, "homepage") else "") or DEFAULT_HOMEPAGE


def open_results(app: Any = None) -> tuple[Any, bool]:
    """(the results store, whether it is the app's): the app's own store, which writes what is still pending
    when the game closes, or a new :class:`~game.store.results.ResultsStore`; None if even that cannot be made."""
    try:
        shared = getattr(app, "results", None)
        if shared is not None and hasattr(shared, "store"):
            return shared.store, True
        return ResultsStore(), False
    except Exception:  # the store promises not to raise; the workshop runs without it anyway
        return None, False
