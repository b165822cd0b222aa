"""The command line: ``python main.py [command]`` (or ``bridges [command]``).

Commands: play (the default), validate, autoplay, schema, analyze, coverage,
new, graph, report, screenshots.
Exit codes: 0 fine, 1 problems found, 2 wrong usage or unreadable input.
Bad input never ends in a traceback: every message names the file, line
and column and what to do.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Sequence

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"
SCHEMAS = ROOT / "schemas"
RULEBOOK_NAME = "rulebook.yaml"


class UsageError(Exception):
    """A wrong command line or unreadable input: exit 2 with this message."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bridges", description="Bridges: a serious game about building NGO partnerships.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    play = sub.add_parser("play", help="start the game (the default)")
    play.add_argument("scenario", nargs="?", help="a scenario file or folder to play directly")
    play.add_argument("--lang", choices=["en", "bg"], help="language to start in")
    play.add_argument("--size", help="window size, such as 1280x720")
    play.add_argument("--fullscreen", action="store_true")

    validate = sub.add_parser("validate", help="check scenario files and folders")
    validate.add_argument("paths", nargs="+", metavar="PATH")
    validate.add_argument("--strict", action="store_true", help="treat warnings as problems (exit 1)")

    autoplay = sub.add_parser("autoplay", help="play a scenario to an ending with a simple policy")
    autoplay.add_argument("scenario")
    autoplay.add_argument("--policy", choices=["first", "random", "longest", "costliest-card", "tone", "costliest", "cheapest", "humblest"], default="first",
                          help="first, random, or one of the analyzer's surface tricks and readers (guide, section 11)")
    autoplay.add_argument("--seed", type=int, default=0)
    autoplay.add_argument("--json", action="store_true", help="print JSON")

    schema = sub.add_parser("schema", help="write the JSON Schemas for editors")
    schema.add_argument("--out", default=str(SCHEMAS), help="folder to write to (default: schemas/)")

    analyze = sub.add_parser("analyze", help="check a scenario's scoring before a workshop")
    analyze.add_argument("scenario")
    analyze.add_argument("--json", action="store_true")
    analyze.add_argument("--plays", type=int, default=500, help="random plays (default 500)")
    analyze.add_argument("--time-limit", type=float, default=60.0, help="seconds the analysis may take before it cuts its work short and says so (default 60)")

    coverage = sub.add_parser("coverage", help="which rules the shipped scenarios test")
    coverage.add_argument("--json", action="store_true")
    coverage.add_argument("--scenarios", default=str(SCENARIOS))

    new = sub.add_parser("new", help="create a scenario from the commented template")
    new.add_argument("id", help="the new scenario's id, such as river-coalition")
    new.add_argument("--dir", default=str(SCENARIOS), help="folder to create it in (default: scenarios/)")

    graph = sub.add_parser("graph", help="write the story map as Graphviz DOT (SVG or PNG with Graphviz)")
    graph.add_argument("scenario")
    graph.add_argument("--out", required=True, help="output file: .dot, .svg or .png")

    shots = sub.add_parser("screenshots", help="render every screen of the demo scenario to PNG")
    shots.add_argument("--out", required=True, help="folder for the PNG files")
    shots.add_argument("--size", action="append", help="window size such as 1280x720 (repeatable; default 1920x1080)")
    shots.add_argument("--scale", default="100", help="text sizes in percent, comma-separated (default 100)")
    shots.add_argument("--lang", default="en,bg", help="languages, comma-separated (default en,bg)")
    shots.add_argument("--high-contrast", action="store_true")
    shots.add_argument("--workshop", action="store_true", help="the workshop's screens (set-up, turns, vote, comparison) instead")

    report = sub.add_parser("report", help="list recorded sessions, or export them as CSV, JSON, xAPI and PNG")
    report.add_argument("session", nargs="?", help="a session id (or a unique start of it)")
    report.add_argument("--from", dest="since", help="first day, YYYY-MM-DD")
    report.add_argument("--to", dest="until", help="last day, YYYY-MM-DD")
    report.add_argument("--out", help="folder to export to")
    report.add_argument("--format", default="csv,json,xapi,png", help="any of csv,json,xapi,png (default: all)")
    report.add_argument("--db", help="results database (default: the user's data folder)")

    return parser


def safe_output() -> None:
    """Print whatever the terminal: characters it cannot encode are replaced, never a traceback."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError, OSError):
            pass  # not a text stream we can set (a test's capture)


def main(argv: Sequence[str] | None = None) -> int:
    safe_output()
    parser = _parser()
    args = parser.parse_args(argv)
    command = args.command or "play"
    if args.command is None:
        args = parser.parse_args(["play", *(argv or [])]) if argv else parser.parse_args(["play"])
    try:
        return COMMANDS[command](args)
    except UsageError as exc:
        print(f"bridges {command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


# ----- helpers ------------------------------------------------------------------


def rule_ids() -> set[str]:
    from game.core.problems import ContentError
    from game.scoring.rulebook import default_rulebook

    try:
        return default_rulebook().ids
    except ContentError as exc:
        raise UsageError(f"the rulebook has problems:\n{exc}") from None


def scenario_files(paths: Sequence[str]) -> list[Path]:
    """Scenario files named or found in folders (the rulebook is checked as a rulebook)."""
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*.yaml") if "template" not in p.parts)
        elif path.is_file():
            files.append(path)
        else:
            raise UsageError(f"'{name}' does not exist; give a scenario file or a folder")
    return files


def resolve_scenario(name: str) -> Path:
    """A scenario given as a file, a folder holding one, or an id under scenarios/."""
    path = Path(name)
    if path.is_dir():
        found = sorted(p for p in path.glob("*.yaml") if p.name != RULEBOOK_NAME)
        if len(found) != 1:
            raise UsageError(f"folder '{name}' holds {len(found)} scenario files; name one")
        return found[0]
    if path.is_file():
        return path
    for candidate in (SCENARIOS / f"{name}.yaml", SCENARIOS / name / f"{name}.yaml"):
        if candidate.is_file():
            return candidate
    raise UsageError(f"no scenario '{name}'; give a path to a .yaml file")


def load_checked(name: str) -> Any:
    """Check a scenario and return it, or raise UsageError listing its problems."""
    from game.core.checker import check_file

    path = resolve_scenario(name)
    checked = check_file(path, rule_ids())
    if not checked.ok:
        lines = "\n".join(str(p) for p in checked.errors or checked.problems)
        raise UsageError(f"the scenario has problems; fix them first:\n{lines}")
    return checked


# ----- commands -----------------------------------------------------------------


def cmd_validate(args: argparse.Namespace) -> int:
    from game.core.checker import check_file
    from game.core.problems import ContentError
    from game.scoring.rulebook import load_rulebook

    ids = None
    errors = warnings = 0
    files = scenario_files(args.paths)
    rulebooks = [f for f in files if f.name == RULEBOOK_NAME]
    for book in rulebooks or [SCENARIOS / RULEBOOK_NAME]:
        try:
            loaded = load_rulebook(book)
            ids = (ids or set()) | loaded.ids
        except ContentError as exc:
            for problem in exc.problems:
                print(problem)
            errors += len(exc.problems)
    for path in files:
        if path.name == RULEBOOK_NAME:
            continue
        checked = check_file(path, ids)
        for problem in checked.problems:
            print(problem)
        errors += len(checked.errors)
        warnings += len(checked.warnings)
    summary = f"{errors} error(s), {warnings} warning(s)" if errors or warnings else "all clean"
    print(f"{len(files)} file(s) checked: {summary}", file=sys.stderr)
    return 1 if errors or (args.strict and warnings) else 0


def cmd_autoplay(args: argparse.Namespace) -> int:
    from game.core.engine import Session
    from game.core.policies import POLICIES, play

    checked = load_checked(args.scenario)
    if args.policy in POLICIES:
        policy = POLICIES[args.policy]
    else:
        from game.scoring.policies import autoplay_policies

        policy = autoplay_policies()[args.policy]
    session = play(Session(checked.scenario, seed=args.seed, scenario_hash=checked.hash), policy, seed=args.seed)
    state = session.state
    stuck = session.stuck
    if args.json:
        print(json.dumps({"scenario": state.scenario, "policy": args.policy, "seed": args.seed, "path": state.visited, "ending": state.ending, "stuck": stuck,
                          "state": state.model_dump(exclude={"log"}), "log": state.log}, ensure_ascii=False, indent=2))
        return 1 if stuck else 0
    print(f"{checked.scenario.title.en} — policy {args.policy}, seed {args.seed}")
    for index, entry in enumerate(state.log, 1):
        answer = {k: v for k, v in entry.items() if k != "scene"}
        print(f"{index:3}. {entry['scene']}: {json.dumps(answer, ensure_ascii=False)}")
    print(f"path: {' -> '.join(state.visited)}")
    print(f"ending: {state.ending}" if not stuck else f"stuck: {stuck}")
    print("resources: " + ", ".join(f"{k} {v}" for k, v in state.resources.items()))
    if state.trust:
        print("trust: " + ", ".join(f"{k} {v}" for k, v in state.trust.items()))
    return 1 if stuck else 0


def cmd_schema(args: argparse.Namespace) -> int:
    from game.schema import write_schemas

    for path in write_schemas(Path(args.out)):
        print(path)
    return 0


def cmd_play(args: argparse.Namespace) -> int:
    from game.ui.app import run

    size = _size(args.size) if args.size else None
    scenario = None
    if args.scenario:
        folder = Path(args.scenario)
        if folder.is_dir() and len([p for p in folder.glob("*.yaml") if p.name != RULEBOOK_NAME]) > 1:
            scenario = folder  # a folder of scenarios opens the library with them
        else:
            scenario = resolve_scenario(args.scenario)
            load_checked(str(scenario))
    return run(scenario=scenario, language=args.lang, size=size, fullscreen=args.fullscreen)


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise UsageError(f"size '{text}' is not like 1280x720") from None
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise UsageError(f"size '{text}' is outside 320x240 .. 7680x4320")
    return width, height


def cmd_screenshots(args: argparse.Namespace) -> int:
    from game.ui.screenshots import main as shoot

    sizes = tuple(_size(s) for s in (args.size or ["1920x1080"]))
    try:
        scales = tuple(int(v) / 100 for v in args.scale.split(","))
    except ValueError:
        raise UsageError(f"--scale '{args.scale}' is not like 100,150,200") from None
    if any(s not in (1.0, 1.25, 1.5, 2.0) for s in scales):
        raise UsageError("text sizes are 100, 125, 150 or 200")
    languages = tuple(v.strip() for v in args.lang.split(","))
    if any(lang not in ("en", "bg") for lang in languages):
        raise UsageError("languages are en and bg")
    walkthrough = None
    if args.workshop:
        from game.ui.workshop.shots import workshop_walkthrough as walkthrough
    return shoot(Path(args.out), sizes=sizes, scales=scales, languages=languages, high_contrast=args.high_contrast, walkthrough=walkthrough)


def cmd_analyze(args: argparse.Namespace) -> int:
    from game.scoring.analyzer import analyze, render_text
    from game.scoring.rulebook import default_rulebook

    checked = load_checked(args.scenario)
    report = analyze(checked.scenario, default_rulebook(), plays=max(1, args.plays), document=checked.document, time_limit=max(1.0, args.time_limit))
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else render_text(report))
    return 1 if report["warnings"] else 0


def cmd_coverage(args: argparse.Namespace) -> int:
    from game.scoring.coverage import coverage, render_text
    from game.scoring.rulebook import default_rulebook

    folder = Path(args.scenarios)
    if not folder.is_dir():
        raise UsageError(f"'{folder}' is not a folder")
    report = coverage(folder, default_rulebook())
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else render_text(report))
    return 1 if report["untested"] else 0


def cmd_new(args: argparse.Namespace) -> int:
    from game.authoring import new_scenario

    try:
        path = new_scenario(args.id, Path(args.dir))
    except (ValueError, FileExistsError, OSError) as exc:
        raise UsageError(str(exc)) from None
    print(f"created {path}")
    print(f"next: edit it, then run 'python main.py validate {path}'")
    return 0


def cmd_graph(args: argparse.Namespace) -> int:
    from game.authoring import write_graph

    checked = load_checked(args.scenario)
    try:
        path, note = write_graph(checked.scenario, Path(args.out))
    except OSError as exc:
        raise UsageError(f"cannot write '{args.out}': {exc.strerror or exc}") from None
    print(f"wrote {path}" + (f" ({note})" if note else ""))
    return 0


def _day(value: str | None, flag: str, end: bool = False) -> str | None:
    from datetime import date, timedelta

    if value is None:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{flag} '{value}' is not a date like 2026-11-27") from None
    return (day + timedelta(days=1)).isoformat() if end else day.isoformat()


def cmd_report(args: argparse.Namespace) -> int:
    from game.store.report import export_sessions, read_trouble, render_list
    from game.store.results import ResultsStore

    formats = {f.strip() for f in args.format.split(",") if f.strip()}
    unknown = formats - {"csv", "json", "xapi", "png"}
    if unknown:
        raise UsageError(f"unknown format(s): {', '.join(sorted(unknown))}; use csv, json, xapi, png")
    path = Path(args.db) if args.db else None
    if path is not None and not path.is_file():
        raise UsageError(f"--db '{args.db}': no such file; give the path of a results database (results.sqlite3)")
    store = ResultsStore(path, read_only=True)
    if path is None and not store.path.is_file():
        print(render_list([]))
        return 0
    since, until = _day(args.since, "--from"), _day(args.until, "--to", end=True)
    if args.session:
        found = store.session(args.session)
        if found is None and not store.read_failed:
            raise UsageError(f"no single session starts with '{args.session}'; run 'report' to list them")
        sessions = [found] if found else []
    else:
        sessions = [s for s in (store.session(row["id"]) for row in store.sessions(since, until)) if s]
    trouble = read_trouble(store)
    if trouble:
        print(trouble, file=sys.stderr)
    if not args.out:
        print(render_list(sessions, complete=not trouble))
        return 1 if trouble else 0
    draw_png = None
    if "png" in formats:
        from game.ui.report_chart import save_session_chart as draw_png
    try:
        written = export_sessions([s for s in sessions if s], Path(args.out), formats, draw_png)
    except OSError as exc:
        raise UsageError(f"cannot write to '{args.out}': {exc.strerror or exc}") from None
    for written_path in written:
        print(written_path)
    return 1 if trouble else 0


COMMANDS = {
    "play": cmd_play,
    "validate": cmd_validate,
    "autoplay": cmd_autoplay,
    "schema": cmd_schema,
    "analyze": cmd_analyze,
    "coverage": cmd_coverage,
    "new": cmd_new,
    "graph": cmd_graph,
    "report": cmd_report,
    "screenshots": cmd_screenshots,
}
