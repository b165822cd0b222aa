"""``python main.py screenshots --out DIR``: every scene of the demo scenario, as PNG.

Plays the demo through the real UI (posting clicks and keys, as a player
would) in English and Bulgarian and saves a picture of each screen, named
``<lang>-<size>-<scale>[-hc]-<nn>-<screen>.png``. Runs headless when
``SDL_VIDEODRIVER=dummy`` is set (it is set here unless a driver was chosen).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

import pygame

from game.locale import languages as available_languages
from game.ui.app import App
from game.ui.prefs import Prefs

DEMO_ID = "demo-river-cleanup"
SEED = 7


def demo_walkthrough(app, shoot: Callable[[str], None]) -> None:
    """Title to debrief through every kind of screen; ``shoot(name)`` after each."""
    shoot("title")
    app.click("language")
    shoot("language")
    app.key(pygame.K_ESCAPE)
    app.key(pygame.K_F2)  # the chooser over the title when there are more than two languages (else F2 switches)
    if app.top.name == "language-chooser":
        shoot("language-chooser")
        app.key(pygame.K_ESCAPE)
    app.click("settings")
    shoot("settings")
    app.key(pygame.K_ESCAPE)
    app.click("help")
    shoot("help")
    app.click("glossary")
    shoot("glossary")
    app.key(pygame.K_ESCAPE)
    app.key(pygame.K_ESCAPE)
    app.click("play")
    shoot("library")
    app.click(f"map:{DEMO_ID}")
    shoot("story-map")
    app.key(pygame.K_ESCAPE)
    app.click(f"play:{DEMO_ID}")
    shoot("briefing")
    app.top.refresh()
    app.click("start" if app.top.view.find("start") else "start-over")  # an autosave offers resume instead
    shoot("choice")
    app.click("option:write-strategy")
    shoot("choice-selected")
    app.click("confirm")
    shoot("feedback")
    app.click("continue")
    for _ in range(5):
        app.click("plus:regional-forum")
    for _ in range(3):
        app.click("plus:local-visits")
    shoot("allocate")
    app.click("plus:local-visits")
    app.click("plus:local-visits")
    app.click("confirm")
    app.click("continue")
    app.click("option:call-and-meet")
    app.click("confirm")
    app.click("continue")
    app.click("research:green-future:past-projects")
    app.click("research:school-eco-club:ask-network")
    app.click("pick:green-future")
    shoot("pick")
    app.click("pick:school-eco-club")
    app.click("confirm")
    shoot("pick-feedback")
    app.click("continue")
    shoot("negotiate")
    for element, term in (("goals", "shared-goals"), ("responsibilities", "town-logistics"), ("contributions", "trucks-and-money"),
                          ("period", "one-year"), ("mechanism", "monthly"), ("benefits", "shared-credit")):
        app.click(f"term:{element}:{term}")
    app.click("propose")
    shoot("negotiate-round")
    app.click("ask:contributions")
    app.click("concede:mechanism")
    app.click("term:contributions:trucks-and-some")
    app.click("propose")
    app.key(pygame.K_F4)
    shoot("people")
    app.key(pygame.K_ESCAPE)
    app.key(pygame.K_ESCAPE)
    shoot("pause")
    app.key(pygame.K_ESCAPE)
    app.click("sign")
    app.click("continue")
    shoot("sequence")
    sort_sequence(app)
    app.click("confirm")
    app.click("continue")
    shoot("event")
    app.click("option:talk-openly")
    app.click("confirm")
    app.click("continue")
    for option in ("facts", "joint-review", "personal-thanks"):
        app.click(f"option:{option}")
        app.click("confirm")
        if option != "personal-thanks":
            app.click("continue")
    shoot("last-feedback")
    app.click("continue")
    shoot("ending")
    app.click("debrief")
    shoot("debrief")
    app.click("tab:decisions")
    shoot("debrief-decisions")
    app.click("tab:next")
    shoot("debrief-next")


def sort_sequence(app, mistakes: int = 0) -> None:
    """Put a sequence scene's steps in the right order with the up buttons."""
    scene = app.top
    correct = [s.id for s in scene.scene_model.steps]
    for index, step in enumerate(correct):
        while scene.order.index(step) > index:
            app.click(f"up:{step}")


def main(out: Path, sizes: tuple[tuple[int, int], ...] = ((1920, 1080),), scales: tuple[float, ...] = (1.0,),
         languages: tuple[str, ...] | None = None, high_contrast: bool = False, walkthrough: Callable | None = None) -> int:
    """Write the screenshots to ``out`` (of ``walkthrough``, the demo's by default; in ``languages``, by default all the game has); returns 0."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)

    previous = os.environ.get("BRIDGES_DATA_DIR")
    with tempfile.TemporaryDirectory(prefix="bridges-shots-") as data:
        os.environ["BRIDGES_DATA_DIR"] = data  # never touch the player's saves or settings
        try:
            for language in languages or available_languages():
                for size in sizes:
                    for scale in scales:
                        prefs = Prefs(language=language, text_scale=scale, high_contrast=high_contrast, motion=False)
                        app = App(size=size, prefs=prefs, seed=SEED)
                        tag = f"{language}-{size[0]}x{size[1]}-{round(scale * 100)}{'-hc' if high_contrast else ''}"
                        count = [0]

                        def shoot(name: str, app=app, tag=tag, count=count) -> None:
                            count[0] += 1
                            app.screenshot(out / f"{tag}-{count[0]:02d}-{name}.png")

                        try:
                            (walkthrough or demo_walkthrough)(app, shoot)
                        finally:
                            app.close()
        finally:
            if previous is None:
                os.environ.pop("BRIDGES_DATA_DIR", None)
            else:
                os.environ["BRIDGES_DATA_DIR"] = previous
    print(f"screenshots written to {out}")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")))
