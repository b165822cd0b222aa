"""Benchmark: what a frame costs while each animation runs, and that an idle screen costs nothing after.

Run: ``SDL_VIDEODRIVER=dummy python -m benchmarks.motion [--size 1920x1080]``.

For each animation (a change of screen, a pick card's turn, the negotiation's trust gauge, the debrief's
counting score) it drives the real app with motion on, times every frame from the press that starts the
animation to its end (handle, update, rebuild, repaint: CPU time of ``App.step``), and prints the frame
count, p50, p95 and the slowest frame against the 60 fps budget (16.7 ms); the first frame (the one that
handles the press and builds the new state) is shown apart, as it is not the animation's. The change of
screen is measured on a second opening of the library (its first opening reads the scenarios). Then it
checks that the app stops asking for frames (``animating`` is False) and that a further step repaints nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

BUDGET_MS = 1000 / 60
DEMO = "demo-river-cleanup"


def timed_run(app, start) -> list[float]:
    """Start an animation (``start()`` posts the press), then step until it ends; CPU ms of each step."""
    start()
    costs = []
    for _ in range(200):
        began = time.process_time()
        app.step(16)
        costs.append((time.process_time() - began) * 1000)
        if not app.animating:
            break
    return costs


def press(app, target_id: str):
    def go() -> None:
        pos = app.target_center(target_id)
        app.post(pygame.MOUSEBUTTONDOWN, pos=pos, button=1)
        app.post(pygame.MOUSEBUTTONUP, pos=pos, button=1)
    return go


def key(app, code: int):
    def go() -> None:
        app.post(pygame.KEYDOWN, key=code, mod=0, unicode="", scancode=0)
        app.post(pygame.KEYUP, key=code, mod=0, unicode="", scancode=0)
    return go


def measure(size: tuple[int, int]) -> dict[str, list[float]]:
    os.environ["BRIDGES_DATA_DIR"] = tempfile.mkdtemp(prefix="bridges-motion-")
    from game.ui.app import App
    from game.ui.prefs import Prefs
    from game.ui.scenes.debrief import DebriefScene

    app = App(size=size, prefs=Prefs(language="en", motion=True), seed=7)
    app.settle()
    found: dict[str, list[float]] = {}
    app.click("play")
    app.key(pygame.K_ESCAPE)
    found["change of screen"] = timed_run(app, press(app, "play"))
    app.key(pygame.K_ESCAPE)
    entry = next(e for e in app.library() if e.id == DEMO)
    app.play_from_scene(entry, "choose-partners")
    app.settle()
    app.top.refresh()
    research = next(t.id for t in app.top.view.targets if t.id.startswith("research:") and t.enabled)
    found["pick card's turn"] = timed_run(app, press(app, research))
    app.play_from_scene(entry, "negotiate-agreement")
    app.settle()
    for code in (pygame.K_2, pygame.K_1, pygame.K_3, pygame.K_1, pygame.K_2, pygame.K_1):
        app.key(code)
    found["trust gauge"] = timed_run(app, key(app, pygame.K_RETURN))
    found["debrief count-up"] = timed_run(app, lambda: app.reset(DebriefScene(app.play)))
    frames = app.frames
    app.step(16)
    idle = not app.animating and app.frames == frames
    app.close()
    found["idle after"] = [0.0] if idle else [float("nan")]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1920x1080")
    args = parser.parse_args(argv)
    size = tuple(int(v) for v in args.size.lower().split("x"))
    found = measure(size)  # type: ignore[arg-type]
    print(f"frame CPU time while animating at {size[0]}x{size[1]} (budget {BUDGET_MS:.1f} ms)")
    print(f"{'animation':<20} {'press ms':>8} {'frames':>6} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}")
    for name, costs in found.items():
        if name == "idle after":
            continue
        first, ordered = costs[0], sorted(costs[1:])
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        print(f"{name:<20} {first:>8.2f} {len(ordered):>6} {statistics.median(ordered):>7.2f} {p95:>7.2f} {max(ordered):>7.2f}")
    print("idle after the animations: " + ("no frames requested, nothing repainted" if found["idle after"] == [0.0] else "STILL PAINTING"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
