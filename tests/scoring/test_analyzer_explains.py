"""The analyzer explains itself (issue 16, part 4): every policy and figure in --help, negotiations in
--json, notes that say what clears them, and a warning for a success reached with a bad agreement."""

import json

from game.cli import main
from game.core.checker import check_file
from game.scoring.analyzer import analyze
from game.scoring.policies import named_policies
from game.scoring.tradeoffs import tradeoff_notes
from tests.conftest import DEMO


def test_analyze_help_defines_every_policy_and_figure(capsys, rulebook):
    try:
        main(["analyze", "--help"])
    except SystemExit:
        pass
    text = capsys.readouterr().out
    for name in named_policies(rulebook):
        assert f"\n  {name.split()[0]}" in text or name in text, name
    for figure in ("random", "sd = standard deviation", "p10, median, p90", "Score range", '"exact"', '"sampled"', "Negotiation", "Readers on single-answer scenes",
                   "chance", "Thresholds", "Warnings", "Notes: advice only; they never make analyze fail"):
        assert figure in text, figure


def test_json_reports_each_negotiation_with_term_values_and_the_experts_agreement(demo, rulebook, capsys):
    assert main(["analyze", str(DEMO), "--json", "--plays", "20"]) == 0
    report = json.loads(capsys.readouterr().out)
    row = next(r for r in report["scenes"] if r["kind"] == "negotiate")
    assert len(row["clauses"]) == 6
    values = {c["element"]: {t["id"]: t["value"] for t in c["terms"]} for c in row["clauses"]}
    assert values["responsibilities"]["vague"] < 0 < values["responsibilities"]["town-logistics"]
    assert row["expert_signs"]["responsibilities"] == "town-logistics"
    assert all(values[element][term] > 0 for element, term in row["expert_signs"].items())


def test_a_success_ending_reached_with_a_broken_agreement_is_a_warning(tmp_path, rulebook):
    text = DEMO.read_text(encoding="utf-8")
    loose = text.replace("{when: {all: [{agreement: all}, {resource: reputation", "{when: {all: [{agreement: [goals, responsibilities]}, {resource: reputation", 1)
    assert loose != text
    path = tmp_path / "loose.yaml"
    path.write_text(loose, encoding="utf-8")
    scenario = check_file(path, rulebook.ids).scenario
    report = analyze(scenario, rulebook, plays=100, time_limit=None)
    found = [w for w in report["warnings"] if "is marked success" in w]
    assert found and "ending 'river-clean'" in found[0] and "breaks agreement." in found[0], report["warnings"]
    assert report["success_with_broken_agreement"][0]["terms"]


def test_a_note_says_what_clears_it_and_goes_when_that_is_done(tmp_path, demo, rulebook):
    before = [n for n in tradeoff_notes(demo, rulebook) if "media-steps" in n]
    assert before and "to clear this, give 'in_order' a cost" in before[0]
    text = DEMO.read_text(encoding="utf-8")
    costly = text.replace("    in_order:\n      effects: [{resource: reputation, add: 4}]", "    in_order:\n      effects: [{resource: weeks, add: -1}]", 1)
    assert costly != text
    path = tmp_path / "costly.yaml"
    path.write_text(costly, encoding="utf-8")
    checked = check_file(path, rulebook.ids)
    assert checked.ok, checked.problems
    assert not [n for n in tradeoff_notes(checked.scenario, rulebook) if "media-steps" in n]
