"""Benchmark: the UI's start-up time, frame cost and idle CPU.

Run: ``python -m benchmarks.ui`` (headless: ``SDL_VIDEODRIVER=dummy``; for a
real display server use ``xvfb-run -a -s "-screen 0 1920x1080x24" ...``).

It prints, each measured in this same run:

1. time from process start to the first interactive frame, for Bridges (its
   title screen) and for a bare pygame-ce program that opens a window of the
   same size and flips one frame (both :mod:`benchmarks.first_frame`; median
   of several runs; target < 0.5 s and at most 2.5x bare);
2. CPU time per frame at 1920x1080 on the busiest screens, 95th percentile,
   for three kinds of frame: a hover (only that button is repainted), a
   full repaint (the view is cached: a scroll, an uncovered window), and the
   frame after a click that changes the state (handle it, rebuild the view,
   repaint what differs); target < 4 ms;
   the busiest of them that shows a place's backdrop and a face is named,
   and the time to rasterise a backdrop the first time (then it is cached);
3. CPU used by the real loop on a static screen over 10 s once the preload
   is done (target < 2 % of one core), and the preload's own CPU (once, in
   the background while the title shows);
4. time from the key press (or click) that opens a screen to the repaint
   that shows it, for the first open in a fresh process (the key pressed a
   second after the title appears; not the first start after installing,
   whose check of the shipped scenarios is then cached) and for later
   opens; target p95 < 150 ms; and on a screen with a place's backdrop (drawn
   in the background) the time to the repaint that shows it.

``python -m benchmarks.ui --opens`` measures only part 4. The measured processes
find their modules' bytecode cached, as an installed game does; ``--source``
measures a checkout run with ``PYTHONDONTWRITEBYTECODE`` (every start compiles).
"""

from __future__ import annotations

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1920, 1080)
RUNS = 15
IDLE_SECONDS = 10.0
DEMO = "demo-river-cleanup"

IDLE = """
import sys, threading, time
sys.path.insert(0, {root!r})
import pygame
from game.ui.app import App
app = App(size=(1920, 1080))
app.draw()
start_cpu = time.process_time()
app.start_preload()
while any(t.name == "bridges-preload" for t in threading.enumerate()) or app.idle_work():  # App.run's loop until it is done
    app.step()
    time.sleep(0.004)
preload = time.process_time() - start_cpu
app.start_preload = lambda: None  # it has run: App.run starts it only once
pygame.time.set_timer(pygame.QUIT, {ms}, 1)
start_cpu, start_wall = time.process_time(), time.perf_counter()
app.run()
print(time.process_time() - start_cpu, time.perf_counter() - start_wall, app.frames, preload, flush=True)
"""


SOURCE = "--source" in sys.argv[1:]
"""Measure the game compiling its modules at every start (a checkout run with PYTHONDONTWRITEBYTECODE), not as installed."""
PYCACHE = tempfile.mkdtemp(prefix="bridges-bench-pycache-")


def child_env() -> dict[str, str]:
    """The measured processes' environment: headless, a data folder of their own, and the modules' bytecode cached
    as an installed game has it (pip compiles them when it installs; pygame-ce's own are compiled too), unless --source."""
    env = dict(os.environ)
    if not SOURCE:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = PYCACHE  # the first run of each program compiles; the counted ones find it done
    env.setdefault("SDL_VIDEODRIVER", "dummy")
    env.setdefault("SDL_AUDIODRIVER", "dummy")
    env["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
    env["BRIDGES_DATA_DIR"] = tempfile.mkdtemp(prefix="bridges-bench-")
    if sys.platform.startswith("linux"):
        env.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")  # what the game sets; the bare program gets it too
    return env


def time_to_ready(*args: str) -> float:
    """Seconds from spawning ``python -m benchmarks.first_frame ARGS`` to its "ready" line."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "benchmarks.first_frame", *args], stdout=subprocess.PIPE, text=True, env=child_env(), cwd=ROOT)
    line = process.stdout.readline()
    elapsed = time.perf_counter() - start
    process.wait()
    if line.strip() != "ready":
        raise RuntimeError(f"the child did not start: {line!r}")
    return elapsed


def startup() -> tuple[float, float]:
    bare, app = [], []
    time_to_ready("--bare"), time_to_ready()  # warm-up, not counted (and the bytecode compiled)
    for _ in range(RUNS):  # interleaved, so both see the same machine load
        bare.append(time_to_ready("--bare"))
        app.append(time_to_ready())
    return statistics.median(bare), statistics.median(app)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


TOGGLES = {  # targets that change the state but keep the screen: a frame "after a change"
    "negotiate-round": ["term:contributions:trucks-and-some", "term:contributions:trucks-only", "term:mechanism:quarterly", "term:mechanism:monthly"],
    "pick": ["pick:school-eco-club", "pick:school-eco-club", "pick:fishers-union", "pick:fishers-union"],
    "allocate": ["minus:regional-forum", "plus:business-fair", "minus:business-fair", "plus:regional-forum"],
    "sequence": ["down:{0}", "up:{0}"],
    "event": ["option:blame-publicly", "option:talk-openly", "option:cover-quietly"],
    "choice": ["option:write-everyone", "option:write-strategy", "option:wait"],
    "debrief": ["tab:decisions", "tab:summary"],
}


staged: set[str] = set()  # the measured screens that show a backdrop and a face


def has_stage(view, width: int) -> bool:
    """Whether a built view shows a place's backdrop (a picture as wide as the window) and a drawn face."""
    from game.ui.art.paint import Picture
    from game.ui.view import Art

    pictures = [i for i in view.items if isinstance(i, Art) and isinstance(i.paint, Picture)]
    return any(i.rect.w == width for i in pictures) and any(i.rect.w < width // 3 for i in pictures)


def backdrop_costs() -> tuple[float, float]:
    """(median, worst) ms to rasterise one place's backdrop for a 1920-wide window, the first time (then it is cached)."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    from game.core.looks import PLACES
    from game.ui.art import places

    pygame.display.init()
    pygame.display.set_mode((64, 64))
    times = []
    for name in PLACES:
        places.clear()
        start = time.perf_counter()
        places.band(name, SIZE[0], 420)
        times.append((time.perf_counter() - start) * 1000)
    pygame.display.quit()
    return statistics.median(times), max(times)


def frame_costs(frames: int = 120) -> dict[str, tuple[float, float, float, int]]:
    """{screen: (p95 ms of hover, of full repaint, of the frame after a change; items drawn)} at 1920x1080."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ["BRIDGES_DATA_DIR"] = tempfile.mkdtemp(prefix="bridges-bench-")
    import pygame

    from game.ui.app import App
    from game.ui.art import places
    from game.ui.prefs import Prefs
    from game.ui.screenshots import demo_walkthrough

    results: dict[str, tuple[float, float, float, int]] = {}
    staged.clear()
    app = App(size=SIZE, prefs=Prefs(language="en", motion=False), seed=7)

    def timed() -> float:  # the game loop's own CPU (the drawing thread is idle while frames are measured)
        start = time.thread_time()
        app.step()
        return (time.thread_time() - start) * 1000

    def measure(name: str) -> None:
        if name not in TOGGLES:
            return
        app.settle()
        places.idle()  # the backdrops warmed ahead at start are drawn: their thread's CPU is not a frame's
        scene = app.top
        first = getattr(scene, "order", ["?"])[0]
        toggles = [t.format(first) for t in TOGGLES[name]]
        hover, repaint, change = [], [], []
        for i in range(frames):
            targets = [t for t in scene.view.targets if t.enabled and scene.view.on_screen(t, scene.scroll).w]
            app.post(pygame.MOUSEMOTION, pos=scene.view.on_screen(targets[i % len(targets)], scene.scroll).center, rel=(0, 0), buttons=(0, 0, 0))
            hover.append(timed())
            app.dirty = True
            repaint.append(timed())
            pos = app.target_center(toggles[i % len(toggles)])
            app.step()
            app.post(pygame.MOUSEBUTTONDOWN, pos=pos, button=1)
            app.post(pygame.MOUSEBUTTONUP, pos=pos, button=1)
            change.append(timed())
        results[name] = (percentile(hover, 0.95), percentile(repaint, 0.95), percentile(change, 0.95), len(scene.view.items))
        if has_stage(scene.view, SIZE[0]):
            staged.add(name)

    demo_walkthrough(app, measure)
    app.close()
    return results


def idle_cpu() -> tuple[float, float, int, float]:
    """(CPU seconds, wall seconds, frames drawn) of the real loop on the title screen once the preload is done, and the
    preload's own CPU seconds (a first start: the shipped scenarios are checked, as after installing)."""
    code = IDLE.format(root=str(ROOT), ms=int(IDLE_SECONDS * 1000))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=child_env(), cwd=ROOT, check=True).stdout.split()
    return float(out[0]), float(out[1]), int(out[2]), float(out[3])


OPENS = {  # screen: (the way there, the press that opens it, the scene name it shows, later opens, a backdrop); "key:NAME" or a target id
    "library": ([], "key:1", "library", True, False),
    "workshop set-up": ([], "key:2", "workshop-setup", True, False),
    "language": ([], "key:3", "language", True, False),
    "settings": ([], "key:4", "settings", True, False),
    "help": ([], "key:F1", "help", True, False),
    "glossary": (["key:F1"], "glossary", "glossary", True, False),
    "save/load": (["key:1"], "saves", "saves", True, False),
    "briefing": (["key:1"], f"play:{DEMO}", "briefing", True, True),
    "first decision": (["key:1", f"play:{DEMO}"], "start", "choice", False, True),  # Esc there opens the menu, not the way back
}
OPEN_LATER = 8      # later opens measured in each process, after the first
OPEN_RUNS = 8       # processes per screen: each gives one first open
FIRST_KEY_S = 1.0   # the loop runs this long on the title before the first press, as a person takes to press it

OPEN = """
import json, sys, time
sys.path.insert(0, {root!r})
import pygame
from game.ui.app import App
from game.ui.prefs import Prefs
from game.ui.view import Art
app = App(size=(1920, 1080), prefs=Prefs(language="en"))
app.draw()
idle = getattr(app, "idle_work", lambda: False)  # (a checkout from before the preload has none, measured for comparison)
getattr(app, "start_preload", lambda: None)()  # as App.run does after its first frame
until = time.perf_counter() + {wait}
while time.perf_counter() < until:  # App.run's idle loop
    app.step()
    if not idle():
        time.sleep(0.004)

def press(how):
    if how.startswith("key:"):
        key = getattr(pygame, "K_" + how[4:])
        app.post(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0)
        app.post(pygame.KEYUP, key=key, mod=0, unicode="", scancode=0)
    else:
        app.click(how)

def band_shown():
    scene = app.top
    return not scene.stale and any(isinstance(i, Art) and i.rect.w == app.size[0] for i in scene.view.items)

def opened():
    if {how!r}.startswith("key:"):
        start = time.perf_counter(); press({how!r})
    else:
        pos = app.target_center({how!r})
        app.post(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)); app.step()
        start = time.perf_counter()
        app.post(pygame.MOUSEBUTTONDOWN, pos=pos, button=1); app.post(pygame.MOUSEBUTTONUP, pos=pos, button=1)
    app.step()  # handle the press, build the screen, repaint
    elapsed = time.perf_counter() - start
    if app.current_scene_name != {name!r}:
        raise SystemExit("opened " + app.current_scene_name + ", not " + {name!r})
    until = start + 2
    while {backdrop} and not band_shown() and time.perf_counter() < until:  # as App.run's loop: the backdrop, when it arrives
        time.sleep(0.002)
        app.step()
    shown = time.perf_counter() - start if band_shown() else None
    app.settle()
    return elapsed, shown

for how in {way!r}:
    press(how); app.settle()
times = [opened()]
for _ in range({later}):
    app.key(pygame.K_ESCAPE)  # back to where it was opened from
    times.append(opened())
print(json.dumps(times), flush=True)
"""


CHECK_ONCE = """
import sys
sys.path.insert(0, {root!r})
from game.scoring.rulebook import default_rulebook
from game.ui.library import default_folders, load_library
load_library(default_folders(), default_rulebook().ids)
"""
"""The game's first start after it is installed: it checks the shipped scenarios (and caches the results)."""


Opens = tuple[list[float], list[float], list[float]]  # first opens, later opens, the backdrop shown (s after the press)


def open_times() -> dict[str, Opens | str]:
    """{screen: (first opens, later opens, backdrops shown) in seconds from the key press (or click) to the repaint that
    shows it (and to the one that shows its backdrop, on a screen that has one), or why it did not open}."""
    results: dict[str, Opens | str] = {}
    env = child_env()  # one data folder for all: the shipped scenarios' checks are cached from the first start on
    subprocess.run([sys.executable, "-c", CHECK_ONCE.format(root=str(ROOT))], check=True, env=env, cwd=ROOT)
    warm = OPEN.format(root=str(ROOT), wait=FIRST_KEY_S, way=["key:1", f"play:{DEMO}"], how="start", name="choice", later=0, backdrop=False)
    subprocess.run([sys.executable, "-c", warm], check=True, env=env, cwd=ROOT, capture_output=True)  # warm-up: every screen's bytecode
    for screen, (way, how, name, again, backdrop) in OPENS.items():
        first, later, shown = [], [], []
        for _ in range(OPEN_RUNS):
            code = OPEN.format(root=str(ROOT), wait=FIRST_KEY_S, way=way, how=how, name=name, later=OPEN_LATER if again else 0,
                               backdrop=backdrop)
            run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT)
            if run.returncode:
                results[screen] = (run.stdout + run.stderr).strip().splitlines()[-1]
                break
            times = json.loads(run.stdout.strip().splitlines()[-1])
            first.append(times[0][0])
            later.extend(t[0] for t in times[1:])
            shown.extend(t[1] for t in times if t[1] is not None)
        else:
            results[screen] = (first, later, shown)
    return results


def report_opens() -> None:
    print(f"4. key press to the repaint that opens a screen, ms: p95 of the first open ({OPEN_RUNS} fresh processes) / "
          f"p95 of later opens ({OPEN_RUNS * OPEN_LATER}) (target < 150 ms on both); then, on a screen with a backdrop, "
          "the p95 to the repaint that shows it (drawn in the background: the screen shows first, the picture then)")
    worst = 0.0
    for screen, times in open_times().items():
        if isinstance(times, str):
            print(f"   {screen:16} did not open: {times}")
            continue
        first, later, shown = times
        worst = max(worst, percentile(first, 0.95), percentile(later, 0.95) if later else 0.0)
        again = f"{percentile(later, 0.95) * 1000:5.0f}" if later else "    -"
        backdrop = f"   backdrop shown {percentile(shown, 0.95) * 1000:4.0f}" if shown else ""
        print(f"   {screen:16} {percentile(first, 0.95) * 1000:7.0f} / {again}{backdrop}")
    print(f"   slowest p95: {worst * 1000:.0f} ms (load average now {' '.join(f'{v:.1f}' for v in os.getloadavg())})")


def main() -> int:
    driver = os.environ.get("SDL_VIDEODRIVER", "dummy")
    print(f"Bridges UI benchmark (SDL video driver: {driver}, window {SIZE[0]}x{SIZE[1]}, Python {sys.version.split()[0]}, "
          f"{'modules compiled at every start (--source)' if SOURCE else 'bytecode cached as installed'}, load average "
          f"{' '.join(f'{v:.1f}' for v in os.getloadavg())})")
    if "--opens" in sys.argv[1:]:
        report_opens()
        return 0
    bare, app = startup()
    ratio = app / bare
    print(f"1. process start to first interactive frame, median of {RUNS}:")
    print(f"   bare pygame-ce, one frame         {bare * 1000:7.0f} ms")
    print(f"   Bridges title screen              {app * 1000:7.0f} ms   ({ratio:.2f}x bare; target < 500 ms and <= 2.5x)")
    costs = frame_costs()
    print("2. CPU per frame of the game loop's thread at 1920x1080, 95th percentile, ms: hover / full repaint / after a change (click, rebuild, repaint what differs)")
    for name, (hover, repaint, change, items) in sorted(costs.items(), key=lambda item: -item[1][3]):
        print(f"   {name:16} {items:4} items   {hover:6.2f} / {repaint:6.2f} / {change:6.2f}")
    busiest = max(costs, key=lambda n: costs[n][3])
    hover, repaint, change, items = costs[busiest]
    print(f"   busiest ({items} items): {busiest}: {hover:.2f} ms hover, {repaint:.2f} ms full repaint, {change:.2f} ms after a change (target < 4 ms)")
    worst = max(costs, key=lambda n: costs[n][2])
    print(f"   slowest frame after a change: {worst}, {costs[worst][2]:.2f} ms")
    if staged:
        scene = max(staged, key=lambda n: costs[n][3])
        hover, repaint, change, items = costs[scene]
        print(f"   busiest with a backdrop and a face ({items} items): {scene}: {hover:.2f} ms hover, {repaint:.2f} ms full repaint, "
              f"{change:.2f} ms after a change (target < 4 ms)")
    median, most = backdrop_costs()
    print(f"   a backdrop rasterised for a 1920-wide window, once per place and width: median {median:.0f} ms, worst {most:.0f} ms")
    cpu, wall, frames, preload = idle_cpu()
    print(f"3. static title screen, real loop for {wall:.1f} s after the preload: {cpu * 1000:.0f} ms CPU = {100 * cpu / wall:.2f} % of one core, "
          f"{frames} frames drawn (target < 2 %); the preload itself, once: {preload * 1000:.0f} ms CPU")
    report_opens()
    return 0


if __name__ == "__main__":
    sys.exit(main())
