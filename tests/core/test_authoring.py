"""The trainers' kit: schema, template, story map."""

import json

from game.cli import main
from game.schema import render, rulebook_schema, scenario_schema
from tests.conftest import ROOT


def test_committed_json_schemas_are_up_to_date():
    for name, schema in (("scenario", scenario_schema()), ("rulebook", rulebook_schema())):
        committed = (ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")
        assert committed == render(schema), f"schemas/{name}.schema.json is stale: run 'python main.py schema --out schemas'"


def test_editor_settings_map_the_schema_to_every_scenario():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert "scenarios/**/*.yaml" in settings["yaml.schemas"]["./schemas/scenario.schema.json"]


def test_new_creates_a_scenario_that_passes_the_checker_without_warnings(tmp_path, capsys):
    assert main(["new", "river-coalition", "--dir", str(tmp_path)]) == 0
    created = tmp_path / "river-coalition.yaml"
    first_line = created.read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith("# yaml-language-server: $schema=") and first_line.endswith("schemas/scenario.schema.json")
    capsys.readouterr()
    assert main(["validate", "--strict", str(created)]) == 0
    assert "all clean" in capsys.readouterr().err


def test_new_in_another_folder_tells_the_commands_with_the_files_path(tmp_path, capsys):
    assert main(["new", "river-coalition", "--dir", str(tmp_path)]) == 0
    created = (tmp_path / "river-coalition.yaml").resolve()
    header = created.read_text(encoding="utf-8").splitlines()[:6]
    assert any(line.endswith(f"bridges validate {created}") for line in header), header
    assert not any("validate river-coalition" in line for line in header)


def test_autoplay_prints_the_score_grade_goals_and_ending(capsys):
    assert main(["autoplay", "demo-river-cleanup", "--policy", "first"]) == 0
    out = capsys.readouterr().out
    assert "score: " in out and ", grade " in out and "goals met: " in out and "ending " in out
    assert main(["autoplay", "demo-river-cleanup", "--json"]) == 0
    card = json.loads(capsys.readouterr().out)["scorecard"]
    assert card["grade"] in "ABCDEF" and 0 <= card["overall"] <= 100 and card["ending"]


def test_new_refuses_a_bad_id_and_an_existing_file(tmp_path, capsys):
    assert main(["new", "Bad Id", "--dir", str(tmp_path)]) == 2
    assert main(["new", "again", "--dir", str(tmp_path)]) == 0
    assert main(["new", "again", "--dir", str(tmp_path)]) == 2
    assert "already exists" in capsys.readouterr().err


def test_graph_writes_every_scene_and_marks_endings(tmp_path, demo):
    out = tmp_path / "map.dot"
    assert main(["graph", "demo-river-cleanup", "--out", str(out)]) == 0
    dot = out.read_text(encoding="utf-8")
    for scene_id in demo.scenes:
        assert f'"{scene_id}"' in dot
    assert dot.count("doubleoctagon") == 2 and "ending: success" in dot and "ending: mixed" in dot
    assert '"media-steps" -> "partner-slips" [label="event: may interrupt here", style=dashed' in dot
    assert '"partner-slips" -> "cleanup-day" [label="back to the story", style=dotted' in dot
    assert "event: after media-steps, when {picked: partner" in dot


def test_graph_labels_are_readable_lines_and_arrows_are_named_by_option(tmp_path, demo):
    out = tmp_path / "map.dot"
    assert main(["graph", "demo-river-cleanup", "--out", str(out)]) == 0
    dot = out.read_text(encoding="utf-8")
    assert "\\\\n" not in dot and '"strategy\\n[choice]\\nWhere do we start?' in dot  # DOT's own line break, not a backslash and n
    assert "options[" not in dot
    assert '"strategy" -> "where-to-look" [label="write-strategy: Spend the weekend listing w…"' in dot
    assert 'fillcolor="#dbeafe"' in dot and 'fillcolor="#fef3c7"' in dot and 'fillcolor="#dcfce7"' in dot  # before, during, after


def test_graph_with_the_analyzers_figures(tmp_path):
    out = tmp_path / "map.dot"
    assert main(["graph", "demo-river-cleanup", "--out", str(out), "--analyze", "--plays", "40"]) == 0
    dot = out.read_text(encoding="utf-8")
    assert "share of 40 random players" in dot
    assert '"strategy" -> "where-to-look" [label="write-strategy: Spend the weekend listing w…\\n' in dot
    bold = [line for line in dot.splitlines() if "penwidth=3" in line and "->" in line]
    assert any('"strategy" -> "where-to-look" [label="write-strategy' in line for line in bold)
    assert not any('[label="wait:' in line for line in bold)
    assert "found by: " in dot


def test_the_template_is_a_good_example_that_the_analyzer_passes(tmp_path, rulebook):
    from game.core.checker import check_file
    from game.scoring.analyzer import analyze

    assert main(["new", "good-example", "--dir", str(tmp_path)]) == 0
    checked = check_file(tmp_path / "good-example.yaml", rulebook.ids)
    report = analyze(checked.scenario, rulebook, plays=200)
    assert report["warnings"] == [] and all(report["thresholds"].values())
