"""One play of one scenario: the engine session, autosave, results, progress and scorecard.

Decision scenes call :meth:`Play.answer`; it asks the engine, writes the
autosave (:class:`game.store.saves.SaveStore`), records the decision with
the seconds it took in the results store, and returns the engine's plain
events for the feedback screen.
"""

from __future__ import annotations

import random
import time
from collections import deque
from typing import Any, Callable

from game.scoring.answers import ELEMENT_NAMES  # noqa: F401  (the scenes read the agreement's part names here)
from game.ui.i18n import N_, _, language, tr
from game.ui.library import Entry
from game.ui.scenes.chrome import notice_strip

RESOURCE_NAMES = {"budget": N_("Budget"), "weeks": N_("Weeks"), "reputation": N_("Reputation"), "network": N_("Network")}
KIND_NAMES = {
    "partner": N_("Partner"), "liaison": N_("Liaison"), "facilitator": N_("Facilitator"), "supporter": N_("Supporter"),
    "media": N_("Media"), "sponsor": N_("Sponsor"), "counterpart": N_("Counterpart"),
}


def source_line(rulebook: Any, rule_id: str) -> str:
    """"Handbook: <section title>" for a rule's advice, in the current language ("" for an unknown rule)."""
    section = rulebook.section_of(rule_id) if rule_id in rulebook.by_id else None
    return _("Handbook: {section}").format(section=tr(section.title)) if section else ""


def left_scene(events: list[dict]) -> bool:
    """True if these events moved the story on (not research or a negotiation round)."""
    return any(e.get("type") in ("scene", "ended") for e in events)


class Play:
    """A session of one scenario, autosaved and recorded after every decision.

    ``results`` is the app's :class:`game.ui.recorder.Results` (None: nothing
    is recorded); ``recorder`` carries a results session over from another
    Play of the same game (after F5 reloads the scenario).
    """

    preview = False  # True for a play opened from the story map: not autosaved, not recorded

    def __init__(self, entry: Entry, rulebook: Any, session: Any | None = None, seed: int | None = None,
                 results: Any = None, recorder: Any = None, clock: Callable[[], float] = time.monotonic):
        from game.core.engine import Session

        self.entry = entry
        self.scenario = entry.scenario
        self.rulebook = rulebook
        if session is None:
            session = Session(self.scenario, seed=random.randrange(1_000_000) if seed is None else seed, scenario_hash=entry.hash)
        self.session = session
        self.save_problem: str | None = None
        self.notice: tuple[str, str] | None = None  # (text, colour) shown under the status bar until the next decision
        self._scorecard: dict | None = None
        self._recorded = False
        self._distance = self._distances()
        self.clock = clock
        self._shown = clock()
        self._paused_at: float | None = None
        self.results = results
        if recorder is None and results is not None:
            from game.ui.recorder import Recorder  # lazy: the xAPI statements load with the first recorded game

            recorder = Recorder(results, self.scenario.id, entry.hash, session.state.log, language(), session.ended, scenario=self.scenario)
        self.recorder = recorder
        self.check_results()

    # ----- decisions ----------------------------------------------------------
    def answer(self, answer: dict) -> list[dict]:
        """Apply an answer (InvalidAnswer propagates, state unchanged), autosave it and record it."""
        scene = self.session.scene_id
        seconds = self.elapsed()
        events = self.session.answer(answer)
        self.decision_shown()  # the next answer's time starts now
        self._scorecard = None
        self.notice = None
        self.autosave()
        if self.recorder is not None:
            self.recorder.decision(len(self.session.state.log) - 1, scene, answer, seconds, events)
            self.check_results()
        return events

    def autosave(self) -> None:
        from game.store.saves import SaveError, SaveStore

        if self.preview:  # a trainer's play from the story map keeps the player's autosave as it is
            return
        try:
            SaveStore().autosave(self.session)
            self.save_problem = None
        except OSError as exc:
            self.save_problem = str(exc.strerror or exc)
        except SaveError as exc:
            self.save_problem = str(exc)

    def check_results(self) -> None:
        """Show the results store's problem once (a notice under the status bar); the game goes on."""
        if self.results is None:
            return
        if self.results.take_notice() is not None:
            self.notice = (_("Results are not being recorded: {problem} Your game goes on.").format(problem=self.results.problem_text()), "bad")

    # ----- time a decision takes (not counting the menu) ----------------------------
    def decision_shown(self) -> None:
        """A decision screen appeared: its clock starts."""
        self._shown = self.clock()
        self._paused_at = None

    def elapsed(self) -> float:
        """Seconds since the decision was shown (or the last answer), without time in the menu."""
        now = self.clock()
        return max(0.0, (self._paused_at if self._paused_at is not None else now) - self._shown)

    def pause_clock(self) -> None:
        if getattr(self, "clock", None) is not None and getattr(self, "_paused_at", None) is None:  # (a workshop's team play keeps no clock)
            self._paused_at = self.clock()

    def resume_clock(self) -> None:
        if getattr(self, "_paused_at", None) is not None:
            self._shown += self.clock() - self._paused_at
            self._paused_at = None

    def band(self, b: Any, top: int) -> int:
        """Under the status bar: the notice, if there is one (results not recorded, scenario reloaded)."""
        if self.notice is None:
            return top
        return notice_strip(b, top, *self.notice)

    # ----- names ----------------------------------------------------------------
    def resource_name(self, resource_id: str) -> str:
        resource = self.scenario.resources.get(resource_id)
        if resource is not None and resource.label is not None:
            return tr(resource.label)
        return _(RESOURCE_NAMES[resource_id]) if resource_id in RESOURCE_NAMES else resource_id

    def cast_name(self, cast_id: str) -> str:
        member = self.scenario.member(cast_id)
        return tr(member.name) if member else cast_id

    def trait_name(self, trait: str) -> str:
        definition = self.scenario.traits.get(trait)
        return tr(definition.name) if definition else trait.replace("_", " ")

    def trait_value(self, trait: str, value: Any) -> str:
        definition = self.scenario.traits.get(trait)
        if definition is not None and str(value) in definition.values:
            return tr(definition.values[str(value)])
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        return str(value)

    def rule_title(self, rule_id: str) -> str:
        rule = self.rulebook.by_id.get(rule_id)
        return tr(rule.title) if rule else rule_id

    def rule_advice(self, rule_id: str) -> str:
        rule = self.rulebook.by_id.get(rule_id)
        return tr(rule.advice) if rule else ""

    def rule_source(self, rule_id: str) -> str:
        """Where the advice comes from: the handbook section's title."""
        return source_line(self.rulebook, rule_id)

    # ----- progress -------------------------------------------------------------
    def _distances(self) -> dict[str, int]:
        """Fewest scenes from each scene to an ending (events on the way do not count)."""
        from game.core.graph import edges

        graph = edges(self.scenario)
        reverse: dict[str, set[str]] = {sid: set() for sid in graph}
        for source, targets in graph.items():
            for target in targets:
                reverse.setdefault(target, set()).add(source)
        distance = {sid: 0 for sid, scene in self.scenario.scenes.items() if scene.kind == "ending"}
        queue = deque(distance)
        while queue:
            current = queue.popleft()
            for source in reverse.get(current, ()):
                if source not in distance:
                    distance[source] = distance[current] + 1
                    queue.append(source)
        return distance

    def progress(self) -> tuple[int, int]:
        """(decisions taken, decisions in all) counting scenes, the rest estimated by the shortest way on."""
        state = self.session.state
        done = len(state.visited) - 1
        current = state.scene
        left = self._distance.get(current)
        if left is None and state.resume:
            left = self._distance.get(state.resume[-1], 0) + 1
        left = left or 0
        if self.session.ended:
            return done, done
        return done, done + left

    # ----- results --------------------------------------------------------------
    def scorecard(self) -> dict | None:
        """The grader's scorecard (None if the grader is not available)."""
        if self._scorecard is None:
            try:
                from game.scoring.grader import grade
            except ImportError:
                return None
            self._scorecard = grade(self.scenario, self.session, self.rulebook)
        return self._scorecard

    def record_result(self) -> bool:
        """Record the scorecard and end the results session, once per play; True if it is a new best score."""
        if self._recorded or not self.session.ended:
            return False
        self._recorded = True
        card = self.scorecard()
        if not card or self.recorder is None or self.recorder.session_id is None:
            return False
        before = self.results.best_scores().get(self.scenario.id)
        self.recorder.finish(card)
        self.check_results()
        overall = card.get("overall")
        if overall is None or self.results.problem is not None:
            return False
        return before is None or overall > (before.get("overall") or 0)
