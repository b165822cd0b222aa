"""F5: read the scenario being played again from disk, for a trainer editing it.

The new version is checked; if it has problems, the checker's messages
(``file:line:col: path: message``) are shown over the game and the version
loaded before keeps running. Otherwise the decision log is replayed on the
new version, which brings the player back to the same decision; if a logged
decision no longer fits (the story now goes elsewhere, or an option is gone)
the player is told which one and may restart the scenario.

In the library F5 reads the scenario folders again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.core.engine import InvalidAnswer, Session
from game.ui import images
from game.ui.i18n import _, tr
from game.ui.library import load_entry
from game.ui.play import Play


@dataclass
class Misfit:
    """The first logged decision that does not fit the new version."""

    number: int        # 1-based
    scene: str         # the scene it was made in
    reached: str       # where the new version's story is at that point
    invalid: bool      # the story is there, but the answer is not possible any more


def replay(scenario: Any, scenario_hash: str, seed: int, log: list[dict]) -> tuple[Any, Misfit | None]:
    """The session after replaying ``log`` on ``scenario``, or where it stops fitting."""
    session = Session(scenario, seed=seed, scenario_hash=scenario_hash)
    for index, entry in enumerate(log):
        answer = {k: v for k, v in entry.items() if k != "scene"}
        if entry.get("scene") != session.state.scene or session.ended:
            return None, Misfit(index + 1, str(entry.get("scene")), session.state.scene, False)
        try:
            session.answer(answer)
        except InvalidAnswer:
            return None, Misfit(index + 1, str(entry.get("scene")), session.state.scene, True)
        except Exception:  # an edited scenario is untrusted input: treat anything else as a misfit too
            return None, Misfit(index + 1, str(entry.get("scene")), session.state.scene, True)
    return session, None


def scene_name(scenario: Any, scene_id: str) -> str:
    scene = scenario.scenes.get(scene_id) if scenario is not None else None
    title = getattr(scene, "title", None) if scene is not None else None
    return tr(title) if title is not None else scene_id


def misfit_text(misfit: Misfit, old: Any, new: Any) -> str:
    if misfit.invalid:
        return _("Your decision {n} in “{scene}” is not possible in the new version (an option, a card or a step may have changed).").format(
            n=misfit.number, scene=scene_name(old, misfit.scene))
    return _("Your decision {n} was made in “{scene}”, but in the new version the story is at “{now}” by then.").format(
        n=misfit.number, scene=scene_name(old, misfit.scene), now=scene_name(new, misfit.reached))


def reload_scenario(app: Any) -> None:
    """What F5 does: reload the scenario of the solo game (or the library's folders)."""
    play = app.play
    if play is None or app.workshop is not None or type(play) is not Play:
        if app.showing("library"):
            app.top.reload()
        return
    images.forget()
    while app.showing("reload-problems", "reload-misfit"):
        app.pop(fade=False)
    entry = load_entry(play.entry.path, app.rulebook.ids)
    if not entry.ok:
        app.show("reload-problems", entry, fade=False)
        return
    state = play.session.state
    session, misfit = replay(entry.scenario, entry.hash, state.seed, state.log)
    if misfit is not None:
        app.show("reload-misfit", entry, misfit_text(misfit, play.scenario, entry.scenario), fade=False)
        return
    app.play = Play(entry, app.rulebook, session=session, results=app.results, recorder=play.recorder)
    if app.play.notice is None:
        app.play.notice = (_("Reloaded {file}: you are back at the same decision.").format(file=entry.path.name), "good")
    app.show_current_decision()


def restart(app: Any, entry: Any) -> None:
    """Start the reloaded scenario from the beginning (after a misfit)."""
    app.start_play(entry)
