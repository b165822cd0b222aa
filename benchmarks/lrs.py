"""Benchmark: 10,000 recorded decisions flushed to a local Ralph LRS, and the game's frame time while the sender runs.

Run: ``python -m benchmarks.lrs [--decisions 10000]`` (needs the test extra: ``ralph-malph``; headless with
``SDL_VIDEODRIVER=dummy``). It prints, each measured in this same run:

1. recording: decisions a second through :class:`game.store.results.ResultsStore` (each decision and its
   statement in one durable transaction);
2. sending: statements a second from the outbox to Ralph (file back end, loopback), by
   :func:`game.xapi.sender.send_all` in one thread, and by the background :class:`Sender` while the game draws;
3. frames: wall time of a full repaint of the demo's first decision at 1920x1080, 95th percentile, with no
   sender, and while the sender flushes the outbox (target: p95 within 1 ms of the first).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ["BRIDGES_DATA_DIR"] = tempfile.mkdtemp(prefix="bridges-bench-lrs-")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SIZE = (1920, 1080)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def record(db: Path, decisions: int) -> float:
    """Record random plays of the demo until ``decisions`` decisions; returns decisions a second."""
    from game.core.checker import check_file
    from game.core.engine import Session
    from game.core.policies import POLICIES
    from game.scoring.rulebook import default_rulebook
    from game.store.results import ResultsStore
    from game.xapi.actors import agent
    from game.xapi.statements import PlayStatements

    rulebook = default_rulebook()
    scenario = check_file(ROOT / "scenarios" / "demo-river-cleanup.yaml", rulebook.ids).scenario
    store = ResultsStore(db)
    rng = random.Random(1)
    done = 0
    start = time.perf_counter()
    while done < decisions:
        session = Session(scenario, seed=rng.randrange(10**6))
        sid = store.start_session(scenario.id, "bench", "en", player={"name": f"player {done % 50}"})
        made = PlayStatements(scenario, sid, "en", agent(f"player {done % 50}", "https://training.example.org", sid))
        while not session.ended and done < decisions:
            answer = POLICIES["random"](session, rng)
            scene = session.scene_id
            events = session.answer(answer)
            seq = len(session.state.log) - 1
            store.record_decision(sid, 0, seq, scene, answer, 2.0, xapi=lambda at: [made.decision(seq, scene, answer, events, 2.0, at)])
            done += 1
    store.close()
    return decisions / (time.perf_counter() - start)


def frames_while(app, running, least: int) -> list[float]:
    """Wall ms of full repaints, at least ``least`` of them and for as long as ``running()``."""
    times = []
    while len(times) < least or running():
        app.dirty = True
        start = time.perf_counter()
        app.step()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decisions", type=int, default=10_000)
    args = parser.parse_args(argv)

    import shutil
    import sqlite3

    from game.xapi.config import LrsConfig
    from game.xapi.sender import Sender, send_all
    from tests.xapi.ralph import KEY, SECRET, Ralph

    work = Path(tempfile.mkdtemp(prefix="bridges-bench-ralph-"))
    db = work / "results.sqlite3"
    rate = record(db, args.decisions)
    print(f"recording: {args.decisions} decisions with their statements, {rate:.0f} decisions/s")

    copy = work / "copy.sqlite3"
    shutil.copy(db, copy)
    server = Ralph(work / "lrs-one").start()
    start = time.perf_counter()
    status = send_all(copy, LrsConfig(server.endpoint, KEY, SECRET))
    took = time.perf_counter() - start
    server.kill()
    print(f"sending in one thread: {status.sent} statements in {took:.1f} s, {status.sent / took:.0f} statements/s ({status.state})")

    from game.ui.app import App
    from game.ui.prefs import Prefs

    app = App(size=SIZE, prefs=Prefs(language="en", motion=False), seed=7)
    app.click("play")
    app.click("play:demo-river-cleanup")
    app.click("start")
    app.settle()
    baseline = frames_while(app, lambda: False, 300)
    server = Ralph(work / "lrs-two", nice=10).start()  # on a server in the field, not on the laptop
    sender = Sender(db, LrsConfig(server.endpoint, KEY, SECRET))
    waiting = lambda: sqlite3.connect(db).execute("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL").fetchone()[0]  # noqa: E731
    start = time.perf_counter()
    sender.start()
    during = frames_while(app, lambda: sender.status.state not in ("sent", "offline", "error", "unauthorized") or waiting() > 0, 300)
    took = time.perf_counter() - start
    sender.stop()
    server.kill()
    app.close()
    print(f"sending in the background while the game draws: {sender.total_sent} statements in {took:.1f} s, {sender.total_sent / took:.0f} statements/s")
    p_base, p_during = percentile(baseline, 0.95), percentile(during, 0.95)
    print(f"frame (full repaint, {SIZE[0]}x{SIZE[1]}, {app.current_scene_name if app.stack else 'choice'}): p95 {p_base:.2f} ms without the sender "
          f"({len(baseline)} frames, median {statistics.median(baseline):.2f}), p95 {p_during:.2f} ms while it sends ({len(during)} frames, "
          f"median {statistics.median(during):.2f}); difference {p_during - p_base:+.2f} ms (target within 1 ms)")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
