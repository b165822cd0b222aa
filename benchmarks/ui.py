"""Benchmark: the UI's start-up time, frame cost and idle CPU.

Run: ``python -m benchmarks.ui`` (headless: ``SDL_VIDEODRIVER=dummy``; for a
real display server use ``xvfb-run -a -s "-screen 0 1920x1080x24" ...``).

It prints, each measured in this same run:

1. time from process start to the first interactive frame, for Bridges and
   for a bare pygame-ce program that opens a window and draws 20 text
   surfaces (median of several runs; target < 0.5 s and at most 2.5x bare);
2. CPU time per frame at 1920x1080 on the busiest screens, 95th percentile,
   for the three kinds of frame: a hover or press (only that button is
   repainted), a full repaint (the view is cached), and a rebuild plus full
   repaint (after the state changed); target < 4 ms;
3. CPU used by the real loop on a static screen over 10 s (target < 2 % of
   one core).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1920, 1080)
RUNS = 7
IDLE_SECONDS = 10.0

BARE = """
import os, sys
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import pygame
pygame.display.init(); pygame.font.init()
screen = pygame.display.set_mode((1920, 1080))
font = pygame.font.Font({font!r}, 28)
screen.fill((240, 240, 240))
for i in range(20):
    screen.blit(font.render(f"Text surface number {{i}}", True, (20, 20, 20)), (40, 40 + i * 48))
pygame.display.flip()
pygame.event.pump()
print("ready", flush=True)
"""

APP = """
import sys
sys.path.insert(0, {root!r})
from game.ui.app import App
app = App(size=(1920, 1080))
app.draw()
import pygame
pygame.event.pump()
print("ready", flush=True)
"""

IDLE = """
import sys, time
sys.path.insert(0, {root!r})
import pygame
from game.ui.app import App
app = App(size=(1920, 1080))
app.draw()
pygame.time.set_timer(pygame.QUIT, {ms}, 1)
start_cpu, start_wall = time.process_time(), time.perf_counter()
app.run()
print(time.process_time() - start_cpu, time.perf_counter() - start_wall, app.frames, flush=True)
"""


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("SDL_VIDEODRIVER", "dummy")
    env.setdefault("SDL_AUDIODRIVER", "dummy")
    env["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
    env["BRIDGES_DATA_DIR"] = tempfile.mkdtemp(prefix="bridges-bench-")
    if sys.platform.startswith("linux"):
        env.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")  # what the game sets; the bare program gets it too
    return env


def time_to_ready(code: str) -> float:
    """Seconds from spawning a Python process to its "ready" line."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=child_env(), cwd=ROOT)
    line = process.stdout.readline()
    elapsed = time.perf_counter() - start
    process.wait()
    if line.strip() != "ready":
        raise RuntimeError(f"the child did not start: {line!r}")
    return elapsed


def startup() -> tuple[float, float]:
    font = str(ROOT / "assets" / "fonts" / "NotoSans-Regular.ttf")
    bare, app = [], []
    for _ in range(RUNS):  # interleaved, so both see the same machine load
        bare.append(time_to_ready(BARE.format(font=font)))
        app.append(time_to_ready(APP.format(root=str(ROOT))))
    return statistics.median(bare), statistics.median(app)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def frame_costs(frames: int = 150) -> dict[str, tuple[float, float, float]]:
    """{screen: p95 ms of (hover repaint, full repaint, rebuild + full repaint)} at 1920x1080, in this process."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ["BRIDGES_DATA_DIR"] = tempfile.mkdtemp(prefix="bridges-bench-")
    import pygame

    from game.ui.app import App
    from game.ui.prefs import Prefs
    from game.ui.screenshots import demo_walkthrough

    wanted = {"pick", "negotiate-round", "sequence", "feedback", "debrief", "library", "people", "event"}
    results: dict[str, tuple[float, float, float]] = {}
    app = App(size=SIZE, prefs=Prefs(language="en", motion=False), seed=7)

    def measure(name: str) -> None:
        if name not in wanted:
            return
        app.settle()
        scene = app.top
        targets = [t for t in scene.view.targets if t.enabled and scene.view.on_screen(t, scene.scroll).w]
        hover, repaint, rebuild = [], [], []
        for i in range(frames):
            pos = scene.view.on_screen(targets[i % len(targets)], scene.scroll).center
            app.post(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
            start = time.process_time()
            app.step()
            hover.append((time.process_time() - start) * 1000)
            app.dirty = True
            start = time.process_time()
            app.step()
            repaint.append((time.process_time() - start) * 1000)
            scene.invalidate()
            start = time.process_time()
            app.step()
            rebuild.append((time.process_time() - start) * 1000)
        results[name] = (percentile(hover, 0.95), percentile(repaint, 0.95), percentile(rebuild, 0.95))

    demo_walkthrough(app, measure)
    app.close()
    return results


def idle_cpu() -> tuple[float, float, int]:
    """(CPU seconds, wall seconds, frames drawn) of the real loop on the title screen."""
    code = IDLE.format(root=str(ROOT), ms=int(IDLE_SECONDS * 1000))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=child_env(), cwd=ROOT, check=True).stdout.split()
    return float(out[0]), float(out[1]), int(out[2])


def main() -> int:
    driver = os.environ.get("SDL_VIDEODRIVER", "dummy")
    print(f"Bridges UI benchmark (SDL video driver: {driver}, window {SIZE[0]}x{SIZE[1]}, Python {sys.version.split()[0]})")
    bare, app = startup()
    ratio = app / bare
    print(f"1. process start to first interactive frame, median of {RUNS}:")
    print(f"   bare pygame-ce, 20 text surfaces  {bare * 1000:7.0f} ms")
    print(f"   Bridges title screen              {app * 1000:7.0f} ms   ({ratio:.2f}x bare; target < 500 ms and <= 2.5x)")
    costs = frame_costs()
    print("2. CPU per frame at 1920x1080, 95th percentile, ms: hover (partial repaint) / full repaint / rebuild + full repaint")
    for name, (hover, repaint, rebuild) in sorted(costs.items(), key=lambda item: -item[1][2]):
        print(f"   {name:18} {hover:6.2f} / {repaint:6.2f} / {rebuild:6.2f}")
    busiest = max(costs, key=lambda n: costs[n][2])
    hover, repaint, rebuild = costs[busiest]
    print(f"   busiest: {busiest}: {hover:.2f} ms hover, {repaint:.2f} ms repaint, {rebuild:.2f} ms after a change (target < 4 ms)")
    cpu, wall, frames = idle_cpu()
    print(f"3. static title screen, real loop for {wall:.1f} s: {cpu * 1000:.0f} ms CPU = {100 * cpu / wall:.2f} % of one core, {frames} frames drawn (target < 2 %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
