"""The shipped campaign, measured with the analyzer: every scenario sound, every rule taught."""

import pytest

from game.core.checker import check_file
from game.scoring.analyzer import analyze
from game.scoring.coverage import coverage, scenario_paths
from tests.conftest import SCENARIOS

PATHS = scenario_paths(SCENARIOS)
TUTORIAL = "tutorial-first-steps"
DEMO = "demo-river-cleanup"


@pytest.fixture(scope="module", params=PATHS, ids=[p.stem for p in PATHS])
def analysed(request, rulebook):
    checked = check_file(request.param, rulebook.ids)
    assert checked.ok and not checked.warnings, [str(p) for p in checked.problems]
    return checked.scenario, analyze(checked.scenario, rulebook, plays=500)


def test_the_campaign_has_a_tutorial_and_at_least_six_scenarios():
    ids = {p.stem for p in PATHS}
    assert TUTORIAL in ids and len(ids - {DEMO}) >= 6


def test_every_scenario_meets_the_scoring_thresholds_with_no_warning(analysed):
    scenario, report = analysed
    assert report["warnings"] == [], report["warnings"]
    assert all(report["thresholds"].values()), report["thresholds"]


def test_at_least_half_of_the_decisions_carry_a_real_trade_off(analysed):
    scenario, report = analysed
    decisions = sum(1 for s in scenario.scenes.values() if s.kind != "ending")
    assert len(report["notes"]) * 2 <= decisions, report["notes"]


def test_every_scenario_has_goals_phases_kinds_and_hidden_traits(analysed):
    scenario, report = analysed
    kinds = {s.kind for s in scenario.scenes.values()} - {"ending"}
    assert len(kinds) >= 4 and scenario.goals
    assert {s.phase for s in scenario.scenes.values() if s.kind != "ending"} == {"before", "during", "after"}
    assert any(m.hidden and m.research for m in scenario.cast)
    assert sum(1 for s in scenario.scenes.values() if s.kind == "ending") >= 2


def test_full_scenarios_take_12_to_25_decisions_and_the_tutorial_5_to_8(analysed):
    scenario, report = analysed
    for name, result in report["policies"].items():
        decisions = sum(1 for scene in result["path"] if scenario.scenes[scene].kind != "ending")
        low, high = (5, 8) if scenario.id == TUTORIAL else (6, 12) if scenario.id == DEMO else (12, 25)
        assert low <= decisions <= high, (name, decisions)


def test_every_option_card_and_share_has_feedback(analysed):
    scenario, _ = analysed
    for scene_id, scene in scenario.scenes.items():
        if scene.kind in ("choice", "event"):
            assert all(o.feedback for o in scene.options), scene_id


def test_every_rule_is_tested_and_most_by_two_scenarios(rulebook):
    report = coverage(SCENARIOS, rulebook)
    assert report["untested"] == [] and report["unreadable"] == []
    assert report["tested_percent"] == 100.0 and report["tested_twice_percent"] >= 70.0
