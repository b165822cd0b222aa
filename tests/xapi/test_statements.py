"""Statement quality (xAPI 1.0.3): interaction types and correct responses per decision kind, the scenario as
parent of its scenes, names in the scenario text's language with its tag, completion with a scaled score,
rules as documented extensions; players as accounts, teams as Groups; item analysis finds the options nobody picks."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game.core.engine import Session
from game.core.policies import POLICIES, play
from game.scoring.grader import grade
from game.store.results import ResultsStore
from game.workshop import Workshop
from game.xapi import vocab
from game.xapi.actors import agent, group
from game.xapi.items import analyse, plays_from_sessions, plays_from_statements
from game.xapi.statements import PlayStatements
from tests.conftest import ROOT, SCENARIOS
from tests.xapi.conftest import record_plays

HOME = "https://training.example.org"


def _scenario(name, rulebook):
    from game.core.checker import check_file

    checked = check_file(SCENARIOS / f"{name}.yaml", rulebook.ids)
    assert checked.ok
    return checked.scenario


def _statements(scenario, language="en", seed=1):
    session = Session(scenario, seed=seed)
    made = PlayStatements(scenario, "s1", language, agent("Ana", HOME, "s1"), 0, "solo", "h")
    found = []
    rng = __import__("random").Random(seed)
    while not session.ended:
        answer = POLICIES["random"](session, rng)
        scene = session.scene_id
        events = session.answer(answer)
        found.append(made.decision(len(found), scene, answer, events, 2.0, "2026-11-28T10:00:00+00:00"))
    return found, made, session


@pytest.mark.parametrize("name", ["coalition-clean-air", "campaign-voices"])
def test_every_decision_kind_has_its_interaction_type_and_the_scenario_is_the_parent(name, rulebook):
    scenario = _scenario(name, rulebook)
    for seed in range(4):
        statements, _made, _session = _statements(scenario, seed=seed)
        for s in statements:
            kind = scenario.scenes[s["object"]["id"].rsplit("/", 1)[1]].kind
            definition = s["object"]["definition"]
            assert definition["interactionType"] == {"choice": "choice", "event": "choice", "pick": "choice", "sequence": "sequencing"}.get(kind, "other")
            if kind in ("choice", "event"):
                assert {c["id"] for c in definition["choices"]} == {o.id for o in scenario.scenes[s["object"]["id"].rsplit("/", 1)[1]].options}
            if kind == "sequence":
                assert definition["correctResponsesPattern"] == ["[,]".join(step.id for step in scenario.scenes[s["object"]["id"].rsplit("/", 1)[1]].steps)]
            parent = s["context"]["contextActivities"]["parent"]
            assert [p["id"] for p in parent] == [vocab.scenario_iri(scenario.id)] != [s["object"]["id"]]
            assert s["result"]["extensions"][vocab.EXTENSIONS["breaks"]] == sorted(s["result"]["extensions"][vocab.EXTENSIONS["breaks"]])


def test_a_choice_lists_the_options_the_handbook_counts_right(demo):
    statements, _made, _session = _statements(demo)
    first = statements[0]["object"]["definition"]
    assert first["correctResponsesPattern"] == ["write-strategy"]  # honours flow.before.strategy, breaks nothing


def test_names_are_in_the_session_language_with_the_language_the_text_is_written_in(demo):
    bg, _made, _s = _statements(demo, "bg")
    assert list(bg[0]["object"]["definition"]["name"]) == ["bg"] and re.search("[а-я]", bg[0]["object"]["definition"]["name"]["bg"])
    assert bg[0]["context"]["language"] == "bg"
    pl, _made, _s = _statements(demo, "pl")  # a language the scenario does not have (yet): English, tagged en
    assert set(pl[0]["object"]["definition"]["description"]) <= {"pl", "en"}
    tag = next(iter(pl[0]["object"]["definition"]["description"]))
    assert demo.scenes["strategy"].text.has(tag)


def test_the_end_is_completed_and_passed_or_failed_with_a_scaled_score(demo, rulebook):
    _st, made, session = _statements(demo)
    card = grade(demo, session, rulebook)
    ends = made.finished(card, 600.0, "2026-11-28T11:00:00+00:00")
    assert [e["verb"]["id"] for e in ends] == [vocab.VERBS["completed"], vocab.VERBS["passed" if card["overall"] >= 60 else "failed"]]
    assert ends[0]["result"]["score"]["scaled"] == round(card["overall"] / 100, 4) and ends[0]["result"]["completion"] is True
    assert ends[1]["result"]["success"] is (card["overall"] >= 60)
    assert ends[0]["object"]["id"] == vocab.scenario_iri(demo.id)


def test_a_player_is_pseudonymous_unless_they_agreed_to_give_an_email():
    assert agent("Maria  K", HOME, "s") == {"objectType": "Agent", "name": "Maria K", "account": {"homePage": HOME, "name": "maria k"}}
    assert agent("Maria", HOME, "s", "maria@example.org")["mbox"] == "mailto:maria@example.org"
    assert "name" not in agent(None, HOME, "s9") and agent(None, HOME, "s9")["account"]["name"] == "anonymous-s9"


def test_a_workshop_records_groups_with_their_members(tmp_path, demo, rulebook):
    store = ResultsStore(tmp_path / "r.sqlite3")
    w = Workshop(demo, rulebook, ["Eagles", "Storks"], seed=2, results=store, members=[["Ana", "Boris"], []], homepage=HOME)
    rng = __import__("random").Random(2)
    while not w.finished:
        w.answer(POLICIES["random"](w.session, rng))
    w.end()
    statements = store.statements([w.results_id])
    groups = {s["actor"]["name"]: s["actor"] for s in statements}
    assert groups["Eagles"]["objectType"] == "Group" and [m["account"]["name"] for m in groups["Eagles"]["member"]] == ["ana", "boris"]
    assert "member" not in groups["Storks"]
    assert sum(s["verb"]["id"] == vocab.VERBS["completed"] for s in statements) == 2
    assert store.session(w.results_id)["teams"][0]["members"] == json.dumps(["Ana", "Boris"])


def test_item_analysis_finds_options_nobody_picks_in_a_shipped_scenario(tmp_path, demo, rulebook):
    store = ResultsStore(tmp_path / "r.sqlite3")
    ids = record_plays(store, demo, rulebook, 40, seed=11)
    sessions = [store.session(i) for i in ids]
    rows = {r.scene: r for r in analyse(demo, plays_from_sessions(sessions, demo.id))}
    assert rows["strategy"].plays == 40
    shares = {o.id: o.share for o in rows["strategy"].options}
    assert abs(sum(shares.values()) - 1.0) < 1e-9
    right = next(o for o in rows["strategy"].options if o.correct)
    assert right.d is not None and right.d > 0  # the strong players choose the handbook's answer more often
    wrong = [o for o in rows["strategy"].options if not o.correct]
    assert all(o.d <= 0 for o in wrong)  # the weak choose the wrong ones as often or more
    # the same plays read back from their statements (as the LRS would give them) say the same
    statements = store.statements(ids)
    again = {r.scene: r for r in analyse(demo, plays_from_statements(statements, demo.id))}
    assert [(o.id, o.chosen) for o in again["strategy"].options] == [(o.id, o.chosen) for o in rows["strategy"].options]


def test_report_items_names_the_rare_options(tmp_path, demo, rulebook, capsys):
    from game.cli import main

    db = tmp_path / "r.sqlite3"
    store = ResultsStore(db)
    sid = store.start_session(demo.id, "h", "en")
    store.record_decision(sid, 0, 0, "strategy", {"choose": "wait"}, 1.0)
    assert main(["report", "--items", "demo-river-cleanup", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"write-strategy\s+0\.0 %.*right RARE", out) and re.search(r"wait\s+100\.0 %", out)


def test_docs_name_every_verb_activity_type_and_extension():
    page = (ROOT / "docs" / "xapi.md").read_text(encoding="utf-8")
    for iri in [*vocab.VERBS.values(), *vocab.ACTIVITY_TYPES.values(), *vocab.EXTENSIONS.values()]:
        assert iri in page, iri


def test_the_xapi_export_holds_the_statements_recorded_for_the_lrs(tmp_path, demo, rulebook):
    from game.cli import main

    db = tmp_path / "r.sqlite3"
    store = ResultsStore(db)
    ids = record_plays(store, demo, rulebook, 1, player="Ana", seed=8)
    assert main(["report", ids[0][:10], "--db", str(db), "--out", str(tmp_path / "out"), "--format", "xapi"]) == 0
    exported = json.loads(next((tmp_path / "out").glob("*.xapi.json")).read_text(encoding="utf-8"))
    assert exported == store.statements(ids)


def test_forgetting_a_member_takes_them_out_of_the_teams_unsent_statements(tmp_path, demo, rulebook):
    from game.cli import main

    db = tmp_path / "r.sqlite3"
    store = ResultsStore(db)
    w = Workshop(demo, rulebook, ["Eagles", "Storks"], seed=2, results=store, members=[["Ana", "Boris"], ["Vera"]], homepage=HOME)
    w.answer(POLICIES["random"](w.session, __import__("random").Random(1)))
    assert main(["forget", "ana", "--db", str(db)]) == 0
    first = ResultsStore(db).statements([w.results_id])[0]
    assert [m["name"] for m in first["actor"]["member"]] == ["Boris"]
    assert json.loads(ResultsStore(db).session(w.results_id)["teams"][0]["members"]) == ["Boris"]
