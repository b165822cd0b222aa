"""The grading errors a review of the campaign found, each played on the shipped scenario.
Every test here failed on the campaign and grader before issue 9 ("Teaching that holds up")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.core.checker import check_file
from game.core.engine import Session
from game.core.policies import POLICIES, play
from game.scoring.coverage import scenario_paths
from game.scoring.grader import grade

ROOT = Path(__file__).resolve().parents[2]
PLANS = ROOT / "tests" / "data" / "plans"


def _scenario(name: str):
    checked = check_file(ROOT / "scenarios" / f"{name}.yaml", None)
    assert checked.ok
    return checked.scenario


def _reach(name: str, scene_id: str) -> Session:
    """The expert plan's session, stopped when it reaches ``scene_id``."""
    plan = json.loads((PLANS / f"{name}-expert.json").read_text(encoding="utf-8"))
    session = Session(_scenario(name), seed=plan["seed"])
    for answer in plan["plan"]:
        if session.scene_id == scene_id:
            return session
        session.answer(answer)
    assert session.scene_id == scene_id, f"the expert plan never reaches {scene_id}"
    return session


def _verdicts_at(session: Session, rulebook, scene_id: str) -> dict[str, str]:
    """Finish the play, grade it, and give each rule's verdict at the (last) decision in ``scene_id``."""
    play(session, POLICIES["first"], seed=1)
    card = grade(session.scenario, session, rulebook)
    steps = [step for step in card["timeline"] if step["scene"] == scene_id]
    return {e["rule"]: e["verdict"] for e in steps[-1]["evidence"]}


@pytest.mark.parametrize("unfit", ["zvezda-holding", "breza-cement"])
def test_picking_an_unfit_sponsor_breaks_no_money_at_any_cost(rulebook, unfit):
    session = _reach("youth-centre-funding", "choose-sponsors")
    session.answer({"pick": [unfit, "codeforge"]})
    verdicts = _verdicts_at(session, rulebook, "choose-sponsors")
    assert verdicts.get("sponsor.no-money-at-any-cost") == "breaks"


def test_the_sponsor_background_check_is_graded_at_the_pick(rulebook):
    session = _reach("youth-centre-funding", "choose-sponsors")
    fresh = Session(session.scenario, seed=session.state.seed)
    for entry in session.state.log:
        if "research" not in entry:
            fresh.answer({k: v for k, v in entry.items() if k != "scene"})
    fresh.answer({"pick": ["telemax", "codeforge"]})  # no research at all
    assert _verdicts_at(fresh, rulebook, "choose-sponsors").get("sponsor.background-check") == "breaks"


def test_a_licence_that_gives_everything_away_breaks_the_licence_rules_and_no_partnership_rule(rulebook):
    scenario = _scenario("youth-centre-funding")
    scene = scenario.scenes["licence-negotiation"]
    assert scene.contract == "licence"
    rules = {r for c in scene.clauses for t in c.terms if t.evidence for r in (*t.evidence.honours, *t.evidence.breaks)}
    assert rules and all(r.startswith("licensing.") for r in rules)
    worst = {c.element: c.terms[-1].id for c in scene.clauses}  # the terms best for the company: world, any use, open-ended
    session = _reach("youth-centre-funding", "licence-negotiation")
    session.answer({"propose": worst})
    if not session.state.negotiations["licence-negotiation"].outcome:
        session.answer({"sign": True})
    verdicts = _verdicts_at(session, rulebook, "licence-negotiation")
    assert verdicts.get("licensing.written-terms") == "breaks" or verdicts.get("licensing.strategy-aligned") == "breaks"
    assert not any(rule.startswith("agreement.") and verdict == "honours" for rule, verdict in verdicts.items())


def test_a_flat_fee_or_a_free_licence_is_not_graded_as_a_broken_rule():
    for name in ("youth-centre-funding", "relationships-that-last"):
        scenario = _scenario(name)
        for scene in scenario.scenes.values():
            if scene.kind == "negotiate" and scene.contract == "licence":
                for clause in scene.clauses:
                    for term in clause.terms:
                        if term.id in ("flat-fee", "free"):
                            assert term.evidence is not None and not term.evidence.breaks, (name, term.id)


def test_a_vague_coalition_framework_scores_the_agreement_at_zero_and_a_concrete_one_at_full(rulebook):
    vague = {"goals": "greener-town", "responsibilities": "best-effort", "contributions": "as-can", "period": "open-ended",
             "mechanism": "when-needed", "benefits": "case-by-case"}
    session = _reach("coalition-clean-air", "framework")
    session.answer({"propose": vague})
    if not session.state.negotiations["framework"].outcome:
        session.answer({"sign": True})
    verdicts = _verdicts_at(session, rulebook, "framework")
    for rule in ("agreement.common-goals", "agreement.responsibilities", "agreement.contributions", "agreement.period", "agreement.mechanism", "agreement.benefits"):
        assert verdicts.get(rule) == "breaks", rule


def test_no_card_earns_a_rule_for_being_passed_over_that_a_picked_card_breaks():
    for path in scenario_paths(ROOT / "scenarios"):
        scenario = check_file(path, None).scenario
        for scene_id, scene in scenario.scenes.items():
            if scene.kind != "pick":
                continue
            broken_when_picked = {r for c in scene.pool if c.evidence for r in c.evidence.breaks}
            for card in scene.pool:
                credited = set(card.passed.honours) if card.passed else set()
                assert not credited & broken_when_picked, (path.stem, scene_id, card.cast)


def test_the_feedback_of_every_option_is_tagged_with_rules_and_social_media_is_not_wrong_in_itself():
    for path in scenario_paths(ROOT / "scenarios"):
        scenario = check_file(path, None).scenario
        for scene in scenario.scenes.values():
            for item in getattr(scene, "options", []):
                evidence = getattr(item, "evidence", None)
                if evidence is not None:
                    assert "tips.social-media" not in evidence.breaks, (path.stem, item.id)
        if path.stem == "youth-centre-funding":
            share = next(o for o in scenario.scenes["where-to-look"].options if o.id == "facebook-ads")
            assert "crm.donors" not in share.evidence.breaks


def test_a_sequence_is_graded_on_the_order_not_as_every_step_done():
    for path in scenario_paths(ROOT / "scenarios"):
        scenario = check_file(path, None).scenario
        for scene in scenario.scenes.values():
            if scene.kind == "sequence":
                assert not any(r.startswith("media.step.") for r in scene.evidence.honours + scene.evidence.breaks), path.stem


def test_a_formal_coalition_is_not_graded_on_nurturing_an_informal_one():
    scenario = _scenario("coalition-clean-air")
    mentioned = {r for s in scenario.scenes.values() for o in getattr(s, "options", []) if getattr(o, "evidence", None) for r in (*o.evidence.honours, *o.evidence.breaks)}
    assert "informal.nurture" not in mentioned and "forms.choose-form" in mentioned


def test_every_partnership_term_of_every_shipped_negotiation_is_graded():
    for path in scenario_paths(ROOT / "scenarios"):
        scenario = check_file(path, None).scenario
        for scene in scenario.scenes.values():
            if scene.kind == "negotiate":
                for clause in scene.clauses:
                    for term in clause.terms:
                        assert term.evidence and (term.evidence.honours or term.evidence.breaks), (path.stem, term.id)
