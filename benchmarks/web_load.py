"""Benchmark: phones under load. 40 WebSocket clients on the loopback address
answer for 8 teams (5 phones a team) through 20 plenary votes, while the game
runs its loop at 1920x1080.

Run: ``python -m benchmarks.web_load`` (headless: ``SDL_VIDEODRIVER=dummy``;
for a real display server ``xvfb-run -a -s "-screen 0 1920x1080x24" ...``).

It prints, measured in this run:

1. the time from a team's first answer leaving a phone to the first frame of
   the shared screen that shows the team as answered, 50th and 95th
   percentile over 8 teams x 20 decisions (target p95 < 200 ms);
2. the game's frame time (one step of its loop that paints a frame: the
   phones' answers taken and the teams' states painted) while the answers
   arrive, 50th and 95th percentile (target p95 < 8 ms); apart from it the
   frames that build a screen anew (the first of each vote) and the steps
   that change screen (the trainer decides, the next vote opens).
"""

from __future__ import annotations

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import asyncio
import json
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

TEAMS = 8
CLIENTS = 40
DECISIONS = 20
SIZE = (1920, 1080)
ROOT = Path(__file__).resolve().parents[1]
PACE = 0.4  # the trainer decides at most every 0.4 s (each phone then sends under the server's 4 messages a second)


def scenario_text(decisions: int = DECISIONS) -> str:
    """A scenario of ``decisions`` choices in a row, three options each, then an ending."""
    lines = ["format: 1", "id: load-test", 'title: {en: "Load test", bg: "Натоварване"}', 'summary: {en: "Many votes", bg: "Много гласувания"}',
             "languages: [en, bg]", "minutes: 20", "ngo:", '  name: {en: "Club", bg: "Клуб"}', '  cause: {en: "Parks", bg: "Паркове"}',
             '  town: {en: "Town", bg: "Град"}', "resources:", "  budget: {start: 100, min: 0}", "start: d1", "scenes:"]
    for n in range(1, decisions + 1):
        after = f"d{n + 1}" if n < decisions else "the-end"
        lines += [f"  d{n}:", "    kind: choice", "    phase: before", f'    text: {{en: "Decision {n}: which way?", bg: "Решение {n}: накъде?"}}', "    options:"]
        for option, rule in (("plan", "honours"), ("rush", "breaks"), ("wait", "breaks")):
            lines += [f"      - id: {option}", f'        text: {{en: "{option.title()} ({n})", bg: "{option} ({n})"}}',
                      f"        evidence: {{{rule}: [flow.before.strategy]}}", f"        next: {after}"]
    lines += ["  the-end:", "    kind: ending", "    outcome: success", '    text: {en: "The end.", bg: "Край."}']
    return "\n".join(lines) + "\n"


class Clients:
    """40 phones in a process of their own (as phones are: they take no time from the game's process), one event loop:
    each answers every open vote for its team, after 0-30 ms. Times are ``time.monotonic()``, one clock for both processes."""

    def __init__(self, url: str, tokens: list[str]):
        self.url, self.tokens = url, tokens
        self.first_sent: dict[tuple[int, int], float] = {}
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.errors: list[str] = []

    async def main(self, stop_file: Path) -> None:
        import aiohttp

        async def watch() -> None:
            while not stop_file.exists():
                await asyncio.sleep(0.1)
            self.stop.set()

        async with aiohttp.ClientSession() as session:
            await asyncio.gather(watch(), *(self.phone(session, i) for i in range(CLIENTS)))

    async def phone(self, session, index: int) -> None:
        team = index % TEAMS
        rng = random.Random(index)
        token = self.tokens[team]
        async with session.ws_connect(self.url + "/ws") as ws:
            await ws.send_str(json.dumps({"type": "hello", "token": token}))
            answered = -1
            while not self.stop.is_set():
                try:
                    msg = await ws.receive(timeout=0.5)
                except asyncio.TimeoutError:
                    continue
                if msg.type != 1:  # not text: closed
                    return
                view = json.loads(msg.data)
                if view.get("type") == "error":
                    self.errors.append(view.get("message", ""))
                if view.get("type") != "view" or view.get("state") != "answer" or view["decision"] == answered:
                    continue
                answered = view["decision"]
                await asyncio.sleep(rng.uniform(0, 0.03))
                option = view["scene"]["options"][(team + index) % len(view["scene"]["options"])]["id"]
                sent = time.monotonic()
                with self.lock:
                    self.first_sent.setdefault((answered, team), sent)
                await ws.send_str(json.dumps({"type": "answer", "token": token, "decision": answered, "answer": {"choose": option}}))


def clients_process(url: str, folder: Path) -> int:
    """The phones' process: runs until ``stop`` appears in ``folder``, then writes what it sent to ``sent.json``."""
    clients = Clients(url, json.loads((folder / "tokens.json").read_text()))
    asyncio.run(clients.main(folder / "stop"))
    (folder / "sent.json").write_text(json.dumps({"sent": [[d, t, at] for (d, t), at in clients.first_sent.items()], "errors": clients.errors}))
    return 0


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> int:
    os.environ.setdefault("BRIDGES_DATA_DIR", tempfile.mkdtemp(prefix="bridges-bench-"))
    from game.ui.app import App
    from game.ui.library import load_entry
    from game.ui.prefs import Prefs
    from game.ui.workshop.phones import Phones
    from game.ui.workshop.run import Setup, WorkshopRun
    from game.web.server import Limits

    folder = Path(tempfile.mkdtemp(prefix="bridges-load-"))
    path = folder / "load-test.yaml"
    path.write_text(scenario_text(), encoding="utf-8")
    app = App(size=SIZE, prefs=Prefs(language="en", motion=False), seed=1)
    entry = load_entry(path, app.rulebook.ids)
    assert entry.ok, entry
    run = WorkshopRun(app, Setup(entry, [f"Team {i + 1}" for i in range(TEAMS)], list(range(TEAMS)), mode="vote", timer=None))
    run.phones = Phones(run, "127.0.0.1", 0, limits=Limits(per_address=CLIENTS + 8, connections=CLIENTS + 8))
    if not run.phones.start():
        print(run.phones.problem)
        return 1
    run.start()
    app.top.activate("close")  # the trainer closes the large code: the vote screen shows
    app.settle()
    app.screenshot(folder / "warm-up.png")  # the first frame fills the font caches; it is not measured
    phones = run.phones
    (folder / "tokens.json").write_text(json.dumps(phones.room.tokens))
    clients = subprocess.Popen([sys.executable, "-m", "benchmarks.web_load", "--clients", phones.server.url, str(folder)], cwd=ROOT)
    shown_at: dict[tuple[int, int], float] = {}

    latencies: list[float] = []
    answering: list[float] = []  # frames that only show answers arriving
    rebuilds: list[float] = []  # frames that build a screen anew (the first frame of each vote)
    changing: list[float] = []
    decided = 0
    opened = time.perf_counter()
    deadline = time.monotonic() + 120
    while decided < DECISIONS and time.monotonic() < deadline:
        frames = app.frames
        rebuilt = app.dirty or any(scene.stale for scene in app.stack)
        start = time.perf_counter()
        app.step()
        took = time.perf_counter() - start
        if app.frames != frames:
            drawn = time.monotonic()
            (rebuilds if rebuilt else answering).append(took)
            for team in phones.answered():
                shown_at.setdefault((phones.number, team), drawn)
        if len(phones.answered()) == TEAMS and app.current_scene_name == "vote" and time.perf_counter() - opened >= PACE:
            start = time.perf_counter()
            app.top.decide()  # the trainer decides: the votes are counted, the feedback shows
            app.step()
            app.top.activate("continue")  # and on to the next vote
            app.step()
            changing.append(time.perf_counter() - start)
            decided += 1
            opened = time.perf_counter()
        elif app.frames == frames:
            time.sleep(0.0005)
    (folder / "stop").write_text("")
    finished = decided == DECISIONS
    clients.wait(30)
    run.finish()
    app.close()
    report = json.loads((folder / "sent.json").read_text())
    errors = report["errors"]
    for decision, team, sent in report["sent"]:
        drawn = shown_at.get((decision, team))
        if drawn is not None:
            latencies.append(drawn - sent)

    reasons = sorted(set(errors))
    print(f"phones: {CLIENTS} WebSocket clients on 127.0.0.1 for {TEAMS} teams, {decided} of {DECISIONS} votes decided"
          f"{'' if finished else ' (TIMED OUT)'}; answers refused: {len(errors)} {reasons[:3]}")
    if latencies:
        p50, p95 = percentile(latencies, 50) * 1000, percentile(latencies, 95) * 1000
        print(f"answer -> shared screen shows the team answered: p50 {p50:.1f} ms, p95 {p95:.1f} ms over {len(latencies)} "
              f"(target p95 < 200 ms: {'met' if p95 < 200 else 'NOT met'})")
    if answering:
        p50, p95 = percentile(answering, 50) * 1000, percentile(answering, 95) * 1000
        print(f"frame time at {SIZE[0]}x{SIZE[1]} while answers arrive: p50 {p50:.2f} ms, p95 {p95:.2f} ms over {len(answering)} frames "
              f"(target p95 < 8 ms: {'met' if p95 < 8 else 'NOT met'})")
    if rebuilds:
        print(f"frames that build a new vote screen: p50 {percentile(rebuilds, 50) * 1000:.2f} ms, p95 {percentile(rebuilds, 95) * 1000:.2f} ms "
              f"over {len(rebuilds)} frames")
    if changing:
        print(f"the trainer decides and the next vote opens (two frames, new screens): median {statistics.median(changing) * 1000:.1f} ms")
    return 0 if finished else 1


if __name__ == "__main__":
    if sys.argv[1:2] == ["--clients"]:
        sys.exit(clients_process(sys.argv[2], Path(sys.argv[3])))
    sys.exit(main())
