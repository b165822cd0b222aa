"""Trainers' tools: a new scenario from the template, and the story map as Graphviz DOT.

``python main.py new ID`` writes ``ID.yaml`` into the trainer's scenarios
folder in the user's data folder (``--dir`` for another) and the JSON Schemas
beside it, so the file's modeline points at a schema that exists;
``python main.py graph SCENARIO --out map.svg`` draws the scenes coloured by
phase, endings marked.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from game.core import storymap
from game.core.scenario import Scenario
from game.resources import SCENARIO_SCHEMA, inside_package, template
from game.store.paths import scenarios_dir, schemas_dir

TEMPLATE = template("scenario.yaml")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9\-]{1,60}$")
PHASE_COLOURS = {"before": "#dbeafe", "during": "#fef3c7", "after": "#dcfce7"}
OUTCOME_COLOURS = {"success": "#86efac", "mixed": "#fde68a", "failure": "#fca5a5"}


def new_scenario(scenario_id: str, folder: Path) -> Path:
    """Create ``folder/ID.yaml`` from the template; refuses a bad id, an existing file and a folder inside the program."""
    if not ID_PATTERN.match(scenario_id):
        raise ValueError(f"'{scenario_id}' is not a valid id: use lower-case letters, digits and '-', like 'river-coalition'")
    if inside_package(folder):
        raise ValueError(f"{folder} is inside the installed program, where an update or an uninstall would delete your scenario; "
                         "leave out --dir to use your own scenarios folder")
    target = folder / f"{scenario_id}.yaml"
    if target.exists():
        raise FileExistsError(f"{target} already exists; choose another id or edit that file")
    folder.mkdir(parents=True, exist_ok=True)
    schema = modeline_target(folder, schema_for(folder))
    found_by_id = folder.resolve() == scenarios_dir().resolve()  # else the commands need the file's path
    text = TEMPLATE.read_text(encoding="utf-8").replace("__SCHEMA__", schema).replace("__NAME__", scenario_id if found_by_id else _quoted(target))
    text = text.replace("__ID__", scenario_id)
    target.write_text(text, encoding="utf-8")
    return target


def _quoted(path: Path) -> str:
    """A path as typed on a command line: in quotes when it has a space."""
    text = str(path.resolve())
    return f'"{text}"' if " " in text else text


def schema_for(folder: Path) -> Path:
    """The scenario schema a new file in ``folder`` names: the one in a ``schemas`` folder beside it
    (the repository's layout), else the one in the user's data folder, written there now (it follows this version)."""
    from game.schema import write_schemas

    beside = folder.parent / "schemas" / SCENARIO_SCHEMA
    if beside.is_file() and beside.parent.resolve() != schemas_dir().resolve():
        return beside
    write_schemas(schemas_dir())
    return schemas_dir() / SCENARIO_SCHEMA


def modeline_target(folder: Path, schema: Path) -> str:
    """The schema as the modeline names it: relative to the scenario's folder, or a file URI when there is no relative way (another drive)."""
    try:
        return os.path.relpath(schema.resolve(), folder.resolve()).replace(os.sep, "/")
    except ValueError:
        return schema.resolve().as_uri()


def _quote(text: str) -> str:
    """A DOT string; a line break in the text becomes DOT's own line break."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


EDGE_STYLES = {"story": "solid", "branch": "solid", "event": "dashed", "back": "dotted"}


def to_dot(scenario: Scenario, language: str = "en", figures: dict | None = None) -> str:
    """The story map in Graphviz DOT: scenes coloured by phase, endings by outcome, arrows named by
    option; with ``figures`` (graph --analyze) the random players' share on each arrow, the expert's
    play in bold and the scenes whose right option a surface reader finds."""
    story = storymap.build(scenario, language)
    title = scenario.title.get(language)
    if figures:
        title += f"\n(arrows: share of {figures['plays']} random players; bold: the expert's play; red: right option given away)"
    lines = [f"digraph {_quote(scenario.id)} {{", "  rankdir=LR;", '  node [shape=box, style="rounded,filled", fontname="Noto Sans"];',
             '  edge [fontname="Noto Sans", fontsize=9];', f"  label={_quote(title)};"]
    for node in story.nodes.values():
        label = f"{node.id}\n[{node.kind}]" + (f"\n{storymap.shorten(node.title, 40)}" if node.title else "")
        extra = ""
        if node.kind == "ending":
            label += f"\nending: {node.outcome}"
            extra = f", shape=doubleoctagon, fillcolor={_quote(OUTCOME_COLOURS[node.outcome])}"
        else:
            extra = f", fillcolor={_quote(PHASE_COLOURS[node.phase])}"
        if node.trigger:
            label += f"\nevent: {storymap.shorten(node.trigger, 60)}"
            extra += ', style="rounded,filled,dashed"'
        if figures and node.id in figures["found"]:
            label += f"\nfound by: {', '.join(figures['found'][node.id])}"
            if node.id in figures["given_away"]:
                extra += ', color="#dc2626", penwidth=3'
        lines.append(f"  {_quote(node.id)} [label={_quote(label)}{extra}];")
    lines.append('  "__start" [shape=point];')
    lines.append(f'  "__start" -> {_quote(story.start)};')
    for edge in story.edges:
        label = edge.label
        attrs = f"style={EDGE_STYLES[edge.style]}"
        if figures:
            share = figures["share"].get(edge.key, 0.0) if edge.option else figures["pairs"].get((edge.source, edge.target), 0.0)
            label += f"\n{share:.0%}"
            if edge.key in figures["expert"]:
                attrs += ", penwidth=3"
        lines.append(f"  {_quote(edge.source)} -> {_quote(edge.target)} [label={_quote(label)}, {attrs}];")
    lines.append('  subgraph cluster_legend { label="phases"; fontsize=10;')
    for phase, colour in PHASE_COLOURS.items():
        lines.append(f'    "__{phase}" [label={_quote(phase)}, fillcolor={_quote(colour)}];')
    lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def write_graph(scenario: Scenario, out: Path, figures: dict | None = None, language: str = "en") -> tuple[Path, str]:
    """Write DOT (and SVG or PNG when Graphviz is installed); returns the file and a note."""
    dot_text = to_dot(scenario, language, figures)
    suffix = out.suffix.lower()
    if suffix in (".svg", ".png"):
        dot = shutil.which("dot")
        dot_file = out.with_suffix(".dot")
        dot_file.write_text(dot_text, encoding="utf-8")
        if dot is None:
            return dot_file, "Graphviz ('dot') is not installed, so only the DOT file was written; install graphviz to get SVG or PNG"
        subprocess.run([dot, f"-T{suffix[1:]}", str(dot_file), "-o", str(out)], check=True, capture_output=True)
        return out, f"also wrote {dot_file}"
    out.write_text(dot_text, encoding="utf-8")
    return out, ""
