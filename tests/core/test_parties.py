"""A negotiation with two or three parties around one table: each has its own
limits, trust and patience; a term is agreed only when all accept it; the
first to run out of patience leaves; the agreement names everyone who signed."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.core.checker import check_file
from game.core.engine import Session
from game.core.negotiation import strictest
from game.scoring.rulebook import default_rulebook

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "valid" / "three-parties.yaml"
ALL_FAIR = {"goals": "shared-goals", "contributions": "split", "period": "three-years"}


@pytest.fixture(scope="module")
def table():
    checked = check_file(FIXTURE, default_rulebook().ids)
    assert checked.ok, [str(p) for p in checked.errors]
    return checked


def new_session(table) -> Session:
    return Session(table.scenario, seed=3, scenario_hash=table.hash)


def test_a_term_one_party_refuses_is_refused_with_that_partys_reason_and_a_counter_all_accept(table):
    session = new_session(table)
    events = session.answer({"propose": {**ALL_FAIR, "contributions": "town-pays"}})
    refused = next(e for e in events if e.get("result") == "refused")
    assert refused["by"] == "school" and refused["refused_by"] == ["school"]
    assert refused["counter"] == "split" and "cannot buy trees" in refused["reason"]["en"]
    assert {e["cast"]: e["delta"] for e in events if e["type"] == "trust" and e["delta"] < 0} == {"school": -2}
    record = session.state.negotiations["table"]
    assert set(record.agreed) == {"goals", "period"} and record.counters == {"contributions": "split"}


def test_the_agreement_is_signed_by_every_party(table):
    session = new_session(table)
    session.answer({"propose": ALL_FAIR})
    session.answer({"sign": True})
    agreement = session.state.agreement
    assert agreement.counterpart == "town-hall" and agreement.parties == ["school", "traders"]
    assert agreement.terms == ALL_FAIR and session.state.ending == "the-end"


def test_every_round_costs_each_party_patience_and_the_first_to_run_out_leaves(table):
    session = new_session(table)
    record = session.state.negotiations["table"]
    assert (record.patience, record.patience_of) == (6, {"school": 5, "traders": 6})
    events = []
    for _ in range(5):
        if session.ended:
            break
        events = session.answer({"propose": {"contributions": "town-pays"}})
    assert {"type": "party_left", "cast": "school"} in events
    assert session.state.chosen["table"] == "left" and session.state.agreement is None


def check_text(text: str, path: Path):
    path.write_text(text, encoding="utf-8")
    return check_file(path, default_rulebook().ids)


def test_the_facilitator_calms_every_party(table, tmp_path):
    scenario_text = FIXTURE.read_text(encoding="utf-8").replace("    counterpart: town-hall\n", "    counterpart: town-hall\n    facilitator: town-hall-mediator\n", 1)
    scenario_text = scenario_text.replace("start: table", """  - id: town-hall-mediator
    kind: facilitator
    name: {en: "A mediator", bg: "Медиатор"}
    visible: {size: small}
start: table""", 1)
    checked = check_text(scenario_text, tmp_path / "facilitated.yaml")
    assert checked.ok, [str(p) for p in checked.errors]
    session = Session(checked.scenario, seed=3, scenario_hash=checked.hash)
    session.answer({"facilitator": True})
    record = session.state.negotiations["table"]
    assert (record.patience, record.patience_of) == (9, {"school": 8, "traders": 9})


def test_the_table_sees_each_clause_by_its_strictest_party(table):
    scene = table.scenario.scenes["table"]
    contributions = next(c for c in scene.clauses if c.element == "contributions")
    assert contributions.accepts == "town-pays"
    assert strictest(scene, contributions).accepts == "split" and strictest(scene, contributions).priority == "high"


@pytest.mark.parametrize("mistake,message", [
    ("      - cast: school\n", "      - cast: schol\n"),
    ("          - element: period\n", "          - element: benefits\n"),
    ("            accepts: split\n", "            accepts: halves\n"),
])
def test_a_wrong_party_gets_a_clear_message(mistake, message, tmp_path):
    text = FIXTURE.read_text(encoding="utf-8").replace(mistake, message, 1)
    checked = check_text(text, tmp_path / "wrong.yaml")
    said = " ".join(str(p) for p in checked.errors)
    assert not checked.ok
    if "schol" in message:
        assert "schol" in said and "school" in said  # unknown cast member, with the suggestion
    elif "benefits" in message:
        assert "'benefits', which is not a clause of this negotiation" in said
    else:
        assert "must be one of the clause's term ids" in said
