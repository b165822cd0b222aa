"""The hostile-input suite (issue 10): every file in tests/data/hostile/ (and the
large ones made at test time) through each command that reads it.

Scenarios and pictures go through ``validate``, ``autoplay --policy random``,
``analyze --plays 50 --time-limit 10`` and the headless UI (the scenario opened
as by ``play FILE``, on to its first decision and a few answers); saves through the
library, the Save / Load screen and the briefing of their scenario; results
databases through ``report --db``, ``report --db --out`` and the UI (the
library's best scores, then a game played to the debrief).

Each run is a subprocess with its address space and CPU time limited
(``resource.setrlimit``). Each asserts: no traceback, no crash (no signal),
the exit code the command documents (0 fine, 1 problems found, 2 unusable
input), a message that names the file, a bounded CPU time and peak memory, and
the input left byte for byte as it was (a results database the UI plays a game
into is written, of course: there the game's decisions must be kept, in the
database or a pending file). Runs that still fail are marked xfail in KNOWN,
with the command that shows the failure. The runs are started together on
every core when the first test asks, so the suite takes about its CPU time
divided by the cores.

Run one case by hand, as the tests do::

    python main.py validate tests/data/hostile/scenarios/long-title.yaml
    python -m tests.test_hostile ui tests/data/hostile/scenarios/long-title.yaml
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.data.hostile import make

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = make.HERE
MEMORY_BYTES = 2 * 1024 ** 3     # address space of each run
MEMORY_BUDGET_KB = 512 * 1024    # the most memory (resident, at its peak) a run may use before the test calls it unbounded
CPU_LIMIT_S = 60                 # the kernel stops a run after this much CPU time (SIGXCPU)
CPU_BUDGET_S = 30                # what a run may take before the test calls it too slow
ANALYZE_TIME_LIMIT_S = 10        # analyze --time-limit: it cuts its work short after this and says so
WALL_LIMIT_S = 240               # a run still going after this long is killed (a loaded machine is slow, not stuck)
TRACEBACK = "Traceback (most recent call last)"

KNOWN: dict[str, str] = {}
"""Runs that still fail, and why: each test is marked xfail with the reason (not strict: it passes once fixed)."""


# ----- what each case should do -----------------------------------------------------------------

REFUSED = {"validate": 1, "autoplay": 2, "analyze": 2}  # the checker finds errors: every command says so
PLAYABLE = {"validate": 0, "autoplay": 0, "analyze": (0, 1)}  # analyze exits 1 when it has warnings for the author

SCENARIOS = {
    "valid": PLAYABLE,
    "resource-at-the-bound": PLAYABLE,
    "long-title": PLAYABLE,
    "long-words": PLAYABLE,
    "long-option": PLAYABLE,
    "loop-with-a-way-out": PLAYABLE,
    "10000-scenes": PLAYABLE,
    "no-option-holds": {"validate": 0, "autoplay": 1, "analyze": (0, 1)},  # a warning; autoplay says where it is stuck
    "picture-good": PLAYABLE,
    "picture-truncated": PLAYABLE,      # the header is fine: the game shows no picture
    "picture-more-pixels-than-header": PLAYABLE,   # decoded as the header says: 16 x 16
}
"""Scenario and picture cases the checker accepts; every other one is REFUSED."""

SHOWN = {"picture-good": "shown", "picture-more-pixels-than-header": "shown"}
"""Pictures the UI shows; every other one is refused (None)."""

SAVES = {
    "good": None,
    "long-title": None,
    "long-title-100000": None,
    "unknown-slot-name": None,            # the slot a save names is not used: the file's place is its slot
    "binary-junk": "foreign",
    "utf-16": "foreign",
    "not-an-object": "foreign",
    "sparse-3gb": "foreign",
    "future-format": "format",
    "another-scenario": "missing",
    "scenario-changed": "changed",
    "does-not-replay": "replay",
    "state-disagrees-with-log": "replay",
}
"""The code each save shows on the Save / Load screen (None: it loads); every other one is 'damaged'."""

DATABASES = {
    "good": 0,
    "scorecard-without-areas": 0,       # the list does not read the scorecards; the PNG export does
    "scorecard-areas-wrong-types": 0,
    "zero-length": 1,                   # no tables: 'report' says it cannot read them
}
"""``report``'s exit code; every other database is damaged somewhere and exits 1 with a warning."""


# ----- the runs ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    kind: str
    case: str
    command: str

    @property
    def id(self) -> str:
        return f"{self.kind}/{self.case}/{self.command}"

    @property
    def files(self) -> list[str]:
        return make.cases()[self.kind][self.case]


@dataclass
class Run:
    job: Job
    returncode: int
    stdout: str
    stderr: str
    cpu_s: float
    wall_s: float
    memory_kb: int
    inputs: dict[Path, tuple]
    after: dict[Path, tuple] = field(default_factory=dict)
    folder: Path = Path()

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def report(self) -> dict:
        lines = [line for line in self.stdout.splitlines() if line.startswith("{")]
        return json.loads(lines[-1]) if lines else {}

    def __str__(self) -> str:
        return (f"{self.job.id}: exit {self.returncode}, {self.cpu_s:.1f} s CPU, {self.wall_s:.1f} s, {self.memory_kb // 1024} MB\n"
                f"--- stdout\n{self.stdout[-3000:]}\n--- stderr\n{self.stderr[-3000:]}")


COMMANDS = {
    "scenarios": ("validate", "autoplay", "analyze", "ui"),
    "pictures": ("validate", "autoplay", "analyze", "ui"),
    "saves": ("ui-saves",),
    "databases": ("report", "report-export", "ui-results"),
}


def all_jobs() -> list[Job]:
    return [Job(kind, case, command) for kind, cases in make.cases().items() for case in cases for command in COMMANDS[kind]]


def prelude(peak: Path) -> str:
    """What each run does first: limit its memory and CPU time, and note its peak memory at exit
    (VmHWM of its own image: the rusage of a child counts the parent's memory it was forked with)."""
    return (f"import atexit, re, resource, sys; resource.setrlimit(resource.RLIMIT_AS, ({MEMORY_BYTES}, {MEMORY_BYTES})); "
            f"resource.setrlimit(resource.RLIMIT_CPU, ({CPU_LIMIT_S}, {CPU_LIMIT_S + 5})); sys.path.insert(0, {str(ROOT)!r}); "
            f"atexit.register(lambda: open({str(peak)!r}, 'w').write(re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read()).group(1))); ")


def fingerprint(path: Path) -> tuple:
    """The file's bytes in short: a hash of all of them (of its ends, size and blocks for a huge sparse file)."""
    stat = path.stat()
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        if stat.st_size <= 64 * 1024 ** 2:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
            return stat.st_size, digest.hexdigest()
        digest.update(handle.read(1 << 20))
        handle.seek(-(1 << 20), os.SEEK_END)
        digest.update(handle.read())
    return stat.st_size, stat.st_blocks, stat.st_mtime_ns, digest.hexdigest()


def prepare(job: Job, folder: Path) -> tuple[list[str], dict[str, str], list[Path]]:
    """Put the job's files in place under ``folder``; returns the command's arguments, its environment and the inputs."""
    data = folder / "data"
    data.mkdir(parents=True)
    env = {**os.environ, "BRIDGES_DATA_DIR": str(data), "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYTHONIOENCODING": "utf-8",
           "TMPDIR": str(folder / "tmp")}
    (folder / "tmp").mkdir()
    written = [make.write(relative, folder / "in") for relative in job.files]
    target = written[0]
    if job.kind in ("scenarios", "pictures"):
        cli = {"validate": ["validate", str(target)], "autoplay": ["autoplay", str(target), "--policy", "random"],
               "analyze": ["analyze", str(target), "--plays", "50", "--time-limit", str(ANALYZE_TIME_LIMIT_S)]}
        return (["cli", *cli[job.command]] if job.command in cli else ["ui", str(target)]), env, written
    if job.kind == "saves":
        valid = make.write("scenarios/valid.yaml", folder / "in")
        saves = data / "saves"
        saves.mkdir()
        slots = [saves / "autosave.json", saves / "slot2.json"]
        for slot in slots:
            if make.LARGE.get(job.files[0], True) is None:  # a sparse file: made in place, never copied
                make.write(job.files[0], folder / "in").rename(slot)
            else:
                shutil.copyfile(target, slot)
        return ["ui-saves", str(valid)], env, slots
    if job.command == "ui-results":
        valid = make.write("scenarios/valid.yaml", folder / "in")
        database = data / "results.sqlite3"
        shutil.copyfile(target, database)
        return ["ui-results", str(valid)], env, [database]
    extra = ["--out", str(folder / "out"), "--format", "csv,json,xapi,png"] if job.command == "report-export" else []
    return ["cli", "report", "--db", str(target), *extra], env, written


def run(job: Job, folder: Path) -> Run:
    """One job in a subprocess with limits; CPU time measured for this child alone."""
    args, env, inputs = prepare(job, folder)
    before = {path: fingerprint(path) for path in inputs}
    peak = folder / "peak-kb"
    if args[0] == "cli":
        code = prelude(peak) + "from game.cli import main; sys.exit(main(sys.argv[1:]))"
        argv = [sys.executable, "-c", code, *args[1:]]
    else:
        code = prelude(peak) + "from tests.test_hostile import main; sys.exit(main(sys.argv[1:]))"
        argv = [sys.executable, "-c", code, *args]
    out, err = folder / "stdout", folder / "stderr"
    started = time.perf_counter()
    with out.open("wb") as stdout, err.open("wb") as stderr:
        process = subprocess.Popen(argv, stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL, env=env, cwd=folder, start_new_session=True)
    timer = threading.Timer(WALL_LIMIT_S, _kill, (process.pid,))
    timer.start()
    try:
        _, status, usage = os.wait4(process.pid, 0)
    finally:
        timer.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)
    result = Run(job, process.returncode, out.read_text("utf-8", "replace"), err.read_text("utf-8", "replace"),
                 usage.ru_utime + usage.ru_stime, time.perf_counter() - started, int(peak.read_text() or 0) if peak.is_file() else 0, before, folder=folder)
    result.after = {path: fingerprint(path) if path.exists() else ("gone",) for path in inputs}
    return result


def _kill(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


class Runs:
    """Every selected job, started together on all cores when the first test asks for one."""

    def __init__(self, jobs: list[Job], root: Path):
        self.pool = ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2))
        slow_first = sorted(jobs, key=lambda j: (j.case != "10000-scenes", j.command not in ("analyze", "ui", "ui-saves", "ui-results")))
        self.futures: dict[Job, Future] = {job: self.pool.submit(run, job, root / job.id.replace("/", "-")) for job in slow_first}

    def __getitem__(self, job: Job) -> Run:
        return self.futures[job].result()


@pytest.fixture(scope="module")
def runs(request, tmp_path_factory):
    selected = [item.callspec.params["job"] for item in request.session.items
                if item.module is sys.modules[__name__] and hasattr(item, "callspec") and "job" in item.callspec.params]
    folder = tmp_path_factory.mktemp("hostile")
    started = Runs(selected, folder)
    yield started
    started.pool.shutdown(wait=True, cancel_futures=True)
    done = [f.result() for f in started.futures.values() if f.done() and not f.cancelled() and f.exception() is None]
    times = sorted(((r.cpu_s, r.wall_s, r.job.id, r.memory_kb // 1024) for r in done), reverse=True)
    (folder / "times.json").write_text(json.dumps(times, indent=1))
    reporter, capture = (request.config.pluginmanager.get_plugin(name) for name in ("terminalreporter", "capturemanager"))
    if reporter is not None and capture is not None and times:
        slowest = ", ".join(f"{name} {cpu:.1f} s" for cpu, _, name, _ in times[:3])
        with capture.global_and_fixture_disabled():
            reporter.write_line(f"\nhostile suite: {len(times)} runs, {sum(t[0] for t in times):.0f} s of CPU in all (slowest: {slowest}); {folder / 'times.json'}")


def job_params(kind: str) -> list:
    params = []
    for job in all_jobs():
        if job.kind != kind:
            continue
        marks = [pytest.mark.xfail(reason=KNOWN[job.id], strict=False)] if job.id in KNOWN else []
        params.append(pytest.param(job, id=job.id, marks=marks))
    return params


# ----- the common promises -------------------------------------------------------------------------


def check_common(result: Run, codes: int | tuple[int, ...], untouched: bool = True) -> None:
    codes = codes if isinstance(codes, tuple) else (codes,)
    assert TRACEBACK not in result.output, result
    assert result.returncode >= 0, f"killed by signal {-result.returncode}\n{result}"
    assert result.returncode in codes, result
    assert result.cpu_s < CPU_BUDGET_S, f"took {result.cpu_s:.1f} s of CPU\n{result}"
    assert result.memory_kb < MEMORY_BUDGET_KB, f"used {result.memory_kb // 1024} MB\n{result}"
    if untouched:
        assert result.after == result.inputs, f"an input file was changed\n{result}"


def names_the_file(result: Run, names: list[str]) -> bool:
    return any(Path(name).name in result.output for name in names)


# ----- scenarios and pictures --------------------------------------------------------------------------


def expected(job: Job) -> dict:
    return SCENARIOS.get(job.case, REFUSED)


@pytest.mark.parametrize("job", job_params("scenarios") + job_params("pictures"))
def test_a_hostile_scenario_or_picture(runs, job):
    result = runs[job]
    if job.command == "ui":
        check_common(result, 0)
        shown = result.report()
        assert shown, result
        if job.case in SCENARIOS:
            assert shown["first"] in ("choice", "event", "pick", "allocate", "negotiate", "sequence"), result
            if job.case == "no-option-holds":
                assert shown["stuck"], result
        else:  # listed in the library with the checker's messages, which name the file
            assert shown["first"] == "library" and shown["problems"], result
            assert any(Path(job.files[0]).name in problem for problem in shown["problems"]), result
        assert set(shown["pictures"].values()) <= {SHOWN.get(job.case)}, result
        return
    code = expected(job)[job.command]
    check_common(result, code)
    if job.case not in SCENARIOS:  # refused: the message says which file (and where in it)
        assert names_the_file(result, job.files), f"no message names the file\n{result}"
    elif job.command == "autoplay" and result.returncode:
        assert "scene 'intro' offers no option" in result.stdout and names_the_file(result, job.files), result


# ----- saves --------------------------------------------------------------------------------------


@pytest.mark.parametrize("job", job_params("saves"))
def test_a_hostile_save(runs, job):
    result = runs[job]
    check_common(result, 0)
    shown = result.report()
    code = SAVES.get(job.case, "damaged")
    assert shown.get("slots") == {"autosave": code, "slot2": code}, result
    if code is not None:  # the screen says why, and names the file it keeps as it is
        assert shown["reason"] in shown["saves_text"] and "slot2.json" in shown["saves_text"], f"the Save / Load screen does not say why\n{result}"
        assert shown["briefing"] == "choice", result  # a new game starts (after asking)
    else:
        assert shown["briefing"] == "briefing-resume", result  # the saved game is offered


# ----- results databases -----------------------------------------------------------------------------


@pytest.mark.parametrize("job", job_params("databases"))
def test_a_hostile_results_database(runs, job):
    result = runs[job]
    if job.command == "ui-results":
        check_common(result, 0, untouched=False)  # the game played writes to it
        shown = result.report()
        assert shown["library"] == "library" and shown["end"] == "debrief", result
        assert shown["library_left_it"] or job.case == "zero-length", f"opening the library changed the database\n{result}"
        assert shown["kept"] >= 2, f"the decisions of the game played were lost\n{result}"
        return
    code = DATABASES.get(job.case, 1)
    check_common(result, code)
    if code:
        assert "warning:" in result.stderr and names_the_file(result, ["results.sqlite3", *job.files]), result
        assert "No recorded sessions yet" not in result.stdout, result


# ----- the folder is what the script makes ------------------------------------------------------------


def test_the_committed_hostile_folder_is_what_the_script_makes():
    made = make.small_files()
    committed = {path.relative_to(HOSTILE).as_posix(): path.read_bytes() for kind in make.KINDS for path in (HOSTILE / kind).rglob("*") if path.is_file()}
    assert sorted(committed) == sorted(made), "run: python -m tests.data.hostile.make"
    stale = [name for name in made if committed[name] != made[name]]
    assert not stale, f"stale: {stale}; run: python -m tests.data.hostile.make"
    assert sum(len(data) for data in made.values()) < 256 * 1024  # small enough to commit; the results schema now has an outbox and a choices table
    assert not set(made) & set(make.LARGE)


# ----- the UI side of a run (python -m tests.test_hostile ui|ui-saves|ui-results PATH) ----------------------------------


def _app(scenario: Path | None = None, folders: list[Path] | None = None):
    from game.ui.app import App
    from game.ui.prefs import Prefs

    app = App(size=(1280, 720), prefs=Prefs(language="en", motion=False), scenario=scenario, folders=folders, seed=3)
    app.settle()
    return app


def _texts(app) -> str:
    from tests.ui.helpers import all_texts

    return all_texts(app)


def _answer_a_few(app, times: int = 4) -> None:
    """Take the first option and go on, a few times (keys, as a player would)."""
    import pygame

    for _ in range(times):
        if not app.running or app.play is None:
            return
        for key in (pygame.K_1, pygame.K_RETURN, pygame.K_RETURN):
            app.key(key)


def ui_scenario(path: Path) -> dict:
    """Open a scenario as ``play FILE`` does, to its first decision, then answer a few."""
    import pygame

    from game.ui import images

    app = _app(scenario=path, folders=[])
    shown: dict = {"opened": app.current_scene_name, "problems": [], "stuck": None}
    if app.current_scene_name == "briefing":
        app.click("start")
        if app.current_scene_name == "confirm":
            app.key(pygame.K_RETURN)
        shown["first"] = app.current_scene_name
        shown["stuck"] = app.play.session.stuck if app.play else None
        app.step()
        _answer_a_few(app)
    else:
        shown["first"] = app.current_scene_name
        shown["problems"] = [p for entry in app.top.entries for p in entry.problems]
    shown["last"] = app.current_scene_name
    shown["texts"] = _texts(app)[:2000]
    # the UI's own guard, whatever the checker said: every picture beside the scenario
    shown["pictures"] = {p.name: (None if images.fitted(p, 400, 300) is None else "shown")
                         for p in sorted(path.parent.iterdir()) if p.suffix in (".png", ".bmp", ".gif")}
    app.close()
    return shown


def ui_saves(scenario: Path) -> dict:
    """The library (it reads the autosave), the Save / Load screen and the briefing of the saves' scenario."""
    import pygame

    from game.ui import saving

    app = _app(folders=[scenario])
    app.click("play")
    shown: dict = {"library": app.current_scene_name}
    app.click("saves")
    app.step()
    slots = {s.slot: s for s in app.top.slots}
    shown["slots"] = {name: slots[name].code for name in ("autosave", "slot2")}
    shown["reason"] = saving.problem_text(slots["slot2"].code) if slots["slot2"].code else ""
    shown["saves_text"] = _texts(app)
    app.key(pygame.K_ESCAPE)
    app.click("play:hostile-base")
    briefing = app.top
    shown["briefing"] = "briefing-resume" if briefing.saved is not None else None
    app.click("resume" if briefing.saved is not None else "start")
    if app.current_scene_name == "confirm":  # a new game would replace the autosave: the game asks (Enter would cancel)
        app.click("yes")
    shown["briefing"] = shown["briefing"] or app.current_scene_name
    app.step()
    app.close()
    return shown


def ui_results(scenario: Path) -> dict:
    """The library (best scores from the database), then a game played to the debrief: its decisions are kept."""
    import sqlite3

    import pygame

    from game.store.paths import data_dir

    database = data_dir() / "results.sqlite3"
    before = database.read_bytes()
    app = _app(folders=[scenario])
    app.click("play")
    shown: dict = {"library": app.current_scene_name, "library_left_it": database.read_bytes() == before}
    app.click("play:hostile-base")
    app.click("start")
    _answer_a_few(app, 6)
    for _ in range(4):
        if app.current_scene_name == "debrief":
            break
        app.key(pygame.K_RETURN)
    shown["end"] = app.current_scene_name
    store = app.results.store
    app.close()
    pending = store.pending_file
    kept = 0
    if pending is not None and pending.is_file():
        kept = sum(1 for row in json.loads(pending.read_text("utf-8"))["rows"] if row["op"] == "decision")
    try:
        conn = sqlite3.connect(f"{store.path.as_uri()}?mode=ro", uri=True)
        kept += conn.execute("SELECT COUNT(*) FROM decisions d JOIN sessions s ON s.id = d.session_id WHERE s.started_at != ?", (make.START,)).fetchone()[0]
        conn.close()
    except sqlite3.Error:
        pass
    shown.update(kept=kept, problem=store.problem, pending=str(pending) if pending else None)
    return shown


def main(argv: list[str]) -> int:
    """A UI run in this process: print what was shown as one JSON line."""
    command, path = argv[0], Path(argv[1])
    shown = {"ui": ui_scenario, "ui-saves": ui_saves, "ui-results": ui_results}[command](path)
    print(json.dumps(shown, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    sys.exit(main(sys.argv[1:]))
