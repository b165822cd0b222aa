"""The workshop's screens for the screenshots tool:
``python main.py screenshots --workshop --out DIR`` (or ``python -m game.ui.workshop.shots DIR``).

:func:`workshop_walkthrough` plays the demo as a workshop through the real
UI: the set-up, three teams in turn to the comparison debrief, then a
plenary vote of three teams to its comparison, shooting every screen on the
way. The team plans are also what the tests play.
"""

from __future__ import annotations

from typing import Callable

import pygame

from game.ui.i18n import language
from game.ui.screenshots import main as shots
from game.ui.screenshots import sort_sequence

DEMO = "demo-river-cleanup"

# what each team answers, by scene (a choice's option, an allocation, the picks, how to order the steps)
GOOD = {
    "strategy": "write-strategy", "where-to-look": {"regional-forum": 5, "local-visits": 5}, "first-contact": "call-and-meet",
    "choose-partners": ["school-eco-club", "fishers-union"], "media-steps": "sort", "partner-slips": "talk-openly",
    "cleanup-day": "facts", "evaluate": "joint-review", "thank-partners": "personal-thanks",
}
HASTY = {
    "strategy": "wait", "where-to-look": {"business-fair": 10}, "first-contact": "mayor-orders",
    "choose-partners": ["green-future", "danube-events"], "media-steps": "as-shown", "partner-slips": "blame-publicly",
    "cleanup-day": "our-anniversary", "evaluate": "move-on", "thank-partners": "nothing-more",
}


def answer(app, plan: dict) -> None:
    """Answer the decision screen on top through the UI, from a plan (a negotiation: walk away)."""
    scene = app.top
    want = plan.get(scene.scene_id)
    if scene.name in ("choice", "event"):
        app.click(f"option:{want or scene.options()[0].id}")
        app.click("confirm")
    elif scene.name == "allocate":
        for share, points in (want or {scene.scene_model.options[0].id: scene.scene_model.points}).items():
            for _ in range(points):
                app.click(f"plus:{share}")
        app.click("confirm")
    elif scene.name == "pick":
        for cast in want or [c.cast for c in scene.scene_model.pool[:scene.count]]:
            app.click(f"pick:{cast}")
        app.click("confirm")
    elif scene.name == "negotiate":
        app.click("walk-away")
        app.click("yes")
    elif scene.name == "sequence":
        if want == "sort":
            sort_sequence(app)
        app.click("confirm")
    else:
        raise ValueError(f"not a decision screen: {scene.name}")


def play_to_comparison(app, on_decision: Callable, limit: int = 200) -> list[str]:
    """Decisions (``on_decision(scene)``), feedback and endings until the comparison; returns the screens seen."""
    seen = []
    for _ in range(limit):
        name = app.current_scene_name
        seen.append(name)
        if name == "comparison":
            return seen
        if name in ("feedback", "ending"):
            app.click("continue")
        else:
            on_decision(app.top)
    raise RuntimeError("the workshop never reached the comparison")


def type_text(app, text: str) -> None:
    for char in text:
        app.post(pygame.TEXTINPUT, text=char)
    app.settle()


def set_up(app, mode: str, names: tuple[str, ...], timer: str = "timer:0", reveal: str = "reveal:instant", shoot: Callable | None = None) -> None:
    """On the set-up screen: the demo, three teams (the first ones renamed by typing), timer, feedback, mode; then start."""
    app.click(f"scenario:{DEMO}")
    for index, name in enumerate(names):
        app.click(f"name:{index}")
        type_text(app, name)
        if shoot is not None and index == 0:
            shoot("ws-setup-typing")
        app.key(pygame.K_RETURN)
    app.click(timer)
    app.click(reveal)
    app.click(f"mode:{mode}")
    if shoot is not None:
        shoot("ws-setup")
    app.click("start")


TEAM_NAMES = {"en": ("Eagles", "Owls"), "bg": ("Орли", "Сови"), "el": ("Αετοί", "Κουκουβάγιες"), "ro": ("Vulturii", "Bufnițele"), "pl": ("Orły", "Sowy")}
"""Two teams' names for the screenshots, as a trainer would type them in each language."""


def workshop_walkthrough(app, shoot: Callable[[str], None]) -> None:
    """Title to two comparison debriefs (teams in turn, then a plenary vote); ``shoot(name)`` on every screen."""
    names = TEAM_NAMES.get(language(), TEAM_NAMES["en"])
    shoot("ws-title")
    app.click("workshop")
    set_up(app, "turns", names, timer="timer:60", reveal="reveal:trainer", shoot=shoot)
    shoot("ws-turn-choice")
    app.key(pygame.K_2)
    shoot("ws-turn-choice-selected")
    app.key(pygame.K_RETURN)
    shoot("ws-feedback-held")
    app.key(pygame.K_r)
    shoot("ws-feedback-revealed")
    app.click("continue")
    shoot("ws-turn-team-2")
    app.workshop.workshop.timer.started -= 61  # let the timer run out
    app.step()
    shoot("ws-time-up")
    app.key(pygame.K_t)
    shoot("ws-time-added")
    app.key(pygame.K_l)
    shoot("ws-leaderboard")
    app.key(pygame.K_ESCAPE)
    app.key(pygame.K_p)
    shoot("ws-paused")
    app.key(pygame.K_p)
    app.key(pygame.K_ESCAPE)
    shoot("ws-menu")
    app.click("help")
    shoot("ws-help")
    app.key(pygame.K_ESCAPE)
    app.key(pygame.K_ESCAPE)
    answer(app, HASTY)
    app.click("continue")
    app.key(pygame.K_b)
    shoot("ws-back-confirm")
    app.click("yes")
    shoot("ws-went-back")
    plans = [GOOD, HASTY, GOOD]
    shots = {"allocate", "pick", "negotiate", "sequence", "event"}

    def decide(scene) -> None:
        if scene.name in shots and scene.play.index == 0:
            shots.discard(scene.name)
            shoot(f"ws-turn-{scene.name}")
        answer(app, plans[scene.play.index])
        if app.current_scene_name == "feedback":
            app.key(pygame.K_r)  # the trainer reveals every feedback
            if app.top.play.session.ended and app.top.play.index == 0:
                app.click("continue")
                shoot("ws-ending")
                app.click("continue")

    play_to_comparison(app, decide)
    shoot("ws-comparison")
    app.click("tab:splits")
    shoot("ws-comparison-splits")
    app.key(pygame.K_END)
    shoot("ws-comparison-splits-end")
    app.click("tab:rules")
    shoot("ws-comparison-rules")

    # a plenary vote
    app.click("again")
    set_up(app, "vote", names)
    shoot("ws-vote")
    for key in (pygame.K_2, pygame.K_2):
        app.key(key)
    shoot("ws-vote-keys")
    app.key(pygame.K_3)
    app.click("confirm")
    shoot("ws-vote-feedback")
    app.click("continue")
    votes = iter([(4, 1), (3, 3), (5, 0), (2, 4), (4, 2), (1, 5), (3, 1)])

    def vote(scene) -> None:
        if scene.name != "vote":
            if scene.name == "pick":
                shoot("ws-vote-pick")
            answer(app, GOOD)
            return
        first, second = [o.id for o in scene.options()][:2]
        a, b = next(votes, (1, 0))
        for option, count in ((first, a), (second, b)):
            for _ in range(count):
                app.click(f"more:{option}")
        if scene.scene_id == "cleanup-day":
            shoot("ws-vote-counts")
        app.click("confirm")

    play_to_comparison(app, vote)
    shoot("ws-vote-comparison")
    app.click("tab:splits")
    shoot("ws-vote-comparison-splits")


def main(out, sizes=((1920, 1080),), scales=(1.0,), languages: tuple[str, ...] | None = None, high_contrast: bool = False) -> int:
    """The workshop's screenshots in ``languages`` (default: every language the game has)."""
    return shots(out, sizes=sizes, scales=scales, languages=languages, high_contrast=high_contrast, walkthrough=workshop_walkthrough)


if __name__ == "__main__":
    import sys
    from pathlib import Path

    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")))
