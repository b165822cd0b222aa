"""The grader: golden scorecards, properties, and the rulebook against the handbook outline."""

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from game.core.engine import Session
from game.core.policies import POLICIES, play
from game.scoring.grader import grade, grade_log, percent, scorecard, tally, replay_recorded
from game.scoring.references import rule_references

ROOT = Path(__file__).resolve().parents[2]


def test_every_rule_has_both_languages_and_a_known_area(rulebook):
    areas = {a.id for a in rulebook.areas}
    assert len(areas) == 14
    for rule in rulebook.rules:
        assert rule.area in areas
        assert rule.title.en and rule.title.bg and rule.advice.en and rule.advice.bg


def test_every_rule_id_used_by_a_shipped_scenario_exists_in_the_rulebook(rulebook):
    from game.core.checker import check_file
    from game.scoring.coverage import scenario_paths

    for path in scenario_paths(ROOT / "scenarios"):
        checked = check_file(path, None)
        assert checked.scenario is not None, path
        used = {rule for rule, _ in rule_references(checked.scenario)}
        assert used <= rulebook.ids, (path, used - rulebook.ids)


def _golden(name):
    return json.loads((ROOT / "tests" / "data" / "golden" / f"{name}.json").read_text(encoding="utf-8"))


def test_expert_plan_scores_a_with_all_goals_and_mistakes_score_e(demo, rulebook):
    expert, mistakes = _golden("demo-expert"), _golden("demo-mistakes")
    assert expert["overall"] == 100.0 and expert["grade"] == "A" and all(expert["goals"].values())
    assert mistakes["overall"] < 20 and mistakes["grade"] == "E"
    assert mistakes["rules"]["dynamics.compatible-values"] == "broken"
    assert mistakes["rules"]["tips.choose-carefully"] == "broken"


def test_reaching_a_goal_while_breaking_the_handbook_is_said_in_the_notes(demo, rulebook):
    session = Session(demo, seed=1)
    session.choose("write-everyone")  # breaks a rule
    session.allocate({"regional-forum": 5, "local-visits": 5})
    session.choose("call-and-meet")
    session.pick(["school-eco-club", "fishers-union"])
    session.answer({"propose": {c.element: c.accepts for c in session.scene.clauses}})
    session.answer({"sign": True})
    session.order([s.id for s in session.scene.steps])
    session.choose("facts")
    session.choose("joint-review")
    session.choose("personal-thanks")
    card = grade(demo, session, rulebook)
    assert card["goals_met"] == len(card["goals"])
    assert any("broke" in note["en"] for note in card["notes"])
    assert card["next_time"][0]["rule"] in {"tips.choose-carefully", "flow.before.strategy"}


def test_scorecard_traces_every_point_to_a_decision_or_a_check(demo, rulebook):
    session = play(Session(demo, seed=4), POLICIES["random"], 4)
    card = grade(demo, session, rulebook)
    for rule in card["rules"]:
        for evidence in rule["evidence"]:
            assert evidence["decision"] is None or 0 <= evidence["decision"] < card["decisions"]
    assert json.loads(json.dumps(card)) == card


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 5000))
def test_replaying_a_log_gives_the_same_scorecard(demo, rulebook, seed):
    session = play(Session(demo, seed=seed), POLICIES["random"], seed)
    first = grade_log(demo, seed, session.state.log, rulebook)
    again = grade_log(demo, seed, json.loads(json.dumps(session.state.log)), rulebook)
    assert first == again == scorecard(replay_recorded(demo, seed, session.state.log), rulebook)


evidence_records = st.lists(
    st.fixed_dictionaries({"rule": st.sampled_from(["flow.after.evaluate", "sponsor.background-check", "crowd.hackathons"]), "verdict": st.sampled_from(["honours", "breaks"]), "weight": st.integers(1, 5)}),
    max_size=20,
)


@given(records=evidence_records, extra=st.sampled_from(["flow.after.evaluate", "sponsor.background-check", "crowd.hackathons"]), weight=st.integers(1, 5))
def test_honouring_one_more_rule_never_lowers_the_score(rulebook, records, extra, weight):
    before = percent(*tally(records, rulebook)) or 0.0
    after = percent(*tally(records + [{"rule": extra, "verdict": "honours", "weight": weight}], rulebook))
    assert after >= before


@given(records=evidence_records, extra=st.sampled_from(["flow.after.evaluate", "crowd.hackathons"]))
def test_breaking_one_more_rule_never_raises_the_score(rulebook, records, extra):
    before = percent(*tally(records, rulebook))
    after = percent(*tally(records + [{"rule": extra, "verdict": "breaks", "weight": 1}], rulebook))
    assert before is None or after <= before


def test_choosing_the_honouring_option_instead_of_the_breaking_one_never_lowers_the_score(demo, rulebook):
    from tests.golden import load_plan

    plan = load_plan("demo-expert")["plan"]
    good = grade_log(demo, 7, [dict(a, scene=None) for a in []], rulebook)  # empty play scores nothing
    assert good["overall"] is None
    base = Session(demo, seed=7)
    for answer in plan:
        base.answer(answer)
    best = grade(demo, base, rulebook)["overall"]
    for index, answer in enumerate(plan):
        if "choose" not in answer:
            continue
        session = Session(demo, seed=7)
        for earlier in plan[:index]:
            session.answer(earlier)
        for option in session.options():
            if option.id == answer["choose"]:
                continue
            twin = session.fork()
            twin.choose(option.id)
            play(twin, POLICIES["first"], 0)
            assert grade(demo, twin, rulebook)["overall"] <= best
