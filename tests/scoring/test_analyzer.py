"""The analyzer and coverage over the demo scenario."""

import json

import pytest

from game.cli import main
from game.scoring.analyzer import analyze
from game.scoring.coverage import coverage


@pytest.fixture(scope="module")
def report(demo, rulebook):
    return analyze(demo, rulebook, plays=500)


def test_demo_meets_the_scoring_thresholds(report):
    assert report["policies"]["expert"]["score"] >= 90
    assert report["random"]["mean"] <= 55
    assert report["policies"]["worst"]["score"] <= 20
    assert all(report["thresholds"].values()), report["thresholds"]
    assert report["warnings"] == []


def test_expert_is_never_beaten_by_another_policy(report):
    expert = report["policies"]["expert"]["score"]
    assert all(expert >= result["score"] for result in report["policies"].values())
    assert expert >= report["random"]["max"]
    assert report["policies"]["worst"]["score"] <= min(r["score"] for r in report["policies"].values())


def test_the_report_gives_each_readers_hit_rate_beside_chance(report):
    from game.scoring.analyzer import render_text

    readers = report["readers"]
    assert list(readers) == ["tone", "longest", "shortest", "costliest", "cheapest", "first", "last", "humblest"]
    for name, rate in readers.items():
        assert 0 <= rate["hits"] <= rate["scenes"] and 0 < rate["chance"] < 100, name
        assert abs(rate["rate"] - 100 * rate["hits"] / rate["scenes"]) < 0.2, name
    assert readers["humblest"]["scenes"] == 1 and readers["tone"]["scenes"] > readers["humblest"]["scenes"]
    assert {"tone reader", "costliest option", "cheapest option", "humblest card"} <= set(report["policies"])
    assert "readers <= chance + 10" in report["thresholds"]
    text = render_text(report)
    assert "Readers on single-answer scenes" in text and "humblest card" in text


def test_random_play_uses_at_least_500_seeded_plays(report, demo, rulebook):
    assert report["random"]["plays"] >= 500
    again = analyze(demo, rulebook, plays=500)
    assert again["random"] == report["random"]


def test_range_says_whether_it_is_exact_or_sampled(report):
    assert report["range"]["exact"] is False and "sampled" in report["range"]["method"]
    assert report["range"]["best"] >= report["policies"]["expert"]["score"]
    assert report["range"]["worst"] <= report["policies"]["worst"]["score"]


def test_structure_lists_no_unreachable_scene_or_dead_end(report):
    structure = report["structure"]
    assert structure["unreachable"] == [] and structure["dead_ends"] == [] and structure["unused_cast"] == []
    assert "dynamics.compatible-values" in structure["rules_tested"]


def test_a_scene_whose_options_all_score_the_same_is_warned(tmp_path, rulebook):
    from game.core.checker import check_file

    path = tmp_path / "flat.yaml"
    path.write_text(
        """format: 1
id: flat
title: {en: Flat, bg: Плоско}
summary: {en: All options alike, bg: Всички еднакви}
languages: [en, bg]
minutes: 5
ngo: {name: {en: N, bg: Н}, cause: {en: C, bg: К}, town: {en: T, bg: Т}}
resources: {budget: {start: 10}}
scenes:
  a:
    kind: choice
    phase: before
    text: {en: Pick, bg: Изберете}
    options:
      - {id: x, text: {en: X, bg: Х}, evidence: {honours: [flow.after.evaluate]}}
      - {id: y, text: {en: Y, bg: У}, evidence: {honours: [flow.after.evaluate]}}
    next: end
  end: {kind: ending, outcome: success, text: {en: End, bg: Край}}
""",
        encoding="utf-8",
    )
    checked = check_file(path, rulebook.ids)
    assert checked.ok, checked.problems
    result = analyze(checked.scenario, rulebook, plays=20)
    assert result["range"]["exact"] is True
    assert any("every option scores the same" in w for w in result["warnings"])


def test_analyze_command_prints_json_and_exits_zero_on_the_demo(capsys):
    assert main(["analyze", "demo-river-cleanup", "--json", "--plays", "500"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["scenario"] == "demo-river-cleanup"


def test_coverage_reports_every_rule_with_its_scenarios(rulebook, capsys):
    from tests.conftest import SCENARIOS

    report = coverage(SCENARIOS, rulebook)
    assert [r["rule"] for r in report["rules"]] == [r.id for r in rulebook.rules]
    covered = {r["rule"] for r in report["rules"] if r["scenarios"]}
    assert "dynamics.compatible-values" in covered
    code = main(["coverage", "--json"])
    assert code == (1 if report["untested"] else 0)
    assert json.loads(capsys.readouterr().out)["tested_percent"] == report["tested_percent"]
