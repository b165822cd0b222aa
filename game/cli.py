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

from game.locale import english_name
from game.locale import languages as game_languages
from game.resources import RULEBOOK_NAME, rulebook_file, scenarios_folder
from game.scoring.explained import ANALYZE_HELP
from game.store.paths import results_path, scenarios_dir, schemas_dir


class UsageError(Exception):
    """A wrong command line or unreadable input: exit 2 with this message."""


def _parser() -> argparse.ArgumentParser:
    from game.version import version

    parser = argparse.ArgumentParser(prog="bridges", description="Bridges: a serious game about building NGO partnerships.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    play = sub.add_parser("play", help="start the game (the default)")
    play.add_argument("scenario", nargs="?", help="a scenario id, file, folder or pack (.zip) to play directly")
    play.add_argument("--lang", choices=game_languages(), help="language to start in: " + ", ".join(game_languages()))
    play.add_argument("--size", help="window size, such as 1280x720")
    play.add_argument("--fullscreen", action="store_true")

    validate = sub.add_parser("validate", help="check scenario files and folders")
    validate.add_argument("paths", nargs="+", metavar="PATH", help="scenario files, folders, or ids of shipped scenarios and your own")
    validate.add_argument("--strict", action="store_true", help="treat warnings as problems (exit 1)")

    autoplay = sub.add_parser("autoplay", help="play a scenario to an ending with a simple policy")
    autoplay.add_argument("scenario")
    autoplay.add_argument("--policy", choices=["first", "random", "longest", "costliest-card", "tone", "costliest", "cheapest", "humblest"], default="first",
                          help="first, random, or one of the analyzer's surface tricks and readers (guide, section 11)")
    autoplay.add_argument("--seed", type=int, default=0)
    autoplay.add_argument("--json", action="store_true", help="print JSON")

    schema = sub.add_parser("schema", help="write the JSON Schemas for editors")
    schema.add_argument("--out", help="folder to write to (default: the schemas folder beside your scenarios, in the user's data folder)")

    analyze = sub.add_parser("analyze", help="check a scenario's scoring before a workshop", epilog=ANALYZE_HELP, formatter_class=argparse.RawDescriptionHelpFormatter,
                             description="Plays the scenario many ways and reports whether its scoring teaches the handbook.")
    analyze.add_argument("scenario")
    analyze.add_argument("--json", action="store_true")
    analyze.add_argument("--plays", type=int, default=500, help="random plays (default 500)")
    analyze.add_argument("--time-limit", type=float, default=60.0, help="seconds the analysis may take before it cuts its work short and says so (default 60)")

    coverage = sub.add_parser("coverage", help="which rules the shipped scenarios test")
    coverage.add_argument("--json", action="store_true")
    coverage.add_argument("--scenarios", help="a folder of scenarios (default: the shipped ones)")

    new = sub.add_parser("new", help="create a scenario from the commented template")
    new.add_argument("id", help="the new scenario's id, such as river-coalition")
    new.add_argument("--dir", help="folder to create it in (default: your scenarios folder in the user's data folder)")

    graph = sub.add_parser("graph", help="write the story map as Graphviz DOT (SVG or PNG with Graphviz)")
    graph.add_argument("scenario")
    graph.add_argument("--out", required=True, help="output file: .dot, .svg or .png")
    graph.add_argument("--analyze", action="store_true", help="add the analyzer's figures: the share of random players on each arrow, "
                       "the expert's play in bold, the scenes whose right option a surface reader finds (red when that reader finds too many)")
    graph.add_argument("--plays", type=int, default=200, help="random plays behind the shares with --analyze (default 200)")
    graph.add_argument("--lang", default="en", help="language of the scenes' titles and options' texts (default en)")

    shots = sub.add_parser("screenshots", help="render every screen of the demo scenario to PNG")
    shots.add_argument("--out", required=True, help="folder for the PNG files")
    shots.add_argument("--size", action="append", help="window size such as 1280x720 (repeatable; default 1920x1080)")
    shots.add_argument("--scale", default="100", help="text sizes in percent, comma-separated (default 100)")
    shots.add_argument("--lang", help=f"languages, comma-separated (default all: {','.join(game_languages())})")
    shots.add_argument("--high-contrast", action="store_true")
    shots.add_argument("--workshop", action="store_true", help="the workshop's screens (set-up, turns, vote, comparison) instead")

    report = sub.add_parser("report", help="list recorded sessions, or export them as CSV (decisions and a summary), JSON, xAPI and PNG")
    report.add_argument("session", nargs="?", help="a session id (or a unique start of it)")
    report.add_argument("--from", dest="since", help="first day, YYYY-MM-DD")
    report.add_argument("--to", dest="until", help="last day, YYYY-MM-DD")
    report.add_argument("--out", help="folder to export to")
    report.add_argument("--format", default="csv,summary,json,xapi,png",
                        help="any of csv (one row a decision), summary (one row a player or team), json, xapi, png (default: all)")
    report.add_argument("--delimiter", help="CSV delimiter: ';' (decimals with a comma), ',' (decimals with a point) or tab; "
                                            "default: ';' where the computer's locale writes decimals with a comma, else ','")
    report.add_argument("--db", help="results database (default: the user's data folder)")
    report.add_argument("--send", action="store_true", help="send every xAPI record not yet sent to the LRS (see 'bridges lrs')")
    report.add_argument("--items", nargs="?", const="", metavar="SCENARIO",
                        help="item analysis: how often each option is chosen, options under 5 %%, options with no discrimination "
                             "(one scenario, or every recorded one)")
    report.add_argument("--lrs", action="store_true", help="with --items: read the plays from the LRS instead of this computer")

    forget = sub.add_parser("forget", help="delete a player's records on this computer and take them off the list of players")
    forget.add_argument("player", help="the name the player gave at the start of a game")
    forget.add_argument("--db", help="results database (default: the user's data folder)")

    lrs = sub.add_parser("lrs", help="show or set where xAPI records are sent (a learning record store); environment variables "
                                     "BRIDGES_LRS_ENDPOINT, _KEY, _SECRET and _HOMEPAGE win over these")
    lrs.add_argument("--endpoint", help="the LRS's xAPI address, such as https://lrs.example.org/xAPI/ ('' turns sending off)")
    lrs.add_argument("--key", help="the LRS's key (user name)")
    lrs.add_argument("--secret", help="the LRS's secret (password)")
    lrs.add_argument("--homepage", help="the home page of players' accounts, such as https://training.example.org")

    status = sub.add_parser("i18n-status", help="per language: what the UI catalog and each shipped scenario, the rulebook and the glossary still lack")
    status.add_argument("--lang", help="one language, with every missing message and text listed (default: a table of all)")

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
            files.append(find_by_id(name))
    return files


def id_folders() -> list[Path]:
    """Where a scenario id is looked up: the trainer's own scenarios first, then the shipped ones."""
    return [scenarios_dir(), scenarios_folder()]


def known_ids() -> list[str]:
    ids: set[str] = set()
    for folder in id_folders():
        if folder.is_dir():
            ids |= {p.stem for p in folder.glob("*.yaml") if p.name != RULEBOOK_NAME}
            ids |= {p.name for p in folder.iterdir() if (p / f"{p.name}.yaml").is_file()}
    return sorted(ids)


def find_by_id(name: str) -> Path:
    """A scenario id in the trainer's folder or the shipped scenarios; an unknown id says where it looked and what is close."""
    import difflib

    found = [c for folder in id_folders() for c in (folder / f"{name}.yaml", folder / name / f"{name}.yaml") if c.is_file()]
    if len(found) > 1:
        print(f"note: '{name}' is in your scenarios and ships with Bridges; using yours, {found[0]} (give a path for the other)", file=sys.stderr)
    if found:
        return found[0]
    close = difflib.get_close_matches(name, known_ids(), n=4, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    where = " and ".join(str(f) for f in id_folders())
    raise UsageError(f"no scenario '{name}': it is not a file or folder, nor an id in {where}{hint} (give an id, or a path to a .yaml file)")


def resolve_scenario(name: str) -> Path:
    """A scenario given as a file, a folder holding one, or an id of your own or a shipped scenario."""
    path = Path(name)
    if path.is_dir():
        found = sorted(p for p in path.glob("*.yaml") if p.name != RULEBOOK_NAME)
        if len(found) != 1:
            raise UsageError(f"folder '{name}' holds {len(found)} scenario files; name one")
        return found[0]
    if path.is_file():
        return path
    return find_by_id(name)


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
    from game.core.references import lacking_languages
    from game.scoring.rulebook import load_rulebook

    ids = None
    errors = warnings = 0
    lacking: dict[str, int] = {}
    files = scenario_files(args.paths)
    rulebooks = [f for f in files if f.name == RULEBOOK_NAME]
    for book in rulebooks or [rulebook_file()]:
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
        for lang in lacking_languages(checked.scenario) if checked.scenario is not None else ():
            lacking[lang] = lacking.get(lang, 0) + 1
    summary = f"{errors} error(s), {warnings} warning(s)" if errors or warnings else "all clean"
    if lacking:
        gaps = ", ".join(f"{n} lack {english_name(lang)}" for lang, n in lacking.items())
        summary += f"\nnote: {gaps}: players in those languages see them in English; 'bridges i18n-status' shows what is missing"
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
    from game.scoring.grader import grade
    from game.scoring.rulebook import default_rulebook

    card = grade(checked.scenario, session, default_rulebook())
    if args.json:
        print(json.dumps({"scenario": state.scenario, "policy": args.policy, "seed": args.seed, "path": state.visited, "decisions": session.decisions_taken, "ending": state.ending, "stuck": stuck,
                          "state": state.model_dump(exclude={"log"}), "log": state.log, "scorecard": card}, ensure_ascii=False, indent=2))
        return 1 if stuck else 0
    print(f"{checked.scenario.title.en} — policy {args.policy}, seed {args.seed}")
    for index, entry in enumerate(state.log, 1):
        answer = {k: v for k, v in entry.items() if k != "scene"}
        print(f"{index:3}. {entry['scene']}: {json.dumps(answer, ensure_ascii=False)}")
    print(f"path: {' -> '.join(state.visited)} ({session.decisions_taken} decisions, as the game counts them)")
    print(f"ending: {state.ending}" if not stuck else f"stuck: {args.scenario}: {stuck}")
    print("resources: " + ", ".join(f"{k} {v}" for k, v in state.resources.items()))
    if state.trust:
        print("trust: " + ", ".join(f"{k} {v}" for k, v in state.trust.items()))
    outcome = f" ({card['outcome']})" if card["outcome"] else ""
    print(f"score: {card['overall'] if card['overall'] is not None else '-'}%, grade {card['grade']}; ending {card['ending'] or '-'}{outcome}")
    print(f"goals met: {card['goals_met']} of {len(card['goals'])}" + "".join(f"\n  [{'x' if g['met'] else ' '}] {g['id']}: {g['text']['en']}" for g in card["goals"]))
    return 1 if stuck else 0


def cmd_schema(args: argparse.Namespace) -> int:
    from game.schema import write_schemas

    for path in write_schemas(Path(args.out) if args.out else schemas_dir()):
        print(path)
    return 0


def cmd_play(args: argparse.Namespace) -> int:
    from game.ui.app import run

    size = _size(args.size) if args.size else None
    scenario = play_target(args.scenario) if args.scenario else None
    return run(scenario=scenario, language=args.lang, size=size, fullscreen=args.fullscreen)


def play_target(name: str) -> Path:
    """What ``play NAME`` opens: one scenario (checked first), or a pack's folder of several, which opens the library with them.
    A pack is a folder or a .zip file, unpacked into the user's data folder."""
    from game.packs import PackError, is_pack_file, open_pack, scenario_files

    path = Path(name)
    if path.is_dir() or (path.is_file() and is_pack_file(path)):
        try:
            folder = open_pack(path)
        except PackError as exc:
            raise UsageError(str(exc)) from None
        files = scenario_files(folder)
        if not files:
            raise UsageError(f"'{name}' holds no scenario (.yaml) file")
        if len(files) > 1:
            return folder
        path = files[0]
    else:
        path = resolve_scenario(name)
    load_checked(str(path))
    return path


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
    languages = tuple(v.strip() for v in args.lang.split(",")) if args.lang else game_languages()
    unknown = [lang for lang in languages if lang not in game_languages()]
    if unknown:
        raise UsageError(f"no catalog for {', '.join(unknown)}: the languages are {', '.join(game_languages())}")
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

    folder = Path(args.scenarios) if args.scenarios else scenarios_folder()
    if not folder.is_dir():
        raise UsageError(f"'{folder}' is not a folder")
    report = coverage(folder, default_rulebook())
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else render_text(report))
    return 1 if report["untested"] else 0


def cmd_new(args: argparse.Namespace) -> int:
    from game.authoring import new_scenario

    try:
        path = new_scenario(args.id, Path(args.dir) if args.dir else scenarios_dir())
    except (ValueError, FileExistsError, OSError) as exc:
        raise UsageError(str(exc)) from None
    print(f"created {path}")
    print(f"next: edit it, then run 'bridges validate {args.id if not args.dir else path}'")
    return 0


def cmd_graph(args: argparse.Namespace) -> int:
    from game.authoring import write_graph

    checked = load_checked(args.scenario)
    figures = None
    if args.analyze:
        from game.scoring.mapfigures import map_figures
        from game.scoring.rulebook import default_rulebook

        figures = map_figures(checked.scenario, default_rulebook(), plays=max(1, args.plays))
    if args.lang not in checked.scenario.languages:
        raise UsageError(f"the scenario is not written in '{args.lang}'; its languages are {', '.join(checked.scenario.languages)}")
    try:
        path, note = write_graph(checked.scenario, Path(args.out), figures, args.lang)
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
    from game.store.export import csv_style
    from game.xapi import commands as xapi_commands
    from game.store.report import FORMATS, export_sessions, read_trouble, render_list
    from game.store.results import ResultsStore

    formats = {f.strip() for f in args.format.split(",") if f.strip()}
    unknown = formats - set(FORMATS)
    if unknown:
        raise UsageError(f"unknown format(s): {', '.join(sorted(unknown))}; use {', '.join(FORMATS)}")
    try:
        style = csv_style(args.delimiter)
    except ValueError as exc:
        raise UsageError(f"--delimiter: {exc}") from None
    path = Path(args.db) if args.db else None
    if path is not None and not path.is_file():
        raise UsageError(f"--db '{args.db}': no such file; give the path of a results database (results.sqlite3)")
    if args.send:
        return _print(xapi_commands.send(path or results_path()))
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
    if args.items is not None:
        ids = [args.items] if args.items else sorted({s["scenario"] for s in sessions})
        try:
            return _print(xapi_commands.items(ids, lambda name: load_checked(name).scenario, sessions, args.lrs))
        except ValueError as exc:
            raise UsageError(str(exc)) from None
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
        written = export_sessions([s for s in sessions if s], Path(args.out), formats, draw_png, style, recorded=store.statements)
    except OSError as exc:
        raise UsageError(f"cannot write to '{args.out}': {exc.strerror or exc}") from None
    for written_path in written:
        print(written_path)
    return 1 if trouble else 0


def cmd_i18n_status(args: argparse.Namespace) -> int:
    from game.locale.status import render, status

    if args.lang is not None and args.lang not in game_languages():
        raise UsageError(f"no catalog for '{args.lang}': the languages are {', '.join(game_languages())}; "
                         f"start one with: python -m game.locale.fill {args.lang} FILE.json (see docs/translating.md)")
    catalogs, files = status(args.lang)
    print(render(catalogs, files, detail=args.lang is not None), end="")
    return 0


def _print(result: tuple[int, str]) -> int:
    code, text = result
    print(text, file=sys.stdout if code == 0 else sys.stderr)
    return code


def cmd_forget(args: argparse.Namespace) -> int:
    from game.xapi import commands as xapi_commands

    try:
        return _print(xapi_commands.forget(args.player, Path(args.db) if args.db else results_path()))
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def cmd_lrs(args: argparse.Namespace) -> int:
    from game.xapi import commands as xapi_commands

    try:
        return _print(xapi_commands.settings(args.endpoint, args.key, args.secret, args.homepage))
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(f"cannot write the settings: {exc.strerror or exc}") from None


COMMANDS = {
    "forget": cmd_forget,
    "lrs": cmd_lrs,
    "i18n-status": cmd_i18n_status,
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
