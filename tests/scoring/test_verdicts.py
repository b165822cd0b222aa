"""One verdict per rule per decision, checks shown where the chance was, terms graded as signed.

Each test here failed on the grader as it was before issue 9: a pick of an
unfit sponsor still earned the rule through another card's ``passed``; a
vague agreement counted as having its clauses; an end check never reached
the decision it was about.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from game.core.checker import check_file
from game.core.engine import Session
from game.core.policies import POLICIES, play
from game.scoring.grader import grade, grade_log

ROOT = Path(__file__).resolve().parents[2]

SCENARIO = """\
format: 1
id: verdicts
title: {en: "Verdicts", bg: "Присъди"}
summary: {en: "Sponsors and an agreement.", bg: "Спонсори и споразумение."}
languages: [en, bg]
minutes: 5
ngo:
  name: {en: "Test Club", bg: "Тестов клуб"}
  cause: {en: "Clean parks", bg: "Чисти паркове"}
  town: {en: "Testovo", bg: "Тестово"}
resources:
  budget: {start: 100, min: 0}
  weeks: {start: 10, min: 0}
traits:
  record:
    name: {en: "Record", bg: "Минало"}
    values:
      clean: {en: "clean", bg: "чисто"}
      fined: {en: "fined", bg: "глобявана"}
cast:
  - id: betting
    kind: sponsor
    name: {en: "Betting Co", bg: "Залози"}
    hidden: {record: fined}
    research: [{id: look, label: {en: "Look", bg: "Вижте"}, cost: {weeks: 1}, reveals: [record]}]
  - id: cement
    kind: sponsor
    name: {en: "Cement Co", bg: "Цимент"}
    hidden: {record: fined}
    research: [{id: look, label: {en: "Look", bg: "Вижте"}, cost: {weeks: 1}, reveals: [record]}]
  - id: bakery
    kind: sponsor
    name: {en: "Bakery", bg: "Пекарна"}
    hidden: {record: clean}
    research: [{id: look, label: {en: "Look", bg: "Вижте"}, cost: {weeks: 1}, reveals: [record]}]
  - id: partner
    kind: counterpart
    name: {en: "Partner NGO", bg: "Партньорска организация"}
    trust: 80
start: choose
scenes:
  choose:
    kind: pick
    phase: before
    title: {en: "Sponsors", bg: "Спонсори"}
    text: {en: "Choose two sponsors", bg: "Изберете двама спонсори"}
    count: 2
    pool:
      - cast: betting
        evidence: {breaks: [sponsor.no-money-at-any-cost], weight: 2}
        passed: {honours: [sponsor.no-money-at-any-cost]}
        unchecked: {breaks: [sponsor.background-check]}
        checked: {honours: [sponsor.background-check]}
      - cast: cement
        evidence: {breaks: [sponsor.no-money-at-any-cost], weight: 2}
        passed: {honours: [sponsor.no-money-at-any-cost]}
        unchecked: {breaks: [sponsor.background-check]}
        checked: {honours: [sponsor.background-check]}
      - cast: bakery
        evidence: {honours: [sponsor.fit-check]}
        unchecked: {breaks: [sponsor.background-check]}
        checked: {honours: [sponsor.background-check]}
    next: talk
  talk:
    kind: negotiate
    phase: before
    text: {en: "Agree the terms", bg: "Договорете условията"}
    counterpart: partner
    patience: 8
    clauses:
      - element: goals
        terms:
          - {id: measurable, text: {en: "Two parks cleaned by June", bg: "Два парка до юни"}, evidence: {honours: [agreement.common-goals]}}
          - {id: vague, text: {en: "Make the town greener", bg: "По-зелен град"}, evidence: {breaks: [agreement.common-goals]}}
        accepts: measurable
        wants: vague
        reason: {en: "Fine.", bg: "Добре."}
      - element: mechanism
        terms:
          - {id: monthly, text: {en: "A meeting each month", bg: "Среща всеки месец"}, evidence: {honours: [agreement.mechanism]}}
          - {id: whenever, text: {en: "Whenever something comes up", bg: "Когато възникне нещо"}, evidence: {breaks: [agreement.mechanism]}}
        accepts: monthly
        wants: whenever
        reason: {en: "Fine.", bg: "Добре."}
    agreed: {next: review}
    walked_away: {next: review}
    left: {next: review}
  review:
    kind: choice
    phase: after
    title: {en: "Review", bg: "Преглед"}
    text: {en: "What now?", bg: "Какво сега?"}
    options:
      - id: evaluate
        text: {en: "Evaluate with the partner", bg: "Оценете с партньора"}
        evidence: {honours: [flow.after.evaluate]}
        feedback: {en: "Evaluated.", bg: "Оценено."}
      - id: move-on
        text: {en: "Start the next project", bg: "Започнете следващия проект"}
        evidence: {breaks: [flow.after.evaluate]}
        feedback: {en: "Moved on.", bg: "Продължихте."}
    next: the-end
  the-end:
    kind: ending
    outcome: success
    text: {en: "The end.", bg: "Край."}
checks:
  - rule: partnership.signed-agreement
    at: talk
    honoured_if: {agreement: [goals, mechanism]}
    feedback: {en: "The agreement fixes a goal and a way to work.", bg: "Споразумението определя цел и начин на работа."}
  - rule: networking.follow-members
    honoured_if: {flag: never-set}
    feedback: {en: "Nobody followed what the members did.", bg: "Никой не следеше какво правят членовете."}
"""


@pytest.fixture(scope="module")
def scenario(tmp_path_factory, rulebook):
    path = tmp_path_factory.mktemp("verdicts") / "verdicts.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    checked = check_file(path, rulebook.ids)
    assert checked.ok and not checked.warnings, [str(p) for p in checked.problems]
    return checked.scenario


def _play(scenario, rulebook, research=(), pick=("betting", "bakery"), terms=None, review="evaluate"):
    session = Session(scenario, seed=1)
    for cast in research:
        session.answer({"research": {"cast": cast, "action": "look"}})
    session.answer({"pick": list(pick)})
    session.answer({"propose": terms or {"goals": "measurable", "mechanism": "monthly"}})
    session.answer({"sign": True})
    session.answer({"choose": review})
    assert session.ended
    return session, grade(scenario, session, rulebook)


def _rule(card, rule_id):
    return next(r for r in card["rules"] if r["rule"] == rule_id)


def test_picking_an_unfit_sponsor_breaks_the_rule_although_the_other_unfit_one_was_passed_over(scenario, rulebook):
    _, card = _play(scenario, rulebook, pick=("betting", "bakery"))
    rule = _rule(card, "sponsor.no-money-at-any-cost")
    assert rule["verdict"] == "broken" and rule["honoured"] == 0
    pick = card["timeline"][0]
    assert [e["verdict"] for e in pick["evidence"] if e["rule"] == "sponsor.no-money-at-any-cost"] == ["breaks"]


def test_the_background_check_is_graded_at_the_pick(scenario, rulebook):
    _, unchecked = _play(scenario, rulebook, research=())
    assert _rule(unchecked, "sponsor.background-check")["verdict"] == "broken"
    _, checked = _play(scenario, rulebook, research=("betting", "bakery"))
    assert _rule(checked, "sponsor.background-check")["verdict"] == "honoured"
    _, half = _play(scenario, rulebook, research=("bakery",))
    assert _rule(half, "sponsor.background-check")["verdict"] == "broken"


def test_a_vague_agreement_breaks_its_clauses_and_does_not_count_as_having_them(scenario, rulebook):
    _, vague = _play(scenario, rulebook, terms={"goals": "vague", "mechanism": "whenever"})
    assert _rule(vague, "agreement.common-goals")["verdict"] == "broken"
    assert _rule(vague, "agreement.mechanism")["verdict"] == "broken"
    assert _rule(vague, "partnership.signed-agreement")["verdict"] == "broken"
    agreement = next(a for a in vague["areas"] if a["area"] == "agreement")
    assert agreement["score"] == 0
    _, sound = _play(scenario, rulebook)
    assert _rule(sound, "partnership.signed-agreement")["verdict"] == "honoured"
    assert next(a for a in sound["areas"] if a["area"] == "agreement")["score"] == 100


def test_an_end_check_is_shown_with_the_decision_where_the_chance_was(scenario, rulebook):
    session, card = _play(scenario, rulebook, terms={"goals": "vague", "mechanism": "monthly"})
    talk = [step for step in card["timeline"] if step["scene"] == "talk"]
    shown = [e for step in talk for e in step["evidence"] if e["rule"] == "partnership.signed-agreement"]
    assert len(shown) == 1 and shown[0]["verdict"] == "breaks" and shown[0]["check"]
    assert shown[0]["feedback"]["en"].startswith("The agreement fixes")
    assert talk[-1]["decision"] == len(session.state.log) - 2  # the last answer given in the negotiation
    at_end = [c for c in card["checks"] if c["decision"] is None]
    assert [c["rule"] for c in at_end] == ["networking.follow-members"]


def _consistent(card):
    """The summary, the areas and the decisions tell the same story."""
    records = [(e["rule"], e["verdict"]) for step in card["timeline"] for e in step["evidence"]]
    records += [(c["rule"], c["verdict"]) for c in card["checks"] if c["decision"] is None]
    for step in card["timeline"]:
        rules = [e["rule"] for e in step["evidence"]]
        assert len(rules) == len(set(rules)), ("a rule listed twice in one decision", step["scene"], rules)
    by_rule: dict[str, set] = {}
    for rule, verdict in records:
        by_rule.setdefault(rule, set()).add(verdict)
    graded = {r["rule"]: r["verdict"] for r in card["rules"]}
    assert set(by_rule) == set(graded)
    for rule, verdicts in by_rule.items():
        expected = "broken" if verdicts == {"breaks"} else "honoured" if verdicts == {"honours"} else "mixed"
        assert graded[rule] == expected, (rule, verdicts, graded[rule])
    for area in card["areas"]:
        in_area = [r for r in card["rules"] if r["area"] == area["area"]]
        assert (area["broken"] > 0) == any(r["broken"] for r in in_area)
    assert card["broken_points"] == pytest.approx(sum(r["broken"] for r in card["rules"]))


def test_summary_areas_and_decisions_agree_on_the_synthetic_plays(scenario, rulebook):
    for research in ((), ("bakery",), ("betting", "bakery")):
        for terms in ({"goals": "vague", "mechanism": "whenever"}, {"goals": "measurable", "mechanism": "monthly"}):
            _consistent(_play(scenario, rulebook, research=research, terms=terms)[1])


def _shipped():
    from game.scoring.coverage import scenario_paths

    return scenario_paths(ROOT / "scenarios")


@pytest.mark.parametrize("path", _shipped(), ids=lambda p: p.stem)
def test_summary_areas_and_decisions_agree_for_random_plays_of_every_shipped_scenario(path, rulebook):
    checked = check_file(path, rulebook.ids)
    assert checked.ok, [str(p) for p in checked.errors]
    for seed in range(12):
        session = Session(checked.scenario, seed=seed)
        play(session, POLICIES["random"], seed)
        _consistent(grade_log(checked.scenario, seed, session.state.log, rulebook))


def test_summary_areas_and_decisions_agree_for_every_golden_plan(rulebook):
    from tests.golden import load_plan, plan_names

    for name in plan_names():
        spec = load_plan(name)
        checked = check_file(ROOT / spec["scenario"], rulebook.ids)
        session = Session(checked.scenario, seed=spec["seed"])
        for answer in spec["plan"]:
            session.answer(answer)
        _consistent(grade(checked.scenario, session, rulebook))


def test_a_licence_negotiates_licence_terms_and_is_not_the_partnership_agreement(tmp_path, rulebook):
    licence = SCENARIO.replace("    kind: negotiate\n", "    kind: negotiate\n    contract: licence\n")
    licence = licence.replace("element: goals", "element: use").replace("element: mechanism", "element: territory")
    path = tmp_path / "licence.yaml"
    path.write_text(licence, encoding="utf-8")
    checked = check_file(path, rulebook.ids)
    assert checked.ok
    warned = [p.message for p in checked.warnings]
    assert any("partnership-agreement rules" in m for m in warned), warned
    session = Session(checked.scenario, seed=1)
    session.answer({"pick": ["bakery", "betting"]})
    session.answer({"propose": {"use": "measurable", "territory": "monthly"}})
    session.answer({"sign": True})
    assert session.state.agreement is None and session.negotiation("talk")["outcome"] == "agreed"
    wrong = SCENARIO.replace("    kind: negotiate\n", "    kind: negotiate\n    contract: licence\n")
    path.write_text(wrong, encoding="utf-8")
    checked = check_file(path, rulebook.ids)
    assert not checked.ok and any("a licence has no 'goals' clause" in str(p) for p in checked.errors)


def test_a_term_without_evidence_is_a_warning(tmp_path, rulebook):
    bare = SCENARIO.replace(", evidence: {breaks: [agreement.mechanism]}}", "}")
    path = tmp_path / "bare.yaml"
    path.write_text(bare, encoding="utf-8")
    checked = check_file(path, rulebook.ids)
    assert any("term 'whenever' names no rule" in p.message for p in checked.warnings)


def test_a_check_without_feedback_and_a_partnership_graded_by_licence_rules_are_warnings(tmp_path, rulebook):
    text = SCENARIO.replace('''    feedback: {en: "Nobody followed what the members did.", bg: "Никой не следеше какво правят членовете."}
''', "").replace("evidence: {honours: [agreement.mechanism]}", "evidence: {honours: [licensing.written-terms]}")
    path = tmp_path / "warned.yaml"
    path.write_text(text, encoding="utf-8")
    warned = [p.message for p in check_file(path, rulebook.ids).warnings]
    assert any("the check of 'networking.follow-members' has no feedback" in m for m in warned), warned
    assert any("grades a partnership agreement with licensing rules" in m for m in warned), warned
