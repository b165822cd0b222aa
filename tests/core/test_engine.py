"""Engine tests. Every transcript runs twice: directly, and with a save/load JSON round trip after each answer."""

import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.core.engine import InvalidAnswer, SaveMismatch, Session
from game.core.policies import POLICIES, play
from tests.golden import golden_path, plan_names, run_plan

MODES = [False, True]


@pytest.mark.parametrize("roundtrip", MODES, ids=["direct", "roundtrip"])
@pytest.mark.parametrize("plan", plan_names())
def test_plan_reaches_the_golden_path_state_and_score(plan, roundtrip):
    expected = json.loads(golden_path(plan).read_text(encoding="utf-8"))
    assert run_plan(plan, roundtrip=roundtrip) == expected


def _roundtrip(session, demo):
    return Session.from_json(demo, session.to_json())


@pytest.mark.parametrize("roundtrip", MODES, ids=["direct", "roundtrip"])
def test_a_wrong_answer_is_refused_and_changes_nothing(demo, roundtrip):
    session = Session(demo, seed=1)
    before = session.to_json()
    for bad in ({"choose": "no-such-option"}, {"pick": ["x"]}, {"choose": "a", "pick": []}, "text", {"order": []}):
        with pytest.raises(InvalidAnswer):
            session.answer(bad)
        if roundtrip:
            session = _roundtrip(session, demo)
    assert session.to_json() == before


def _to_pick_scene(demo, seed=1):
    session = Session(demo, seed=seed)
    session.choose("write-strategy")
    session.allocate({"regional-forum": 5, "local-visits": 5})
    session.choose("call-and-meet")
    return session


def _to_negotiation(demo, picks=("school-eco-club", "fishers-union")):
    session = _to_pick_scene(demo)
    session.pick(list(picks))
    assert session.scene.kind == "negotiate"
    return session


def test_research_costs_time_and_reveals_a_hidden_trait(demo):
    session = _to_pick_scene(demo)
    weeks = session.resource("weeks")
    events = session.research("green-future", "past-projects")
    assert session.resource("weeks") == weeks - 1
    assert {"type": "revealed", "cast": "green-future", "trait": "reliability", "value": "low"} in events
    with pytest.raises(InvalidAnswer):
        session.research("green-future", "past-projects")


def test_pick_needs_exactly_the_count(demo):
    session = _to_pick_scene(demo)
    with pytest.raises(InvalidAnswer):
        session.pick(["green-future"])
    with pytest.raises(InvalidAnswer):
        session.pick(["green-future", "green-future"])


def test_negotiation_accepts_fair_terms_in_one_round(demo):
    session = _to_negotiation(demo)
    fair = {c.element: c.accepts for c in session.scene.clauses}
    session.answer({"propose": fair})
    record = session.state.negotiations["negotiate-agreement"]
    assert record.agreed == fair and record.patience == 5
    session.answer({"sign": True})
    assert session.state.agreement.terms == fair
    assert session.scene_id == "media-steps"


def test_lowballing_costs_trust_and_gets_a_counter_offer_with_reasons(demo):
    session = _to_negotiation(demo)
    trust = session.trust("municipality")
    events = session.answer({"propose": {"contributions": "trucks-and-money"}})
    refused = [e for e in events if e["type"] == "clause"][0]
    assert refused["result"] == "refused" and refused["counter"] == "trucks-only"
    assert refused["reason"]["en"]
    assert session.trust("municipality") < trust
    session.answer({"concede": "contributions"})
    assert session.state.negotiations["negotiate-agreement"].agreed["contributions"] == "trucks-only"


def test_asking_about_a_need_reveals_priority_and_costs_a_round(demo):
    session = _to_negotiation(demo)
    events = session.answer({"ask": "goals"})
    need = [e for e in events if e["type"] == "need"][0]
    assert need == {"type": "need", "element": "goals", "priority": "high", "accepts": "shared-goals"}
    assert session.state.negotiations["negotiate-agreement"].patience == 5


def test_the_counterpart_leaves_when_patience_runs_out(demo):
    session = _to_negotiation(demo)
    greedy = {c.element: c.terms[0].id for c in session.scene.clauses}
    for _ in range(10):
        if session.scene_id != "negotiate-agreement":
            break
        record = session.state.negotiations["negotiate-agreement"]
        session.answer({"propose": {k: v for k, v in greedy.items() if k not in record.agreed}})
    record = session.state.negotiations["negotiate-agreement"]
    assert record.outcome == "left" and record.deadlocked
    assert session.state.agreement is None
    assert session.scene_id == "media-steps"


def test_calling_the_facilitator_adds_patience_and_softens_low_priority_clauses(demo):
    session = _to_negotiation(demo)
    session.answer({"propose": {"period": "two-years"}})
    session.answer({"facilitator": True})
    record = session.state.negotiations["negotiate-agreement"]
    assert record.facilitated and record.patience == 8
    session.answer({"propose": {"period": "two-years"}})
    assert record.agreed.get("period") == "two-years"
    with pytest.raises(InvalidAnswer):
        session.answer({"facilitator": True})


def test_an_unreliable_partner_triggers_the_event_and_the_story_resumes(demo):
    session = _to_negotiation(demo, picks=("green-future", "school-eco-club"))
    session.answer({"walk_away": True})
    session.order([s.id for s in session.scene.steps])
    assert session.scene_id == "partner-slips"
    session.choose("talk-openly")
    assert session.scene_id == "cleanup-day"


def test_reliable_partners_never_trigger_the_event(demo):
    session = _to_negotiation(demo)
    session.answer({"walk_away": True})
    session.order([s.id for s in session.scene.steps])
    assert session.scene_id == "cleanup-day"


def test_sequence_tolerates_one_swap_but_not_two(demo):
    session = _to_negotiation(demo)
    session.answer({"walk_away": True})
    steps = [s.id for s in session.scene.steps]
    one_swap = steps[:]
    one_swap[0], one_swap[1] = one_swap[1], one_swap[0]
    twin = session.fork()
    events = twin.order(one_swap)
    assert [e for e in events if e["type"] == "sequence"][0]["in_order"] is True
    two_swaps = one_swap[:]
    two_swaps[2], two_swaps[3] = two_swaps[3], two_swaps[2]
    events = session.order(two_swaps)
    assert [e for e in events if e["type"] == "sequence"][0]["in_order"] is False


def test_allocate_must_spend_exactly_the_points(demo):
    session = Session(demo, seed=1)
    session.choose("write-strategy")
    with pytest.raises(InvalidAnswer):
        session.allocate({"regional-forum": 11})
    with pytest.raises(InvalidAnswer):
        session.allocate({"regional-forum": 3})
    with pytest.raises(InvalidAnswer):
        session.allocate({"regional-forum": True, "local-visits": 9})
    session.allocate({"regional-forum": 4, "local-visits": 6})
    assert session.resource("network") == 14


def test_a_save_from_another_scenario_or_edited_by_hand_is_refused(demo):
    session = _to_pick_scene(demo)
    data = json.loads(session.to_json())
    data["scenario"] = "another"
    with pytest.raises(SaveMismatch):
        Session.from_json(demo, json.dumps(data))
    data = json.loads(session.to_json())
    data["resources"]["budget"] = 999999
    with pytest.raises(SaveMismatch):
        Session.from_json(demo, json.dumps(data))


def test_a_save_records_the_content_hash_and_refuses_another_version(demo):
    session = Session(demo, seed=1, scenario_hash="aaaa")
    with pytest.raises(SaveMismatch):
        Session.from_json(demo, session.to_json(), scenario_hash="bbbb")


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), policy=st.sampled_from(sorted(POLICIES)))
def test_same_seed_same_play_and_replaying_the_log_rebuilds_the_state(demo, seed, policy):
    first = play(Session(demo, seed=seed), POLICIES[policy], seed)
    second = play(Session(demo, seed=seed), POLICIES[policy], seed)
    assert first.state == second.state and first.ended
    replayed = Session.replay(demo, seed, first.state.log)
    assert replayed.state == first.state
    assert Session.from_json(demo, first.to_json()).state == first.state


def test_every_random_play_ends_within_the_answer_limit(demo):
    for seed in range(200):
        session = play(Session(demo, seed=seed), POLICIES["random"], seed)
        assert session.ended, seed
        assert session.state.ending in ("river-clean", "partly-clean")


def test_shuffled_steps_are_never_already_in_order(demo):
    session = _to_negotiation(demo)
    session.answer({"walk_away": True})
    assert session.shuffled_steps() != [s.id for s in session.scene.steps]
    assert sorted(session.shuffled_steps()) == sorted(s.id for s in session.scene.steps)


def test_random_answers_come_from_a_seeded_generator(demo):
    a = POLICIES["random"](Session(demo, seed=3), random.Random(5))
    b = POLICIES["random"](Session(demo, seed=3), random.Random(5))
    assert a == b


def test_scene_text_follows_what_the_player_did(demo):
    cleanup = demo.scenes["cleanup-day"]
    signed = _to_negotiation(demo)
    signed.answer({"propose": {c.element: c.accepts for c in signed.scene.clauses}})
    signed.answer({"sign": True})
    assert signed.text_of(cleanup) is cleanup.text
    walked = _to_negotiation(demo)
    walked.answer({"walk_away": True})
    assert "by hand" in walked.text_of(cleanup).en
    before = walked.to_json()
    walked.text_of(cleanup)
    assert walked.to_json() == before  # showing text never changes the state


def test_a_text_variant_cannot_depend_on_chance(tmp_path, rulebook):
    from game.core.checker import check_file
    from tests.conftest import ROOT

    text = (ROOT / "tests" / "data" / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    index = text.index("    text: {", text.index("kind: choice"))
    line_end = text.index("\n", index)
    broken = text[: line_end + 1] + "    variants: [{when: {chance: 0.5}, text: {en: Maybe, bg: Може би}}]\n" + text[line_end + 1 :]
    path = tmp_path / "chance.yaml"
    path.write_text(broken, encoding="utf-8")
    checked = check_file(path, rulebook.ids)
    assert any("cannot depend on chance" in p.message for p in checked.errors), [str(p) for p in checked.problems]
